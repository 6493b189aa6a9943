/**
 * `npm run bench`: what this action costs a job, measured side by side with the floor of what it
 * does, in one process tree on this machine.
 *
 * N rounds (default 9), interleaved, the order of action and floor alternating every round:
 *   - the main step of the built bundle, run exactly as the runner runs it (sandbox/runner.js),
 *     against the Deepgram API sandbox on 127.0.0.1, logging the real docker CLI in to it;
 *   - the main floor, sandbox/floor-main.js: one Node process that sends the same create request
 *     and runs the same `docker login --password-stdin`, and nothing else;
 *   - the post step, and its floor sandbox/floor-post.js: the same delete, the same `docker logout`.
 * Then N load-only runs of the bundle (`node -e 'import("./dist/index.js")'` with no inputs, which
 * fails validation and must send nothing) beside N runs of `node -e 0`, and the bundle's files.
 *
 * Prints median, min and max of each series, the ratio of the medians, and where each step's time
 * goes as the sandbox sees it; writes every sample to .bench/result.json. One untimed round first.
 *
 *   npm run bench [-- --runs N] [-- --profile] [-- --bundle path/to/index.js]     (BENCH_RUNS=N too)
 *     --profile  also runs one main step under --cpu-prof and prints where its CPU time goes
 *     --bundle   measures another build in place of dist/index.js (an experiment, an old release)
 *
 * The sandbox speaks plain HTTP (it is loopback and has no TLS), so "the same POST" is a plain
 * http POST to it, with the URL, query, headers and body the action sends; both sides pay the same.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { actionYml, makeWorkdir, ROOT, runStep } from './runner.js';
import { SANDBOX_API_KEY, SANDBOX_PROJECT_ID, startSandbox } from './server.js';

const TARGET = 1.15;
const { values: args } = parseArgs({
  options: { runs: { type: 'string', short: 'n' }, profile: { type: 'boolean' }, bundle: { type: 'string' } },
});
const RUNS = Number(args.runs ?? process.env.BENCH_RUNS ?? 9);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a whole number of at least 1, not "${args.runs}"`);
const BUNDLE = resolve(args.bundle ?? join(ROOT, 'dist', 'index.js'));
if (!existsSync(BUNDLE)) throw new Error(`${relative(ROOT, BUNDLE)} is missing: run \`npm run build\` first.`);
// The post step's entry beside it (action.yml's runs.post); a build with one entry for both steps runs that.
const POST_ENTRY = join(dirname(BUNDLE), basename(actionYml().runs.post));
const ENTRY = { main: BUNDLE, post: existsSync(POST_ENTRY) ? POST_ENTRY : BUNDLE };
const FLOOR = { main: join(ROOT, 'sandbox', 'floor-main.js'), post: join(ROOT, 'sandbox', 'floor-post.js') };
const OUT = join(ROOT, '.bench');

const sandbox = await startSandbox({ quiet: true });
// Each side has its own DOCKER_CONFIG, so neither logs in over, or out of, the other's login.
const workdirs = { action: makeWorkdir('dg-bench-action-'), floor: makeWorkdir('dg-bench-floor-') };
const problems = [];

/** How the runner would run `step` for `who`: the bundle, or the floor script in its place. */
const runOptions = (who, step) => ({
  workdir: workdirs[who].path,
  entry: who === 'floor' ? FLOOR[step] : ENTRY[step],
  inputs: { 'api-key': SANDBOX_API_KEY, 'project-id': SANDBOX_PROJECT_ID, 'api-url': sandbox.url, registry: sandbox.registryHost },
});

/**
 * Runs one step and records its wall time (spawn to exit, as the runner sees it) and its phases as
 * the sandbox saw them: spawn to the API request (start-up), the API request to docker's first
 * registry request (the reply handled, docker found, spawned and started), and docker's last
 * registry request (or the API request) to the exit. Checks the step worked with one API request.
 */
