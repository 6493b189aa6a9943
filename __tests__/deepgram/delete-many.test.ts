/**
 * Deletes a few at a time: never more in flight than the bound, every set tried once in order,
 * and a run that stops (the budget used up, deletes failing) hands back what it never tried.
 */
import { describe, expect, test } from '@jest/globals';
import { Budget, BudgetExhaustedError } from '../../src/net/budget.js';
import { DELETE_CONCURRENCY, deleteMany } from '../../src/deepgram/delete-many.js';

/** A delete that takes a turn of the event loop or two, counting how many run at once. */
function recorder(fail: (set: number) => Error | undefined = () => undefined) {
  let inFlight = 0;
  const seen = { most: 0, order: [] as number[] };
  const deleteOne = async (set: number) => {
    seen.order.push(set);
    inFlight++;
    seen.most = Math.max(seen.most, inFlight);
    // Not a wait for an event: answers come back out of order, as the API's do.
    await new Promise((resolve) => setTimeout(resolve, set % 3));
    inFlight--;
    const error = fail(set);
    if (error) throw error;
  };
  return { seen, deleteOne };
}

const sets = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('deleteMany', () => {
  test(`every set once, in the order given, at most ${DELETE_CONCURRENCY} at a time`, async () => {
    const { seen, deleteOne } = recorder();
    const outcome = await deleteMany(sets(100), deleteOne);
    expect(seen.order).toEqual(sets(100));
    expect(seen.most).toBe(DELETE_CONCURRENCY);
    expect([...outcome.deleted].sort((a, b) => a - b)).toEqual(sets(100));
    expect(outcome.failed).toEqual([]);
    expect(outcome.notTried).toEqual([]);
  });

  test('a bound of its own, and nothing to do', async () => {
    const { seen, deleteOne } = recorder();
    await deleteMany(sets(10), deleteOne, { concurrency: 3 });
    expect(seen.most).toBe(3);
    await expect(deleteMany([], deleteOne)).resolves.toEqual({ deleted: [], failed: [], notTried: [] });
  });

  test("a failure is that set's; the others still go", async () => {
    const error = new Error('HTTP 500');
    const { deleteOne } = recorder((set) => (set === 4 ? error : undefined));
    const outcome = await deleteMany(sets(20), deleteOne);
    expect(outcome.failed).toEqual([{ set: 4, error }]);
    expect(outcome.deleted).toHaveLength(19);
    expect(outcome.notTried).toEqual([]);
  });

  test('deletes that keep failing stop the run: no more are begun, and the rest come back as not tried', async () => {
    const { seen, deleteOne } = recorder(() => new Error('HTTP 403'));
    const outcome = await deleteMany(sets(100), deleteOne, { concurrency: 4 });
    // Those in flight when the fourth failed still finish; none begins after.
    expect(outcome.failed.length).toBeGreaterThanOrEqual(4);
    expect(outcome.failed.length).toBeLessThanOrEqual(4 + 3);
    expect(seen.order).toHaveLength(outcome.failed.length);
    expect(outcome.notTried).toEqual(sets(100).slice(outcome.failed.length));
  });

  test('a budget used up ends the run: that set and the rest are not tried, not failed', async () => {
    const budget = new Budget(0);
    const { deleteOne } = recorder((set) => (set >= 10 ? new BudgetExhaustedError('delete', budget) : undefined));
    const outcome = await deleteMany(sets(50), deleteOne, { concurrency: 1 });
    expect(outcome.deleted).toEqual(sets(10));
    expect(outcome.failed).toEqual([]);
    expect(outcome.notTried).toEqual(sets(50).slice(10));
  });
});
