import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import type { HttpRequest, HttpResponse, Transport } from '../../src/net/http.js';
import { answering } from '../../__fixtures__/transport.js';
import { PROJECT, CRED } from '../../__fixtures__/ids.js';

jest.unstable_mockModule('@actions/core', () => core);
const { DeepgramClient } = await import('../../src/deepgram/client.js');
const { DeepgramApiError } = await import('../../src/deepgram/errors.js');
const { forgetSecrets, protectSecret } = await import('../../src/runner/secrets.js');
const { Budget } = await import('../../src/net/budget.js');

const API_KEY = 'dg_test_key_0123456789abcdef';
const SECRET = 'q'.repeat(64);
const COLLECTION = `/v1/projects/${PROJECT}/self-hosted/distribution/credentials`;
const REQUEST = { comment: 'ci run [dg-action:abc]', scopes: ['self-hosted:product:api', 'self-hosted:product:engine'], provider: 'quay' };

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
async function apiError(promise: Promise<unknown>): Promise<InstanceType<typeof DeepgramApiError>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeepgramApiError);
  return error as InstanceType<typeof DeepgramApiError>;
}

const nested = (fields: Record<string, unknown>) => ({
  member: { member_id: 'm-1', email: 'ci@example.com' },
  distribution_credentials: {
    distribution_credentials_id: CRED,
    provider: 'quay',
    comment: REQUEST.comment,
    scopes: REQUEST.scopes,
    created: '2025-01-01T00:00:00Z',
    ...fields,
  },
});

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

