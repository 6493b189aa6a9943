/**
 * A fixed clock for the unit tests that measure ages: the runner's clock (Date.now) stands at NOW
 * until a test moves it, and DATE_HEADER is the API's answer at that same moment, so an age in a
 * log line or a summary is the same on every run. Timers are not touched: a wait the code under
 * test makes still ends.
 */
import { jest } from '@jest/globals';

export const DAY_MS = 86_400_000;
/** Tuesday 1 December 2026, 10:00:00 UTC. */
export const NOW = Date.UTC(2026, 11, 1, 10, 0, 0);
/** NOW as the API's `Date` header gives it. */
export const DATE_HEADER = new Date(NOW).toUTCString();

/** A created time `ms` before NOW, as the API lists it (ISO 8601). */
export const ago = (ms: number): string => new Date(NOW - ms).toISOString();

/**
 * Stops Date.now at NOW (call it in beforeEach: jest's restoreMocks is off, clearMocks keeps it);
 * `moveTo` sets it elsewhere, `restore` gives the real clock back.
 */
export function fixClock(): { moveTo: (ms: number) => void; restore: () => void } {
  let now = NOW;
  const spy = jest.spyOn(Date, 'now').mockImplementation(() => now);
  return { moveTo: (ms) => void (now = ms), restore: () => spy.mockRestore() };
}
