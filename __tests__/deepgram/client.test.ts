/**
 * src/deepgram/client.ts: create, list and delete, one attempt each, against a mocked transport:
 * what is sent, and that the answers and failures come back whole (their own rules:
 * answers.test.ts, errors.test.ts).
 */
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import type { HttpRequest, HttpResponse, Transport } from '../../src/net/http.js';
import { answering, CREATE_REQUEST, nestedSet } from '../../__fixtures__/transport.js';
import { rejectionOf } from '../../__fixtures__/failure.js';
import { PROJECT, CRED } from '../../__fixtures__/ids.js';

jest.unstable_mockModule('@actions/core', () => core);
const { DeepgramClient } = await import('../../src/deepgram/client.js');
const { DeepgramApiError } = await import('../../src/deepgram/errors.js');
const { forgetSecrets } = await import('../../src/runner/secrets.js');
const { Budget } = await import('../../src/net/budget.js');

const API_KEY = 'dg_test_key_0123456789abcdef';
const SECRET = 'q'.repeat(64);
const COLLECTION = `/v1/projects/${PROJECT}/self-hosted/distribution/credentials`;
const REQUEST = CREATE_REQUEST;

let transport: jest.Mock<Transport>;
let client: InstanceType<typeof DeepgramClient>;

beforeEach(() => {
  forgetSecrets();
  transport = jest.fn<Transport>();
  client = new DeepgramClient({ apiUrl: 'https://api.deepgram.com', apiKey: API_KEY, timeoutMs: 12_000, transport });
});

/** The transport answers every request with this. */
function answer(status: number, body: unknown = '', headers: HttpResponse['headers'] = {}): void {
  transport.mockImplementation(answering(() => ({ status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) })));
}

function sentRequest(index = 0): HttpRequest {
  const request = transport.mock.calls[index]?.[0];
  expect(request).toBeDefined();
  return request!;
}

/** The DeepgramApiError a promise rejects with. */
const apiError = (promise: Promise<unknown>) => rejectionOf(promise, DeepgramApiError);

const nested = nestedSet;

describe('create: the request', () => {
  beforeEach(() => answer(200, nested({ secret: SECRET, username: `deepgram+${CRED}` })));

  test('POST to the collection with scopes (repeated) and provider in the query', async () => {
    await client.create(PROJECT, REQUEST);
    expect(transport).toHaveBeenCalledTimes(1);
    const request = sentRequest();
    expect(request.method).toBe('POST');
    const url = new URL(request.url);
    expect(url.origin).toBe('https://api.deepgram.com');
    expect(url.pathname).toBe(COLLECTION);
    expect(url.searchParams.getAll('scopes')).toEqual(['self-hosted:product:api', 'self-hosted:product:engine']);
    expect(url.searchParams.getAll('provider')).toEqual(['quay']);
  });

  test('a JSON body with comment, scopes and provider', async () => {
    await client.create(PROJECT, REQUEST);
    expect(JSON.parse(sentRequest().body ?? '')).toEqual(REQUEST);
  });

  test('Token authorization, JSON content type and the timeout', async () => {
    await client.create(PROJECT, REQUEST);
    const request = sentRequest();
    expect(request.headers.Authorization).toBe(`Token ${API_KEY}`);
    expect(request.headers['Content-Type']).toBe('application/json');
    expect(request.headers.Accept).toBe('application/json');
    expect(request.timeoutMs).toBe(12_000);
  });

  test('a base URL with a path prefix keeps it', async () => {
    client = new DeepgramClient({ apiUrl: 'http://127.0.0.1:8080/prefix', apiKey: API_KEY, timeoutMs: 1_000, transport });
    await client.create(PROJECT, REQUEST);
    expect(new URL(sentRequest().url).pathname).toBe(`/prefix${COLLECTION}`);
  });
});

