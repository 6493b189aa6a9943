// The Deepgram API sandbox (sandbox/server.js), exercised over real HTTP on 127.0.0.1.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { until } from '../../__fixtures__/until.js';
import { SANDBOX_API_KEY, SANDBOX_PROJECT_ID, startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[0-9a-f]{64}$/;
const OTHER_PROJECT = '9b2e4d61-0c3a-4f5e-8d7b-6a1c2e3f4a5b';
const NO_ACCESS_PROJECT = '5d6e7f80-1a2b-4c3d-9e4f-5a6b7c8d9e0f';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
interface Answer {
  status: number;
  headers: Headers;
  body: Json;
  text: string;
}
interface CallOptions {
  key?: string | null;
  body?: unknown;
  rawBody?: string;
  query?: string;
  segment?: string;
  project?: string;
  id?: string;
  authorization?: string;
  signal?: AbortSignal;
}

/** One request to the credentials API of `sb`; key null sends no Authorization header. */
async function call(sb: Sandbox, method: string, options: CallOptions = {}): Promise<Answer> {
  const { key = SANDBOX_API_KEY, segment = 'self-hosted', project = SANDBOX_PROJECT_ID } = options;
  const path = `/v1/projects/${project}/${segment}/distribution/credentials${options.id ? `/${options.id}` : ''}`;
  const headers: Record<string, string> = {};
  if (options.authorization) headers.authorization = options.authorization;
  else if (key !== null) headers.authorization = `Token ${key}`;
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const url = `${sb.url}${path}${options.query ? `?${options.query}` : ''}`;
  return answer(await fetch(url, { method, headers, body: payload, signal: options.signal }));
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: Json = text;
  if (response.headers.get('content-type')?.startsWith('application/json')) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body, text };
}

async function registryPing(sb: Sandbox, auth?: { username: string; secret: string }, path = '/v2/'): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.secret}`).toString('base64')}`;
  return answer(await fetch(`${sb.url}${path}`, { headers }));
}

