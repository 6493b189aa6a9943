/**
 * `npm run bench -- --scale`: the scale cases of docs/performance-at-scale.md, each on sandboxes of
 * its own. Post steps in a project of 20,000 sets, their peak memory and CPU (sandbox/usage-probe.cjs)
 * beside an empty project's; then jobs in a project of 5,000 with 500 stale job sets, the API
 * answering every request after 100 ms, until none is left: each post's time and warnings, and how
 * many jobs it took.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ms, OUT, stats } from './bench-common.js';
import { makeWorkdir, ROOT, runStep } from './runner.js';
import { SANDBOX_API_KEY, SANDBOX_PROJECT_ID, startSandbox } from './server.js';

/**
 * The scale case. Its targets (issue 15): 20,000 sets listed and classified with a peak RSS under
 * 200 MB and under 1 s of CPU for it (the post step's CPU over an empty project's); a post with 500
 * stale job sets in a project of 5,000, the API answering after 100 ms, ends within 15 s with at
 * most 2 warnings; 500 stale sets are gone after at most 3 jobs.
 * @param {import('./bench-common.js').Bench} bench
 */
export async function scale(bench) {
  const TARGETS = { rssMb: 200, listCpuMs: 1000, postMs: 15_000, warnings: 2, jobs: 3 };
  const DAY = 86_400_000;
  const ago = (ms) => new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const tag = (n, suffix) => `GitHub Actions: o/r / ci run ${n} attempt 1 [dg-action:${n.toString(16).padStart(12, '0')}${suffix}]`;
  /** Sets of people, kept sets and recent job sets, none of them old enough to prune. */
  const seedOthers = (api, from, to) => {
    for (let i = from; i < to; i++) {
      const comment = i % 3 === 0 ? `pull secret for cluster ${i}` : tag(i, i % 3 === 1 ? ' kept' : ' job');
      api.issue(undefined, { comment, created: ago(i % 3 === 2 ? DAY : 90 * DAY) });
    }
  };
  const usageOut = join(OUT, 'usage.json');
  const work = makeWorkdir('dg-bench-scale-');
  const options = (api, step) => ({
    workdir: work.path,
    node: bench.node,
    entry: bench.entry[step],
    inputs: { 'api-key': SANDBOX_API_KEY, 'project-id': SANDBOX_PROJECT_ID, 'api-url': api.url, login: 'false' },
  });
  const warningsOf = (log) => log.split('\n').filter((line) => line.startsWith('::warning::')).length;
  const runs = Math.min(bench.runs, 5);
  const out = {};
  try {
    // 1. Listing: post steps over 20,000 sets and over none, one after the other.
    const usage = { big: [], empty: [] };
    const projects = { big: await startSandbox({ quiet: true }), empty: await startSandbox({ quiet: true }) };
    try {
      seedOthers(projects.big, 0, 20_000);
      for (let i = 0; i < runs; i++) {
        for (const which of i % 2 ? ['empty', 'big'] : ['big', 'empty']) {
          const api = projects[which];
          const main = await runStep(options(api, 'main'));
          rmSync(usageOut, { force: true });
          const post = await runStep(
            { ...options(api, 'post'), nodeArgs: ['--require', join(ROOT, 'sandbox', 'usage-probe.cjs')], env: { USAGE_OUT: usageOut } },
            main.state,
          );
          if (main.exitCode !== 0 || post.exitCode !== 0 || warningsOf(post.log) > 0) {
            const said = post.log.split('\n').find((line) => line.startsWith('::warning::')) ?? post.log.trim().split('\n').at(-1);
            bench.problems.push(`scale: a post over ${which === 'big' ? '20,000 sets' : 'none'} failed or warned: ${said}`);
          }
          usage[which].push(JSON.parse(readFileSync(usageOut, 'utf8')));
        }
      }
      if (projects.big.credentials().length !== 20_000) bench.problems.push('scale: the project of 20,000 sets changed size');
    } finally {
      await projects.big.close();
      await projects.empty.close();
    }
    const med = (list, key) => stats(list.map((u) => u[key])).median;
    out.list = {
      sets: 20_000,
      runs,
      rssMb: { big: med(usage.big, 'maxRssBytes') / 1e6, empty: med(usage.empty, 'maxRssBytes') / 1e6 },
      cpuMs: { big: med(usage.big, 'cpuMs'), empty: med(usage.empty, 'cpuMs') },
      samples: usage,
    };
    const listCpu = out.list.cpuMs.big - out.list.cpuMs.empty;
    const verdict = (ok) => (ok ? 'within' : 'ABOVE');
    console.log(`\nscale: a post step over 20,000 sets, and over none (medians of ${runs})`);
    console.log(
      `  peak RSS       ${out.list.rssMb.big.toFixed(1).padStart(7)} MB  (empty project ${out.list.rssMb.empty.toFixed(1)} MB)   ${verdict(out.list.rssMb.big < TARGETS.rssMb)} the target of ${TARGETS.rssMb} MB`,
    );
    console.log(`  CPU (user+sys) ${ms(out.list.cpuMs.big)}  (empty project ${out.list.cpuMs.empty.toFixed(1)} ms)`);
    console.log(
      `  CPU for listing and classifying 20,000 sets: ${listCpu.toFixed(1)} ms   ${verdict(listCpu < TARGETS.listCpuMs)} the target of ${TARGETS.listCpuMs} ms`,
    );

    // 2. A backlog: jobs until none of 500 stale job sets is left, the API slow.
    const api = await startSandbox({ quiet: true });
    const jobs = [];
    try {
      for (let i = 0; i < 500; i++) api.issue(undefined, { comment: tag(i, ' job'), created: ago(60 * DAY - i * 60_000) });
      seedOthers(api, 500, 5_000);
      api.addFault({ op: '*', delayMs: 100, times: 0 });
      const stale = () => api.credentials().filter((c) => c.created < ago(5 * DAY) && / job\]$/.test(c.comment)).length;
      while (stale() > 0 && jobs.length < 5) {
        const before = stale();
        const main = await runStep(options(api, 'main'));
        const post = await runStep(options(api, 'post'), main.state);
        if (main.exitCode !== 0 || post.exitCode !== 0)
          bench.problems.push(`scale: job ${jobs.length + 1} failed: ${post.log.trim().split('\n').at(-1)}`);
        jobs.push({ postMs: post.elapsedMs, warnings: warningsOf(post.log), pruned: before - stale(), left: stale() });
      }
    } finally {
      await api.close();
    }
    out.backlog = { project: 5_000, stale: 500, apiDelayMs: 100, jobs };
    console.log('\nscale: 500 stale job sets in a project of 5,000, every API answer after 100 ms: one job after another');
    for (const [i, job] of jobs.entries()) {
      console.log(
        `  job ${i + 1}: post ${ms(job.postMs)}   ${verdict(job.postMs <= TARGETS.postMs)} ${TARGETS.postMs / 1000} s;` +
          `  ${job.warnings} warning(s)   ${verdict(job.warnings <= TARGETS.warnings)} ${TARGETS.warnings};  pruned ${job.pruned}, ${job.left} left`,
      );
    }
    const cleared = jobs.findIndex((job) => job.left === 0) + 1;
    console.log(
      `  none left after ${cleared || 'more than 5'} job(s)   ${verdict(cleared > 0 && cleared <= TARGETS.jobs)} the target of ${TARGETS.jobs}`,
    );
  } finally {
    work.remove();
  }
  return out;
}