describe('create: the answer, end to end (its rules: answers.test.ts)', () => {
  test('current shape: fields nested under distribution_credentials', async () => {
    answer(201, nested({ secret: SECRET, username: 'deepgram+given' }));
    await expect(client.create(PROJECT, REQUEST)).resolves.toEqual({
      id: CRED,
      username: 'deepgram+given',
      secret: SECRET,
      scopes: REQUEST.scopes,
      comment: REQUEST.comment,
    });
  });

  test('a 200 that is not JSON: not retried but "may have created", quoting the body', async () => {
    answer(200, '<html>gateway</html>');
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
    expect(error.message).toBe(
      'Deepgram API: create distribution credentials returned an unexpected response: HTTP 200 with a body that is not JSON: <html>gateway</html>',
    );
  });
});

describe('list (what of an entry is believed: answers.test.ts)', () => {
  test('GET the collection and read the nested items, with their created time', async () => {
    answer(200, {
      distribution_credentials: [
        {
          member: { member_id: 'm' },
          distribution_credentials: { distribution_credentials_id: 'a', comment: 'first [dg-action:x]', created: '2023-06-28T15:36:59Z' },
        },
        { member: { member_id: 'm' }, distribution_credentials: { distribution_credentials_id: 'b', created: 1687966619 } },
      ],
    });
    const listed = await client.list(PROJECT);
    expect(listed.items).toEqual([
      { id: 'a', comment: 'first [dg-action:x]', created: '2023-06-28T15:36:59Z' },
      { id: 'b', comment: '' },
    ]);
    // A created time that is not a string is not passed on as one.
    expect(listed.items[1]?.created).toBeUndefined();
    // No Date header, no API time.
    expect(listed).not.toHaveProperty('date');
    const request = sentRequest();
    expect(request.method).toBe('GET');
    expect(new URL(request.url).pathname).toBe(COLLECTION);
    expect(new URL(request.url).search).toBe('');
    expect(request.body).toBeUndefined();
    expect(request.headers['Content-Type']).toBeUndefined();
    expect(request.headers.Authorization).toBe(`Token ${API_KEY}`);
  });

  test('an empty list is fine', async () => {
    answer(200, { distribution_credentials: [] });
    await expect(client.list(PROJECT)).resolves.toEqual({ items: [] });
  });

  test("the answer's Date header comes beside the items, as sent (deepgram/clock.ts reads it)", async () => {
    answer(200, { distribution_credentials: [] }, { date: 'Tue, 01 Dec 2026 10:00:00 GMT' });
    await expect(client.list(PROJECT)).resolves.toEqual({ items: [], date: 'Tue, 01 Dec 2026 10:00:00 GMT' });
    answer(200, { distribution_credentials: [] }, { date: ['Tue, 01 Dec 2026 10:00:00 GMT', 'x'] });
    await expect(client.list(PROJECT)).resolves.toEqual({ items: [], date: 'Tue, 01 Dec 2026 10:00:00 GMT' });
  });

  test('no array: an unexpected-response error', async () => {
    answer(200, { items: [] });
    await expect(client.list(PROJECT)).rejects.toThrow('no distribution_credentials array');
  });

  test('a malformed answer (200 with {}) is neither retried nor "may have created"', async () => {
    answer(200, {});
    const error = await apiError(client.list(PROJECT));
    expect(error.kind).toEqual({ transient: false, ambiguous: false });
    expect(error.message).toBe(
      'Deepgram API: list distribution credentials returned an unexpected response: no distribution_credentials array',
    );
  });

  test('an answer that is not JSON is fatal, not "may have created" (a list creates nothing)', async () => {
    answer(200, '<html>portal</html>');
    const error = await apiError(client.list(PROJECT));
    expect(error.kind).toEqual({ transient: false, ambiguous: false });
    // The list is read as it arrives: the reader refuses it at its first character.
    expect(error.message).toBe(
      'Deepgram API: list distribution credentials returned an unexpected response: the answer is not a JSON object',
    );
  });

  describe('an answer whose entries read well but which is not JSON: the list fails, so nothing is acted on', () => {
    const good = JSON.stringify([nested({}), nested({ distribution_credentials_id: 'b' })]);
    test.each([
      ['no colon after the key', `{"distribution_credentials" ${good}}`, 'the answer is not well-formed JSON'],
      ['text after the array', `{"distribution_credentials":${good} garbage}`, 'the answer is not well-formed JSON'],
      ['a colon and a value after the array', `{"distribution_credentials":${good} : "y"}`, 'the answer is not well-formed JSON'],
      ['no closing brace', `{"distribution_credentials":${good}`, 'the answer ended before its JSON did'],
      [
        'arrays nested 8 MiB deep after it',
        `{"distribution_credentials":${good},"x":${'['.repeat(8 * 1024 * 1024)}`,
        'the answer is nested more than 64 deep',
      ],
    ])('%s', async (_, body, why) => {
      answer(200, body);
      const error = await apiError(client.list(PROJECT));
      expect(error.message).toBe(`Deepgram API: list distribution credentials returned an unexpected response: ${why}`);
      expect(error.kind).toEqual({ transient: false, ambiguous: false });
    });
  });

  test('an entry without an id: an unexpected-response error', async () => {
    answer(200, { distribution_credentials: [{ distribution_credentials: { comment: 'x' } }] });
    await expect(client.list(PROJECT)).rejects.toThrow('an entry has no distribution_credentials_id');
  });
});

