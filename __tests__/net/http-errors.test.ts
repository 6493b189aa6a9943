/**
 * src/net/http-errors.ts: how one HTTP request fails, each error with the code the retry loop
 * reads (net/retry.ts) and a message that says what happened. When sendRequest raises them: http.test.ts.
 */
import { describe, expect, test } from '@jest/globals';
import { ConnectTimeoutError, ProxyTunnelError, RequestTimeoutError, ResponseTooLargeError } from '../../src/net/http-errors.js';
import { classifyNetworkError } from '../../src/net/retry.js';

describe('each error: its name, code and message', () => {
  test.each([
    [new RequestTimeoutError(30_000), 'RequestTimeoutError', 'REQUEST_TIMEOUT', 'no response within 30 s (request-timeout)'],
    [new RequestTimeoutError(300), 'RequestTimeoutError', 'REQUEST_TIMEOUT', 'no response within 0.3 s (request-timeout)'],
    [new ConnectTimeoutError(10_000), 'ConnectTimeoutError', 'CONNECT_TIMEOUT', 'could not connect within 10 s'],
    [
      new ResponseTooLargeError(1024 * 1024),
      'ResponseTooLargeError',
      'RESPONSE_TOO_LARGE',
      'the answer was larger than 1 MiB, the most this action reads; the connection was closed',
    ],
    [
      new ResponseTooLargeError(64 * 1024 * 1024),
      'ResponseTooLargeError',
      'RESPONSE_TOO_LARGE',
      'the answer was larger than 64 MiB, the most this action reads; the connection was closed',
    ],
    [new ProxyTunnelError('PROXY_FAILED', 'no tunnel'), 'ProxyTunnelError', 'PROXY_FAILED', 'no tunnel'],
    [new ProxyTunnelError('PROXY_REFUSED', 'refused'), 'ProxyTunnelError', 'PROXY_REFUSED', 'refused'],
  ])('%s', (error, name, code, message) => {
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    // As a stack trace or a log line shows it.
    expect(String(error)).toBe(`${name}: ${message}`);
  });
});

describe('what the retry loop makes of each code', () => {
  test.each([
    [
      'a connection that never opened sent nothing: another attempt is safe',
      new ConnectTimeoutError(1),
      { transient: true, ambiguous: false },
    ],
    [
      'no tunnel, so nothing reached the API: another attempt is safe',
      new ProxyTunnelError('PROXY_FAILED', ''),
      { transient: true, ambiguous: false },
    ],
    [
      "the proxy's decision: not retried, and nothing was sent",
      new ProxyTunnelError('PROXY_REFUSED', ''),
      { transient: false, ambiguous: false },
    ],
    ['no answer in time: retried, but the request may have landed', new RequestTimeoutError(1), { transient: true, ambiguous: true }],
    [
      'an answer past the cap: not retried (it would be as large again)',
      new ResponseTooLargeError(1),
      { transient: false, ambiguous: true },
    ],
  ])('%s', (_why, error, kind) => {
    expect(classifyNetworkError(error.code)).toEqual(kind);
  });
});
