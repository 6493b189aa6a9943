/**
 * `npm run bench -- --versus DIR`: what this build saves each step against another copy of the
 * action (DIR holds its action.yml and dist/): a build without one start-up optimisation, to decide
 * whether it stays (it must save at least 3 ms a step, CONTRIBUTING.md), or an earlier release.
 *
 * N paired rounds after one untimed round, the order of the two builds alternating: each round runs
 * main then post of one build, then of the other, against the same sandbox and the real docker CLI,
 * each build with its own DOCKER_CONFIG. Prints each side's medians and the median of the rounds'
 * differences (the other build's time less this one's: positive is what this build saves), which
 * shares each moment's load as the ratios of the default mode do; and the same for each step's own
 * CPU time (user and system, sandbox/usage-probe.cjs), which load from other processes barely moves:
 * on a busy machine it shows what a saving of a few milliseconds of start-up work is when the wall
 * times cannot.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ms, row, stats } from './bench-common.js';
import { makeWorkdir, ROOT, runStep } from './runner.js';
import { SANDBOX_API_KEY, SANDBOX_PROJECT_ID } from './server.js';

/**
 * @param {import('./bench-common.js').Bench} bench
 * @param {{ main: string, post: string }} otherEntry the other build's entries, from its action.yml
 */
export async function versus(bench, otherEntry) {
  const sides = {
    this: { entry: bench.entry, workdir: makeWorkdir('dg-bench-this-') },
    other: { entry: otherEntry, workdir: makeWorkdir('dg-bench-other-') },
  };
  console.log(`\nthis build against ${relative(ROOT, otherEntry.main)} and its post, ${bench.runs} paired rounds`);
  const samples = {};
  const add = (label, value) => (samples[label] ??= []).push(value);
  try {
    await useOnce(bench, sides.this);
    await useOnce(bench, sides.other);
    for (let i = 0; i < bench.runs; i++) {
      for (const name of i % 2 === 0 ? ['this', 'other'] : ['other', 'this']) {
        const times = await useOnce(bench, sides[name]);
        for (const step of ['main', 'post']) {
          add(`${name} ${step} wall`, times[step].wallMs);
          add(`${name} ${step} cpu`, times[step].cpuMs);
        }
      }
    }
  } finally {
    sides.this.workdir.remove();
    sides.other.workdir.remove();
  }
  const result = {};
  for (const step of ['main', 'post']) {
    console.log(`${step} step`);
    result[step] = {};
    for (const kind of ['wall', 'cpu']) {
      const mine = stats(samples[`this ${step} ${kind}`]);
      const theirs = stats(samples[`other ${step} ${kind}`]);
      const saved = stats(theirs.samples.map((other, i) => other - mine.samples[i]));
      console.log(row(`this build, ${kind} time`, mine));
      console.log(row(`the other build, ${kind} time`, theirs));
      console.log(
        `  saved by this build (median of the rounds' differences) ${ms(saved.median)}, min ${ms(saved.min)}, max ${ms(saved.max)}`,
      );
      result[step][kind] = { this: mine, other: theirs, saved };
    }
  }
  return result;
}

/** One use of the action in a job, main then post with main's state; each step's wall and CPU time. */
async function useOnce(bench, side) {
  const usageOut = join(side.workdir.path, 'usage.json');
  const options = (step) => ({
    workdir: side.workdir.path,
    node: bench.node,
    step,
    entry: side.entry[step],
    nodeArgs: ['--require', join(ROOT, 'sandbox', 'usage-probe.cjs')],
    env: { USAGE_OUT: usageOut },
    inputs: {
      'api-key': SANDBOX_API_KEY,
      'project-id': SANDBOX_PROJECT_ID,
      'api-url': bench.sandbox.url,
      registry: bench.sandbox.registryHost,
    },
  });
  const cpuMs = () => JSON.parse(readFileSync(usageOut, 'utf8')).cpuMs;
  const main = await runStep(options('main'));
  const mainCpuMs = cpuMs();
  const post = await runStep(options('post'), main.state);
  for (const [step, result] of [
    ['main', main],
    ['post', post],
  ]) {
    if (result.exitCode !== 0) bench.problems.push(`${relative(ROOT, side.entry[step])} exited ${result.exitCode}`);
    else if (result.warnings.length > 0) bench.problems.push(`${relative(ROOT, side.entry[step])} printed Node warnings`);
  }
  return { main: { wallMs: main.elapsedMs, cpuMs: mainCpuMs }, post: { wallMs: post.elapsedMs, cpuMs: cpuMs() } };
}