async function measure(who, step, state, samples) {
  const label = `${who} ${step}`;
  sandbox.clearRequests();
  const result = await runStep(runOptions(who, step), state);
  const startedAt = Date.now() - result.elapsedMs;
  const api = sandbox.requests.filter((r) => r.op !== 'registry');
  const registry = sandbox.requests.filter((r) => r.op === 'registry');
  const expected = step === 'main' ? 'create' : 'delete';
  if (result.exitCode !== 0) problems.push(`${label} exited ${result.exitCode}: ${result.log.trim().split('\n').slice(-2).join(' | ')}`);
  else if (api.length !== 1 || api[0].op !== expected) problems.push(`${label} sent [${api.map((r) => r.op)}], not one ${expected}`);
  if (samples && api[0]) {
    const add = (name, value) => (samples[`${label}${name}`] ??= []).push(value);
    add('', result.elapsedMs);
    add(' / to request', api[0].at - startedAt);
    if (registry[0]) add(' / to docker', registry[0].at - api[0].at);
    add(' / to exit', startedAt + result.elapsedMs - (registry.at(-1) ?? api[0]).at);
  }
  return result;
}

/** One use of the action and one of its floor, main then post, in the given order. */
async function round(order, samples) {
  const main = {};
  for (const who of order) main[who] = await measure(who, 'main', {}, samples);
  for (const who of order) {
    // The floor prints the ID it created; the runner hands the action's saved state back to it.
    const floorState = { credentialsId: /credentials-id=(\S+)/.exec(main.floor.log)?.[1] ?? '', loggedInTo: sandbox.registryHost };
    await measure(who, 'post', who === 'floor' ? floorState : main.action.state, samples);
  }
}

/** Wall time of `node <args>` from spawn to exit, without any INPUT_, STATE_ or GITHUB_ variable. */
function timeNode(nodeArgs) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(INPUT|STATE|GITHUB)_/.test(key)));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, nodeArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, log }));
  });
}

/** N load-only runs of the bundle and N of bare node, interleaved after one untimed pair. */
async function loadOnly() {
  sandbox.clearRequests();
  const runs = { bundle: [], node: [] };
  let last;
  for (let i = 0; i <= RUNS; i++) {
    const pair = [
      ['bundle', ['-e', `import(${JSON.stringify(pathToFileURL(BUNDLE).href)})`]],
      ['node', ['-e', '0']],
    ];
    for (const [label, nodeArgs] of i % 2 ? pair.reverse() : pair) {
      const run = await timeNode(nodeArgs);
      if (label === 'bundle') last = run;
      if (i > 0) runs[label].push(run.ms);
    }
  }
  if (sandbox.requests.length > 0) problems.push('loading the bundle with no inputs sent a request');
  if (last.code !== 1 || !last.log.includes('Input "api-key"')) problems.push(`the load-only run did not fail validation: ${last.log}`);
  return { bundle: stats(runs.bundle), bareNode: stats(runs.node) };
}

