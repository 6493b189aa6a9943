import { describe, expect, jest, test } from '@jest/globals';
import {
  BASE_DELAY_MS,
  classifyNetworkError,
  classifyStatus,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  retryDelayMs,
  withRetries,
  type FailureKind,
  type RetryOptions,
} from '../../src/net/retry.js';

/** An error of the kind the API client throws. */
function failure(kind: Partial<FailureKind>, message = 'boom'): Error & { kind: FailureKind } {
  return Object.assign(new Error(message), { kind: { transient: false, ambiguous: false, ...kind } });
}

const TRANSIENT = { transient: true, ambiguous: false };

describe('classifyStatus', () => {
  test.each([408, 429])('%i is transient and not ambiguous (the server did not act)', (status) => {
    expect(classifyStatus(status)).toEqual({ transient: true, ambiguous: false, retryAfterMs: undefined });
  });

  test.each([500, 502, 503, 504])('%i is transient and ambiguous (the server may have acted)', (status) => {
    expect(classifyStatus(status)).toEqual({ transient: true, ambiguous: true, retryAfterMs: undefined });
  });

  test.each([400, 401, 403, 404, 409, 422, 501, 505])('%i is neither transient nor ambiguous', (status) => {
    expect(classifyStatus(status)).toEqual({ transient: false, ambiguous: false, retryAfterMs: undefined });
  });

  test('a Retry-After value is parsed into retryAfterMs', () => {
    expect(classifyStatus(429, '7').retryAfterMs).toBe(7_000);
  });
});

describe('classifyNetworkError', () => {
  test.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'CONNECT_TIMEOUT'])(
    '%s never reached a server: transient, not ambiguous',
    (code) => {
      expect(classifyNetworkError(code)).toEqual({ transient: true, ambiguous: false });
    },
  );

  test.each(['ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'REQUEST_TIMEOUT', 'UND_ERR_SOCKET'])(
    '%s may have reached it: transient and ambiguous',
    (code) => {
      expect(classifyNetworkError(code)).toEqual({ transient: true, ambiguous: true });
    },
  );

  test('PROXY_FAILED (no tunnel: the proxy unreachable, or it answered 408, 429, 5xx): transient, not ambiguous', () => {
    expect(classifyNetworkError('PROXY_FAILED')).toEqual({ transient: true, ambiguous: false });
  });

  test('PROXY_REFUSED (the proxy said no to the tunnel: 407, 403): not transient, not ambiguous', () => {
    expect(classifyNetworkError('PROXY_REFUSED')).toEqual({ transient: false, ambiguous: false });
  });

  test('RESPONSE_TOO_LARGE (an answer cut at 1 MiB): not transient, but ambiguous (the request was carried out)', () => {
    expect(classifyNetworkError('RESPONSE_TOO_LARGE')).toEqual({ transient: false, ambiguous: true });
  });

  test('an unknown or missing code is not transient, and counted as ambiguous', () => {
    expect(classifyNetworkError('ESOMETHING')).toEqual({ transient: false, ambiguous: true });
    expect(classifyNetworkError(undefined)).toEqual({ transient: false, ambiguous: true });
  });
});

describe('parseRetryAfter', () => {
  test('delay-seconds', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(' 3 ')).toBe(3_000);
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter('1.5')).toBe(1_500);
    expect(parseRetryAfter('1.25')).toBe(1_250);
  });

  test('an HTTP date is the time from now until then', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
  });

  test('an HTTP date in the past means no wait', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:00:00 GMT', now)).toBe(0);
  });

  test('anything else is ignored', () => {
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-5')).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
  });

  // Read as a number, these would be NaN: a wait no budget check stops, and an immediate retry.
  test.each(['10 seconds', '5s', '5.', '.5', '1.5.2', 'x5'])('%j is not a delay', (value) => {
    expect(parseRetryAfter(value)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  test('full jitter: random 0 gives no wait', () => {
    expect(retryDelayMs(1, TRANSIENT, () => 0)).toBe(0);
    expect(retryDelayMs(4, TRANSIENT, () => 0)).toBe(0);
  });

  test('full jitter: random just under 1 gives just under the exponential ceiling', () => {
    expect(retryDelayMs(1, TRANSIENT, () => 0.999)).toBe(999);
    expect(retryDelayMs(2, TRANSIENT, () => 0.999)).toBe(1_998);
    expect(retryDelayMs(3, TRANSIENT, () => 0.999)).toBe(3_996);
    expect(retryDelayMs(4, TRANSIENT, () => 0.999)).toBe(7_992);
  });

  test('the ceiling doubles from BASE_DELAY_MS and stops at MAX_BACKOFF_MS', () => {
    expect(BASE_DELAY_MS).toBe(1_000);
    expect(MAX_BACKOFF_MS).toBe(10_000);
    expect(retryDelayMs(5, TRANSIENT, () => 0.5)).toBe(5_000); // ceiling 16 s capped to 10 s
    expect(retryDelayMs(9, TRANSIENT, () => 0.999)).toBe(9_990);
  });

  test('Retry-After wins over the backoff, whatever the random draw', () => {
    expect(retryDelayMs(1, { ...TRANSIENT, retryAfterMs: 2_500 }, () => 0)).toBe(2_500);
    expect(retryDelayMs(1, { ...TRANSIENT, retryAfterMs: 0 }, () => 0.9)).toBe(0);
  });

  test('Retry-After is capped at MAX_RETRY_AFTER_MS', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(60_000);
    expect(retryDelayMs(1, { ...TRANSIENT, retryAfterMs: 3_600_000 })).toBe(60_000);
  });
});

