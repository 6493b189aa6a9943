/**
 * `npm run bench -- --phases`: N more paired rounds with sandbox/phases-probe.cjs loaded into each
 * step and its floor, and, for each, when it reached the points they share (performance.now() in
 * the step, so from inside the process rather than as the sandbox sees it).
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ms, OUT, orderOf, stats } from './bench-common.js';
import { ROOT, runStep } from './runner.js';

/** The marks sandbox/phases-probe.cjs writes, in the order a step reaches them. */
const MARKS = [
  ['probe', "node's own start-up (to the probe)"],
  ['loaded', 'the bundle loaded'],
  ['request', 'the first API request handed to node:http'],
  ['spawn', 'the registry CLI spawned (the answer handled)'],
  ['close', 'the CLI done'],
  ['exit', 'the exit'],
];

/**
 * N more rounds with the phases probe; prints each phase's median for the action and its floor.
 * @param {import('./bench-common.js').Bench} bench
 */
export async function phases(bench) {
  const out = join(OUT, 'phases.json');
  mkdirSync(OUT, { recursive: true });
  const marks = {};
  const probed = async (who, step, state) => {
    rmSync(out, { force: true });
    const options = bench.runOptions(who, step);
    const run = await runStep(
      { ...options, nodeArgs: ['--require', join(ROOT, 'sandbox', 'phases-probe.cjs')], env: { PHASES_OUT: out } },
      state,
    );
    if (run.exitCode !== 0) bench.problems.push(`${who} ${step} with the phases probe exited ${run.exitCode}`);
    (marks[`${who} ${step}`] ??= []).push(JSON.parse(readFileSync(out, 'utf8')));
    return run;
  };
  for (let i = 0; i < bench.runs; i++) {
    const order = orderOf(i);
    const main = {};
    for (const who of order) main[who] = await probed(who, 'main', {});
    for (const who of order) {
      await probed(who, 'post', main[who].state);
    }
  }
  const result = {};
  console.log(`\nin each step (medians of ${bench.runs}, ms since the process started, then from the point before)`);
  for (const step of ['main', 'post']) {
    console.log(`  ${step} step${' '.repeat(48)}action      floor`);
    result[step] = {};
    for (const who of ['action', 'floor']) {
      const runs = marks[`${who} ${step}`];
      result[step][who] = Object.fromEntries(
        MARKS.map(([name]) => [name, runs.some((m) => name in m) ? stats(runs.map((m) => m[name])).median : undefined]),
      );
    }
    const previous = {};
    for (const [name, text] of MARKS) {
      // Each side from the point before that it reached (the floor loads no bundle).
      const cell = (who) => {
        const at = result[step][who][name];
        if (at === undefined) return '         -';
        const since = previous[who] ?? 0;
        previous[who] = at;
        return ms(at - since);
      };
      console.log(`    ${`-> ${text}`.padEnd(54)} ${cell('action')} ${cell('floor')}`);
    }
  }
  return result;
}
