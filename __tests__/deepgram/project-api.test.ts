import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import type { CreatedCredentials, CreateRequest, DeleteResult, ListedPage } from '../../src/deepgram/types.js';
import type { DeepgramClient } from '../../src/deepgram/client.js';
import type { ProjectApiOptions } from '../../src/deepgram/project-api.js';
import { PROJECT } from '../../__fixtures__/ids.js';
import { API_SETTINGS } from '../../__fixtures__/settings.js';

jest.unstable_mockModule('@actions/core', () => core);
const { DeepgramApiError } = await import('../../src/deepgram/errors.js');
const { ProjectApi } = await import('../../src/deepgram/project-api.js');
const { Budget, stepBudgetMs } = await import('../../src/net/budget.js');

const MARKER = 'dg-action:0123456789ab';
const REQUEST: CreateRequest = { comment: `ci [${MARKER}]`, scopes: ['self-hosted:products'], provider: 'quay' };
const CREATED: CreatedCredentials = {
  id: 'cred-new',
  username: 'deepgram+cred-new',
  secret: 's'.repeat(64),
  scopes: ['self-hosted:products'],
  comment: REQUEST.comment,
};

function httpError(status: number, extra: { retryAfterMs?: number; credentialsId?: string } = {}) {
  const transient = [408, 429, 500, 502, 503, 504].includes(status);
  return new DeepgramApiError(
    `HTTP ${status}`,
    { transient, ambiguous: transient && status >= 500, retryAfterMs: extra.retryAfterMs },
    { status, credentialsId: extra.credentialsId },
  );
}

let client: {
  timeoutMs: number;
  budget: InstanceType<typeof Budget>;
  create: jest.Mock<(projectId: string, request: CreateRequest) => Promise<CreatedCredentials>>;
  list: jest.Mock<(projectId: string) => Promise<ListedPage>>;
  delete: jest.Mock<(projectId: string, id: string) => Promise<DeleteResult>>;
};
let info: jest.Mock<(m: string) => void>;
let warning: jest.Mock<(m: string) => void>;
let sleep: jest.Mock<(ms: number) => Promise<void>>;
let api: InstanceType<typeof ProjectApi>;
let onAmbiguous: jest.Mock<() => void>;
let inFlight: jest.Mock<(until: number) => void>;
let created: jest.Mock<(id: string) => void>;
let hooks: { inFlight: typeof inFlight; created: typeof created; mayHaveStrays: typeof onAmbiguous };
/** Every client call and ambiguity report, in order. */
let calls: string[];

/** A ProjectApi over the test's client, logging to the test's sinks, with 3 attempts and no waits. */
function projectApi(overrides: Partial<ProjectApiOptions> = {}) {
  return new ProjectApi({
    client: client as unknown as DeepgramClient,
    projectId: PROJECT,
    maxAttempts: 3,
    info,
    warning,
    sleep,
    random: () => 0,
    ...overrides,
  });
}

beforeEach(() => {
  calls = [];
  client = {
    timeoutMs: 30_000,
    budget: new Budget(60_000),
    create: jest.fn(async () => {
      calls.push('create');
      return CREATED;
    }),
    list: jest.fn(async () => {
      calls.push('list');
      return { items: [] };
    }),
    delete: jest.fn(async (_project: string, id: string): Promise<DeleteResult> => {
      calls.push(`delete ${id}`);
      return 'deleted';
    }),
  };
  info = jest.fn();
  warning = jest.fn();
  sleep = jest.fn(async () => {});
  api = projectApi();
  onAmbiguous = jest.fn(() => void calls.push('onAmbiguous'));
  inFlight = jest.fn();
  created = jest.fn((id: string) => void calls.push(`created ${id}`));
  hooks = { inFlight, created, mayHaveStrays: onAmbiguous };
});

/** create fails with these errors in turn, then succeeds. */
function createFailsWith(...errors: Error[]): void {
  for (const error of errors) {
    client.create.mockImplementationOnce(async () => {
      calls.push('create');
      throw error;
    });
  }
}

