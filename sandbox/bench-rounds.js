/**
 * `npm run bench`'s default mode: N paired rounds of the action's main and post steps beside their
 * floors (sandbox/floor-main.cjs, floor-post.cjs), one untimed round first; each step's time, the
 * ratio to its floor, and where the time goes as the sandbox sees it. Then N load-only runs of the
 * main entry (no inputs: it fails validation and must send nothing) beside `node -e 0`, and the
 * bundle's files with those loaded at start-up.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { orderOf, kib, ms, row, stats } from './bench-common.js';
import { ROOT, runStep } from './runner.js';

/** Each step's ratio to its floor (the median of the rounds' ratios) must stay within this. */
const TARGET = 1.2;

const PHASES = [
  ['to request', 'spawn -> the API request arrives'],
  ['to docker', "the API request -> docker's first registry request"],
  ['to exit', "the last request -> the step's exit"],
];

/**
 * Runs and prints the whole mode; returns its part of the result file.
 * @param {import('./bench-common.js').Bench} bench
 */
export async function pairedRounds(bench) {
  console.log(
    `node ${bench.nodeVersion} (${bench.node}); ${bench.runs} paired rounds, interleaved; Deepgram API sandbox and registry on ${bench.sandbox.url}`,
  );
  console.log('floors: the same plain-http POST / DELETE to the sandbox (URL, query, headers, body), and the same');
  console.log('        docker login --password-stdin (after the POST) / docker logout (beside the DELETE) through the same');
  console.log("        PATH, in the same environment; one CommonJS Node process, require('node:http') and node:child_process");
  console.log('        only; the main floor saves its state and sets its outputs as every main step must; process.exit\n');

  await round(bench, ['action', 'floor']); // warm-up: page cache, docker's first start, the sandbox's JIT
  const samples = {};
  for (let i = 0; i < bench.runs; i++) await round(bench, orderOf(i), samples);
  const s = Object.fromEntries(Object.entries(samples).map(([label, values]) => [label, stats(values)]));

  const main = report(bench, 'main', 'create + docker login', s);
  const post = report(bench, 'post', 'delete + docker logout', s);
  const load = await loadOnly(bench);
  console.log('load only (no inputs: fails validation and sends nothing)');
  console.log(row(`node ${relative(ROOT, bench.entry.main)}`, load.bundle));
  console.log(row('node -e 0', load.bareNode));
  console.log(`  the bundle's load, over bare node: ${(load.bundle.median - load.bareNode.median).toFixed(1)} ms (medians)\n`);

  const files = bundleFiles(bench.entry);
  console.log(`bundle (${relative(ROOT, dirname(bench.entry.main)) || '.'}/)`);
  for (const file of files) console.log(`  ${file.name.padEnd(30)} ${kib(file.bytes)}${file.atStartup ? '   loaded at start-up' : ''}`);
  console.log(`  ${'loaded at start-up'.padEnd(30)} ${kib(files.filter((f) => f.atStartup).reduce((sum, f) => sum + f.bytes, 0))}`);
  return { main, post, load, files };
}

/** One use of the action and one of its floor, main then post, in the given order. */
async function round(bench, order, samples) {
  const main = {};
  for (const who of order) main[who] = await measure(bench, who, 'main', {}, samples);
  for (const who of order) {
    // Each post gets the state its own main saved, as the runner hands it over.
    await measure(bench, who, 'post', main[who].state, samples);
  }
}

/**
 * Runs one step and records its wall time (spawn to exit, as the runner sees it) and its phases as
 * the sandbox saw them: spawn to the API request (start-up), the API request to docker's first
 * registry request (the reply handled, docker found, spawned and started), and docker's last
 * registry request (or the API request) to the exit. Checks the step sent what it should: main the
 * create, post the delete and the list beside it.
 */
