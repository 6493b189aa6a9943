import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import * as core from '../__fixtures__/core.js';
import type { CreatedCredentials } from '../src/deepgram.js';
import type { Settings } from '../src/inputs.js';

jest.unstable_mockModule('@actions/core', () => core);
const { postPlan, writeSummary } = await import('../src/summary.js');

const SECRET = 'S3CR3T-0123456789abcdef';

const settings: Settings = {
  apiKey: 'dg_key',
  projectId: '3f2b1c9e-8d7a-4e6f-9a1b-2c3d4e5f6a7b',
  scopes: ['self-hosted:products'],
  comment: 'c',
  provider: 'quay',
  registry: 'quay.io',
  login: true,
  logout: true,
  revoke: true,
  apiUrl: 'https://api.deepgram.com',
  requestTimeoutMs: 30_000,
  maxAttempts: 4,
};

const credentials: CreatedCredentials = {
  id: 'cred-1234',
  username: 'deepgram+cred-1234',
  secret: SECRET,
  scopes: ['self-hosted:product:api', 'self-hosted:product:engine'],
  comment: 'from the API',
};

/** The table rows writeSummary passed to core.summary.addTable. */
function rows(): unknown[][] {
  expect(core.summary.addTable).toHaveBeenCalledTimes(1);
  return core.summary.addTable.mock.calls[0]![0] as unknown[][];
}

function row(label: string): unknown[] {
  const found = rows().find((r) => r[0] === label);
  expect(found).toBeDefined();
  return found!;
}

/** Everything handed to the summary builder, as one string. */
function everythingWritten(): string {
  return JSON.stringify([core.summary.addHeading.mock.calls, core.summary.addTable.mock.calls, core.summary.addRaw.mock.calls]);
}

const saved = process.env.GITHUB_STEP_SUMMARY;
beforeEach(() => {
  process.env.GITHUB_STEP_SUMMARY = '/tmp/summary.md';
});
afterEach(() => {
  if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
  else process.env.GITHUB_STEP_SUMMARY = saved;
});

describe('writeSummary', () => {
  test('writes nothing when there is no GITHUB_STEP_SUMMARY', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    await writeSummary(settings, credentials, 'comment [dg-action:1]');
    expect(core.summary.addHeading).not.toHaveBeenCalled();
    expect(core.summary.addTable).not.toHaveBeenCalled();
    expect(core.summary.write).not.toHaveBeenCalled();
  });

  test('a table of id, username, registry, scopes and comment, then write()', async () => {
    await writeSummary(settings, credentials, 'nightly [dg-action:abc]');
    expect(row('Credentials ID')[1]).toBe('<code>cred-1234</code>');
    expect(row('Username')[1]).toBe('<code>deepgram+cred-1234</code>');
    expect(row('Registry')[1]).toBe('<code>quay.io</code>');
    expect(row('Scopes')[1]).toBe('<code>self-hosted:product:api</code>, <code>self-hosted:product:engine</code>');
    expect(row('Comment')[1]).toBe('nightly [dg-action:abc]');
    expect(row('Docker login')[1]).toBe('logged in');
    expect(core.summary.write).toHaveBeenCalledTimes(1);
  });

  test('never contains the secret', async () => {
    await writeSummary(settings, credentials, 'c');
    expect(everythingWritten()).not.toContain(SECRET);
  });

  test('scopes fall back to the requested ones when the API returned none', async () => {
    await writeSummary({ ...settings, scopes: ['self-hosted:product:billing'] }, { ...credentials, scopes: [] }, 'c');
    expect(row('Scopes')[1]).toBe('<code>self-hosted:product:billing</code>');
  });

  test('HTML in the comment, ids and registry is escaped', async () => {
    await writeSummary(
      { ...settings, registry: 'quay.io', login: false },
      { ...credentials, id: '<b>id</b>', username: 'a&b' },
      `<script>alert("x")</script> it's`,
    );
    expect(row('Comment')[1]).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; it&#39;s');
    expect(row('Credentials ID')[1]).toBe('<code>&lt;b&gt;id&lt;/b&gt;</code>');
    expect(row('Username')[1]).toBe('<code>a&amp;b</code>');
    expect(row('Docker login')[1]).toBe('skipped (login: false)');
    expect(everythingWritten()).not.toContain('<script>');
  });

  test('says what the post step will do', async () => {
    await writeSummary(settings, credentials, 'c');
    expect(core.summary.addRaw).toHaveBeenCalledWith('<p>At job end: the credentials are revoked; docker logs out of quay.io.</p>', true);
  });
});

describe('postPlan', () => {
  test('revoke false keeps the credentials and says so', () => {
    expect(postPlan({ ...settings, revoke: false })).toContain('<strong>kept</strong> (revoke: false)');
  });

  test('no logout without login, or with logout false', () => {
    expect(postPlan({ ...settings, login: false })).toBe('the credentials are revoked; no docker logout');
    expect(postPlan({ ...settings, logout: false })).toBe('the credentials are revoked; no docker logout');
  });
});
