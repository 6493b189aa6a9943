/**
 * `npm run demo`: the action end to end on this machine, as a workflow job would run it. Starts
 * the Deepgram API sandbox on loopback, runs the built bundle's main step (create credentials,
 * docker login to the sandbox's registry endpoint), then its post step (revoke, docker logout),
 * and prints what the workflow log would show, with masked values as ***. It ends with the audit
 * action's weekly review of the project (audit/action.yml), once the project holds what a project
 * that has lived a while does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeWorkdir, maskedLog, ROOT, runStep } from './runner.js';
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

/**
 * The audit action, as a weekly workflow runs it (audit/README.md), on the project once it holds
 * what years of use leave: a job's set in use, one a lost runner left, a pull secret in service and
 * the one it replaced, 1.0.0's set, and one a person made. True when it found exactly those.
 */
async function auditDemo(inputs) {
  const ago = (days) => new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const seeded = [
    ['GitHub Actions: octo-org/release-pipeline / release run 4250 attempt 1 [dg-action:3c9e0b7a5d21 job]', 0.01, 'ci-bot@example.com'],
    ['GitHub Actions: octo-org/release-pipeline / nightly run 4188 attempt 1 [dg-action:8f2d6a1c0e97 job]', 9, 'ci-bot@example.com'],
    ['prod pull secret [dg-action:51b7e2c09a3f keep=prod-pull-secret]', 20, 'release@example.com'],
    ['prod pull secret [dg-action:0d4a9c7e2b18 keep=prod-pull-secret]', 120, 'release@example.com'],
    ['GitHub Actions: octo-org/release-pipeline / release run 97 attempt 1 [dg-action:6e1f3b8d2c40]', 400, 'ci-bot@example.com'],
    ['trial, made in the console', 700, 'someone@example.com'],
  ];
  for (const [comment, days, email] of seeded) sandbox.issue(SANDBOX_PROJECT_ID, { comment, created: ago(days), email });

  heading('audit (uses: deepgram/self-hosted-login-action/audit@v2, weekly)');
  console.log(`  The project now holds ${seeded.length} set(s), as one that has lived a while does.`);
  console.log('  with: fail-on: superseded,stale-kept   max-kept-age: 90d\n');
  const audit = await runStep({
    workdir: workdir.path,
    action: join(ROOT, 'audit', 'action.yml'),
    entry: join(ROOT, 'dist', 'audit.js'),
    inputs: { ...inputs, 'fail-on': 'superseded,stale-kept', 'max-kept-age': '90d' },
  });
  console.log(render(audit));
  console.log(`  exit code ${audit.exitCode} (the step fails: the project holds sets it should not)`);
  heading("audit's job summary");
  console.log(summaryText(audit.summary).replace(/^(?=.)/gm, '  '));
  const expected = {
    job: '1',
    orphaned: '1',
    'in-service': '1',
    superseded: '1',
    legacy: '1',
    untagged: '1',
    'stale-kept': '1',
    findings: '1',
  };
  const found = Object.entries(expected).every(([name, count]) => audit.outputs[name] === count);
  if (audit.warnings.length > 0) console.log(`\nNode printed warnings in the audit:\n  ${audit.warnings.join('\n  ')}`);
  return audit.exitCode === 1 && found && audit.warnings.length === 0;
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

  heading('main step (uses: deepgram/self-hosted-login-action@v2)');
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
  const audited = await auditDemo(options.inputs);
  failed = main.exitCode !== 0 || post.exitCode !== 0 || left.length !== 0 || warnings.length > 0 || !audited;
  console.log(
    failed
      ? '\nDemo FAILED (see above).'
      : '\nDemo finished: credentials created, used, revoked, nothing left behind; the audit found what the project held.',
  );
} finally {
  workdir.remove();
  await sandbox.close();
}
process.exitCode = failed ? 1 : 0;
