/**
 * A runner whose clock is wrong, for the end-to-end tests of ages: preloaded into a step
 * (`node --require`), it moves `Date` (Date.now() and `new Date()`) on by RUNNER_CLOCK_SHIFT_MS,
 * as a self-hosted runner's clock, or a VM resumed from a snapshot, can be days off. Timers and
 * performance.now() keep real time, as they do on such a runner.
 */
'use strict';
const shiftMs = Number(process.env.RUNNER_CLOCK_SHIFT_MS);
if (!Number.isFinite(shiftMs)) throw new Error('runner-clock.cjs needs RUNNER_CLOCK_SHIFT_MS, a number of milliseconds');

const RealDate = Date;
class RunnerDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + shiftMs);
    else super(...args);
  }
  static now() {
    return RealDate.now() + shiftMs;
  }
}
globalThis.Date = RunnerDate;