/** The bundle's files: index.js (and what it imports statically) loads at start-up, chunks on demand. */
function bundleFiles() {
  const dir = dirname(BUNDLE);
  const entry = basename(BUNDLE);
  const staticImports = [...readFileSync(BUNDLE, 'utf8').matchAll(/^import (?:[^'"]* from )?['"]\.\/([^'"]+)['"]/gm)].map((m) => m[1]);
  return readdirSync(dir)
    .filter((name) => /\.(c|m)?js(\.map)?$/.test(name))
    .map((name) => ({ name, bytes: statSync(join(dir, name)).size, atStartup: name === entry || staticImports.includes(name) }));
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), samples };
}

const ms = (value) => `${value.toFixed(1).padStart(6)} ms`;
const kib = (bytes) => `${(bytes / 1024).toFixed(1).padStart(8)} KiB`;
const row = (label, s) => `  ${label.padEnd(30)} median ${ms(s.median)}   min ${ms(s.min)}   max ${ms(s.max)}`;

const PHASES = [
  ['to request', 'spawn -> the API request arrives'],
  ['to docker', "the API request -> docker's first registry request"],
  ['to exit', "the last request -> the step's exit"],
];

function report(step, what, s) {
  const action = s[`action ${step}`];
  const floor = s[`floor ${step}`];
  const ratio = action.median / floor.median;
  console.log(`${step} step (${what})`);
  console.log(row(`action (${relative(ROOT, BUNDLE)})`, action));
  console.log(row(`floor (sandbox/floor-${step}.js)`, floor));
  console.log(`  ratio of medians               ${ratio.toFixed(3)}   ${ratio <= TARGET ? 'within' : 'ABOVE'} the target of ${TARGET}`);
  console.log('  where the time goes (medians, as the sandbox saw it)        action     floor');
  for (const [phase, text] of PHASES) {
    const a = s[`action ${step} / ${phase}`];
    const f = s[`floor ${step} / ${phase}`];
    if (a && f) console.log(`    ${text.padEnd(54)} ${ms(a.median)} ${ms(f.median)}`);
  }
  console.log('');
  return { action, floor, ratio, phases: Object.fromEntries(Object.entries(s).filter(([label]) => label.includes(`${step} / `))) };
}

let result;
try {
  console.log(`node ${process.version}; ${RUNS} rounds, interleaved; Deepgram API sandbox and registry on ${sandbox.url}`);
  console.log('floors: the same plain-http POST / DELETE to the sandbox (URL, query, headers, body), then the same');
  console.log('        docker login --password-stdin / docker logout; one Node process, node built-ins only\n');

  await round(['action', 'floor']); // warm-up: page cache, docker's first start, the sandbox's JIT
  const samples = {};
  for (let i = 0; i < RUNS; i++) await round(i % 2 === 0 ? ['action', 'floor'] : ['floor', 'action'], samples);
  const s = Object.fromEntries(Object.entries(samples).map(([label, values]) => [label, stats(values)]));

  const main = report('main', 'create + docker login', s);
  const post = report('post', 'delete + docker logout', s);
  const load = await loadOnly();
  console.log('load only (no inputs: fails validation and sends nothing)');
  console.log(row(`node -e 'import("${relative(ROOT, BUNDLE)}")'`, load.bundle));
  console.log(row('node -e 0', load.bareNode));
  console.log(`  the bundle's load, over bare node: ${(load.bundle.median - load.bareNode.median).toFixed(1)} ms (medians)\n`);

  const files = bundleFiles();
  console.log(`bundle (${relative(ROOT, dirname(BUNDLE)) || '.'}/)`);
  for (const file of files) console.log(`  ${file.name.padEnd(30)} ${kib(file.bytes)}${file.atStartup ? '   loaded at start-up' : ''}`);
  console.log(`  ${'loaded at start-up'.padEnd(30)} ${kib(files.filter((f) => f.atStartup).reduce((sum, f) => sum + f.bytes, 0))}`);

  result = {
    node: process.version,
    runs: RUNS,
    date: new Date().toISOString(),
    bundle: relative(ROOT, BUNDLE),
    main,
    post,
    load,
    files,
    problems,
  };
  if (args.profile) await profile();
} finally {
  await sandbox.close();
  workdirs.action.remove();
  workdirs.floor.remove();
}

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log('\nevery sample: .bench/result.json');
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s), the figures above do not count:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
}

/** One main step under --cpu-prof: its CPU time by script and by function (self time). */
async function profile() {
  const dir = join(OUT, 'profile');
  rmSync(dir, { recursive: true, force: true });
  const options = runOptions('action', 'main');
  const main = await runStep({ ...options, nodeArgs: ['--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${dir}`] });
  await runStep(options, main.state);
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const byId = new Map(nodes.map((node) => [node.id, node.callFrame]));
  const byScript = new Map();
  const byFunction = new Map();
  let total = 0;
  samples.forEach((id, i) => {
    const delta = timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = byId.get(id);
    const script = url ? url.replace(/^.*\//, '') : `(${functionName})`;
    const fn = `${functionName || '(anonymous)'} ${script}:${lineNumber + 1}`;
    total += delta;
    byScript.set(script, (byScript.get(script) ?? 0) + delta);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + delta);
  });
  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => `  ${ms(us / 1000)}  ${name}`)
      .join('\n');
  console.log(`\n--cpu-prof of one main step: ${(total / 1000).toFixed(1)} ms sampled (idle included), ${relative(ROOT, join(dir, file))}`);
  console.log(`self time by script:\n${top(byScript, 10)}\nself time by function:\n${top(byFunction, 15)}`);
}
