/**
 * The lock two jobs' steps take before they read and write a shared config and its record, so
 * that neither ever works on what the other is half-way through changing.
 *
 * It is proper-lockfile's: a folder made beside the record (mkdir is atomic), whose time the
 * holder refreshes while it holds the lock, so that a lock counts as stale only once its holder
 * has stopped refreshing it (the holder was killed) and never while a slow `docker logout` (a
 * credential helper that hangs, up to request-timeout) runs under it. A step stopped by the
 * runner releases it before it dies (signals.ts, finishBeforeStop); proper-lockfile also removes
 * it when the process exits.
 *
 * Loaded only when a step takes the lock: it patches `fs` (graceful-fs) and hooks the process's
 * exit (signal-exit), which no other step needs.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as log from '../runner/log.js';
import { recordPath } from './login-record.js';

/**
 * A lock whose time has not been refreshed for this long was left by a step that was killed.
 * The holder refreshes it every quarter of that.
 */
const LOCK_STALE_MS = 20_000;

/**
 * For the end-to-end tests only, which must see a lock held past the stale time without waiting
 * that long: proper-lockfile never takes less than 2 s.
 */
const staleMs = (env: NodeJS.ProcessEnv = process.env): number => {
  // Stryker disable next-line StringLiteral: any text that is not 4 to 6 digits stands for none.
  const fromTest = Number(/^\d{4,6}$/.exec(env.DG_ACTION_TEST_LOCK_STALE_MS ?? '')?.[0]);
  return Number.isFinite(fromTest) ? fromTest : LOCK_STALE_MS;
};

/** `work`, run while this step holds the lock of `target` (a file that need not exist). */
export async function withLock<T>(target: string, work: () => T | Promise<T>): Promise<T> {
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  // A CommonJS package: its exports are `default`, both in Node and in the bundle.
  const { lock } = (await import('proper-lockfile')).default;
  const stale = staleMs();
  const release = await lock(target, {
    realpath: false,
    stale,
    // proper-lockfile keeps this between 1 s and half the stale time.
    update: stale / 4,
    // As long as the holder holds it: a live holder is bounded by its request-timeout, a dead
    // one's lock goes stale.
    retries: { forever: true, minTimeout: 20, maxTimeout: 250 },
    onCompromised: (error) => {
      log.warning(`The lock on ${target} was lost while this step held it (${error.message}); another job may have changed it meanwhile.`);
    },
  });
  try {
    return await work();
  } finally {
    // A lost lock is no longer ours: proper-lockfile's release then leaves it and rejects.
    await release().catch(() => undefined);
  }
}

/**
 * `work`, holding the lock of the record beside `file`: no other job's step reads or writes it
 * meanwhile. Not on a GitHub-hosted runner: there a job has the machine to itself and its steps
 * run one at a time, so nothing can race for the record, and no step there pays for loading the
 * lock (proper-lockfile with graceful-fs and signal-exit: milliseconds at every step's start).
 */
export async function withRecordLock<T>(file: string, work: () => T | Promise<T>): Promise<T> {
  if (process.env.RUNNER_ENVIRONMENT === 'github-hosted') return work();
  return withLock(recordPath(file), work);
}