describe('create: the response', () => {
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

  test('legacy flat shape: fields at the top level', async () => {
    answer(200, {
      distribution_credentials_id: CRED,
      username: `deepgram+${CRED}`,
      secret: SECRET,
      comment: 'old',
      scopes: ['onprem:products'],
      provider: 'quay',
    });
    await expect(client.create(PROJECT, REQUEST)).resolves.toEqual({
      id: CRED,
      username: `deepgram+${CRED}`,
      secret: SECRET,
      scopes: ['onprem:products'],
      comment: 'old',
    });
  });

  test('nested record with the secret at the top level still yields the secret', async () => {
    answer(200, { ...nested({}), secret: SECRET });
    await expect(client.create(PROJECT, REQUEST)).resolves.toMatchObject({ id: CRED, secret: SECRET });
  });

  test('no username: it is deepgram+<id>', async () => {
    answer(200, nested({ secret: SECRET }));
    await expect(client.create(PROJECT, REQUEST)).resolves.toMatchObject({ username: `deepgram+${CRED}` });
  });

  test('an empty username: it is deepgram+<id> too', async () => {
    answer(200, nested({ secret: SECRET, username: '' }));
    await expect(client.create(PROJECT, REQUEST)).resolves.toMatchObject({ username: `deepgram+${CRED}` });
  });

  test('a body of null: created but unusable (revoke and sweep follow), not a TypeError that skips them', async () => {
    answer(201, 'null');
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
    expect(error.message).toBe(
      'Deepgram API: create distribution credentials answered with credentials that cannot be used: the body is not a JSON object',
    );
  });

  test('no secret: not retried, but "may have created", carrying the id of what was created', async () => {
    answer(200, nested({}));
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.details.credentialsId).toBe(CRED);
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
    expect(error.message).toBe(
      `Deepgram API: create distribution credentials answered with credentials that cannot be used: no secret for ${CRED}, so it cannot log in`,
    );
  });

  test.each([
    [
      'an id that is a number',
      nested({ distribution_credentials_id: 42, secret: SECRET }),
      'distribution_credentials_id (a number) is not a credentials ID',
    ],
    [
      'an id of ".."',
      nested({ distribution_credentials_id: '..', secret: SECRET }),
      'distribution_credentials_id ".." is not a credentials ID',
    ],
    [
      'an id holding a workflow command',
      nested({ distribution_credentials_id: 'a\n::set-output name=x::y', secret: SECRET }),
      'distribution_credentials_id "a\\n::set-output name=x::y" is not a credentials ID',
    ],
    ['a renamed id field', { distribution_credentials: { id: CRED, secret: SECRET } }, 'no distribution_credentials_id'],
    [
      'a username with a newline',
      nested({ secret: SECRET, username: 'deepgram+x\n::save-state name=a::b' }),
      'username "deepgram+x\\n::save-state name=a::b" is not one docker can log in with',
    ],
    [
      'a username that is a flag',
      nested({ secret: SECRET, username: '--password=x' }),
      'username "--password=x" is not one docker can log in with',
    ],
    ['a username with a colon', nested({ secret: SECRET, username: 'a:b' }), 'username "a:b" is not one docker can log in with'],
    ['a secret with a newline', nested({ secret: `${SECRET}\nmore` }), `the secret for ${CRED} is not one line of visible text`],
    ['an array', [], 'the body is not a JSON object'],
  ])('%s: "may have created", not retried', async (_name, body, what) => {
    answer(201, body);
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
    expect(error.message).toBe(`Deepgram API: create distribution credentials answered with credentials that cannot be used: ${what}`);
    expect(error.message).not.toContain('\n');
  });

  test('scopes in the answer that are not scopes are dropped', async () => {
    answer(201, nested({ secret: SECRET, scopes: ['self-hosted:product:api', '<b>x</b>', 7, 'a\nb:c'] }));
    await expect(client.create(PROJECT, REQUEST)).resolves.toMatchObject({ scopes: ['self-hosted:product:api'] });
  });

  test.each([
    ['a number', 7],
    ['null', null],
    ['an object', { scope: 'a:b' }],
    // RegExp.test would read ['a:b'] as the string "a:b": the type is checked first.
    ['an array holding a scope', ['a:b']],
    ['a workflow command after a scope', 'a:b\n::set-output name=x::y'],
    ['a space inside', 'a:b c'],
    ['a leading space', ' a:b'],
  ])('a scope that is %s is dropped', async (_name, scope) => {
    answer(201, nested({ secret: SECRET, scopes: [scope, 'self-hosted:product:api'] }));
    await expect(client.create(PROJECT, REQUEST)).resolves.toMatchObject({ scopes: ['self-hosted:product:api'] });
  });

  test.each([
    ['a string', 'self-hosted:product:api'],
    ['an object', { 0: 'self-hosted:product:api', length: 1 }],
    ['null', null],
  ])('scopes that are %s, not an array, give none', async (_name, scopes) => {
    answer(201, nested({ secret: SECRET, scopes }));
    await expect(client.create(PROJECT, REQUEST)).resolves.toMatchObject({ scopes: [] });
  });

  test('a 200 that is not JSON: not retried but "may have created", quoting the body', async () => {
    answer(200, '<html>gateway</html>');
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
    expect(error.message).toBe(
      'Deepgram API: create distribution credentials returned an unexpected response: HTTP 200 with a body that is not JSON: <html>gateway</html>',
    );
  });

  test('no distribution_credentials_id: not retried but "may have created"', async () => {
    answer(200, { distribution_credentials: { secret: SECRET } });
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
    expect(error.message).toContain('no distribution_credentials_id');
    expect(error.details.credentialsId).toBeUndefined();
  });

  test.each([
    ['an empty id', nested({ distribution_credentials_id: '', secret: SECRET }), 'no distribution_credentials_id'],
    [
      'an id too long to quote whole',
      nested({ distribution_credentials_id: 'x'.repeat(200), secret: SECRET }),
      `distribution_credentials_id "${'x'.repeat(80)}…" is not a credentials ID`,
    ],
    ['an empty secret', nested({ secret: '' }), `no secret for ${CRED}, so it cannot log in`],
    ['a secret that is a number', nested({ secret: 42 }), `no secret for ${CRED}, so it cannot log in`],
    ['a secret with a space', nested({ secret: 'a b' }), `the secret for ${CRED} is not one line of visible text`],
    ['a secret of 1,025 characters', nested({ secret: 's'.repeat(1025) }), `the secret for ${CRED} is not one line of visible text`],
    ['a username that is a number', nested({ secret: SECRET, username: 42 }), 'username (a number) is not one docker can log in with'],
    [
      'a username that is null at both levels',
      { ...nested({ secret: SECRET, username: null }), username: null },
      'username (a null) is not one docker can log in with',
    ],
    [
      'a username of 80 characters, quoted whole',
      nested({ secret: SECRET, username: `${'u'.repeat(79)}:` }),
      `username "${'u'.repeat(79)}:" is not one docker can log in with`,
    ],
    [
      'a username of 81 characters, cut to 80',
      nested({ secret: SECRET, username: `${'u'.repeat(80)}:` }),
      `username "${'u'.repeat(80)}…" is not one docker can log in with`,
    ],
    [
      'a username of 257 characters',
      nested({ secret: SECRET, username: 'u'.repeat(257) }),
      `username "${'u'.repeat(80)}…" is not one docker can log in with`,
    ],
    ['a username with a space', nested({ secret: SECRET, username: 'a b' }), 'username "a b" is not one docker can log in with'],
    [
      'a username with a control character',
      nested({ secret: SECRET, username: 'a\u0007b' }),
      'username "a\\u0007b" is not one docker can log in with',
    ],
  ])('%s: "may have created"', async (_name, body, what) => {
    answer(201, body);
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
    expect(error.message).toBe(`Deepgram API: create distribution credentials answered with credentials that cannot be used: ${what}`);
  });

  test('the longest secret (1,024 characters) and username (256) are taken', async () => {
    answer(201, nested({ secret: 's'.repeat(1024), username: 'u'.repeat(256) }));
    await expect(client.create(PROJECT, REQUEST)).resolves.toMatchObject({ secret: 's'.repeat(1024), username: 'u'.repeat(256) });
  });

  test('an answer without a comment, or with one that is not a string, echoes none (nothing to check the tag against)', async () => {
    answer(201, nested({ secret: SECRET, comment: undefined }));
    await expect(client.create(PROJECT, REQUEST)).resolves.not.toHaveProperty('comment');
    answer(201, nested({ secret: SECRET, comment: 7 }));
    await expect(client.create(PROJECT, REQUEST)).resolves.not.toHaveProperty('comment');
  });

  test('a 201 with an empty body: "may have created", saying the body was empty', async () => {
    answer(201, '');
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
    expect(error.message).toBe(
      'Deepgram API: create distribution credentials returned an unexpected response: HTTP 201 with a body that is not JSON: (empty)',
    );
  });

  test('a JSON body that is not an object: not usable', async () => {
    answer(200, '[]');
    await expect(client.create(PROJECT, REQUEST)).rejects.toThrow('the body is not a JSON object');
  });
});

