/**
 * Resolves once `condition` holds, checked every 10 ms; rejects if it has not within 45 s, a bound
 * that only ends a hung wait (under jest's 60 s for a test). Its timers are unref'd: a wait that
 * outlives its test (the step ended before the event it was to stop at) never holds jest's worker
 * open after the suite.
 */
export async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 10).unref());
  }
}
