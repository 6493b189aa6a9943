/**
 * `npm run bench`'s audit scale case: the audit action (audit/action.yml's runs.main, the built
 * bundle) on a sandbox project of 20,000 sets, run as the runner runs it. Targets: the step ends
 * within 2 s of the list answer, and its peak RSS stays under 200 MB.
 *
 * The time is measured from the list request's arrival at the sandbox to the step's exit, so it
 * holds the sandbox building and sending the 6 MB answer too: a bound on the time from the answer
 * arriving, never less than it. The peak RSS comes from the step itself (sandbox/rss-probe.cjs).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeWorkdir, ROOT, runStep } from './runner.js';
import { SANDBOX_API_KEY, SANDBOX_PROJECT_ID, startSandbox } from './server.js';

export const AUDIT_SETS = 20_000;
const TARGET_MS = 2_000;
const TARGET_RSS_MB = 200;

/**
 * Runs the case `runs` times on `node`; prints its figures and returns them. A run that does not
 * audit every set is pushed onto `problems`.
 */
export async function auditScale({ node, runs, problems }) {
  const sandbox = await startSandbox({ quiet: true });
  const workdir = makeWorkdir('dg-bench-audit-');
  const rssFile = join(workdir.path, 'rss');
  const samples = { afterListMs: [], peakRssMb: [], elapsedMs: [] };
  try {
    seed(sandbox);
    for (let i = 0; i < runs; i++) {
      sandbox.clearRequests();
      rmSync(rssFile, { force: true });
      const step = await runStep({
        workdir: workdir.path,
        node,
        action: join(ROOT, 'audit', 'action.yml'),
        entry: join(ROOT, 'dist', 'audit.js'),
        inputs: { 'api-key': SANDBOX_API_KEY, 'project-id': SANDBOX_PROJECT_ID, 'api-url': sandbox.url },
        nodeArgs: ['--require', join(ROOT, 'sandbox', 'rss-probe.cjs')],
        env: { RSS_OUT: rssFile },
      });
      const exitedAt = Date.now();
      const list = sandbox.requests.find((r) => r.op === 'list');
      const audited = /^Audited (\d+) set/m.exec(step.log)?.[1];
      if (step.exitCode !== 0 || audited !== String(AUDIT_SETS) || !list) {
        problems.push(`audit of ${AUDIT_SETS} sets exited ${step.exitCode}: ${step.log.trim().split('\n').slice(-1)[0]}`);
        continue;
      }
      samples.afterListMs.push(exitedAt - list.at);
      samples.elapsedMs.push(step.elapsedMs);
      samples.peakRssMb.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
    }
  } finally {
    await sandbox.close();
    workdir.remove();
  }
  if (samples.afterListMs.length === 0) return { sets: AUDIT_SETS, runs, samples };
  const after = summary(samples.afterListMs);
  const rss = summary(samples.peakRssMb);
  console.log(`audit scale case (${AUDIT_SETS} sets in one list answer, ${samples.afterListMs.length} runs)`);
  console.log(
    `  list request at the sandbox -> step exit   median ${fmt(after.median)} ms   max ${fmt(after.max)} ms   ${verdict(after.max, TARGET_MS)} ${TARGET_MS} ms`,
  );
  console.log(
    `  peak RSS of the step                       median ${fmt(rss.median)} MB   max ${fmt(rss.max)} MB   ${verdict(rss.max, TARGET_RSS_MB)} ${TARGET_RSS_MB} MB`,
  );
  console.log(`  whole step, spawn to exit                  median ${fmt(summary(samples.elapsedMs).median)} ms\n`);
  return { sets: AUDIT_SETS, runs, afterListMs: after, peakRssMb: rss, targets: { ms: TARGET_MS, rssMb: TARGET_RSS_MB }, samples };
}

/** A project as years leave it, at scale: job sets young and old, kept sets under names, 1.0.0's sets, sets made by hand. */
function seed(sandbox) {
  const now = Date.now();
  const kinds = [' job', ' job', ' kept', ' keep=prod-pull-secret', '', null];
  for (let i = 0; i < AUDIT_SETS; i++) {
    const kind = kinds[i % kinds.length];
    const tag = kind === null ? '' : ` [dg-action:${(0x100000000000 + i).toString(16).slice(-12)}${kind}]`;
    const comment = `GitHub Actions: octo-org/release-pipeline / nightly build and push run ${100_000 + i} attempt 1${tag}`;
    const created = new Date(now - ((i % 400) + 0.5) * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    sandbox.issue(SANDBOX_PROJECT_ID, { comment, created, email: `member-${i % 37}@example.com` });
  }
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) };
}

const fmt = (value) => value.toFixed(0).padStart(5);
const verdict = (value, target) => (value <= target ? 'within' : 'ABOVE');