describe('list: how much of an answer is read (LIST_LIMITS)', () => {
  const entry = (i: number, comment = '') => ({ distribution_credentials: { distribution_credentials_id: `id-${i}`, comment } });
  const sets = (n: number) => Array.from({ length: n }, (_, i) => entry(i));

  test('a project of 20,000 sets (about 1.5 MB, over the 1 MiB cap of other answers) is listed whole', async () => {
    answer(200, { distribution_credentials: sets(20_000).map((set, i) => ({ ...set, member: { email: `m${i}@example.com` } })) });
    const { items } = await client.list(PROJECT);
    expect(items).toHaveLength(20_000);
    expect(items[19_999]).toEqual({ id: 'id-19999', comment: '', member: 'm19999@example.com' });
  });

  test('an answer of more than 64 MiB is refused, and so is the list', async () => {
    const padding = ' '.repeat(64 * 1024 * 1024);
    answer(200, `{"distribution_credentials":[${padding}]}`);
    const error = await apiError(client.list(PROJECT));
    // The cap is the one the client asked the transport for (the stand-in names it in its refusal).
    expect(error.message).toBe(
      'Deepgram API: list distribution credentials failed: could not get a response from api.deepgram.com: the answer is over 67108864 bytes',
    );
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
  });

  test('an entry of 64 KiB is read, and one of more is refused', async () => {
    const around = JSON.stringify(entry(0, '')).length;
    answer(200, { distribution_credentials: [entry(0, 'c'.repeat(64 * 1024 - around))] });
    await expect(client.list(PROJECT)).resolves.toMatchObject({ items: [{ id: 'id-0' }] });
    answer(200, { distribution_credentials: [entry(0, 'c'.repeat(64 * 1024 - around + 1))] });
    const error = await apiError(client.list(PROJECT));
    expect(error.message).toMatch(/^Deepgram API: list distribution credentials returned an unexpected response: .*65536/);
    expect(error.kind).toEqual({ transient: false, ambiguous: false });
  });

  test('250,000 sets are read, and one more is refused', async () => {
    // Flat entries (the older API's form), the shortest there are.
    const flat = (n: number) =>
      `{"distribution_credentials":[${'{"distribution_credentials_id":"a"},'.repeat(n - 1)}{"distribution_credentials_id":"a"}]}`;
    answer(200, flat(250_000));
    await expect(client.list(PROJECT)).resolves.toMatchObject({ items: { length: 250_000 } });
    answer(200, flat(250_001));
    const error = await apiError(client.list(PROJECT));
    expect(error.message).toBe(
      'Deepgram API: list distribution credentials returned an unexpected response: distribution_credentials holds more than 250000 entries, the most this action reads',
    );
  });
});

