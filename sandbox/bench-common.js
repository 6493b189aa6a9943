/**
 * What the modes of `npm run bench` (bench.js) share: the bench itself (the node to run, the
 * rounds, the action's entries and their floors, one Deepgram API sandbox, a DOCKER_CONFIG for each
 * side, the problems found), how a step is run for the action or its floor, the order of paired
 * rounds, the statistics, the printing of figures, and the result file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeWorkdir, ROOT } from './runner.js';
import { SANDBOX_API_KEY, SANDBOX_PROJECT_ID, startSandbox } from './server.js';

/** Where results, probes' outputs and profiles go (git ignores it). */
export const OUT = join(ROOT, '.bench');
/** The fastest honest program for each step's job, run in its place (floor-main.cjs says how). */
export const FLOOR = { main: join(ROOT, 'sandbox', 'floor-main.cjs'), post: join(ROOT, 'sandbox', 'floor-post.cjs') };

/**
 * @typedef {object} Bench
 * @property {string} node the node binary that runs each step
 * @property {string} nodeVersion its `--version`
 * @property {number} runs rounds per series
 * @property {{ main: string, post: string }} entry the action's entries, from its action.yml
 * @property {import('./server.js').Sandbox} sandbox
 * @property {string[]} problems what went wrong: the figures do not count when there is any
 * @property {(who: 'action' | 'floor', step: 'main' | 'post') => import('./runner.js').RunOptions} runOptions
 * @property {() => Promise<void>} close
 */

/**
 * Starts the sandbox and the two sides' workdirs. Close it when done.
 * @returns {Promise<Bench>}
 */
export async function openBench({ node, nodeVersion, runs, entry }) {
  const sandbox = await startSandbox({ quiet: true });
  // Each side has its own DOCKER_CONFIG, so neither logs in over, or out of, the other's login.
  const workdirs = { action: makeWorkdir('dg-bench-action-'), floor: makeWorkdir('dg-bench-floor-') };
  return {
    node,
    nodeVersion,
    runs,
    entry,
    sandbox,
    problems: [],
    /** How the runner would run `step` for `who`: the bundle, or the floor script in its place. */
    runOptions: (who, step) => ({
      workdir: workdirs[who].path,
      node,
      entry: who === 'floor' ? FLOOR[step] : entry[step],
      inputs: { 'api-key': SANDBOX_API_KEY, 'project-id': SANDBOX_PROJECT_ID, 'api-url': sandbox.url, registry: sandbox.registryHost },
    }),
    async close() {
      await sandbox.close();
      workdirs.action.remove();
      workdirs.floor.remove();
    },
  };
}

/** Round i's order: the action first in even rounds, its floor first in odd ones. */
export const orderOf = (i) => (i % 2 === 0 ? ['action', 'floor'] : ['floor', 'action']);

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), samples };
}

export const ms = (value) => `${value.toFixed(1).padStart(6)} ms`;
export const kib = (bytes) => `${(bytes / 1024).toFixed(1).padStart(8)} KiB`;
export const row = (label, s) => `  ${label.padEnd(30)} median ${ms(s.median)}   min ${ms(s.min)}   max ${ms(s.max)}`;

/** Writes every sample to .bench/result-node<major>.json; lists the problems, which fail the run. */
export function writeResult(bench, result) {
  mkdirSync(OUT, { recursive: true });
  const resultFile = `result-node${bench.nodeVersion.slice(1).split('.')[0]}.json`;
  writeFileSync(join(OUT, resultFile), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nevery sample: .bench/${resultFile}`);
  if (bench.problems.length > 0) {
    console.error(`\n${bench.problems.length} problem(s), the figures above do not count:\n  ${bench.problems.join('\n  ')}`);
    process.exitCode = 1;
  }
}