describe('list', () => {
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

  test("each set's scopes, and the email of the member listed beside it, as data", async () => {
    answer(200, {
      distribution_credentials: [
        {
          member: { member_id: 'm', email: 'ops@example.com\n::error::x' },
          distribution_credentials: { distribution_credentials_id: 'a', comment: 'c', scopes: ['self-hosted:products', 7, 'odd scope'] },
        },
        {
          member: { member_id: 'm', email: 42 },
          distribution_credentials: { distribution_credentials_id: 'b', scopes: 'self-hosted:products' },
        },
        { member: 'ops@example.com', distribution_credentials: { distribution_credentials_id: 'c' } },
      ],
    });
    await expect(client.list(PROJECT)).resolves.toEqual({
      items: [
        // Kept as the API gave them (strings only): whoever shows them escapes them.
        { id: 'a', comment: 'c', scopes: ['self-hosted:products', 'odd scope'], member: 'ops@example.com\n::error::x' },
        { id: 'b', comment: '' },
        { id: 'c', comment: '' },
      ],
    });
  });

  test('flat items are read too', async () => {
    answer(200, { distribution_credentials: [{ distribution_credentials_id: 'c', comment: 'flat' }] });
    await expect(client.list(PROJECT)).resolves.toEqual({ items: [{ id: 'c', comment: 'flat' }] });
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

  test.each([null, 7, 'a', [CRED]])('an entry that is %j: an unexpected-response error, not a TypeError', async (entry) => {
    answer(200, { distribution_credentials: [entry] });
    const error = await apiError(client.list(PROJECT));
    expect(error.message).toBe(
      'Deepgram API: list distribution credentials returned an unexpected response: an entry has no distribution_credentials_id',
    );
    expect(error.kind).toEqual({ transient: false, ambiguous: false });
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

describe('error formatting', () => {
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

  test('category / message / details, request ID from the dg-request-id header', async () => {
    answer(400, { category: 'INVALID_REQUEST', message: 'Bad scopes', details: 'unknown scope foo:bar' }, { 'dg-request-id': 'req-h-2' });
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.message).toBe(
      'Deepgram API: create distribution credentials failed with HTTP 400 INVALID_REQUEST: Bad scopes (unknown scope foo:bar) (request ID req-h-2)',
    );
    expect(error.details.code).toBe('INVALID_REQUEST');
    expect(error.details.requestId).toBe('req-h-2');
  });

  test('the request ID from x-request-id when there is no dg-request-id, the first of several, cut to 128 characters', async () => {
    answer(500, '', { 'x-request-id': ['r'.repeat(200), 'second'] });
    const error = await apiError(client.list(PROJECT));
    expect(error.details.requestId).toBe(`${'r'.repeat(128)}…`);
    expect(error.message).toBe(`Deepgram API: list distribution credentials failed with HTTP 500 (request ID ${'r'.repeat(128)}…)`);
  });

  test('dg-request-id wins over x-request-id', async () => {
    answer(500, '', { 'dg-request-id': 'dg-1', 'x-request-id': 'x-1' });
    expect((await apiError(client.list(PROJECT))).details.requestId).toBe('dg-1');
  });

  test('details alone are the message; details equal to the message are not repeated', async () => {
    answer(400, { details: 'only details' });
    expect((await apiError(client.list(PROJECT))).message).toBe(
      'Deepgram API: list distribution credentials failed with HTTP 400 only details',
    );
    answer(400, { message: 'same', details: 'same' });
    expect((await apiError(client.list(PROJECT))).message).toBe('Deepgram API: list distribution credentials failed with HTTP 400 same');
  });

  test('an empty err_code or err_msg gives way to category and message', async () => {
    answer(400, { err_code: '', category: 'CAT', err_msg: '', message: 'words' });
    const error = await apiError(client.list(PROJECT));
    expect(error.message).toBe('Deepgram API: list distribution credentials failed with HTTP 400 CAT: words');
    expect(error.details.code).toBe('CAT');
  });

  test('a JSON string body is the message; a JSON body of another kind gives none', async () => {
    answer(400, '"quoted words"');
    expect((await apiError(client.list(PROJECT))).message).toBe(
      'Deepgram API: list distribution credentials failed with HTTP 400 quoted words',
    );
    answer(400, '[1, 2]');
    expect((await apiError(client.list(PROJECT))).message).toBe('Deepgram API: list distribution credentials failed with HTTP 400');
  });

  test('white space in an error is folded to one line', async () => {
    answer(400, { err_msg: '  two\n  lines \t ' });
    expect((await apiError(client.list(PROJECT))).message).toBe(
      'Deepgram API: list distribution credentials failed with HTTP 400 two lines',
    );
  });

  test('"permission" in a message of another status gets the role hint', async () => {
    answer(400, { err_msg: 'Permission denied' });
    expect((await apiError(client.list(PROJECT))).message).toContain('The API key needs the owner or admin role, or the keys:write scope');
  });

  test('a status without a hint gets none', async () => {
    answer(409, { err_msg: 'Conflict' });
    expect((await apiError(client.list(PROJECT))).message).toBe(
      'Deepgram API: list distribution credentials failed with HTTP 409 Conflict',
    );
  });

  test('a plain-text body is quoted as is', async () => {
    answer(502, 'Bad Gateway');
    const error = await apiError(client.list(PROJECT));
    expect(error.message).toBe('Deepgram API: list distribution credentials failed with HTTP 502 Bad Gateway');
    expect(error.kind).toMatchObject({ transient: true, ambiguous: true });
  });

  test('an empty error body still names the status', async () => {
    answer(503, '');
    const error = await apiError(client.list(PROJECT));
    expect(error.message).toBe('Deepgram API: list distribution credentials failed with HTTP 503');
  });

  test('403 hint: the role or keys:write scope', async () => {
    answer(403, { err_code: 'FORBIDDEN', err_msg: 'Forbidden' });
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.message).toMatch(/HTTP 403 FORBIDDEN: Forbidden\. The API key needs the owner or admin role, or the keys:write scope/);
  });

  test('"insufficient permissions" in another status gets the same hint', async () => {
    answer(400, { err_msg: 'Insufficient permissions' });
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.message).toContain('keys:write');
  });

  test('404 hint: project-id and self-hosted access', async () => {
    answer(404, { err_code: 'PROJECT_NOT_FOUND', err_msg: 'Project not found.' });
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.message).toMatch(/\. Check project-id, and that the project has been granted self-hosted \(on-prem\) access\.$/);
  });

  test('429 hint, transient and not ambiguous', async () => {
    answer(429, { err_code: 'TOO_MANY_REQUESTS', err_msg: 'Too many requests' });
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.message).toContain('over its concurrency limit');
    expect(error.kind).toEqual({ transient: true, ambiguous: false, retryAfterMs: undefined });
  });

  test("the error's name, as a stack trace shows it, is DeepgramApiError", async () => {
    answer(500, 'down');
    const error = await apiError(client.list(PROJECT));
    expect(String(error)).toBe('DeepgramApiError: Deepgram API: list distribution credentials failed with HTTP 500 down');
  });

  test('a Retry-After header flows into kind.retryAfterMs', async () => {
    answer(429, 'slow down', { 'retry-after': '3' });
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.kind.retryAfterMs).toBe(3_000);
  });

  test('a very long message is cut to an excerpt', async () => {
    answer(500, { err_msg: 'x'.repeat(1_000) });
    const error = await apiError(client.list(PROJECT));
    expect(error.message).toContain(`${'x'.repeat(300)}…`);
    expect(error.message).not.toContain('x'.repeat(301));
  });

  test.each([
    [300, 'x'.repeat(300)],
    [301, `${'x'.repeat(300)}…`],
  ])('a message of %i characters is shown as %j', async (_length, shown) => {
    answer(500, { err_msg: shown.replace('…', 'x') });
    const error = await apiError(client.list(PROJECT));
    expect(error.message).toBe(`Deepgram API: list distribution credentials failed with HTTP 500 ${shown}`);
  });

  test('an API key cut by the 300-character excerpt leaks no part of it', async () => {
    protectSecret(API_KEY);
    answer(401, { err_msg: `${'m'.repeat(280)} Token ${API_KEY}` });
    const error = await apiError(client.list(PROJECT));
    expect(error.message).not.toContain(API_KEY.slice(0, 10));
  });

  test('an error body that echoes the API key is redacted', async () => {
    protectSecret(API_KEY);
    answer(401, { err_code: 'INVALID_AUTH', err_msg: `Invalid credentials: Token ${API_KEY}`, request_id: 'r' });
    const error = await apiError(client.list(PROJECT));
    expect(error.message).not.toContain(API_KEY);
    expect(error.message).toContain('Invalid credentials: Token ***');
  });
});

