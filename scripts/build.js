/**
 * `npm run build`, from the project root: bundles every step once, with ncc, into dist/action.js
 * (with its source map and licences); changes how that bundle loads Node's built-ins
 * (bundle-startup.js, for a faster start); then writes the small entry file of each step that an
 * action.yml names: it imports its step from action.js and calls it. Main and post are separate
 * files, so a post step is a post step whatever state the runner gives it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

// dist/<file> -> the export of src/action.ts it runs. A new entry is one line here.
const ENTRIES = {
  'index.js': 'main', // action.yml runs.main
  'post.js': 'post', // action.yml runs.post
  'retire.js': 'retire', // retire/action.yml runs.main
};

rmSync('dist', { recursive: true, force: true });
const ncc = ['src/action.ts', '-o', 'dist', '--source-map', '--no-source-map-register', '--license', '[name].licenses.txt'];
execFileSync('node_modules/.bin/ncc', ['build', ...ncc], { stdio: 'inherit' });
renameSync('dist/main.licenses.txt', 'dist/licenses.txt');

// ncc names its output index.js; the bundle is action.js, and index.js is the main step's entry.
renameSync('dist/index.js.map', 'dist/action.js.map');
const map = JSON.parse(readFileSync('dist/action.js.map', 'utf8'));
writeFileSync('dist/action.js.map', JSON.stringify({ ...map, file: 'action.js' }));
const code = readFileSync('dist/index.js', 'utf8');
writeFileSync('dist/action.js', code.replace(/\/\/# sourceMappingURL=index\.js\.map\s*$/, '//# sourceMappingURL=action.js.map'));
rmSync('dist/index.js');

execFileSync(process.execPath, ['scripts/bundle-startup.js', 'dist'], { stdio: 'inherit' });

for (const [file, step] of Object.entries(ENTRIES)) {
  writeFileSync(`dist/${file}`, `// The ${step} step (written by build.js).\nimport { ${step} } from './action.js';\nvoid ${step}();\n`);
}
