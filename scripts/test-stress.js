/**
 * `npm run test:stress [-- RUNS [--quiet]]`: runs `npm test` RUNS times (default 5) with a
 * CPU-bound process beside it (none with --quiet), and prints each run's result and time. A run
 * fails if jest fails or prints "failed to exit gracefully" (a leaked handle). Exits 1 if any run
 * failed; the failing runs' logs are kept in a temporary folder, and their paths printed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const runs = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 5);
const quiet = args.includes('--quiet');
const logs = mkdtempSync(join(tmpdir(), 'dg-action-stress-'));
const LEAK = 'failed to exit gracefully';

/** One `npm test`; resolves with its exit code, its output and how long it took. */
function npmTest() {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn('npm', ['test'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output, seconds: Number(process.hrtime.bigint() - started) / 1e9 }));
  });
}

// The load: one core kept busy the whole time, as another job on the machine would.
const hog = quiet ? undefined : spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
let failed = 0;
try {
  console.log(`npm test, ${runs} run(s), ${quiet ? 'quiet' : 'with a CPU-bound process beside it'}`);
  for (let run = 1; run <= runs; run++) {
    const { code, output, seconds } = await npmTest();
    const tally = /^Tests:.*$/m.exec(output)?.[0] ?? 'no tally';
    const leaked = output.includes(LEAK);
    const ok = code === 0 && !leaked;
    let line = `run ${run}: ${ok ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s (${tally})${leaked ? `; jest said "${LEAK}"` : ''}`;
    if (!ok) {
      failed++;
      const file = join(logs, `run-${run}.log`);
      writeFileSync(file, output);
      line += `; log: ${file}`;
    }
    console.log(line);
  }
} finally {
  hog?.kill('SIGKILL');
}
console.log(`${runs - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
