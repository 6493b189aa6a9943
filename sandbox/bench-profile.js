/**
 * `npm run bench -- --profile`: one main step of the action under --cpu-prof (its post step after
 * it, unprofiled, to revoke what it made), and where its CPU time goes, by script and by function
 * (self time). The profile stays in .bench/profile/ for a closer look.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ms, OUT } from './bench-common.js';
import { ROOT, runStep } from './runner.js';

/**
 * One main step under --cpu-prof: its CPU time by script and by function (self time).
 * @param {import('./bench-common.js').Bench} bench
 */
export async function profile(bench) {
  const dir = join(OUT, 'profile');
  rmSync(dir, { recursive: true, force: true });
  const options = bench.runOptions('action', 'main');
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
