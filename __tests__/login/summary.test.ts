import { describe, expect, jest, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import type { CreatedCredentials } from '../../src/deepgram/types.js';
import type { Settings } from '../../src/login/inputs.js';
import { PROJECT } from '../../__fixtures__/ids.js';

jest.unstable_mockModule('@actions/core', () => core);
const { jobSummary, postPlan, pruneSummary } = await import('../../src/login/summary.js');

const SECRET = 'S3CR3T-0123456789abcdef';

const settings: Settings = {
  apiKey: 'dg_key',
  projectId: PROJECT,
  scopes: ['self-hosted:products'],
  comment: 'c',
  provider: 'quay',
  registry: 'quay.io',
  login: true,
  logout: true,
  revoke: true,
  keep: '',
  apiUrl: 'https://api.deepgram.com',
  requestTimeoutMs: 30_000,
  maxAttempts: 4,
  pruneAfterMs: 5 * 86_400_000,
  cli: 'auto',
  dockerConfig: 'default',
  dockerConfigAuto: false,
};

const credentials: CreatedCredentials = {
  id: 'cred-1234',
  username: 'deepgram+cred-1234',
  secret: SECRET,
  scopes: ['self-hosted:product:api', 'self-hosted:product:engine'],
  comment: 'from the API',
};

/** The table rows jobSummary passed to core.summary.addTable. */
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

describe('pruneSummary', () => {
  test('the pruned sets with their ages; the builder is emptied', () => {
    expect(pruneSummary([{ id: 'cred-old', ageMs: 6 * 86_400_000 }], 5 * 86_400_000)).toBe('<h3>the summary</h3>\n');
    expect(rows()[1]).toEqual(['<code>cred-old</code>', '6d 0h']);
    expect(core.summary.emptyBuffer).toHaveBeenCalledTimes(1);
  });

  test('nothing pruned: no note at all', () => {
    expect(pruneSummary([], 5 * 86_400_000)).toBe('');
    expect(core.summary.addHeading).not.toHaveBeenCalled();
  });
});

describe('jobSummary', () => {
  test('a table of id, username, registry, project, scopes and comment; the HTML is taken out of the builder', () => {
    expect(jobSummary(settings, credentials, 'nightly [dg-action:0123456789ab]')).toBe('<h3>the summary</h3>\n');
    expect(row('Credentials ID')[1]).toBe('<code>cred-1234</code>');
    expect(row('Username')[1]).toBe('<code>deepgram+cred-1234</code>');
    expect(row('Registry')[1]).toBe('<code>quay.io</code>');
    expect(row('Project')[1]).toBe(`<code>${PROJECT}</code>`);
    expect(row('Scopes')[1]).toBe('<code>self-hosted:product:api</code><br><code>self-hosted:product:engine</code>');
    expect(row('Comment')[1]).toBe('nightly <code>[dg-action:0123456789ab]</code>');
    expect(row('Registry login')[1]).toBe('logged in to <code>quay.io</code>');
    expect(core.summary.emptyBuffer).toHaveBeenCalledTimes(1);
  });

  test('a header row of two columns, then label and value in every row', () => {
    jobSummary(settings, credentials, 'c');
    const [header, ...body] = rows();
    expect(header).toEqual([
      { data: 'Field', header: true },
      { data: 'Value', header: true },
    ]);
    for (const r of body) {
      expect(r).toHaveLength(2);
      expect(typeof r[0]).toBe('string');
      expect(typeof r[1]).toBe('string');
    }
  });

  test('no cell spans lines: a blank line would end the HTML block GitHub renders', () => {
    jobSummary(settings, { ...credentials, username: 'user\n\nname' }, 'first line\n\n  second line [dg-action:0a1b2c3d4e5f]');
    expect(row('Comment')[1]).toBe('first line second line <code>[dg-action:0a1b2c3d4e5f]</code>');
    expect(row('Username')[1]).toBe('<code>user name</code>');
    for (const r of rows().slice(1)) expect(String(r[1])).not.toMatch(/[\r\n]/);
  });

  test('never contains the secret', () => {
    jobSummary(settings, credentials, 'c');
    expect(everythingWritten()).not.toContain(SECRET);
  });

  test('scopes fall back to the requested ones when the API returned none', () => {
    jobSummary({ ...settings, scopes: ['self-hosted:product:billing'] }, { ...credentials, scopes: [] }, 'c');
    expect(row('Scopes')[1]).toBe('<code>self-hosted:product:billing</code>');
  });

  test('HTML in the comment, ids and registry is escaped', () => {
    jobSummary(
      { ...settings, registry: 'quay.io', login: false },
      { ...credentials, id: '<b>id</b>', username: 'a&b' },
      `<script>alert("x")</script> it's`,
    );
    expect(row('Comment')[1]).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; it&#39;s');
    expect(row('Credentials ID')[1]).toBe('<code>&lt;b&gt;id&lt;/b&gt;</code>');
    expect(row('Username')[1]).toBe('<code>a&amp;b</code>');
    expect(row('Registry login')[1]).toBe('skipped (login: false)');
    expect(everythingWritten()).not.toContain('<script>');
  });

  test('says what the post step will do', () => {
    jobSummary(settings, credentials, 'c');
    expect(core.summary.addRaw).toHaveBeenCalledWith(
      '<p><strong>At job end:</strong> the credentials are revoked; the registry CLI logs out of <code>quay.io</code>.</p>',
      true,
    );
  });
});

describe('postPlan', () => {
  test('revoke false keeps the credentials and says so', () => {
    expect(postPlan({ ...settings, revoke: false })).toContain('<strong>kept</strong> (revoke: false)');
    expect(postPlan({ ...settings, revoke: false })).toContain('never expire');
  });

  test('keep says the set is kept and under which name (escaped)', () => {
    const plan = postPlan({ ...settings, revoke: false, keep: 'prod-pull' });
    expect(plan).toContain('<strong>kept</strong> as <code>prod-pull</code> (keep)');
    expect(plan).not.toContain('revoke: false');
  });

  test('the registry is escaped', () => {
    expect(postPlan({ ...settings, registry: 'a<b' })).toBe(
      'the credentials are revoked; the registry CLI logs out of <code>a&lt;b</code>',
    );
  });

  test('no logout without login, or with logout false', () => {
    expect(postPlan({ ...settings, login: false })).toBe('the credentials are revoked; no registry logout');
    expect(postPlan({ ...settings, logout: false })).toBe('the credentials are revoked; no registry logout');
  });
});
