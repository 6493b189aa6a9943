/**
 * Many deletes at once, a few at a time: pruning, the sweeps and the retire action go through
 * here. One at a time, hundreds of sets take minutes (a delete is a round trip, 100 ms or more);
 * all at once, they would meet the API's rate limit and the runner's sockets. DELETE_CONCURRENCY
 * keeps a few in flight.
 *
 * Once the step's time for API calls is used up, or deletes keep failing (the API is down, or
 * refuses this key), no more are begun: what was not tried is handed back as such, for the caller
 * to report in one line, not one warning a set.
 */
import { BudgetExhaustedError } from '../net/budget.js';

/** Deletes in flight at once. */
export const DELETE_CONCURRENCY = 8;

export interface DeleteOutcome<T> {
  /** In the order they were done. */
  deleted: T[];
  /** Each with its error, in the order they failed. */
  failed: { set: T; error: unknown }[];
  /** Never begun: the budget ran out, or too many had failed. */
  notTried: T[];
}

export interface DeleteManyOptions {
  /** Default DELETE_CONCURRENCY. */
  concurrency?: number;
  /** Begin no more once this many have failed; default: as many as run at once. */
  stopAfterFailures?: number;
}

/**
 * Runs `deleteOne` on each of `sets`, at most `concurrency` at a time, in the order given. A
 * rejection is a failure of that set (a BudgetExhaustedError: not tried, and the end of the run);
 * it never rejects.
 */
export async function deleteMany<T>(
  sets: readonly T[],
  deleteOne: (set: T) => Promise<unknown>,
  options: DeleteManyOptions = {},
): Promise<DeleteOutcome<T>> {
  const concurrency = Math.max(1, options.concurrency ?? DELETE_CONCURRENCY);
  const stopAfterFailures = options.stopAfterFailures ?? concurrency;
  const outcome: DeleteOutcome<T> = { deleted: [], failed: [], notTried: [] };
  let next = 0;
  let stopped = false;
  const worker = async (): Promise<void> => {
    while (!stopped && next < sets.length) {
      const set = sets[next++] as T;
      try {
        await deleteOne(set);
        outcome.deleted.push(set);
      } catch (error) {
        if (error instanceof BudgetExhaustedError) {
          outcome.notTried.push(set);
          stopped = true;
        } else {
          outcome.failed.push({ set, error });
          if (outcome.failed.length >= stopAfterFailures) stopped = true;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, sets.length) }, worker));
  outcome.notTried.push(...sets.slice(next));
  return outcome;
}
