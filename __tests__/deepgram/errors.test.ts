/**
 * src/deepgram/errors.ts: the API's failures as DeepgramApiError, with Deepgram's own words (an
 * error answer's body, request ID and a hint; a request that got no answer), redacted, on one line,
 * and the kind the retry loop reads. That the client raises them: client.test.ts.
 */
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import type { HttpResponse } from '../../src/net/http.js';
import { PROJECT } from '../../__fixtures__/ids.js';

jest.unstable_mockModule('@actions/core', () => core);
const { apiError, DeepgramApiError, errorMessage, excerpt, FATAL, headerValue, isRecord, networkError, unexpected } =
  await import('../../src/deepgram/errors.js');
const { forgetSecrets, protectSecret } = await import('../../src/runner/secrets.js');

const API_KEY = 'dg_test_key_0123456789abcdef';
const COLLECTION = `/v1/projects/${PROJECT}/self-hosted/distribution/credentials`;
const URL_OF_API = `https://api.deepgram.com${COLLECTION}`;
const LIST = 'list distribution credentials';
const CREATE = 'create distribution credentials';

let answered: HttpResponse;
beforeEach(() => {
  forgetSecrets();
  answered = { status: 0, headers: {}, body: '' };
});

/** The error answer is this. */
function answer(status: number, body: unknown = '', headers: HttpResponse['headers'] = {}): void {
  answered = { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

describe("apiError: an error answer, in Deepgram's own words", () => {
  test('category / message / details, request ID from the dg-request-id header', () => {
    answer(400, { category: 'INVALID_REQUEST', message: 'Bad scopes', details: 'unknown scope foo:bar' }, { 'dg-request-id': 'req-h-2' });
    const error = apiError(CREATE, answered);
    expect(error.message).toBe(
      'Deepgram API: create distribution credentials failed with HTTP 400 INVALID_REQUEST: Bad scopes (unknown scope foo:bar) (request ID req-h-2)',
    );
    expect(error.details.code).toBe('INVALID_REQUEST');
    expect(error.details.requestId).toBe('req-h-2');
  });

  test('the request ID from x-request-id when there is no dg-request-id, the first of several, cut to 128 characters', () => {
    answer(500, '', { 'x-request-id': ['r'.repeat(200), 'second'] });
    const error = apiError(LIST, answered);
    expect(error.details.requestId).toBe(`${'r'.repeat(128)}…`);
    expect(error.message).toBe(`Deepgram API: list distribution credentials failed with HTTP 500 (request ID ${'r'.repeat(128)}…)`);
  });

  test('dg-request-id wins over x-request-id', () => {
    answer(500, '', { 'dg-request-id': 'dg-1', 'x-request-id': 'x-1' });
    expect(apiError(LIST, answered).details.requestId).toBe('dg-1');
  });

  test('details alone are the message; details equal to the message are not repeated', () => {
    answer(400, { details: 'only details' });
    expect(apiError(LIST, answered).message).toBe('Deepgram API: list distribution credentials failed with HTTP 400 only details');
    answer(400, { message: 'same', details: 'same' });
    expect(apiError(LIST, answered).message).toBe('Deepgram API: list distribution credentials failed with HTTP 400 same');
  });

  test('an empty err_code or err_msg gives way to category and message', () => {
    answer(400, { err_code: '', category: 'CAT', err_msg: '', message: 'words' });
    const error = apiError(LIST, answered);
    expect(error.message).toBe('Deepgram API: list distribution credentials failed with HTTP 400 CAT: words');
    expect(error.details.code).toBe('CAT');
  });

  test('a JSON string body is the message; a JSON body of another kind gives none', () => {
    answer(400, '"quoted words"');
    expect(apiError(LIST, answered).message).toBe('Deepgram API: list distribution credentials failed with HTTP 400 quoted words');
    answer(400, '[1, 2]');
    expect(apiError(LIST, answered).message).toBe('Deepgram API: list distribution credentials failed with HTTP 400');
  });

  test('white space in an error is folded to one line', () => {
    answer(400, { err_msg: '  two\n  lines \t ' });
    expect(apiError(LIST, answered).message).toBe('Deepgram API: list distribution credentials failed with HTTP 400 two lines');
  });

  test('"permission" in a message of another status gets the role hint', () => {
    answer(400, { err_msg: 'Permission denied' });
    expect(apiError(LIST, answered).message).toContain('The API key needs the owner or admin role, or the keys:write scope');
  });

  test('a status without a hint gets none', () => {
    answer(409, { err_msg: 'Conflict' });
    expect(apiError(LIST, answered).message).toBe('Deepgram API: list distribution credentials failed with HTTP 409 Conflict');
  });

  test('a plain-text body is quoted as is', () => {
    answer(502, 'Bad Gateway');
    const error = apiError(LIST, answered);
    expect(error.message).toBe('Deepgram API: list distribution credentials failed with HTTP 502 Bad Gateway');
    expect(error.kind).toMatchObject({ transient: true, ambiguous: true });
  });

  test('an empty error body still names the status', () => {
    answer(503, '');
    const error = apiError(LIST, answered);
    expect(error.message).toBe('Deepgram API: list distribution credentials failed with HTTP 503');
  });

  test('403 hint: the role or keys:write scope', () => {
    answer(403, { err_code: 'FORBIDDEN', err_msg: 'Forbidden' });
    const error = apiError(CREATE, answered);
    expect(error.message).toMatch(/HTTP 403 FORBIDDEN: Forbidden\. The API key needs the owner or admin role, or the keys:write scope/);
  });

  test('"insufficient permissions" in another status gets the same hint', () => {
    answer(400, { err_msg: 'Insufficient permissions' });
    const error = apiError(CREATE, answered);
    expect(error.message).toContain('keys:write');
  });

  test('404 hint: project-id and self-hosted access', () => {
    answer(404, { err_code: 'PROJECT_NOT_FOUND', err_msg: 'Project not found.' });
    const error = apiError(CREATE, answered);
    expect(error.message).toMatch(/\. Check project-id, and that the project has been granted self-hosted \(on-prem\) access\.$/);
  });

  test('429 hint, transient and not ambiguous', () => {
    answer(429, { err_code: 'TOO_MANY_REQUESTS', err_msg: 'Too many requests' });
    const error = apiError(CREATE, answered);
    expect(error.message).toContain('over its concurrency limit');
    expect(error.kind).toEqual({ transient: true, ambiguous: false, retryAfterMs: undefined });
  });

  test("the error's name, as a stack trace shows it, is DeepgramApiError", () => {
    answer(500, 'down');
    const error = apiError(LIST, answered);
    expect(String(error)).toBe('DeepgramApiError: Deepgram API: list distribution credentials failed with HTTP 500 down');
  });

  test('a Retry-After header flows into kind.retryAfterMs', () => {
    answer(429, 'slow down', { 'retry-after': '3' });
    const error = apiError(CREATE, answered);
    expect(error.kind.retryAfterMs).toBe(3_000);
  });

  test('a very long message is cut to an excerpt', () => {
    answer(500, { err_msg: 'x'.repeat(1_000) });
    const error = apiError(LIST, answered);
    expect(error.message).toContain(`${'x'.repeat(300)}…`);
    expect(error.message).not.toContain('x'.repeat(301));
  });

  test.each([
    [300, 'x'.repeat(300)],
    [301, `${'x'.repeat(300)}…`],
  ])('a message of %i characters is shown as %j', (_length, shown) => {
    answer(500, { err_msg: shown.replace('…', 'x') });
    const error = apiError(LIST, answered);
    expect(error.message).toBe(`Deepgram API: list distribution credentials failed with HTTP 500 ${shown}`);
  });

  test('an API key cut by the 300-character excerpt leaks no part of it', () => {
    protectSecret(API_KEY);
    answer(401, { err_msg: `${'m'.repeat(280)} Token ${API_KEY}` });
    const error = apiError(LIST, answered);
    expect(error.message).not.toContain(API_KEY.slice(0, 10));
  });

  test('an error body that echoes the API key is redacted', () => {
    protectSecret(API_KEY);
    answer(401, { err_code: 'INVALID_AUTH', err_msg: `Invalid credentials: Token ${API_KEY}`, request_id: 'r' });
    const error = apiError(LIST, answered);
    expect(error.message).not.toContain(API_KEY);
    expect(error.message).toContain('Invalid credentials: Token ***');
  });
});

describe('networkError: no answer at all', () => {
  /** What the transport rejected with. */
  let rejected: unknown;
  function refuse(code: string, message: string): void {
    rejected = Object.assign(new Error(message), { code });
  }

  test('the host includes a non-default port', () => {
    refuse('ECONNREFUSED', 'refused');
    expect(networkError(LIST, `http://127.0.0.1:8080${COLLECTION}`, rejected).message).toContain(
      'could not get a response from 127.0.0.1:8080: refused',
    );
  });

  test.each(['ENETDOWN', 'EHOSTDOWN'])('%s: transient, not ambiguous (nothing was sent)', (code) => {
    refuse(code, `connect ${code}`);
    const error = networkError(CREATE, URL_OF_API, rejected);
    expect(error.kind).toEqual({ transient: true, ambiguous: false });
  });

  test('ECONNABORTED: transient and ambiguous (the request may have landed)', () => {
    refuse('ECONNABORTED', 'aborted');
    const error = networkError(CREATE, URL_OF_API, rejected);
    expect(error.kind).toEqual({ transient: true, ambiguous: true });
  });

  test('ECONNRESET: transient and ambiguous (the request may have landed)', () => {
    refuse('ECONNRESET', 'socket hang up');
    const error = networkError(CREATE, URL_OF_API, rejected);
    expect(error.kind).toEqual({ transient: true, ambiguous: true });
  });

  test('a request timeout (code REQUEST_TIMEOUT) is transient and ambiguous', () => {
    refuse('REQUEST_TIMEOUT', 'no response within 30 s (request-timeout)');
    const error = networkError(CREATE, URL_OF_API, rejected);
    expect(error.kind).toEqual({ transient: true, ambiguous: true });
    expect(error.message).toContain('no response within 30 s');
  });

  test('a rejection that is not an Error is still reported', () => {
    rejected = 'weird';
    const error = networkError(LIST, URL_OF_API, rejected);
    expect(error.message).toContain('could not get a response from api.deepgram.com: weird');
    expect(error.kind.transient).toBe(false);
  });

  test('a rejection with nothing in it (null) is still reported, not a TypeError', () => {
    rejected = null;
    const error = networkError(LIST, URL_OF_API, rejected);
    expect(error.message).toBe('Deepgram API: list distribution credentials failed: could not get a response from api.deepgram.com: null');
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
  });

  test('an error message that echoes the API key is redacted', () => {
    protectSecret(API_KEY);
    refuse('ECONNRESET', `proxy rejected Authorization: Token ${API_KEY}`);
    const error = networkError(LIST, URL_OF_API, rejected);
    expect(error.message).not.toContain(API_KEY);
    expect(error.message).toContain('Token ***');
  });
});

describe('the small parts', () => {
  test('DeepgramApiError: its status is the one in its details', () => {
    expect(new DeepgramApiError('x', FATAL, { status: 418 }).status).toBe(418);
    expect(new DeepgramApiError('x', FATAL).status).toBeUndefined();
  });

  test('unexpected: an unexpected response, fatal unless told otherwise, redacted', () => {
    protectSecret(API_KEY);
    const error = unexpected(LIST, `odd ${API_KEY}`);
    expect(error.message).toBe('Deepgram API: list distribution credentials returned an unexpected response: odd ***');
    expect(error.kind).toEqual({ transient: false, ambiguous: false });
    expect(unexpected(CREATE, 'x', { transient: false, ambiguous: true }).kind).toEqual({ transient: false, ambiguous: true });
  });

  test('headerValue: a header, the first of several, or none', () => {
    const response = { status: 200, headers: { one: 'a', many: ['b', 'c'] }, body: '' };
    expect(headerValue(response, 'one')).toBe('a');
    expect(headerValue(response, 'many')).toBe('b');
    expect(headerValue(response, 'none')).toBeUndefined();
  });

  test('excerpt: redacted, on one line, escaped, cut at its limit', () => {
    protectSecret(API_KEY);
    expect(excerpt(`  a\n::error::b ${API_KEY} `)).toBe('a ::error::b ***');
    expect(excerpt('::warning::x')).toBe('\\::warning::x');
    expect(excerpt('abcdef', 3)).toBe('abc…');
    expect(excerpt('abc', 3)).toBe('abc');
  });

  test('isRecord: a JSON object, not an array or null', () => {
    expect(isRecord({})).toBe(true);
    expect([[], null, 'a', 7, undefined].some(isRecord)).toBe(false);
  });

  test('errorMessage: an Error by its message, anything else as text', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(null)).toBe('null');
  });
});
