/**
 * One step's time for talking to the API. Every request and every wait of a step (creates, sweeps,
 * revokes, pruning, and their retries) draws on the same budget, so retries inside retries cannot
 * multiply a step's length: a request is cut to what is left, and a wait that would outlast it is
 * not begun.
 *
 * The budget is what max-attempts requests of request-timeout each, with the longest backoff
 * between them, would take: 4 × 30 s + 3 × 10 s = 2 min 30 s at the defaults (docs/how-it-works.md,
 * "How long each step can take").
 */
import { MAX_BACKOFF_MS } from './retry.js';

export class Budget {
  private readonly deadline: number;

  constructor(
    readonly totalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.deadline = now() + totalMs;
  }

  /** A step's budget for these settings. */
  static forStep(settings: { maxAttempts: number; requestTimeoutMs: number }, now?: () => number): Budget {
    return new Budget(stepBudgetMs(settings.maxAttempts, settings.requestTimeoutMs), now);
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - this.now());
  }
}

export function stepBudgetMs(maxAttempts: number, requestTimeoutMs: number): number {
  return maxAttempts * requestTimeoutMs + (maxAttempts - 1) * MAX_BACKOFF_MS;
}

/** Raised instead of a request or a wait that the step's budget has no room for. */
export class BudgetExhaustedError extends Error {
  readonly kind = { transient: false, ambiguous: false };
  constructor(what: string, budget: Budget) {
    super(`${what}: not sent, this step's time for API calls (${Math.round(budget.totalMs / 1000)} s) is used up`);
    this.name = 'BudgetExhaustedError';
  }
}
