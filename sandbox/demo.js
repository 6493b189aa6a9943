/**
 * `npm run demo`: the action end to end on this machine, as a workflow job would run it. Starts
 * the Deepgram API sandbox on loopback, runs the built bundle's main step (create credentials,
 * docker login to the sandbox's registry endpoint), then its post step (revoke, docker logout),
 * and prints what the workflow log would show, with masked values as ***.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeWorkdir, maskedLog, runStep } from './runner.js';
import { SANDBOX_API_KEY, SANDBOX_PROJECT_ID, startSandbox } from './server.js';

const SUMMARY_COPY = join(tmpdir(), 'dg-action-demo-summary.html');

const hasDocker = (() => {
  try {
    execFileSync('docker', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** GitHub renders workflow commands; show them the way its log viewer does. */
function render(result) {
  return maskedLog(result)
    .split('\n')
    .filter((line) => line !== '::endgroup::' && !line.startsWith('::save-state') && line.trim() !== '')
    .map((line) =>
      line
        .replace(/^::group::/, '▸ ')
        .replace(/^::warning::/, 'Warning: ')
        .replace(/^::error::/, 'Error: ')
        .replace(/^::debug::/, '##[debug]'),
    )
    .map((line) => `  | ${line}`)
    .join('\n');
}

/**
 * The job summary as a person sees it on the run's page: tables with their columns aligned, a
 * line break where the HTML has one, and every other tag's text kept, so nothing is dropped.
 */
function summaryText(html) {
  const entities = { lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' };
  const text = (fragment) =>
    fragment
      .replace(/<br\s*\/?>|<\/(h\d|p|li|ul|ol|div)>/g, '\n')
      .replace(/<li>/g, '- ')
      .replace(/<[^>]*>/g, '')
      .replace(/&(lt|gt|quot|#39|amp);/g, (_, name) => entities[name]);
  const table = (body) => {
    const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...row.matchAll(/<t([hd])[^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, kind, cell]) => ({
        header: kind === 'h',
        lines: text(cell).split('\n'),
      })),
    );
    const widths = [];
    for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, ...cell.lines.map((line) => line.length))));
    const out = [];
    for (const row of rows) {
      const height = Math.max(...row.map((cell) => cell.lines.length));
      for (let l = 0; l < height; l++)
        out.push(
          row
            .map((cell, i) => (cell.lines[l] ?? '').padEnd(widths[i]))
            .join('   ')
            .trimEnd(),
        );
      if (row.every((cell) => cell.header)) out.push(widths.map((width) => '-'.repeat(width)).join('   '));
    }
    return `\n${out.join('\n')}\n`;
  };
  return text(html.replace(/<table>([\s\S]*?)<\/table>/g, (_, body) => table(body)))
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function heading(text) {
  console.log(`\n=== ${text} ===`);
}

const sandbox = await startSandbox();
const workdir = makeWorkdir('dg-action-demo-');
let failed;
try {
  const options = {
    workdir: workdir.path,
    inputs: {
      'api-key': SANDBOX_API_KEY,
      'project-id': SANDBOX_PROJECT_ID,
      'api-url': sandbox.url,
      // The sandbox answers a registry's /v2/ login challenge for the credentials it issued.
      registry: sandbox.registryHost,
      login: String(hasDocker),
    },
  };
  console.log(`Deepgram API sandbox on ${sandbox.url}; registry endpoint ${sandbox.registryHost}.`);
  if (!hasDocker) console.log('No docker CLI on PATH: running with login: false.');

  heading('main step (uses: deepgram/self-hosted-login-action@v1)');
  const main = await runStep(options);
  console.log(render(main));
  console.log(`  exit code ${main.exitCode}`);
  heading('step outputs (as later steps see them; the log shows *** for masked ones)');
  for (const [name, value] of Object.entries(main.outputs)) {
    const masked = main.masks.some((mask) => mask && value.includes(mask));
    console.log(`  ${name}: ${masked ? '*** (masked)' : value}`);
  }
  heading("job summary (as the run's summary page shows it)");
  console.log(summaryText(main.summary).replace(/^(?=.)/gm, '  '));
  // The HTML itself goes to the file GITHUB_STEP_SUMMARY names, which the runner publishes; the
  // demo's folder is removed at the end, so keep a copy where a browser can open it.
  writeFileSync(SUMMARY_COPY, main.summary);
  console.log(`\n  The step wrote this as HTML to the file in GITHUB_STEP_SUMMARY; a copy is in ${SUMMARY_COPY}.`);
  const live = sandbox.credentials(SANDBOX_PROJECT_ID);
  console.log(`\nThe project now holds ${live.length} set(s) of distribution credentials: ${live.map((c) => c.comment).join('; ')}`);
  const dockerConfig = join(workdir.path, 'docker', 'config.json');
  if (existsSync(dockerConfig)) {
    const auths = Object.keys(JSON.parse(readFileSync(dockerConfig, 'utf8')).auths ?? {});
    console.log(`docker config (${dockerConfig}) has logins for: ${auths.join(', ') || 'none'}`);
  }

  heading('post step (job end)');
  const post = await runStep(options, main.state);
  console.log(render(post));
  console.log(`  exit code ${post.exitCode}`);
  const left = sandbox.credentials(SANDBOX_PROJECT_ID);
  console.log(`\nAfter the job, the project holds ${left.length} set(s) of credentials.`);
  if (existsSync(dockerConfig)) {
    const auths = Object.keys(JSON.parse(readFileSync(dockerConfig, 'utf8')).auths ?? {});
    console.log(`docker config has logins for: ${auths.join(', ') || 'none'}`);
  }
  // The steps run on ACTION_NODE when it is set (Node 24 in CI); a Node warning in them is a failure.
  const warnings = [...main.warnings, ...post.warnings];
  if (warnings.length > 0) console.log(`\nNode printed warnings in the steps:\n  ${warnings.join('\n  ')}`);
  failed = main.exitCode !== 0 || post.exitCode !== 0 || left.length !== 0 || warnings.length > 0;
  console.log(failed ? '\nDemo FAILED (see above).' : '\nDemo finished: credentials created, used, revoked; nothing left behind.');
} finally {
  workdir.remove();
  await sandbox.close();
}
process.exitCode = failed ? 1 : 0;
