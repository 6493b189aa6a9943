/**
 * `npm run build`, from the project root: bundles every step once, with ncc, into dist/action.js
 * (with its source map and licences); makes that bundle load node:crypto on first use
 * (bundle-startup.js, for a faster start); then writes the small entry file of each step that an
 * action.yml names: it requires its step from action.js and calls it. Main and post are separate
 * files, so a post step is a post step whatever state the runner gives it.
 *
 * The bundle is CommonJS, though src/ is ES modules: Node starts an ES module entry through its
 * ESM loader, which first loads readline and the file watchers, for nothing the action uses. ncc's command line writes ESM for a "type": "module"
 * project, so its API is called here with esm: false, and dist/package.json says "commonjs".
 */
import ncc from '@vercel/ncc';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

// dist/<file> -> the export of src/action.ts it runs. A new entry is one line here.
const ENTRIES = {
  'index.js': 'main', // action.yml runs.main
  'post.js': 'post', // action.yml runs.post
  'retire.js': 'retire', // retire/action.yml runs.main
  'audit.js': 'audit', // audit/action.yml runs.main
};

const { code, map, assets } = await ncc(resolve('src/action.ts'), {
  esm: false,
  filename: 'action.js',
  sourceMap: true,
  sourceMapRegister: false,
  quiet: true,
});

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
writeFileSync('dist/action.js', code);
writeFileSync('dist/action.js.map', map);
// The chunks of what loads on first use (@actions/io, for a Windows step; proper-lockfile, for a
// self-hosted runner), with their maps.
for (const [name, { source }] of Object.entries(assets)) {
  if (name === 'action.js.map') continue;
  if (!/^\d+\.action\.js(\.map)?$/.test(name)) throw new Error(`ncc wrote ${name}, which this build does not expect`);
  writeFileSync(`dist/${name}`, source);
}
writeLicenses();
// Without it the project's "type": "module" would make Node read dist/*.js as ES modules.
writeFileSync('dist/package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);

execFileSync(process.execPath, ['scripts/bundle-startup.js', 'dist/action.js'], { stdio: 'inherit' });

for (const [file, step] of Object.entries(ENTRIES)) {
  writeFileSync(`dist/${file}`, `// The ${step} step (written by build.js).\nrequire('./action.js').${step}();\n`);
}
for (const file of readdirSync('dist').filter((name) => name.endsWith('.js'))) {
  console.log(`${(statSync(`dist/${file}`).size / 1024).toFixed(1).padStart(7)} KiB  dist/${file}`);
}

/**
 * dist/licenses.txt: the licence of every package with code in dist/, the bundle and its chunks,
 * read from their source maps. (ncc's own --license writes one file per chunk under the same
 * name, so that the last chunk's list would be the only one left.)
 */
function writeLicenses() {
  const packages = new Set();
  for (const map of readdirSync('dist').filter((name) => name.endsWith('.js.map'))) {
    for (const source of JSON.parse(readFileSync(`dist/${map}`, 'utf8')).sources) {
      const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
      if (name) packages.add(name);
    }
  }
  const entries = [...packages].sort().map((name) => {
    const dir = `node_modules/${name}`;
    const { license } = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
    const file = readdirSync(dir).find((entry) => /^licen[cs]e(\.md|\.txt)?$/i.test(entry));
    if (!license || !file) throw new Error(`${name} is bundled, but its licence or licence file was not found`);
    return `${name}\n${license}\n${readFileSync(`${dir}/${file}`, 'utf8').trim()}\n`;
  });
  writeFileSync('dist/licenses.txt', entries.join('\n'));
}
