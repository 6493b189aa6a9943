/**
 * Another job's step holding a lock of src/registry/record-lock.ts, in a process of its own, for
 * that module's tests (run with typescript-hooks.js): `lock-holder.ts <target>`. It takes the lock
 * with withLock, prints `held` once it holds it, and holds it until a line on its standard input
 * says `release` (the work ends; it prints `released`), or its standard input ends (the test is
 * gone), or a line says `exit` (the process exits mid-work, code 3). Killed meanwhile, it leaves the
 * lock as a killed step does.
 */
import { withLock } from '../src/registry/record-lock.js';

const target = process.argv[2]!;
await withLock(
  target,
  () =>
    new Promise<void>((resolve) => {
      let input = '';
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (chunk: string) => {
        input += chunk;
        if (input.includes('exit\n')) process.exit(3);
        if (input.includes('release\n')) resolve();
      });
      process.stdin.on('end', resolve);
      process.stdout.write('held\n');
    }),
);
process.stdout.write('released\n');
process.stdin.destroy();