describe('delete', () => {
  test('DELETE the item URL, no body', async () => {
    answer(200, { message: 'Successfully deleted' });
    await expect(client.delete(PROJECT, CRED)).resolves.toBe('deleted');
    const request = sentRequest();
    expect(request.method).toBe('DELETE');
    expect(new URL(request.url).pathname).toBe(`${COLLECTION}/${CRED}`);
    expect(request.body).toBeUndefined();
  });

  test.each([
    ['the older message body', { message: 'Successfully deleted credentials' }],
    ['the current get-shaped body', nested({})],
    ['an empty body', ''],
    ['a blank body', ' \n'],
  ])('200 with %s is deleted', async (_name, body) => {
    answer(200, body);
    await expect(client.delete(PROJECT, CRED)).resolves.toBe('deleted');
  });

  test('200 with a body that is not JSON is still deleted', async () => {
    answer(200, 'Deleted.');
    await expect(client.delete(PROJECT, CRED)).resolves.toBe('deleted');
  });

  test('204 with no body is deleted', async () => {
    answer(204, '');
    await expect(client.delete(PROJECT, CRED)).resolves.toBe('deleted');
  });

  test('404 means already gone', async () => {
    answer(404, { err_code: 'NOT_FOUND', err_msg: 'Distribution credentials not found.' });
    await expect(client.delete(PROJECT, CRED)).resolves.toBe('already-gone');
  });

  test('404 PROJECT_NOT_FOUND is an error, not "already gone"', async () => {
    answer(404, { err_code: 'PROJECT_NOT_FOUND', err_msg: 'Project not found.' });
    const error = await apiError(client.delete(PROJECT, CRED));
    expect(error.status).toBe(404);
    expect(error.details.code).toBe('PROJECT_NOT_FOUND');
    expect(error.message).toContain(`delete distribution credentials ${CRED} failed with HTTP 404 PROJECT_NOT_FOUND: Project not found.`);
  });

  test.each(['..', '.', 'a/b', ''])('an ID of %j is refused before any request, neither retried nor "may have created"', async (id) => {
    const error = await apiError(client.delete(PROJECT, id));
    expect(error.message).toBe(`Refusing to delete "${id}": not a distribution credentials ID`);
    expect(error.kind).toEqual({ transient: false, ambiguous: false });
    expect(transport).not.toHaveBeenCalled();
  });

  test('an ID holding a line break is refused, quoted on one line', async () => {
    const error = await apiError(client.delete(PROJECT, 'a\n::warning::x'));
    expect(error.message).toBe('Refusing to delete "a\\n::warning::x": not a distribution credentials ID');
    expect(transport).not.toHaveBeenCalled();
  });

  test('other failures are thrown', async () => {
    answer(403, { err_code: 'FORBIDDEN', err_msg: 'Insufficient permissions.' });
    await expect(client.delete(PROJECT, CRED)).rejects.toThrow('HTTP 403');
  });
});

describe('status', () => {
  test.each([200, 201, 204, 299])('%i is success', async (status) => {
    answer(status, { distribution_credentials: [] });
    await expect(client.list(PROJECT)).resolves.toEqual({ items: [] });
  });

  test.each([100, 199, 300, 302])('%i is not', async (status) => {
    answer(status, { distribution_credentials: [] });
    const error = await apiError(client.list(PROJECT));
    expect(error.status).toBe(status);
    expect(error.message).toBe(`Deepgram API: list distribution credentials failed with HTTP ${status}`);
  });
});

