import { describe, expect, test } from '@jest/globals';
import { Budget, BudgetExhaustedError, stepBudgetMs } from '../../src/net/budget.js';

describe('Budget', () => {
  test('a step gets max-attempts requests of request-timeout, and the longest backoff between them', () => {
    expect(stepBudgetMs(4, 30_000)).toBe(150_000);
    expect(stepBudgetMs(1, 1_000)).toBe(1_000);
    expect(Budget.forStep({ maxAttempts: 2, requestTimeoutMs: 5_000 }).totalMs).toBe(20_000);
  });

  test('what is left shrinks with time and never goes below 0', () => {
    let now = 1_000;
    const budget = new Budget(500, () => now);
    expect(budget.remainingMs()).toBe(500);
    now += 200;
    expect(budget.remainingMs()).toBe(300);
    now += 1_000;
    expect(budget.remainingMs()).toBe(0);
  });

  test('an exhausted budget is an error that is neither retried nor "may have created"', () => {
    const error = new BudgetExhaustedError('Deepgram API: list distribution credentials', new Budget(150_000));
    expect(error.kind).toEqual({ transient: false, ambiguous: false });
    expect(error.message).toBe("Deepgram API: list distribution credentials: not sent, this step's time for API calls (150 s) is used up");
  });

  test('it names itself, so a log or a stack says which error it was', () => {
    const error = new BudgetExhaustedError('x', new Budget(1_000));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('BudgetExhaustedError');
    expect(String(error)).toBe("BudgetExhaustedError: x: not sent, this step's time for API calls (1 s) is used up");
  });
});