describe('create', () => {
  test('succeeds at the first attempt: one create, no sweep, no ambiguity', async () => {
    await expect(api.create(REQUEST, MARKER, hooks)).resolves.toBe(CREATED);
    expect(client.create).toHaveBeenCalledWith(PROJECT, REQUEST);
    expect(calls).toEqual(['create', 'created cred-new']);
    expect(onAmbiguous).not.toHaveBeenCalled();
  });

  test('429 then success: retried with no sweep and no ambiguity', async () => {
    createFailsWith(httpError(429));
    await expect(api.create(REQUEST, MARKER, hooks)).resolves.toBe(CREATED);
    expect(calls).toEqual(['create', 'create', 'created cred-new']);
    expect(onAmbiguous).not.toHaveBeenCalled();
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  test('500 then success: reports ambiguity and deletes what carries the marker before retrying', async () => {
    createFailsWith(httpError(500));
    client.list.mockImplementationOnce(async () => {
      calls.push('list');
      return {
        items: [
          { id: 'stray-1', comment: `ci [${MARKER}]` },
          { id: 'someone-else', comment: 'ci [dg-action:ffffffffffff]' },
          { id: 'unmarked', comment: 'made by hand' },
          { id: 'stray-2', comment: `other text [${MARKER} kept]` },
          { id: 'copied', comment: `copied [${MARKER}] into text` },
        ],
      };
    });
    await expect(api.create(REQUEST, MARKER, hooks)).resolves.toBe(CREATED);
    expect(calls).toEqual(['create', 'onAmbiguous', 'list', 'delete stray-1', 'delete stray-2', 'create', 'created cred-new']);
    expect(client.list).toHaveBeenCalledWith(PROJECT);
    expect(client.delete).toHaveBeenCalledWith(PROJECT, 'stray-1');
  });

  test('a final ambiguous failure is reported, swept at once, and thrown', async () => {
    const last = httpError(503);
    createFailsWith(httpError(503), httpError(503), last);
    await expect(api.create(REQUEST, MARKER, hooks)).rejects.toBe(last);
    expect(client.create).toHaveBeenCalledTimes(3);
    expect(calls.slice(-3)).toEqual(['create', 'onAmbiguous', 'list']);
  });

  test('a single ambiguous failure with max-attempts 1 is still reported and swept', async () => {
    api = projectApi({ maxAttempts: 1 });
    createFailsWith(httpError(502));
    await expect(api.create(REQUEST, MARKER, hooks)).rejects.toThrow('HTTP 502');
    expect(calls).toEqual(['create', 'onAmbiguous', 'list']);
  });

  test('the sweeps inside a create make one attempt per request: no retries inside retries', async () => {
    createFailsWith(httpError(503), httpError(503), httpError(503));
    client.list.mockImplementation(async () => {
      calls.push('list');
      throw httpError(503);
    });
    await expect(api.create(REQUEST, MARKER, hooks)).rejects.toThrow('HTTP 503');
    expect(calls.filter((c) => c === 'list')).toHaveLength(3);
    // Only the create's own two waits: none for the lists.
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(warning).not.toHaveBeenCalled();
  });

  test('every attempt is marked in flight before it is sent and cleared when it settles', async () => {
    createFailsWith(httpError(429));
    client.create.mockImplementationOnce(async () => {
      calls.push(`create (in flight: ${inFlight.mock.calls.at(-1)?.[0] !== 0})`);
      return CREATED;
    });
    const before = Date.now();
    await api.create(REQUEST, MARKER, hooks);
    expect(calls).toEqual(['create', 'create (in flight: true)', 'created cred-new']);
    // The id is saved before the in-flight mark is cleared: a step stopped between the two still
    // leaves post something to find.
    expect(created.mock.invocationCallOrder[0]).toBeLessThan(inFlight.mock.invocationCallOrder[3]!);
    const marks = inFlight.mock.calls.map(([until]) => until);
    expect(marks).toHaveLength(4);
    // A lower bound, which load cannot break: the mark is taken after `before`.
    expect(marks[0]).toBeGreaterThanOrEqual(before + client.timeoutMs);
    expect(marks[1]).toBe(0);
    expect(marks[3]).toBe(0);
  });

  test('a wait that would outlast the step budget is not begun', async () => {
    client.budget = new Budget(1_000);
    createFailsWith(httpError(429, { retryAfterMs: 5_000 }));
    await expect(api.create(REQUEST, MARKER, hooks)).rejects.toThrow('HTTP 429');
    expect(client.create).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
    expect(info).toHaveBeenCalledWith(expect.stringContaining('Not retrying: a wait of 5.0 s would outlast'));
  });

  test('a final non-ambiguous failure (429) is not reported as ambiguous', async () => {
    createFailsWith(httpError(429), httpError(429), httpError(429));
    await expect(api.create(REQUEST, MARKER, hooks)).rejects.toThrow('HTTP 429');
    expect(onAmbiguous).not.toHaveBeenCalled();
  });

  test('a fatal error (401) is thrown at once', async () => {
    createFailsWith(httpError(401));
    await expect(api.create(REQUEST, MARKER, hooks)).rejects.toThrow('HTTP 401');
    expect(calls).toEqual(['create']);
    expect(onAmbiguous).not.toHaveBeenCalled();
  });

  test('created but unusable (no secret): not retried; the known id is deleted, the project swept, post told', async () => {
    const noSecret = new DeepgramApiError('no secret', { transient: false, ambiguous: true }, { credentialsId: 'cred-orphan' });
    createFailsWith(noSecret);
    await expect(api.create(REQUEST, MARKER, hooks)).rejects.toBe(noSecret);
    expect(calls).toEqual(['create', 'onAmbiguous', 'delete cred-orphan', 'list']);
  });

  test('created but unusable, and the delete by id fails: the sweep still runs and the original error is thrown', async () => {
    const noSecret = new DeepgramApiError('no secret', { transient: false, ambiguous: true }, { credentialsId: 'cred-orphan' });
    createFailsWith(noSecret);
    client.delete.mockRejectedValueOnce(httpError(403));
    client.list.mockResolvedValueOnce({ items: [{ id: 'cred-orphan', comment: `ci [${MARKER}]` }] });
    await expect(api.create(REQUEST, MARKER, hooks)).rejects.toBe(noSecret);
    expect(onAmbiguous).toHaveBeenCalledTimes(1);
    // The delete by id failed quietly; the sweep found the set by its tag and deleted it.
    expect(client.delete).toHaveBeenCalledTimes(2);
    expect(warning).not.toHaveBeenCalled();
    expect(info).toHaveBeenCalledWith(`Deleted 1 of 1 set(s) of credentials the failed create left ([${MARKER}]).`);
  });
});

describe('create: what its retries and sweeps say', () => {
  test('a retried create names what it retries', async () => {
    createFailsWith(httpError(429));
    await api.create(REQUEST, MARKER, hooks);
    expect(info).toHaveBeenCalledWith(expect.stringMatching(/^Attempt 1 of 3 to create distribution credentials failed: HTTP 429\./));
  });

  test('a sweep that finds nothing deletes nothing and says nothing of deleting', async () => {
    createFailsWith(httpError(500));
    await api.create(REQUEST, MARKER, hooks);
    expect(client.delete).not.toHaveBeenCalled();
    expect(info.mock.calls.flat().filter((line) => line.startsWith('Deleted'))).toEqual([]);
  });

  test("a sweep that cannot list says so, with the list's error, and the create goes on", async () => {
    createFailsWith(httpError(500));
    client.list.mockRejectedValueOnce(httpError(403));
    await expect(api.create(REQUEST, MARKER, hooks)).resolves.toBe(CREATED);
    expect(info).toHaveBeenCalledWith(
      'Could not look for credentials the failed create may have left (the post step looks again): HTTP 403',
    );
  });

  test('a stray the sweep cannot delete is a warning that names it as a stray', async () => {
    createFailsWith(httpError(500));
    client.list.mockResolvedValueOnce({ items: [{ id: 'stray-1', comment: `ci [${MARKER}]` }] });
    client.delete.mockRejectedValueOnce(httpError(403));
    await api.create(REQUEST, MARKER, hooks);
    expect(warning).toHaveBeenCalledWith(
      'Could not delete 1 of 1 stray distribution credentials (stray-1): 1 failed (the first: HTTP 403).',
    );
    expect(info).toHaveBeenCalledWith(`Deleted 0 of 1 set(s) of credentials the failed create left ([${MARKER}]).`);
  });

  test('a client without a budget (built for one request) still retries', async () => {
    const unbudgeted = { ...client, budget: undefined };
    api = projectApi({ client: unbudgeted as unknown as DeepgramClient });
    createFailsWith(httpError(429));
    await expect(api.create(REQUEST, MARKER, hooks)).resolves.toBe(CREATED);
    expect(client.create).toHaveBeenCalledTimes(2);
  });
});

describe('the comment as Deepgram stored it', () => {
  const tagged = `ci [${MARKER} job]`;
  const request = { ...REQUEST, comment: tagged };

  test('echoed whole: no warning', async () => {
    client.create.mockResolvedValueOnce({ ...CREATED, comment: tagged });
    await api.create(request, MARKER, hooks);
    expect(warning).not.toHaveBeenCalled();
  });

  test('not echoed at all (an answer without the comment): nothing to check, no warning', async () => {
    const { comment: _comment, ...withoutComment } = CREATED;
    client.create.mockResolvedValueOnce(withoutComment);
    await api.create(request, MARKER, hooks);
    expect(warning).not.toHaveBeenCalled();
  });

  test.each([
    ['cut short', 'ci [dg-action:0123'],
    ['cut to nothing', ''],
    ['changed', `ci [${MARKER} kept]`],
  ])('%s: a warning that no sweep or pruning can find the set; the credentials are still used', async (_what, stored) => {
    client.create.mockResolvedValueOnce({ ...CREATED, comment: stored });
    await expect(api.create(request, MARKER, hooks)).resolves.toMatchObject({ id: 'cred-new' });
    expect(warning).toHaveBeenCalledWith(
      `Deepgram stored the comment of distribution credentials cred-new without the tag the action ended it with ([${MARKER} job]): ` +
        'it is revoked at job end by its ID, but if that fails no sweep and no pruning can ever find it.',
    );
  });

  test('a kept set whose tag was cut: the warning says it must be deleted by its ID', async () => {
    client.create.mockResolvedValueOnce({ ...CREATED, comment: 'ci' });
    await api.create({ ...REQUEST, comment: `ci [${MARKER} keep=prod]` }, MARKER, hooks);
    expect(warning.mock.calls[0]?.[0]).toContain('it is kept, and no sweep, pruning, kept-before or retire can ever find it');
  });
});

describe('revoke', () => {
  test('deleted: says so', async () => {
    await expect(api.revoke('cred-1')).resolves.toBe('deleted');
    expect(client.delete).toHaveBeenCalledWith(PROJECT, 'cred-1');
    expect(info).toHaveBeenCalledWith('Revoked distribution credentials cred-1.');
  });

  test('already gone counts as success', async () => {
    client.delete.mockResolvedValueOnce('already-gone');
    await expect(api.revoke('cred-1')).resolves.toBe('already-gone');
    expect(info).toHaveBeenCalledWith('Distribution credentials cred-1 were already gone.');
  });

  test('transient failures are retried', async () => {
    client.delete.mockRejectedValueOnce(httpError(503)).mockRejectedValueOnce(httpError(429, { retryAfterMs: 1_500 }));
    await expect(api.revoke('cred-1')).resolves.toBe('deleted');
    expect(client.delete).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls).toEqual([[0], [1_500]]);
  });

  test('a fatal failure is thrown', async () => {
    client.delete.mockRejectedValueOnce(httpError(403));
    await expect(api.revoke('cred-1')).rejects.toThrow('HTTP 403');
    expect(client.delete).toHaveBeenCalledTimes(1);
  });
});

describe('list and deleteEach', () => {
  test('a transient list failure is retried', async () => {
    const page = { items: [{ id: 'stray', comment: `ci [${MARKER}]` }], date: 'Tue, 01 Dec 2026 10:00:00 GMT' };
    client.list.mockRejectedValueOnce(httpError(502)).mockResolvedValueOnce(page);
    await expect(api.list()).resolves.toBe(page);
    expect(client.list).toHaveBeenCalledTimes(2);
  });

  test('a retried list names what it retries', async () => {
    client.list.mockRejectedValueOnce(httpError(502));
    await api.list();
    expect(info).toHaveBeenCalledWith(expect.stringMatching(/^Attempt 1 of 3 to list distribution credentials failed: HTTP 502\./));
  });

  test('a delete that fails is one warning naming what is left; the others still go', async () => {
    client.delete.mockRejectedValueOnce(httpError(403));
    const sets = [
      { id: 'a', comment: `[${MARKER}]` },
      { id: 'b', comment: `[${MARKER}]` },
    ];
    await expect(api.deleteEach(sets, 'stray distribution credentials')).resolves.toEqual([sets[1]]);
    expect(client.delete.mock.calls.map(([, id]) => id)).toEqual(['a', 'b']);
    expect(warning).toHaveBeenCalledTimes(1);
    expect(warning).toHaveBeenCalledWith('Could not delete 1 of 2 stray distribution credentials (a): 1 failed (the first: HTTP 403).');
  });

  test('many that fail are one warning, not one a set', async () => {
    client.delete.mockRejectedValue(httpError(403));
    const sets = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, comment: `[${MARKER}]` }));
    await expect(api.deleteEach(sets, 'old job credentials')).resolves.toEqual([]);
    expect(warning).toHaveBeenCalledTimes(1);
    // Deletes that keep failing stop the run: the rest are not tried.
    const tried = client.delete.mock.calls.length;
    expect(tried).toBeLessThan(30);
    expect(warning).toHaveBeenCalledWith(
      `Could not delete 30 of 30 old job credentials (s0, s1, s2, s3, s4 and 25 more): ${tried} failed (the first: HTTP 403); ` +
        `${30 - tried} not tried (the step's time for API calls ran out, or deletes kept failing).`,
    );
  });

  test('never puts an id that is not a credentials ID in a URL', async () => {
    const sets = [
      { id: '..', comment: `[${MARKER}]` },
      { id: 'x/../y', comment: `[${MARKER}]` },
    ];
    await expect(api.deleteEach(sets, 'stray distribution credentials')).resolves.toEqual([]);
    expect(client.delete).not.toHaveBeenCalled();
    expect(warning).toHaveBeenCalledTimes(1);
    expect(warning).toHaveBeenCalledWith(
      'Could not delete 2 stray distribution credentials ("..", "x/../y"): the API listed them with IDs that are not credentials IDs.',
    );
  });
});

