import { afterEach, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as core from '../../__fixtures__/core.js';
import { mode, useScratchConfig } from '../../__fixtures__/registry-files.js';
import { mockRunner } from '../../__fixtures__/step.js';
import { until } from '../../__fixtures__/until.js';

mockRunner();
const { withLock, withRecordLock } = await import('../../src/registry/record-lock.js');
const { recordPath } = await import('../../src/registry/login-record.js');

const scratch = useScratchConfig();
/** The file a lock is taken on (it need not exist), and the lock proper-lockfile makes beside it. */
const target = (): string => join(scratch(), 'user', '.config.json.dg-action-logins');
const lockOf = (file: string): string => `${file}.lock`;
const mtime = (path: string): number => statSync(path).mtimeMs;
/** The least stale time proper-lockfile takes, which the end-to-end tests set through the variable. */
const SHORT_STALE_MS = 2000;

interface Holder {
  child: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
const holders: Holder[] = [];

/** Another step, in a process of its own, taking the lock of `file` with withLock (__fixtures__/lock-holder.ts). */
function startHolder(file: string, env: Record<string, string> = {}): Holder {
  const hooks = pathToFileURL(join(import.meta.dirname, '..', '..', '__fixtures__', 'typescript-hooks.js')).href;
  const script = join(import.meta.dirname, '..', '..', '__fixtures__', 'lock-holder.ts');
  const child = spawn(process.execPath, ['--import', hooks, script, file], { env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const holder = { child, output: () => output, exit };
  holders.push(holder);
  return holder;
}
const holding = (holder: Holder): Promise<void> => until(() => holder.output().includes('held\n'));

afterEach(async () => {
  // A holder a failed test left is ended (it is this test's own), and gone before the next test.
  for (const { child, exit } of holders.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exit;
  }
});

describe('withLock', () => {
  test("the work runs holding a lock folder beside the target, its result handed back, the lock gone after; the target's folder made private", async () => {
    let during: boolean | undefined;
    const result = await withLock(target(), () => {
      during = statSync(lockOf(target())).isDirectory();
      return 42;
    });
    expect(result).toBe(42);
    expect(during).toBe(true);
    expect(existsSync(lockOf(target()))).toBe(false);
    expect(mode(join(scratch(), 'user'))).toBe(0o700);
    // The target itself is the callers' to write.
    expect(existsSync(target())).toBe(false);
  });

  test('work that fails: its error reaches the caller, and the lock is released all the same', async () => {
    await expect(
      withLock(target(), async () => {
        throw new Error('the config could not be written');
      }),
    ).rejects.toThrow('the config could not be written');
    expect(existsSync(lockOf(target()))).toBe(false);
    await expect(withLock(target(), () => 'next')).resolves.toBe('next');
  });

  test('a lock another step holds past the stale time is refreshed, never taken over: the work waits until it is released', async () => {
    // Both steps with the shortest stale time, so the wait is short; the holder refreshes its lock every second.
    process.env.DG_ACTION_TEST_LOCK_STALE_MS = String(SHORT_STALE_MS);
    const holder = startHolder(target());
    await holding(holder);
    const waitingSince = Date.now();
    let ran = false;
    const waiting = withLock(target(), () => {
      ran = true;
      // The other step's work had ended before this one's began.
      return holder.output();
    });
    const refreshes = new Set<number>();
    await until(() => {
      refreshes.add(mtime(lockOf(target())));
      return Date.now() - waitingSince > 2 * SHORT_STALE_MS && refreshes.size >= 3;
    });
    expect(ran).toBe(false);
    holder.child.stdin!.end('release\n');
    await expect(waiting).resolves.toBe('held\nreleased\n');
    await expect(holder.exit).resolves.toEqual({ code: 0, signal: null });
    expect(existsSync(lockOf(target()))).toBe(false);
  });

  test('a step killed outright (SIGKILL) while it holds the lock leaves it; it is taken over once it has not been refreshed for the stale time', async () => {
    process.env.DG_ACTION_TEST_LOCK_STALE_MS = String(SHORT_STALE_MS);
    const holder = startHolder(target());
    await holding(holder);
    holder.child.kill('SIGKILL');
    await expect(holder.exit).resolves.toEqual({ code: null, signal: 'SIGKILL' });
    expect(existsSync(lockOf(target()))).toBe(true);
    const lastRefresh = mtime(lockOf(target()));
    const takenAfter = await withLock(target(), () => Date.now() - lastRefresh);
    expect(takenAfter).toBeGreaterThanOrEqual(SHORT_STALE_MS);
    expect(existsSync(lockOf(target()))).toBe(false);
  });

  test.each([
    ['exits', (holder: Holder) => holder.child.stdin!.write('exit\n'), { code: 3, signal: null }],
    ['is ended by SIGTERM', (holder: Holder) => holder.child.kill('SIGTERM'), { code: null, signal: 'SIGTERM' }],
  ] as const)('a step that %s while it holds the lock leaves none behind: the next takes it at once', async (_what, end, how) => {
    const holder = startHolder(target());
    await holding(holder);
    expect(existsSync(lockOf(target()))).toBe(true);
    end(holder);
    await expect(holder.exit).resolves.toEqual(how);
    expect(existsSync(lockOf(target()))).toBe(false);
  });

  test.each([
    ['not set', undefined],
    ['3 digits', '999'],
    ['7 digits', '1234567'],
    ['not only digits', '2000ms'],
  ])('the stale time is 20 s (the test variable %s): a lock left 19 s ago is taken over only once 20 s old', async (_what, value) => {
    if (value !== undefined) process.env.DG_ACTION_TEST_LOCK_STALE_MS = value;
    mkdirSync(lockOf(target()), { recursive: true });
    const left = new Date(Date.now() - 19_000);
    utimesSync(lockOf(target()), left, left);
    const age = await withLock(target(), () => Date.now() - left.getTime());
    expect(age).toBeGreaterThanOrEqual(20_000);
    expect(age).toBeLessThan(30_000);
  });

  test('DG_ACTION_TEST_LOCK_STALE_MS of 4 to 6 digits sets the stale time (for the end-to-end tests)', async () => {
    process.env.DG_ACTION_TEST_LOCK_STALE_MS = '3000';
    mkdirSync(lockOf(target()), { recursive: true });
    const left = new Date(Date.now() - 2000);
    utimesSync(lockOf(target()), left, left);
    const age = await withLock(target(), () => Date.now() - left.getTime());
    expect(age).toBeGreaterThanOrEqual(3000);
    expect(age).toBeLessThan(20_000);
  });

  test('the holder refreshes the lock every quarter of the stale time', async () => {
    process.env.DG_ACTION_TEST_LOCK_STALE_MS = '8000';
    const times = await withLock(target(), async () => {
      const seen: number[] = [];
      await until(() => {
        const time = mtime(lockOf(target()));
        if (seen.at(-1) !== time) seen.push(time);
        return seen.length >= 3;
      });
      return seen;
    });
    const intervals = times.slice(1).map((time, i) => time - times[i]!);
    for (const interval of intervals) {
      expect(interval).toBeGreaterThanOrEqual(1900);
      // Half the stale time (proper-lockfile's default) would be 4 s.
      expect(interval).toBeLessThan(3900);
    }
  });

  test("a lock lost while held (another step took it): one warning naming it, and at the end the other step's lock is left alone", async () => {
    process.env.DG_ACTION_TEST_LOCK_STALE_MS = String(SHORT_STALE_MS);
    await withLock(target(), async () => {
      rmSync(lockOf(target()), { recursive: true });
      // Another step's lock, made as withLock makes one.
      mkdirSync(lockOf(target()));
      await until(() => core.warning.mock.calls.length > 0);
    });
    expect(core.warning.mock.calls).toEqual([
      [
        expect.stringMatching(
          new RegExp(`^The lock on ${target()} was lost while this step held it \\(.+\\); another job may have changed it meanwhile\\.$`),
        ),
      ],
    ]);
    expect(existsSync(lockOf(target()))).toBe(true);
  });
});

describe('withRecordLock: the lock of the record beside a shared config', () => {
  const config = (): string => join(scratch(), 'user', 'config.json');

  test.each([['self-hosted'], [undefined]])('RUNNER_ENVIRONMENT %s: held beside the record while the work runs', async (environment) => {
    if (environment === undefined) delete process.env.RUNNER_ENVIRONMENT;
    else process.env.RUNNER_ENVIRONMENT = environment;
    const held = await withRecordLock(config(), () => existsSync(`${recordPath(config())}.lock`));
    expect(held).toBe(true);
    expect(existsSync(`${recordPath(config())}.lock`)).toBe(false);
  });

  test('on a GitHub-hosted runner (a machine per job, its steps one at a time) none is taken: the work runs even while one is held', async () => {
    process.env.RUNNER_ENVIRONMENT = 'github-hosted';
    // Nothing is made where nothing was.
    await expect(withRecordLock(config(), () => 'ran')).resolves.toBe('ran');
    expect(existsSync(join(scratch(), 'user'))).toBe(false);
    // A fresh lock, which anyone taking it would wait on.
    mkdirSync(`${recordPath(config())}.lock`, { recursive: true });
    const before = mtime(`${recordPath(config())}.lock`);
    await expect(withRecordLock(config(), () => 'ran')).resolves.toBe('ran');
    expect(mtime(`${recordPath(config())}.lock`)).toBe(before);
  });
});