async function measure(bench, who, step, state, samples) {
  const { sandbox, problems } = bench;
  const label = `${who} ${step}`;
  sandbox.clearRequests();
  const result = await runStep(bench.runOptions(who, step), state);
  const startedAt = Date.now() - result.elapsedMs;
  const api = sandbox.requests.filter((r) => r.op !== 'registry');
  const registry = sandbox.requests.filter((r) => r.op === 'registry');
  // Main: the create. Post: the delete and, beside it, the list that pruning needs.
  const expected = step === 'main' ? 'create' : 'delete,list';
  const sent = api
    .map((r) => r.op)
    .sort()
    .join(',');
  if (result.exitCode !== 0) problems.push(`${label} exited ${result.exitCode}: ${result.log.trim().split('\n').slice(-2).join(' | ')}`);
  else if (result.warnings.length > 0) problems.push(`${label} printed Node warnings: ${result.warnings.join(' | ')}`);
  else if (sent !== expected) problems.push(`${label} sent [${sent}], not [${expected}]`);
  if (samples && api[0]) {
    const add = (name, value) => (samples[`${label}${name}`] ??= []).push(value);
    add('', result.elapsedMs);
    add(' / to request', api[0].at - startedAt);
    if (registry[0]) add(' / to docker', registry[0].at - api[0].at);
    add(' / to exit', startedAt + result.elapsedMs - (registry.at(-1) ?? api[0]).at);
  }
  return result;
}

function report(bench, step, what, s) {
  const action = s[`action ${step}`];
  const floor = s[`floor ${step}`];
  const ratio = action.median / floor.median;
  // Each round's action and floor ran back to back, so a round's ratio shares that moment's load:
  // on a shared machine their median is steadier than the ratio of the two medians.
  const paired = stats(action.samples.map((ms, i) => ms / floor.samples[i])).median;
  console.log(`${step} step (${what})`);
  console.log(row(`action (${relative(ROOT, bench.entry[step])})`, action));
  console.log(row(`floor (sandbox/floor-${step}.cjs)`, floor));
  console.log(`  ratio of medians               ${ratio.toFixed(3)}`);
  console.log(`  median of the rounds' ratios   ${paired.toFixed(3)}   ${paired <= TARGET ? 'within' : 'ABOVE'} the target of ${TARGET}`);
  console.log('  where the time goes (medians, as the sandbox saw it)        action     floor');
  for (const [phase, text] of PHASES) {
    const a = s[`action ${step} / ${phase}`];
    const f = s[`floor ${step} / ${phase}`];
    if (a && f) console.log(`    ${text.padEnd(54)} ${ms(a.median)} ${ms(f.median)}`);
  }
  console.log('');
  return { action, floor, ratio, paired, phases: Object.fromEntries(Object.entries(s).filter(([label]) => label.includes(`${step} / `))) };
}

/** Wall time of `node <args>` from spawn to exit, without any INPUT_, STATE_ or GITHUB_ variable or Node option. */
function timeNode(node, nodeArgs) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(INPUT|STATE|GITHUB)_|^NODE_OPTIONS$|^NODE_NO_WARNINGS$/.test(key)),
  );
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, nodeArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, log }));
  });
}

/** N load-only runs of the bundle and N of bare node, interleaved after one untimed pair. */
async function loadOnly(bench) {
  bench.sandbox.clearRequests();
  const runs = { bundle: [], node: [] };
  let last;
  for (let i = 0; i <= bench.runs; i++) {
    const pair = [
      // As the runner starts it, with no inputs.
      ['bundle', [bench.entry.main]],
      ['node', ['-e', '0']],
    ];
    for (const [label, nodeArgs] of i % 2 ? pair.reverse() : pair) {
      const run = await timeNode(bench.node, nodeArgs);
      if (label === 'bundle') last = run;
      if (i > 0) runs[label].push(run.ms);
    }
  }
  if (bench.sandbox.requests.length > 0) bench.problems.push('loading the bundle with no inputs sent a request');
  if (last.code !== 1 || !last.log.includes('Input "api-key"'))
    bench.problems.push(`the load-only run did not fail validation: ${last.log}`);
  return { bundle: stats(runs.bundle), bareNode: stats(runs.node) };
}

/** The bundle's files: the entries (and what they import statically) load at start-up, chunks on demand. */
function bundleFiles(entry) {
  const dir = dirname(entry.main);
  const atStartup = new Set();
  for (const file of new Set(Object.values(entry))) {
    atStartup.add(basename(file));
    // What the entry imports or requires from beside it (the bundle); chunks load only on use.
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import (?:[^'"]* from )?['"]\.\/([^'"]+)['"]|\brequire\(['"]\.\/([^'"]+)['"]\)/gm))
      atStartup.add(m[1] ?? m[2]);
  }
  return readdirSync(dir)
    .filter((name) => /\.(c|m)?js(\.map)?$/.test(name))
    .map((name) => ({ name, bytes: statSync(join(dir, name)).size, atStartup: atStartup.has(name) }));
}