async function admin(sb: Sandbox, method: string, path: string, body?: unknown): Promise<Answer> {
  return answer(
    await fetch(`${sb.url}/__sandbox/${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

// Sandboxes started by a test are closed after it; the shared ones after the suite.
const started: Sandbox[] = [];
async function sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sb = await startSandbox(options);
  started.push(sb);
  return sb;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((sb) => sb.close()));
});

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({
    keys: {
      [SANDBOX_API_KEY]: { role: 'owner' },
      'admin-key': { role: 'admin' },
      'member-key': { role: 'member' },
      'member-writer': { role: 'member', scopes: ['keys:write'] },
    },
    projects: {
      [SANDBOX_PROJECT_ID]: { selfHosted: true },
      [OTHER_PROJECT]: { selfHosted: true },
      [NO_ACCESS_PROJECT]: { selfHosted: false },
    },
  });
});
afterAll(() => sb.close());
afterEach(() => sb.reset());

describe('create (current generation)', () => {
  test('query form: repeated scopes and provider in the query, comment in the body', async () => {
    const res = await call(sb, 'POST', {
      query: 'scopes=self-hosted:product:api&scopes=self-hosted:product:engine&provider=quay',
      body: { comment: 'ci run 42' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('dg-request-id')).toMatch(UUID);
    const { member, distribution_credentials: dc } = res.body;
    expect(member).toEqual({ member_id: expect.stringMatching(UUID), email: 'sandbox@example.com' });
    expect(dc).toEqual({
      distribution_credentials_id: expect.stringMatching(UUID),
      provider: 'quay',
      comment: 'ci run 42',
      scopes: ['self-hosted:product:api', 'self-hosted:product:engine'],
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      username: `deepgram+${dc.distribution_credentials_id}`,
      secret: expect.stringMatching(SECRET),
    });
    expect(sb.credentials()).toEqual([
      {
        id: dc.distribution_credentials_id,
        projectId: SANDBOX_PROJECT_ID,
        comment: 'ci run 42',
        scopes: dc.scopes,
        provider: 'quay',
        created: dc.created,
        username: dc.username,
        secret: dc.secret,
      },
    ]);
  });

  test('everything is optional: default scopes and provider, no comment', async () => {
    const res = await call(sb, 'POST');
    expect(res.status).toBe(200);
    expect(res.body.distribution_credentials.scopes).toEqual(['self-hosted:products']);
    expect(res.body.distribution_credentials.provider).toBe('quay');
    expect(res.body.distribution_credentials).not.toHaveProperty('comment');
  });

  test('body form: comment, scopes and provider in the body; the body wins over the query', async () => {
    const res = await call(sb, 'POST', {
      query: 'scopes=self-hosted:product:api&provider=quay',
      body: { comment: 'body form', scopes: ['onprem:products'], provider: 'quay' },
    });
    expect(res.status).toBe(200);
    expect(res.body.distribution_credentials.scopes).toEqual(['onprem:products']);
  });

  test('omitUsername leaves username out of the create response', async () => {
    const bare = await sandbox({ omitUsername: true });
    const res = await call(bare, 'POST', { body: { comment: 'x' } });
    expect(res.status).toBe(200);
    expect(res.body.distribution_credentials).not.toHaveProperty('username');
    expect(res.body.distribution_credentials.secret).toMatch(SECRET);
    expect(bare.credentials()[0].username).toBe(`deepgram+${res.body.distribution_credentials.distribution_credentials_id}`);
  });

  test.each([
    ['a provider other than quay', { query: 'provider=dockerhub' }],
    ['a scope outside self-hosted/onprem', { query: 'scopes=keys:write' }],
    ['comma-joined scopes', { query: 'scopes=self-hosted:product:api,self-hosted:product:engine' }],
    ['a scope with whitespace', { body: { scopes: ['self-hosted:product:api self-hosted:product:engine'] } }],
    ['an empty scope list', { body: { scopes: [] } }],
    ['a non-string comment', { body: { comment: 42 } }],
    ['malformed JSON', { rawBody: '{"comment": ' }],
    ['a JSON array body', { body: ['self-hosted:products'] }],
  ])('400 for %s', async (_name, options) => {
    const res = await call(sb, 'POST', options as CallOptions);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ err_code: expect.any(String), err_msg: expect.any(String), request_id: expect.stringMatching(UUID) });
    expect(sb.credentials()).toEqual([]);
  });
});

describe('list, get, delete', () => {
  test('list and get never show secrets; delete answers the get shape, then 404', async () => {
    const a = sb.issue(SANDBOX_PROJECT_ID, { comment: 'a', scopes: ['self-hosted:product:api'] });
    sb.issue(SANDBOX_PROJECT_ID, { comment: 'b' });
    sb.issue(OTHER_PROJECT, { comment: 'elsewhere' });

    const listed = await call(sb, 'GET');
    expect(listed.status).toBe(200);
    expect(listed.body.distribution_credentials.map((item: Json) => item.distribution_credentials.comment)).toEqual(['a', 'b']);
    expect(listed.text).not.toMatch(/secret/);

    const got = await call(sb, 'GET', { id: a.id });
    expect(got.status).toBe(200);
    expect(got.body).toEqual({
      member: { member_id: expect.stringMatching(UUID), email: 'sandbox@example.com' },
      distribution_credentials: {
        distribution_credentials_id: a.id,
        provider: 'quay',
        comment: 'a',
        scopes: ['self-hosted:product:api'],
        created: a.created,
      },
    });

    const deleted = await call(sb, 'DELETE', { id: a.id });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual(got.body);
    expect(sb.credentials(SANDBOX_PROJECT_ID).map((c) => c.comment)).toEqual(['b']);

    const again = await call(sb, 'DELETE', { id: a.id });
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ err_code: 'NOT_FOUND', err_msg: 'Distribution credentials not found.' });
    expect((await call(sb, 'GET', { id: a.id })).status).toBe(404);
  });

  test('issue() can date a set: get and list report that created time; a time that is not one is refused', async () => {
    const old = sb.issue(SANDBOX_PROJECT_ID, { comment: 'old', created: '2020-02-29T08:00:00Z' });
    expect(old.created).toBe('2020-02-29T08:00:00Z');
    expect((await call(sb, 'GET', { id: old.id })).body.distribution_credentials.created).toBe('2020-02-29T08:00:00Z');
    const listed = await call(sb, 'GET');
    expect(listed.body.distribution_credentials.map((item: Json) => item.distribution_credentials.created)).toEqual([
      '2020-02-29T08:00:00Z',
    ]);
    expect(() => sb.issue(SANDBOX_PROJECT_ID, { created: 'last week' })).toThrow('created must be an ISO 8601 time');

    const viaAdmin = await admin(sb, 'POST', 'credentials', { comment: 'admin', created: '2021-01-01T00:00:00Z' });
    expect(viaAdmin.body.created).toBe('2021-01-01T00:00:00Z');
  });

  test("shiftClock() moves the sandbox's clock: new sets' created time and every answer's Date header; reset() puts it back", async () => {
    const DAY = 86_400_000;
    const dateOf = (answer: Answer) => Date.parse(answer.headers.get('date')!);
    const near = (ms: number, expected: number) => expect(Math.abs(ms - expected)).toBeLessThan(60_000);

    near(dateOf(await call(sb, 'GET')), Date.now());
    sb.shiftClock(6 * DAY);
    const later = await call(sb, 'POST', { body: { comment: 'later' } });
    near(dateOf(later), Date.now() + 6 * DAY);
    near(Date.parse(later.body.distribution_credentials.created), Date.now() + 6 * DAY);
    // Error answers and the registry's too.
    near(dateOf(await call(sb, 'GET', { key: 'wrong' })), Date.now() + 6 * DAY);
    near(dateOf(await registryPing(sb)), Date.now() + 6 * DAY);
    // A fault rule's own Date header wins (a test of an API whose clock is odd).
    sb.addFault({ op: 'list', status: 200, body: { distribution_credentials: [] }, headers: { date: 'Thu, 01 Jan 1970 00:00:00 GMT' } });
    expect((await call(sb, 'GET')).headers.get('date')).toBe('Thu, 01 Jan 1970 00:00:00 GMT');

    sb.reset();
    near(dateOf(await call(sb, 'GET')), Date.now());
    near(Date.parse(sb.issue(SANDBOX_PROJECT_ID, { comment: 'now' }).created), Date.now());
  });

  test("issue() can name the member's email: list shows it beside the set, whatever its text", async () => {
    const hostile = 'ops@example.com\n::error::x';
    sb.issue(SANDBOX_PROJECT_ID, { comment: 'by hand', email: hostile });
    sb.issue(SANDBOX_PROJECT_ID, { comment: 'default' });
    const members = (await call(sb, 'GET')).body.distribution_credentials.map((item: Json) => item.member);
    expect(members).toEqual([
      { member_id: expect.stringMatching(UUID), email: hostile },
      { member_id: expect.stringMatching(UUID), email: 'sandbox@example.com' },
    ]);
    expect(members[0].member_id).not.toBe(members[1].member_id);
    expect(() => sb.issue(SANDBOX_PROJECT_ID, { email: 7 as unknown as string })).toThrow('email must be a string');
  });

  test('an id from another project is not found', async () => {
    const elsewhere = sb.issue(OTHER_PROJECT);
    expect((await call(sb, 'GET', { id: elsewhere.id })).status).toBe(404);
    expect((await call(sb, 'GET', { id: elsewhere.id, project: OTHER_PROJECT })).status).toBe(200);
  });

  test('the legacy onprem segment works; selfhosted without the hyphen is 404', async () => {
    const created = await call(sb, 'POST', { segment: 'onprem' });
    expect(created.status).toBe(200);
    const id = created.body.distribution_credentials.distribution_credentials_id;
    expect((await call(sb, 'GET', { segment: 'onprem', id })).status).toBe(200);
    expect((await call(sb, 'GET', { segment: 'selfhosted' })).status).toBe(404);
    expect((await call(sb, 'POST', { segment: 'selfhosted' })).status).toBe(404);
    expect((await call(sb, 'DELETE', { segment: 'onprem', id })).status).toBe(200);
  });

  test('a wrong method on a real route is 405', async () => {
    expect((await call(sb, 'PUT')).status).toBe(405);
  });
});

describe('auth and permissions', () => {
  test.each([
    ['no Authorization header', { key: null }],
    ['an unknown key', { key: 'not-a-key' }],
    ['a Bearer token (grant JWTs do not work here)', { authorization: `Bearer ${SANDBOX_API_KEY}` }],
  ])('401 INVALID_AUTH for %s', async (_name, options) => {
    const res = await call(sb, 'GET', options as CallOptions);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ err_code: 'INVALID_AUTH', err_msg: 'Invalid credentials.', request_id: res.headers.get('dg-request-id') });
  });

  test('404 PROJECT_NOT_FOUND for an unknown project, 403 for one without self-hosted access', async () => {
    const missing = await call(sb, 'POST', { project: 'no-such-project' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ err_code: 'PROJECT_NOT_FOUND', err_msg: 'Project not found.' });
    const noAccess = await call(sb, 'POST', { project: NO_ACCESS_PROJECT });
    expect(noAccess.status).toBe(403);
    expect(noAccess.body.err_code).toBe('FORBIDDEN');
  });

  test('a member cannot create; a member with keys:write can; an admin can', async () => {
    const denied = await call(sb, 'POST', { key: 'member-key' });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({
      err_code: 'INSUFFICIENT_PERMISSIONS',
      err_msg: 'You do not have sufficient permissions to perform this action.',
    });
    expect((await call(sb, 'POST', { key: 'member-writer' })).status).toBe(200);
    expect((await call(sb, 'POST', { key: 'admin-key' })).status).toBe(200);
    expect(sb.credentials()).toHaveLength(2);
  });

  test('a member sees and deletes only its own credentials; owners see all', async () => {
    const own = sb.issue(SANDBOX_PROJECT_ID, { comment: 'mine', key: 'member-key' });
    const owners = sb.issue(SANDBOX_PROJECT_ID, { comment: 'owner' });
    const memberList = await call(sb, 'GET', { key: 'member-key' });
    expect(memberList.body.distribution_credentials.map((i: Json) => i.distribution_credentials.comment)).toEqual(['mine']);
    const ownerList = await call(sb, 'GET');
    expect(ownerList.body.distribution_credentials).toHaveLength(2);
    expect((await call(sb, 'GET', { key: 'member-key', id: owners.id })).status).toBe(403);
    expect((await call(sb, 'DELETE', { key: 'member-key', id: owners.id })).status).toBe(403);
    expect((await call(sb, 'DELETE', { key: 'member-key', id: own.id })).status).toBe(200);
  });

  test('the request log keeps headers but never the Authorization header', async () => {
    await call(sb, 'POST', { query: 'scopes=self-hosted:products&scopes=onprem:products', body: { comment: 'logged' } });
    const [entry] = sb.requests;
    expect(entry).toMatchObject({
      method: 'POST',
      path: `/v1/projects/${SANDBOX_PROJECT_ID}/self-hosted/distribution/credentials`,
      query: { scopes: ['self-hosted:products', 'onprem:products'] },
      body: { comment: 'logged' },
      op: 'create',
      status: 200,
      auth: 'token',
    });
    expect(entry.at).toBeLessThanOrEqual(Date.now());
    expect(entry.headers['content-type']).toBe('application/json');
    expect(JSON.stringify(sb.requests)).not.toContain(SANDBOX_API_KEY);
    sb.clearRequests();
    expect(sb.requests).toEqual([]);
  });
});

describe('error styles', () => {
  test('category style: category, message, details, request_id', async () => {
    const styled = await sandbox({ errorStyle: 'category' });
    const res = await call(styled, 'POST', { query: 'provider=gcr' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      category: 'INVALID_REQUEST',
      message: expect.stringContaining('provider'),
      details: expect.any(String),
      request_id: res.headers.get('dg-request-id'),
    });
  });

  test('text style: a plain text body, still with dg-request-id', async () => {
    const styled = await sandbox({ errorStyle: 'text' });
    const res = await call(styled, 'GET', { key: 'wrong' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.text).toBe('Invalid credentials.');
    expect(res.headers.get('dg-request-id')).toMatch(UUID);
  });
});

describe('legacy generation', () => {
  const legacyBody = { comment: 'legacy', scopes: ['onprem:product:api', 'onprem:product:engine'], provider: 'quay' };

  test('create takes everything from the body and answers flat; get is flat without the secret', async () => {
    const legacy = await sandbox({ generation: 'legacy' });
    const res = await call(legacy, 'POST', { body: legacyBody });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      distribution_credentials_id: expect.stringMatching(UUID),
      username: `deepgram+${res.body.distribution_credentials_id}`,
      secret: expect.stringMatching(SECRET),
      provider: 'quay',
      comment: 'legacy',
      scopes: legacyBody.scopes,
      created: expect.any(String),
    });
    const id = res.body.distribution_credentials_id;
    const got = await call(legacy, 'GET', { id, segment: 'onprem' });
    expect(got.body).toEqual({ ...res.body, secret: undefined });
    expect(got.body).not.toHaveProperty('secret');

    const listed = await call(legacy, 'GET');
    expect(listed.body.distribution_credentials[0].distribution_credentials.distribution_credentials_id).toBe(id);
    expect(listed.text).not.toMatch(/secret/);

    const deleted = await call(legacy, 'DELETE', { id });
    expect(deleted.body).toEqual({ message: 'Successfully deleted distribution credentials' });
    expect((await call(legacy, 'DELETE', { id })).status).toBe(404);
  });

  test('the body fields are required and the query is ignored', async () => {
    const legacy = await sandbox({ generation: 'legacy' });
    const queryOnly = await call(legacy, 'POST', { query: 'scopes=onprem:products&provider=quay', body: { comment: 'x' } });
    expect(queryOnly.status).toBe(400);
    expect(queryOnly.body.err_msg).toMatch(/scopes, provider/);
    expect((await call(legacy, 'POST')).status).toBe(400);
    const both = await call(legacy, 'POST', { query: 'scopes=self-hosted:products&provider=quay', body: legacyBody });
    expect(both.status).toBe(200);
    expect(both.body.scopes).toEqual(legacyBody.scopes);
  });
});

describe('fault injection', () => {
  test('status with headers answers instead of acting, once by default', async () => {
    sb.addFault({ op: 'create', status: 429, headers: { 'Retry-After': '2' } });
    const limited = await call(sb, 'POST');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body).toMatchObject({ err_code: 'TOO_MANY_REQUESTS', request_id: expect.stringMatching(UUID) });
    expect(sb.credentials()).toEqual([]);
    expect((await call(sb, 'POST')).status).toBe(200);
    expect(sb.requests.map((r) => r.fault)).toEqual(['status', undefined]);
  });

  test('rules match by op, in order of addition, with times and times: 0 = forever', async () => {
    sb.addFault({ op: 'list', status: 503, times: 2 });
    sb.addFault({ op: '*', status: 502, body: 'upstream hiccup' });
    sb.addFault({ op: 'get', status: 500, times: 0 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await call(sb, 'GET')).status);
    expect(statuses).toEqual([503, 503, 502, 200]);
    const id = sb.issue().id;
    for (let i = 0; i < 3; i += 1) expect((await call(sb, 'GET', { id })).status).toBe(500);
    sb.clearFaults();
    expect((await call(sb, 'GET', { id })).status).toBe(200);
  });

  test('a rule with a credentialsId matches only that set, however many requests come first', async () => {
    const stuck = sb.issue().id;
    const other = sb.issue().id;
    sb.addFault({ op: 'delete', credentialsId: stuck, status: 503, times: 0 });
    expect((await call(sb, 'DELETE', { id: other })).status).toBe(200);
    for (let i = 0; i < 2; i += 1) expect((await call(sb, 'DELETE', { id: stuck })).status).toBe(503);
    expect(sb.credentials().map((c) => c.id)).toEqual([stuck]);
    expect(() => sb.addFault({ op: 'delete', credentialsId: '', status: 503 })).toThrow('fault credentialsId must be an ID');
  });

  test('a string body is sent as text/plain', async () => {
    sb.addFault({ op: 'create', status: 502, body: '<html>bad gateway</html>' });
    const res = await call(sb, 'POST');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.text).toBe('<html>bad gateway</html>');
  });

  test('afterAction: the create happens, the answer is 500', async () => {
    sb.addFault({ op: 'create', status: 500, afterAction: true });
    const res = await call(sb, 'POST', { body: { comment: 'orphan' } });
    expect(res.status).toBe(500);
    expect(sb.credentials().map((c) => c.comment)).toEqual(['orphan']);
    expect(sb.requests[0]).toMatchObject({ op: 'create', status: 500, fault: 'after-action' });
  });

  test('delayMs: the client gives up, the server still creates, and the log says so', async () => {
    // A delay far longer than the client's timeout: on a loaded machine the abort may fire late.
    sb.addFault({ op: 'create', delayMs: 1_500 });
    await expect(call(sb, 'POST', { body: { comment: 'late' }, signal: AbortSignal.timeout(50) })).rejects.toThrow();
    expect(sb.credentials()).toEqual([]);
    await until(() => sb.credentials().length === 1);
    await until(() => sb.requests[0]?.status === 200);
    expect(sb.requests[0]).toMatchObject({ op: 'create', fault: 'delay', clientGone: true, status: 200 });
  });

  test('delayMs within the client timeout just slows the answer', async () => {
    sb.addFault({ op: 'list', delayMs: 100 });
    const before = Date.now();
    expect((await call(sb, 'GET')).status).toBe(200);
    // A lower bound only, which load cannot break: a timer never fires more than a moment early.
    expect(Date.now() - before).toBeGreaterThanOrEqual(90);
  });

  test('reset() cuts off a delayed create: it never acts, and its request is not in the new log', async () => {
    // Long enough that only a cancel can end it within the test.
    sb.addFault({ op: 'create', delayMs: 60_000 });
    const pending = call(sb, 'POST', { body: { comment: 'before the reset' } });
    // The create is in its delay: reset() has something to cut off.
    await until(() => sb.requests.length === 1 && sb.pendingDelays === 1);
    sb.reset();
    await expect(pending).rejects.toThrow();
    // Nothing is left waiting to act: the delayed create was cancelled, not merely outrun.
    expect(sb.pendingDelays).toBe(0);
    expect(sb.credentials()).toEqual([]);
    expect(sb.requests).toEqual([]);
    expect((await call(sb, 'GET')).status).toBe(200);
  });

  test("reset 'before': the socket dies and nothing is created", async () => {
    sb.addFault({ op: 'create', reset: 'before' });
    await expect(call(sb, 'POST')).rejects.toThrow();
    expect(sb.credentials()).toEqual([]);
    expect(sb.requests[0]).toMatchObject({ op: 'create', status: null, fault: 'reset-before' });
    expect((await call(sb, 'POST')).status).toBe(200);
  });

  test("reset 'after': the socket dies after the credentials were created", async () => {
    sb.addFault({ op: 'create', reset: 'after' });
    await expect(call(sb, 'POST', { body: { comment: 'unseen' } })).rejects.toThrow();
    expect(sb.credentials().map((c) => c.comment)).toEqual(['unseen']);
    expect(sb.requests[0]).toMatchObject({ status: null, fault: 'reset-after' });
  });

  test('delete faults: 500 after deleting', async () => {
    const { id } = sb.issue();
    sb.addFault({ op: 'delete', status: 500, afterAction: true });
    expect((await call(sb, 'DELETE', { id })).status).toBe(500);
    expect(sb.credentials()).toEqual([]);
    expect((await call(sb, 'DELETE', { id })).status).toBe(404);
  });

  /**
   * One raw request to the create endpoint; resolves with what has arrived once `enough` holds of
   * it (the data itself, however slowly the machine delivers it), and whether the socket was open.
   */
  function rawCreate(enough: (received: string) => boolean): Promise<{ received: string; open: boolean }> {
    return new Promise((resolve) => {
      const socket = connect(sb.port, '127.0.0.1', () => {
        const path = `/v1/projects/${SANDBOX_PROJECT_ID}/self-hosted/distribution/credentials`;
        const body = JSON.stringify({ comment: 'streamed' });
        socket.write(
          `POST ${path} HTTP/1.1\r\nhost: x\r\nauthorization: Token ${SANDBOX_API_KEY}\r\n` +
            `content-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
        );
      });
      let received = '';
      let open = true;
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString('latin1');
        if (!enough(received)) return;
        resolve({ received, open });
        socket.destroy();
      });
      // A socket that closes before enough arrived resolves with what it got, and the test says why.
      socket.on('close', () => {
        open = false;
        resolve({ received, open });
      });
    });
  }

  /** The chunked body's data: "1\r\n{\r\n1\r\n\"\r\n..." carries one byte a chunk. */
  const chunkedData = (received: string): string =>
    [...(received.split('\r\n\r\n')[1] ?? '').matchAll(/1\r\n(.)\r\n/gs)].map((m) => m[1]).join('');

  test("trickle 'headers': the create happens, then a header line per interval, and the headers never end", async () => {
    sb.addFault({ op: 'create', trickle: 'headers', intervalMs: 50 });
    const { received, open } = await rawCreate((text) => text.split('x-sandbox-trickle').length > 3);
    expect(open).toBe(true);
    expect(received).toMatch(/^HTTP\/1\.1 200 OK\r\n(x-sandbox-trickle: \.\r\n){3,}$/);
    expect(sb.credentials().map((c) => c.comment)).toEqual(['streamed']);
    // Once the client leaves, the request is logged, and the trickle stops.
    await until(() => sb.requests[0]?.clientGone === true);
    expect(sb.requests[0]).toMatchObject({ op: 'create', status: 200, fault: 'trickle-headers' });
  });

  test("trickle 'body': the reply's headers, then its body a byte per interval, and then spaces without end", async () => {
    sb.addFault({ op: 'create', trickle: 'body', intervalMs: 20 });
    const { received, open } = await rawCreate((text) => chunkedData(text).length >= 11);
    expect(open).toBe(true);
    const [head] = received.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head).toMatch(/\r\ntransfer-encoding: chunked/i);
    // The data, one byte per chunk, starts the JSON reply.
    const data = chunkedData(received);
    expect(data.startsWith('{"member":{')).toBe(true);
    expect(sb.credentials()).toHaveLength(1);
    await until(() => sb.requests[0]?.clientGone === true);
    expect(sb.requests[0]).toMatchObject({ status: 200, fault: 'trickle-body' });
  });

  test('endless: the create happens, and the answer goes on as long as the client reads', async () => {
    sb.addFault({ op: 'create', endless: true });
    const response = await fetch(`${sb.url}/v1/projects/${SANDBOX_PROJECT_ID}/self-hosted/distribution/credentials`, {
      method: 'POST',
      headers: { authorization: `Token ${SANDBOX_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ comment: 'endless' }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let size = 0;
    let start = '';
    while (size < 2 * 1024 * 1024) {
      const { value, done } = await reader.read();
      expect(done).toBe(false);
      if (start.length < 30) start += Buffer.from(value!).toString();
      size += value!.length;
    }
    await reader.cancel();
    expect(start.startsWith('{"member":{')).toBe(true);
    expect(sb.credentials().map((c) => c.comment)).toEqual(['endless']);
    await until(() => sb.requests[0]?.clientGone === true);
    expect(sb.requests[0]).toMatchObject({ status: 200, fault: 'endless' });
  });

  test('close() ends a trickle or an endless answer in progress', async () => {
    const own = await sandbox();
    own.addFault({ op: '*', trickle: 'headers', times: 0 });
    const socket = connect(own.port, '127.0.0.1', () => socket.write('GET /v2/ HTTP/1.1\r\nhost: x\r\n\r\n'));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.on('error', () => undefined);
    socket.resume(); // read what arrives, or the end of the stream is never seen
    await until(() => own.requests.length === 1);
    await own.close();
    await closed;
  });

  test.each([
    [{ op: 'create' }],
    [{ op: 'nope', status: 500 }],
    [{ op: 'create', trickle: 'sideways' }],
    [{ op: 'create', trickle: 'body', status: 200 }],
    [{ op: 'create', endless: true, reset: 'after' }],
    [{ op: 'create', endless: true, trickle: 'body' }],
    [{ op: 'create', endless: 'yes' }],
    [{ op: 'create', intervalMs: 10, status: 500 }],
    [{ op: 'create', trickle: 'headers', intervalMs: 0 }],
    [{ op: 'create', status: 500, reset: 'before' }],
    [{ op: 'create', afterAction: true }],
    [{ op: 'create', reset: 'sideways' }],
    [{ op: 'create', status: 500, times: -1 }],
  ])('addFault rejects %j', (rule) => {
    expect(() => sb.addFault(rule as never)).toThrow(TypeError);
  });
});

describe('registry endpoint', () => {
  test('/v2/ challenges with Basic auth', async () => {
    for (const path of ['/v2/', '/v2']) {
      const res = await registryPing(sb, undefined, path);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="Deepgram sandbox registry"');
      expect(res.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
      expect(res.body).toEqual({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] });
    }
  });

  test('live credentials pass; a wrong secret or deleted credentials do not', async () => {
    const creds = sb.issue();
    const ok = await registryPing(sb, creds);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({});
    expect(ok.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
    expect((await registryPing(sb, { ...creds, secret: `${creds.secret.slice(1)}0` })).status).toBe(401);
    expect((await registryPing(sb, { ...creds, username: 'deepgram+other' })).status).toBe(401);
    await call(sb, 'DELETE', { id: creds.id });
    expect((await registryPing(sb, creds)).status).toBe(401);
    expect(sb.requests.filter((r) => r.op === 'registry').every((r) => r.auth === 'basic')).toBe(true);
  });

  test('registry faults', async () => {
    const creds = sb.issue();
    sb.addFault({ op: 'registry', status: 503 });
    expect((await registryPing(sb, creds)).status).toBe(503);
    expect((await registryPing(sb, creds)).status).toBe(200);
  });
});

describe('admin endpoints', () => {
  test('credentials (without secrets), faults, requests, reset', async () => {
    const issued = await admin(sb, 'POST', 'credentials', { comment: 'via admin' });
    expect(issued.body).toMatchObject({ projectId: SANDBOX_PROJECT_ID, comment: 'via admin', secret: expect.stringMatching(SECRET) });
    const listed = await admin(sb, 'GET', 'credentials');
    expect(listed.body).toEqual({ credentials: [{ ...issued.body, secret: undefined }] });
    expect(listed.text).not.toContain(issued.body.secret);

    expect((await admin(sb, 'POST', 'faults', { op: 'list', status: 500, times: 0 })).status).toBe(200);
    expect((await call(sb, 'GET')).status).toBe(500);
    expect((await call(sb, 'GET')).status).toBe(500);
    await admin(sb, 'DELETE', 'faults');
    expect((await call(sb, 'GET')).status).toBe(200);
    expect((await admin(sb, 'POST', 'faults', { op: 'list' })).status).toBe(400);

    const requests = await admin(sb, 'GET', 'requests');
    expect(requests.body.requests.filter((r: Json) => r.op === 'list').map((r: Json) => r.status)).toEqual([500, 500, 200]);

    await admin(sb, 'POST', 'reset');
    expect(sb.credentials()).toEqual([]);
    expect(sb.requests).toEqual([]); // the reset call's own entry goes too
    expect((await admin(sb, 'GET', 'nothing-here')).status).toBe(404);
  });
});

describe('lifecycle', () => {
  test('close() also closes idle keep-alive connections', async () => {
    const own = await startSandbox();
    await call(own, 'GET'); // fetch keeps this connection alive
    const before = Date.now();
    await own.close();
    // What this tells apart: a close that waited for Node's 5 s keep-alive timeout (its only other
    // way to end). Closing takes milliseconds even on a loaded machine, so the bound is that timeout.
    expect(Date.now() - before).toBeLessThan(5000);
    await expect(call(own, 'GET')).rejects.toThrow();
  });

  test('startSandbox rejects bad options', async () => {
    await expect(startSandbox({ generation: 'future' as never })).rejects.toThrow(TypeError);
    await expect(startSandbox({ keys: { k: { role: 'viewer' as never } } })).rejects.toThrow(TypeError);
  });

  test('the CLI prints its URL, serves, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['sandbox/server.js', '--generation', 'legacy', '--quiet'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const [line] = await Promise.race([lines.next().then((r) => [r.value as string]), exited.then(() => ['(exited)'])]);
    expect(line).toMatch(
      /^Deepgram API sandbox listening on http:\/\/127\.0\.0\.1:\d+ \(project 3f1c2a9e-7b4d-4e8a-9c61-2d5f0b8a7e13, api key dg-sandbox-key\)$/,
    );
    const url = /(http:\/\/\S+)/.exec(line)![1];
    const res = await fetch(`${url}/v1/projects/${SANDBOX_PROJECT_ID}/onprem/distribution/credentials`, {
      method: 'POST',
      headers: { authorization: `Token ${SANDBOX_API_KEY}` },
      body: JSON.stringify({ comment: 'cli', scopes: ['onprem:products'], provider: 'quay' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty('secret');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

const hasDocker = spawnSync('docker', ['--version'], { stdio: 'ignore' }).status === 0;

/** Runs the docker CLI with a private config dir; `stdin` is written to it (never on the command line). */
function docker(configDir: string, args: string[], stdin = ''): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { env: { ...process.env, DOCKER_CONFIG: configDir }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
    child.stdin.end(stdin);
  });
}

(hasDocker ? describe : describe.skip)('real docker CLI', () => {
  test('docker login succeeds with the secret, fails with a wrong one, and logout removes the entry', async () => {
    const configDir = await mkdtemp(join(tmpdir(), 'sandbox-docker-'));
    try {
      const creds = sb.issue();
      const login = (secret: string) =>
        docker(configDir, ['login', sb.registryHost, '--username', creds.username, '--password-stdin'], secret);

      const good = await login(creds.secret);
      expect({ code: good.code, output: good.output }).toMatchObject({ code: 0, output: expect.stringContaining('Login Succeeded') });
      const config = JSON.parse(await readFile(join(configDir, 'config.json'), 'utf8'));
      expect(config.auths[sb.registryHost].auth).toBe(Buffer.from(`${creds.username}:${creds.secret}`).toString('base64'));

      expect((await login('0'.repeat(64))).code).not.toBe(0);

      const logout = await docker(configDir, ['logout', sb.registryHost]);
      expect(logout.code).toBe(0);
      const after = JSON.parse(await readFile(join(configDir, 'config.json'), 'utf8'));
      expect(after.auths[sb.registryHost]).toBeUndefined();

      await call(sb, 'DELETE', { id: creds.id });
      expect((await login(creds.secret)).code).not.toBe(0);
    } finally {
      await rm(configDir, { recursive: true, force: true });
    }
  });
});