describe('one per step', () => {
  test("forStep: the step budget of its settings, with the extra time on top, and the settings' project and policy", () => {
    const forStep = ProjectApi.forStep({ ...API_SETTINGS, maxAttempts: 2, requestTimeoutMs: 5_000 }, 7_000);
    expect(forStep.client.budget?.totalMs).toBe(stepBudgetMs(2, 5_000) + 7_000);
    expect(forStep.client.timeoutMs).toBe(5_000);
    expect(forStep.projectId).toBe(API_SETTINGS.projectId);
    expect(forStep.maxAttempts).toBe(2);
    expect(ProjectApi.forStep(API_SETTINGS).client.budget?.totalMs).toBe(
      stepBudgetMs(API_SETTINGS.maxAttempts, API_SETTINGS.requestTimeoutMs),
    );
  });

  test('forStep warns, once, of a proxy variable that cannot be used as written', () => {
    const names = ['https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'];
    const saved = names.map((name) => process.env[name]);
    names.forEach((name) => delete process.env[name]);
    process.env.HTTPS_PROXY = 'proxy.corp:3128';
    try {
      ProjectApi.forStep(API_SETTINGS);
    } finally {
      names.forEach((name, i) => (saved[i] === undefined ? delete process.env[name] : (process.env[name] = saved[i])));
    }
    expect(core.warning.mock.calls).toEqual([
      [
        expect.stringMatching(
          /^HTTPS_PROXY cannot be used as written \(.*\): requests to api\.deepgram\.com go through http:\/\/proxy\.corp:3128\.$/,
        ),
      ],
    ]);
  });

  test('withLogSinks: the same client (and so budget) and retry policy; only the lines go elsewhere', async () => {
    const held: string[] = [];
    const other = api.withLogSinks(
      (m) => held.push(`info ${m}`),
      (m) => held.push(`warning ${m}`),
    );
    expect(other.client).toBe(api.client);
    client.delete.mockRejectedValueOnce(httpError(503)).mockRejectedValueOnce(httpError(503));
    await expect(other.revoke('cred-1')).resolves.toBe('deleted');
    // Three attempts with the sleep of the policy: the copy kept it.
    expect(client.delete).toHaveBeenCalledTimes(3);
    expect(sleep).toHaveBeenCalledTimes(2);
    await other.deleteEach([{ id: '..', comment: '' }], 'stray distribution credentials');
    expect(held).toEqual([
      'info Attempt 1 of 3 to delete distribution credentials cred-1 failed: HTTP 503. Retrying in 0.0 s.',
      'info Attempt 2 of 3 to delete distribution credentials cred-1 failed: HTTP 503. Retrying in 0.0 s.',
      'info Revoked distribution credentials cred-1.',
      'warning Could not delete stray distribution credentials "..": the API listed it with an ID that is not a credentials ID.',
    ]);
    expect(info).not.toHaveBeenCalled();
    expect(warning).not.toHaveBeenCalled();
  });
});