describe('error formatting, end to end (its rules: errors.test.ts)', () => {
  test('err_code / err_msg with the body request_id, and the 401 hint', async () => {
    answer(
      401,
      { err_code: 'INVALID_AUTH', err_msg: 'Invalid credentials.', request_id: 'req-body-1' },
      { 'dg-request-id': 'req-header-1' },
    );
    const error = await apiError(client.list(PROJECT));
    expect(error.message).toBe(
      'Deepgram API: list distribution credentials failed with HTTP 401 INVALID_AUTH: Invalid credentials. (request ID req-body-1). ' +
        'Check that api-key is a valid, unexpired Deepgram API key (short-lived tokens from /v1/auth/grant do not work here).',
    );
    expect(error.details).toEqual({ status: 401, code: 'INVALID_AUTH', requestId: 'req-body-1' });
    expect(error.kind).toEqual({ transient: false, ambiguous: false, retryAfterMs: undefined });
  });
});

describe('network errors, end to end (their rules: errors.test.ts)', () => {
  function refuse(code: string, message: string): void {
    transport.mockRejectedValue(Object.assign(new Error(message), { code }));
  }

  test('ECONNREFUSED: transient, not ambiguous, naming the host', async () => {
    refuse('ECONNREFUSED', 'connect ECONNREFUSED 10.1.2.3:443');
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.kind).toEqual({ transient: true, ambiguous: false });
    expect(error.message).toBe(
      'Deepgram API: create distribution credentials failed: could not get a response from api.deepgram.com: connect ECONNREFUSED 10.1.2.3:443',
    );
    expect(error.status).toBeUndefined();
  });
});

describe('the step budget', () => {
  test('the client hands on its budget and its request timeout (the retries and the in-flight mark use them)', () => {
    const budget = new Budget(20_000);
    client = new DeepgramClient({ apiUrl: 'https://api.deepgram.com', apiKey: API_KEY, timeoutMs: 12_000, transport, budget });
    expect(client.budget).toBe(budget);
    expect(client.timeoutMs).toBe(12_000);
  });

  test('each request is cut to what is left of the budget', async () => {
    let now = 0;
    const budget = new Budget(20_000, () => now);
    client = new DeepgramClient({ apiUrl: 'https://api.deepgram.com', apiKey: API_KEY, timeoutMs: 12_000, transport, budget });
    answer(200, { distribution_credentials: [] });
    await client.list(PROJECT);
    expect(sentRequest(0).timeoutMs).toBe(12_000);
    now = 15_000;
    await client.list(PROJECT);
    expect(sentRequest(1).timeoutMs).toBe(5_000);
  });

  test('with less than a second left, nothing is sent: an error that is neither retried nor "may have created"', async () => {
    let now = 0;
    const budget = new Budget(10_000, () => now);
    client = new DeepgramClient({ apiUrl: 'https://api.deepgram.com', apiKey: API_KEY, timeoutMs: 12_000, transport, budget });
    now = 9_500;
    await expect(client.create(PROJECT, REQUEST)).rejects.toMatchObject({ kind: { transient: false, ambiguous: false } });
    await expect(client.create(PROJECT, REQUEST)).rejects.toThrow(
      "Deepgram API: create distribution credentials: not sent, this step's time for API calls (10 s) is used up",
    );
    expect(transport).not.toHaveBeenCalled();
  });

  test('with a second left exactly, the request is sent with that second', async () => {
    let now = 0;
    const budget = new Budget(10_000, () => now);
    client = new DeepgramClient({ apiUrl: 'https://api.deepgram.com', apiKey: API_KEY, timeoutMs: 12_000, transport, budget });
    answer(200, { distribution_credentials: [] });
    now = 9_000;
    await client.list(PROJECT);
    expect(sentRequest().timeoutMs).toBe(1_000);
  });

  test('without a budget, a short timeout is no reason to hold a request back', async () => {
    client = new DeepgramClient({ apiUrl: 'https://api.deepgram.com', apiKey: API_KEY, timeoutMs: 500, transport });
    answer(200, { distribution_credentials: [] });
    await client.list(PROJECT);
    expect(sentRequest().timeoutMs).toBe(500);
  });
});