describe('network errors', () => {
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

  test('the host includes a non-default port', async () => {
    client = new DeepgramClient({ apiUrl: 'http://127.0.0.1:8080', apiKey: API_KEY, timeoutMs: 1_000, transport });
    refuse('ECONNREFUSED', 'refused');
    await expect(client.list(PROJECT)).rejects.toThrow('could not get a response from 127.0.0.1:8080: refused');
  });

  test.each(['ENETDOWN', 'EHOSTDOWN'])('%s: transient, not ambiguous (nothing was sent)', async (code) => {
    refuse(code, `connect ${code}`);
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.kind).toEqual({ transient: true, ambiguous: false });
  });

  test('ECONNABORTED: transient and ambiguous (the request may have landed)', async () => {
    refuse('ECONNABORTED', 'aborted');
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.kind).toEqual({ transient: true, ambiguous: true });
  });

  test('ECONNRESET: transient and ambiguous (the request may have landed)', async () => {
    refuse('ECONNRESET', 'socket hang up');
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.kind).toEqual({ transient: true, ambiguous: true });
  });

  test('a request timeout (code REQUEST_TIMEOUT) is transient and ambiguous', async () => {
    refuse('REQUEST_TIMEOUT', 'no response within 30 s (request-timeout)');
    const error = await apiError(client.create(PROJECT, REQUEST));
    expect(error.kind).toEqual({ transient: true, ambiguous: true });
    expect(error.message).toContain('no response within 30 s');
  });

  test('a rejection that is not an Error is still reported', async () => {
    transport.mockRejectedValue('weird');
    const error = await apiError(client.list(PROJECT));
    expect(error.message).toContain('could not get a response from api.deepgram.com: weird');
    expect(error.kind.transient).toBe(false);
  });

  test('a rejection with nothing in it (null) is still reported, not a TypeError', async () => {
    transport.mockRejectedValue(null);
    const error = await apiError(client.list(PROJECT));
    expect(error.message).toBe('Deepgram API: list distribution credentials failed: could not get a response from api.deepgram.com: null');
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
  });

  test('an error message that echoes the API key is redacted', async () => {
    protectSecret(API_KEY);
    refuse('ECONNRESET', `proxy rejected Authorization: Token ${API_KEY}`);
    const error = await apiError(client.list(PROJECT));
    expect(error.message).not.toContain(API_KEY);
    expect(error.message).toContain('Token ***');
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