describe('withRetries', () => {
  type Sleep = (ms: number) => Promise<void>;
  /** Options with a recording log and an instant, recording sleep; random 0.5 halves each ceiling. */
  function options(overrides: Omit<Partial<RetryOptions>, 'log' | 'sleep'> & { sleep?: jest.Mock<Sleep> } = {}) {
    return {
      maxAttempts: 4,
      action: 'do the thing',
      log: jest.fn<(message: string) => void>(),
      sleep: jest.fn<Sleep>(async () => {}),
      random: () => 0.5,
      ...overrides,
    };
  }

  test('returns at once when the first attempt succeeds', async () => {
    const opts = options();
    const operation = jest.fn(async (_attempt: number) => 'ok');
    await expect(withRetries(operation, opts)).resolves.toBe('ok');
    expect(operation).toHaveBeenCalledTimes(1);
    expect(opts.sleep).not.toHaveBeenCalled();
    expect(opts.log).not.toHaveBeenCalled();
  });

  test('succeeds after transient failures, passing the attempt number and waiting through the injected sleep', async () => {
    const opts = options();
    const operation = jest
      .fn(async (_attempt: number) => 'ok')
      .mockRejectedValueOnce(failure(TRANSIENT))
      .mockRejectedValueOnce(failure(TRANSIENT));
    await expect(withRetries(operation, opts)).resolves.toBe('ok');
    expect(operation.mock.calls.map(([attempt]) => attempt)).toEqual([1, 2, 3]);
    // random 0.5: half of 1 s, then half of 2 s
    expect(opts.sleep.mock.calls).toEqual([[500], [1_000]]);
  });

  test('stops at maxAttempts and throws the last error', async () => {
    const opts = options({ maxAttempts: 3 });
    const last = failure(TRANSIENT, 'third');
    const operation = jest
      .fn(async (_attempt: number): Promise<string> => {
        throw failure(TRANSIENT);
      })
      .mockRejectedValueOnce(failure(TRANSIENT, 'first'))
      .mockRejectedValueOnce(failure(TRANSIENT, 'second'))
      .mockRejectedValueOnce(last);
    await expect(withRetries(operation, opts)).rejects.toBe(last);
    expect(operation).toHaveBeenCalledTimes(3);
    expect(opts.sleep).toHaveBeenCalledTimes(2);
  });

  test('maxAttempts 1 means no retry at all', async () => {
    const opts = options({ maxAttempts: 1 });
    const operation = jest.fn(async (_attempt: number): Promise<string> => {
      throw failure(TRANSIENT);
    });
    await expect(withRetries(operation, opts)).rejects.toThrow('boom');
    expect(operation).toHaveBeenCalledTimes(1);
    expect(opts.sleep).not.toHaveBeenCalled();
  });

  test('a non-transient failure is thrown without a retry', async () => {
    const opts = options();
    const fatal = failure({ transient: false, ambiguous: false }, 'bad request');
    const operation = jest.fn(async (_attempt: number): Promise<string> => {
      throw fatal;
    });
    await expect(withRetries(operation, opts)).rejects.toBe(fatal);
    expect(operation).toHaveBeenCalledTimes(1);
    expect(opts.sleep).not.toHaveBeenCalled();
  });

  test('something thrown that is not an Error is not retried, whatever kind it claims', async () => {
    const opts = options();
    const thrown = { message: 'not an Error', kind: TRANSIENT };
    const operation = jest.fn(async (_attempt: number): Promise<string> => {
      throw thrown;
    });
    await expect(withRetries(operation, opts)).rejects.toBe(thrown);
    expect(operation).toHaveBeenCalledTimes(1);
  });

  test('an error whose kind is not an object is not retried', async () => {
    const opts = options();
    const odd = Object.assign(new Error('odd'), { kind: 'transient' });
    const operation = jest.fn(async (_attempt: number): Promise<string> => {
      throw odd;
    });
    await expect(withRetries(operation, opts)).rejects.toBe(odd);
    expect(operation).toHaveBeenCalledTimes(1);
  });

  test('without an injected sleep, the wait is a real timer', async () => {
    // random 0.05: a wait of 50 ms before the second attempt.
    const { sleep: _injected, ...opts } = options({ random: () => 0.05 });
    const operation = jest.fn(async (_attempt: number) => 'ok').mockRejectedValueOnce(failure(TRANSIENT));
    const started = performance.now();
    await expect(withRetries(operation, opts)).resolves.toBe('ok');
    // A lower bound, which load cannot break. Timers may fire a millisecond early; a wait that was
    // skipped takes well under that.
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  test('an unclassified error (no kind) is thrown without a retry', async () => {
    const opts = options();
    const plain = new Error('a bug');
    const operation = jest.fn(async (_attempt: number): Promise<string> => {
      throw plain;
    });
    await expect(withRetries(operation, opts)).rejects.toBe(plain);
    expect(operation).toHaveBeenCalledTimes(1);
  });

  test('beforeRetry runs after each retried failure, before its wait, and not after the last attempt', async () => {
    const events: string[] = [];
    const errors = [failure(TRANSIENT, 'e1'), failure(TRANSIENT, 'e2'), failure(TRANSIENT, 'e3')];
    const opts = options({
      maxAttempts: 3,
      sleep: jest.fn<Sleep>(async (ms) => {
        events.push(`sleep ${ms}`);
      }),
      beforeRetry: async (error) => {
        events.push(`beforeRetry ${error.message}`);
      },
    });
    let n = 0;
    const operation = async (attempt: number): Promise<string> => {
      events.push(`attempt ${attempt}`);
      throw errors[n++];
    };
    await expect(withRetries(operation, opts)).rejects.toThrow('e3');
    expect(events).toEqual(['attempt 1', 'beforeRetry e1', 'sleep 500', 'attempt 2', 'beforeRetry e2', 'sleep 1000', 'attempt 3']);
  });

  test('logs each wait with the attempt, the action, the error and the delay', async () => {
    const opts = options({ maxAttempts: 2 });
    const operation = jest.fn(async (_attempt: number) => 'ok').mockRejectedValueOnce(failure(TRANSIENT, 'HTTP 503'));
    await withRetries(operation, opts);
    expect(opts.log).toHaveBeenCalledTimes(1);
    expect(opts.log).toHaveBeenCalledWith('Attempt 1 of 2 to do the thing failed: HTTP 503. Retrying in 0.5 s.');
  });

  test('a wait equal to what is left of the budget is not begun: the retry would start with nothing left', async () => {
    const opts = options({ remainingMs: () => 500 });
    const error = failure(TRANSIENT, 'HTTP 503');
    const operation = jest.fn(async (_attempt: number) => 'ok').mockRejectedValueOnce(error);
    await expect(withRetries(operation, opts)).rejects.toBe(error);
    expect(operation).toHaveBeenCalledTimes(1);
    expect(opts.sleep).not.toHaveBeenCalled();
    expect(opts.log).toHaveBeenCalledWith(
      "Attempt 1 of 4 to do the thing failed: HTTP 503. Not retrying: a wait of 0.5 s would outlast this step's time for API calls.",
    );
  });

  test('a wait shorter than what is left is begun', async () => {
    const opts = options({ remainingMs: () => 501 });
    const operation = jest.fn(async (_attempt: number) => 'ok').mockRejectedValueOnce(failure(TRANSIENT));
    await expect(withRetries(operation, opts)).resolves.toBe('ok');
    expect(opts.sleep).toHaveBeenCalledWith(500);
  });

  test('a Retry-After delay is used and said in the log', async () => {
    const opts = options();
    const operation = jest
      .fn(async (_attempt: number) => 'ok')
      .mockRejectedValueOnce(failure({ ...TRANSIENT, retryAfterMs: 4_000 }, 'HTTP 429'));
    await withRetries(operation, opts);
    expect(opts.sleep).toHaveBeenCalledWith(4_000);
    expect(opts.log.mock.calls[0]?.[0]).toBe(
      'Attempt 1 of 4 to do the thing failed: HTTP 429. Retrying in 4.0 s (as the server asked with Retry-After).',
    );
  });
});
