/**
 * `npm run bench`: what this action costs a job, measured side by side with the floor of what it
 * does, in one process tree on this machine.
 *
 * On Node 24, the runtime action.yml declares (sandbox/node24.js installs it on first use), or on
 * this machine's Node 20 on request. N paired rounds (default 15), interleaved, the order of action
 * and floor alternating every round:
 *   - the main step of the built bundle (action.yml's runs.main), run exactly as the runner runs it
 *     (sandbox/runner.js), against the Deepgram API sandbox on 127.0.0.1, logging the real docker
 *     CLI in to it;
 *   - the main floor, sandbox/floor-main.cjs: one Node process that saves the same state, sends the
 *     same create request, sets the outputs and runs the same `docker login --password-stdin`
 *     (spawnSync, then process.exit: the fastest honest way), and nothing else, in the same
 *     environment;
 *   - the post step (runs.post), and its floor sandbox/floor-post.cjs: the same delete beside the same
 *     `docker logout`.
 * Then N load-only runs of the main entry (`node dist/index.js` with no inputs, which fails
 * validation and must send nothing) beside N runs of `node -e 0`, and the bundle's files. Then the
 * audit's scale case (sandbox/bench-audit.js): the audit action on a project of 20,000 sets, up to
 * 5 runs, its time from the list to its exit and its peak RSS against their targets.
 *
 * Prints median, min and max of each series, the ratio of the medians and the median of the
 * rounds' ratios (the target applies to this one), and where each step's time goes as the sandbox
 * sees it; writes every sample to .bench/result-node<major>.json. One untimed
 * round first.
 *
 *   npm run bench [-- --runs N] [-- --node 20] [-- --phases] [-- --profile] [-- --scale] [-- --root DIR] [-- --versus DIR]   (BENCH_RUNS=N too)
 *     --node     24 (default), 20 (this machine's node, if it is Node 20), or the path of a node
 *     --phases   also runs N more rounds with sandbox/phases-probe.cjs and prints, for each step and
 *                its floor, when each reached the points they share (performance.now() in the step)
 *     --profile  also runs one main step under --cpu-prof and prints where its CPU time goes
 *     --scale    also runs the scale case (docs/performance-at-scale.md): post steps in a project of
 *                20,000 sets, their peak memory and CPU beside an empty project's; then jobs in a
 *                project of 5,000 with 500 stale job sets, the API answering every request after
 *                100 ms, until none is left: each post's time and warnings, and how many jobs
 *     --versus   only compares this build's steps with another copy's (its action.yml and dist/), in
 *                paired rounds: what this build saves each step (bench-versus.js)
 *     --root     measures another copy of the action (its action.yml and dist/) in place of this
 *                one: an experiment, or an old release (`git archive <commit> action.yml dist`)
 *
 * The sandbox speaks plain HTTP (it is loopback and has no TLS), so "the same POST" is a plain
 * http POST to it, with the URL, query, headers and body the action sends; both sides pay the same. *
 * This file reads the arguments and runs the modes in that order, one module each:
 * bench-rounds.js (the paired rounds, load only, the bundle's files), bench-audit.js,
 * bench-phases.js, bench-profile.js and bench-scale.js; bench-common.js holds what they share (the
 * sandbox, how a step or its floor is run, statistics, printing, the result file).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { auditScale } from './bench-audit.js';
import { openBench, writeResult } from './bench-common.js';
import { phases } from './bench-phases.js';
import { profile } from './bench-profile.js';
import { pairedRounds } from './bench-rounds.js';
import { scale } from './bench-scale.js';
import { versus } from './bench-versus.js';
import { node24 } from './node24.js';
import { ROOT } from './runner.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', short: 'n' },
    profile: { type: 'boolean' },
    scale: { type: 'boolean' },
    phases: { type: 'boolean' },
    root: { type: 'string' },
    node: { type: 'string' },
    versus: { type: 'string' },
  },
});
const runs = Number(args.runs ?? process.env.BENCH_RUNS ?? 15);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not "${args.runs}"`);
const node = chooseNode(args.node ?? '24');
const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
const entry = actionEntries(resolve(args.root ?? ROOT));

/** --node 24: Node 24 from sandbox/node24.js; 20: this machine's node, if it is Node 20; else a path. */
function chooseNode(choice) {
  if (choice === '24') return node24();
  if (choice === '20') {
    if (!process.version.startsWith('v20.'))
      throw new Error(`--node 20: this machine's node is ${process.version}; pass the path of a Node 20`);
    return process.execPath;
  }
  return resolve(choice);
}

/** The entries the runner runs, from action.yml: main and post may be one file or two. */
function actionEntries(actionRoot) {
  const { runs: declared } = parse(readFileSync(join(actionRoot, 'action.yml'), 'utf8'));
  const found = { main: resolve(actionRoot, declared.main), post: resolve(actionRoot, declared.post) };
  for (const file of new Set(Object.values(found))) {
    if (!existsSync(file)) throw new Error(`${relative(ROOT, file)} is missing: run \`npm run build\` first.`);
  }
  return found;
}

const bench = await openBench({ node, nodeVersion, runs, entry });
let result;
try {
  // --versus: only the comparison of the two builds (bench-versus.js).
  if (args.versus) {
    const compared = await versus(bench, actionEntries(resolve(args.versus)));
    result = { node: nodeVersion, runs, date: new Date().toISOString(), versus: compared, problems: bench.problems };
  } else result = await allModes();
} finally {
  await bench.close();
}
writeResult(bench, result);

/** The default mode and those asked for: paired rounds against the floors, the audit's scale case, --phases, --profile, --scale. */
async function allModes() {
  const rounds = await pairedRounds(bench);
  const result = {
    node: nodeVersion,
    runs,
    date: new Date().toISOString(),
    entries: { main: relative(ROOT, entry.main), post: relative(ROOT, entry.post) },
    ...rounds,
    problems: bench.problems,
  };
  // Scale case: the audit action on a project of 20,000 sets (sandbox/bench-audit.js).
  result.auditScale = await auditScale({ node, runs: Math.min(runs, 5), problems: bench.problems });
  if (args.phases) result.inProcess = await phases(bench);
  if (args.profile) await profile(bench);
  if (args.scale) result.scale = await scale(bench);
  return result;
}
