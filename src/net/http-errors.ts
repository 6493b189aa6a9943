/**
 * How one HTTP request fails, beyond Node's own socket errors: each error carries a `code` that
 * net/retry.ts's classifyNetworkError reads to decide whether another attempt is safe.
 */

/** Raised when no complete response arrived within the request's deadline. */
export class RequestTimeoutError extends Error {
  readonly code = 'REQUEST_TIMEOUT';
  constructor(timeoutMs: number) {
    super(`no response within ${timeoutMs / 1000} s (request-timeout)`);
    this.name = 'RequestTimeoutError';
  }
}

/** Raised when the connection to the server did not open in time: nothing was sent. */
export class ConnectTimeoutError extends Error {
  readonly code = 'CONNECT_TIMEOUT';
  constructor(timeoutMs: number) {
    super(`could not connect within ${timeoutMs / 1000} s`);
    this.name = 'ConnectTimeoutError';
  }
}

/** Raised when the answer is larger than MAX_RESPONSE_BYTES: reading stopped, the connection was closed. */
export class ResponseTooLargeError extends Error {
  readonly code = 'RESPONSE_TOO_LARGE';
  constructor(limit: number) {
    super(`the answer was larger than ${limit / 1024 / 1024} MiB, the most this action reads; the connection was closed`);
    this.name = 'ResponseTooLargeError';
  }
}

/**
 * Raised when the proxy gave no tunnel to the API: it could not be reached, dropped the
 * connection, or answered the CONNECT with an error. Nothing reached the API either way.
 * PROXY_FAILED is worth another attempt (the proxy down, timing out or overloaded: 408, 429,
 * 5xx); PROXY_REFUSED is the proxy's decision (407 authentication, 403 a host it does not allow).
 */
export class ProxyTunnelError extends Error {
  constructor(
    readonly code: 'PROXY_FAILED' | 'PROXY_REFUSED',
    message: string,
  ) {
    super(message);
    this.name = 'ProxyTunnelError';
  }
}
