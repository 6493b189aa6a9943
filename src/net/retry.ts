/**
 * What is worth another attempt, and how long to wait before it: exponential backoff with full
 * jitter, bounded by max-attempts, honouring a Retry-After the server sends.
 */

/** Statuses that say "try again": the server timed out, is over a limit, or is briefly broken. */
export const TRANSIENT_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];
/** Of those, the ones where the server may have carried out the request before it failed. */
const AMBIGUOUS_STATUSES: readonly number[] = [500, 502, 503, 504];

/** Network errors raised before the request could reach a server: nothing can have happened there. */
const NOT_SENT_CODES: readonly string[] = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'CONNECT_TIMEOUT',
  // The proxy gave no tunnel (unreachable, dropped the CONNECT, or answered it 408, 429 or 5xx).
  // Once a tunnel is open, a failure is ambiguous like any other: the request may have gone through.
  'PROXY_FAILED',
];
/** Failures before the request left that another attempt would meet again: the proxy said no (407, 403). */
const REFUSED_CODES: readonly string[] = ['PROXY_REFUSED'];
/** Network errors that a later attempt can get past: those, and ones after the request went out. */
const TRANSIENT_CODES: readonly string[] = [
  ...NOT_SENT_CODES,
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'REQUEST_TIMEOUT',
];
// RESPONSE_TOO_LARGE (an answer past 1 MiB, a list past 64 MiB) is neither transient nor in the
// lists above. Not transient: the API's answers are a few hundred bytes (a list, some 300 bytes a
// set), so one that size is not the API under load but something else answering (a portal, a
// misrouted URL) or a broken server, and the next attempt would get the same. Ambiguous: the request went out and the server may have acted on it,
// so a create cut off that way may have made credentials, and the sweep must look for them.

export const BASE_DELAY_MS = 1_000;
export const MAX_BACKOFF_MS = 10_000;
/** A Retry-After longer than this is cut to it: a job should not sleep for minutes. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** What a failed attempt tells the retry loop. */
export interface FailureKind {
  transient: boolean;
  /** The server may have acted on the request (it matters for a create, which is not idempotent). */
  ambiguous: boolean;
  /** Milliseconds the server asked us to wait, when it said so. */
  retryAfterMs?: number;
}

/** Errors the API client raises carry what the retry loop needs to know. */
export interface ClassifiedError extends Error {
  kind: FailureKind;
}

export function isClassified(error: unknown): error is ClassifiedError {
  return error instanceof Error && typeof (error as Partial<ClassifiedError>).kind === 'object';
}

export function classifyStatus(status: number, retryAfter?: string): FailureKind {
  return {
    transient: TRANSIENT_STATUSES.includes(status),
    ambiguous: AMBIGUOUS_STATUSES.includes(status),
    retryAfterMs: retryAfter === undefined ? undefined : parseRetryAfter(retryAfter),
  };
}

/**
 * A network-level failure: transient when its code says so; ambiguous unless it never left. The
 * code is whatever the error carried (Node's are strings such as ECONNRESET): a value that is no
 * code in these lists, or none at all, is neither transient nor known to be unsent.
 */
export function classifyNetworkError(code: unknown): FailureKind {
  const isIn = (codes: readonly string[]) => (codes as readonly unknown[]).includes(code);
  return { transient: isIn(TRANSIENT_CODES), ambiguous: !(isIn(NOT_SENT_CODES) || isIn(REFUSED_CODES)) };
}

/** Retry-After is either delay-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string, now: number = Date.now()): number | undefined {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date names its day or month ("Wed, 21 Oct 2015 07:28:00 GMT"); a bare "-5" is no date.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * How long to wait before attempt `attempt + 1`: full jitter over an exponential ceiling, or the
 * server's Retry-After (capped) when it gave one.
 */
export function retryDelayMs(attempt: number, kind: FailureKind, random: () => number = Math.random): number {
  if (kind.retryAfterMs !== undefined) return Math.min(kind.retryAfterMs, MAX_RETRY_AFTER_MS);
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

export interface RetryOptions {
  maxAttempts: number;
  /** What is being attempted, for the log: "create distribution credentials". */
  action: string;
  log: (message: string) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Runs after a transient failure, before the wait: a create uses it to clear up what may have landed. */
  beforeRetry?: (error: ClassifiedError) => Promise<void>;
  /** What is left of the step's time budget (budget.ts): a wait that would outlast it is not begun. */
  remainingMs?: () => number;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `operation` until it succeeds, fails for good, or has used max-attempts. */
export async function withRetries<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const wait = options.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!isClassified(error) || !error.kind.transient || attempt >= options.maxAttempts) throw error;
      await options.beforeRetry?.(error);
      const delay = retryDelayMs(attempt, error.kind, options.random);
      if (options.remainingMs && delay >= options.remainingMs()) {
        options.log(
          `Attempt ${attempt} of ${options.maxAttempts} to ${options.action} failed: ${error.message}. ` +
            `Not retrying: a wait of ${(delay / 1000).toFixed(1)} s would outlast this step's time for API calls.`,
        );
        throw error;
      }
      const reason = error.kind.retryAfterMs !== undefined ? ' (as the server asked with Retry-After)' : '';
      options.log(
        `Attempt ${attempt} of ${options.maxAttempts} to ${options.action} failed: ${error.message}. ` +
          `Retrying in ${(delay / 1000).toFixed(1)} s${reason}.`,
      );
      await wait(delay);
    }
  }
}
