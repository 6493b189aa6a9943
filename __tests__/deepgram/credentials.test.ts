import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import type { CreatedCredentials, CreateRequest, DeleteResult, ListedCredentials, ListedPage } from '../../src/deepgram/types.js';
import type { DeepgramClient } from '../../src/deepgram/client.js';
import { PROJECT } from '../../__fixtures__/ids.js';

jest.unstable_mockModule('@actions/core', () => core);
const { DeepgramApiError } = await import('../../src/deepgram/errors.js');
const { createCredentials, deleteEach, listCredentials, revokeCredentials, straysOf } = await import('../../src/deepgram/credentials.js');
const { Budget } = await import('../../src/net/budget.js');
type ProjectApi = import('../../src/deepgram/project-api.js').ProjectApi;

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
let ctx: ProjectApi & {
  info: jest.Mock<(m: string) => void>;
  warning: jest.Mock<(m: string) => void>;
  sleep: jest.Mock<(ms: number) => Promise<void>>;
};
let onAmbiguous: jest.Mock<() => void>;
let inFlight: jest.Mock<(until: number) => void>;
let created: jest.Mock<(id: string) => void>;
let hooks: { inFlight: typeof inFlight; created: typeof created; mayHaveStrays: typeof onAmbiguous };
/** Every client call and ambiguity report, in order. */
let calls: string[];

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
  ctx = {
    client: client as unknown as DeepgramClient,
    projectId: PROJECT,
    maxAttempts: 3,
    info: jest.fn(),
    warning: jest.fn(),
    sleep: jest.fn(async () => {}),
    random: () => 0,
  };
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

describe('createCredentials', () => {
  test('succeeds at the first attempt: one create, no sweep, no ambiguity', async () => {
    await expect(createCredentials(ctx, REQUEST, MARKER, hooks)).resolves.toBe(CREATED);
    expect(client.create).toHaveBeenCalledWith(PROJECT, REQUEST);
    expect(calls).toEqual(['create', 'created cred-new']);
    expect(onAmbiguous).not.toHaveBeenCalled();
  });

  test('429 then success: retried with no sweep and no ambiguity', async () => {
    createFailsWith(httpError(429));
    await expect(createCredentials(ctx, REQUEST, MARKER, hooks)).resolves.toBe(CREATED);
    expect(calls).toEqual(['create', 'create', 'created cred-new']);
    expect(onAmbiguous).not.toHaveBeenCalled();
    expect(ctx.sleep).toHaveBeenCalledTimes(1);
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
    await expect(createCredentials(ctx, REQUEST, MARKER, hooks)).resolves.toBe(CREATED);
    expect(calls).toEqual(['create', 'onAmbiguous', 'list', 'delete stray-1', 'delete stray-2', 'create', 'created cred-new']);
    expect(client.list).toHaveBeenCalledWith(PROJECT);
    expect(client.delete).toHaveBeenCalledWith(PROJECT, 'stray-1');
  });

  test('a final ambiguous failure is reported, swept at once, and thrown', async () => {
    const last = httpError(503);
    createFailsWith(httpError(503), httpError(503), last);
    await expect(createCredentials(ctx, REQUEST, MARKER, hooks)).rejects.toBe(last);
    expect(client.create).toHaveBeenCalledTimes(3);
    expect(calls.slice(-3)).toEqual(['create', 'onAmbiguous', 'list']);
  });

  test('a single ambiguous failure with max-attempts 1 is still reported and swept', async () => {
    ctx.maxAttempts = 1;
    createFailsWith(httpError(502));
    await expect(createCredentials(ctx, REQUEST, MARKER, hooks)).rejects.toThrow('HTTP 502');
    expect(calls).toEqual(['create', 'onAmbiguous', 'list']);
  });

  test('the sweeps inside a create make one attempt per request: no retries inside retries', async () => {
    createFailsWith(httpError(503), httpError(503), httpError(503));
    client.list.mockImplementation(async () => {
      calls.push('list');
      throw httpError(503);
    });
    await expect(createCredentials(ctx, REQUEST, MARKER, hooks)).rejects.toThrow('HTTP 503');
    expect(calls.filter((c) => c === 'list')).toHaveLength(3);
    // Only the create's own two waits: none for the lists.
    expect(ctx.sleep).toHaveBeenCalledTimes(2);
    expect(ctx.warning).not.toHaveBeenCalled();
  });

  test('every attempt is marked in flight before it is sent and cleared when it settles', async () => {
    createFailsWith(httpError(429));
    client.create.mockImplementationOnce(async () => {
      calls.push(`create (in flight: ${inFlight.mock.calls.at(-1)?.[0] !== 0})`);
      return CREATED;
    });
    const before = Date.now();
    await createCredentials(ctx, REQUEST, MARKER, hooks);
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
    await expect(createCredentials(ctx, REQUEST, MARKER, hooks)).rejects.toThrow('HTTP 429');
    expect(client.create).toHaveBeenCalledTimes(1);
    expect(ctx.sleep).not.toHaveBeenCalled();
    expect(ctx.info).toHaveBeenCalledWith(expect.stringContaining('Not retrying: a wait of 5.0 s would outlast'));
  });

  test('a final non-ambiguous failure (429) is not reported as ambiguous', async () => {
    createFailsWith(httpError(429), httpError(429), httpError(429));
    await expect(createCredentials(ctx, REQUEST, MARKER, hooks)).rejects.toThrow('HTTP 429');
    expect(onAmbiguous).not.toHaveBeenCalled();
  });

  test('a fatal error (401) is thrown at once', async () => {
    createFailsWith(httpError(401));
    await expect(createCredentials(ctx, REQUEST, MARKER, hooks)).rejects.toThrow('HTTP 401');
    expect(calls).toEqual(['create']);
    expect(onAmbiguous).not.toHaveBeenCalled();
  });

  test('created but unusable (no secret): not retried; the known id is deleted, the project swept, post told', async () => {
    const noSecret = new DeepgramApiError('no secret', { transient: false, ambiguous: true }, { credentialsId: 'cred-orphan' });
    createFailsWith(noSecret);
    await expect(createCredentials(ctx, REQUEST, MARKER, hooks)).rejects.toBe(noSecret);
    expect(calls).toEqual(['create', 'onAmbiguous', 'delete cred-orphan', 'list']);
  });

  test('created but unusable, and the delete by id fails: the sweep still runs and the original error is thrown', async () => {
    const noSecret = new DeepgramApiError('no secret', { transient: false, ambiguous: true }, { credentialsId: 'cred-orphan' });
    createFailsWith(noSecret);
    client.delete.mockRejectedValueOnce(httpError(403));
    client.list.mockResolvedValueOnce({ items: [{ id: 'cred-orphan', comment: `ci [${MARKER}]` }] });
    await expect(createCredentials(ctx, REQUEST, MARKER, hooks)).rejects.toBe(noSecret);
    expect(onAmbiguous).toHaveBeenCalledTimes(1);
    // The delete by id failed quietly; the sweep found the set by its tag and deleted it.
    expect(client.delete).toHaveBeenCalledTimes(2);
    expect(ctx.warning).not.toHaveBeenCalled();
    expect(ctx.info).toHaveBeenCalledWith(`Deleted 1 of 1 set(s) of credentials the failed create left ([${MARKER}]).`);
  });
});

describe('the comment as Deepgram stored it', () => {
  const tagged = `ci [${MARKER} job]`;
  const request = { ...REQUEST, comment: tagged };

  test('echoed whole: no warning', async () => {
    client.create.mockResolvedValueOnce({ ...CREATED, comment: tagged });
    await createCredentials(ctx, request, MARKER, hooks);
    expect(ctx.warning).not.toHaveBeenCalled();
  });

  test('not echoed at all (an answer without the comment): nothing to check, no warning', async () => {
    const { comment: _comment, ...withoutComment } = CREATED;
    client.create.mockResolvedValueOnce(withoutComment);
    await createCredentials(ctx, request, MARKER, hooks);
    expect(ctx.warning).not.toHaveBeenCalled();
  });

  test.each([
    ['cut short', 'ci [dg-action:0123'],
    ['cut to nothing', ''],
    ['changed', `ci [${MARKER} kept]`],
  ])('%s: a warning that no sweep or pruning can find the set; the credentials are still used', async (_what, stored) => {
    client.create.mockResolvedValueOnce({ ...CREATED, comment: stored });
    await expect(createCredentials(ctx, request, MARKER, hooks)).resolves.toMatchObject({ id: 'cred-new' });
    expect(ctx.warning).toHaveBeenCalledWith(
      `Deepgram stored the comment of distribution credentials cred-new without the tag the action ended it with ([${MARKER} job]): ` +
        'it is revoked at job end by its ID, but if that fails no sweep and no pruning can ever find it.',
    );
  });

  test('a kept set whose tag was cut: the warning says it must be deleted by its ID', async () => {
    client.create.mockResolvedValueOnce({ ...CREATED, comment: 'ci' });
    await createCredentials(ctx, { ...REQUEST, comment: `ci [${MARKER} keep=prod]` }, MARKER, hooks);
    expect(ctx.warning.mock.calls[0]?.[0]).toContain('it is kept, and no sweep, pruning, kept-before or retire can ever find it');
  });
});

describe('revokeCredentials', () => {
  test('deleted: says so', async () => {
    await expect(revokeCredentials(ctx, 'cred-1')).resolves.toBe('deleted');
    expect(client.delete).toHaveBeenCalledWith(PROJECT, 'cred-1');
    expect(ctx.info).toHaveBeenCalledWith('Revoked distribution credentials cred-1.');
  });

  test('already gone counts as success', async () => {
    client.delete.mockResolvedValueOnce('already-gone');
    await expect(revokeCredentials(ctx, 'cred-1')).resolves.toBe('already-gone');
    expect(ctx.info).toHaveBeenCalledWith('Distribution credentials cred-1 were already gone.');
  });

  test('transient failures are retried', async () => {
    client.delete.mockRejectedValueOnce(httpError(503)).mockRejectedValueOnce(httpError(429, { retryAfterMs: 1_500 }));
    await expect(revokeCredentials(ctx, 'cred-1')).resolves.toBe('deleted');
    expect(client.delete).toHaveBeenCalledTimes(3);
    expect(ctx.sleep.mock.calls).toEqual([[0], [1_500]]);
  });

  test('a fatal failure is thrown', async () => {
    client.delete.mockRejectedValueOnce(httpError(403));
    await expect(revokeCredentials(ctx, 'cred-1')).rejects.toThrow('HTTP 403');
    expect(client.delete).toHaveBeenCalledTimes(1);
  });
});

describe('listing and sweeping', () => {
  const listed: ListedCredentials[] = [
    { id: 'keep-me', comment: `ci [${MARKER}]` },
    { id: 'stray', comment: `ci [${MARKER}]` },
    { id: 'kept-stray', comment: `ci [${MARKER} kept]` },
    { id: 'other', comment: 'ci [dg-action:aaaaaaaaaaaa]' },
    { id: 'bare-marker-text', comment: `mentions ${MARKER} without brackets` },
  ];

  test('straysOf: what this execution made, but for the set it handed out', () => {
    expect(straysOf(listed, MARKER, 'keep-me').map((s) => s.id)).toEqual(['stray', 'kept-stray']);
  });

  test('a transient list failure is retried', async () => {
    const page = { items: listed, date: 'Tue, 01 Dec 2026 10:00:00 GMT' };
    client.list.mockRejectedValueOnce(httpError(502)).mockResolvedValueOnce(page);
    await expect(listCredentials(ctx)).resolves.toBe(page);
    expect(client.list).toHaveBeenCalledTimes(2);
  });

  test('deleteEach: a delete that fails is one warning naming what is left; the others still go', async () => {
    client.delete.mockRejectedValueOnce(httpError(403));
    const sets = [
      { id: 'a', comment: `[${MARKER}]` },
      { id: 'b', comment: `[${MARKER}]` },
    ];
    await expect(deleteEach(ctx, sets, 'stray distribution credentials')).resolves.toEqual([sets[1]]);
    expect(client.delete.mock.calls.map(([, id]) => id)).toEqual(['a', 'b']);
    expect(ctx.warning).toHaveBeenCalledTimes(1);
    expect(ctx.warning).toHaveBeenCalledWith('Could not delete 1 of 2 stray distribution credentials (a): 1 failed (the first: HTTP 403).');
  });

  test('deleteEach: many that fail are one warning, not one a set', async () => {
    client.delete.mockRejectedValue(httpError(403));
    const sets = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, comment: `[${MARKER}]` }));
    await expect(deleteEach(ctx, sets, 'old job credentials')).resolves.toEqual([]);
    expect(ctx.warning).toHaveBeenCalledTimes(1);
    // Deletes that keep failing stop the run: the rest are not tried.
    const tried = client.delete.mock.calls.length;
    expect(tried).toBeLessThan(30);
    expect(ctx.warning).toHaveBeenCalledWith(
      `Could not delete 30 of 30 old job credentials (s0, s1, s2, s3, s4 and 25 more): ${tried} failed (the first: HTTP 403); ` +
        `${30 - tried} not tried (the step's time for API calls ran out, or deletes kept failing).`,
    );
  });

  test('deleteEach never puts an id that is not a credentials ID in a URL', async () => {
    const sets = [
      { id: '..', comment: `[${MARKER}]` },
      { id: 'x/../y', comment: `[${MARKER}]` },
    ];
    await expect(deleteEach(ctx, sets, 'stray distribution credentials')).resolves.toEqual([]);
    expect(client.delete).not.toHaveBeenCalled();
    expect(ctx.warning).toHaveBeenCalledTimes(1);
    expect(ctx.warning).toHaveBeenCalledWith(
      'Could not delete 2 stray distribution credentials ("..", "x/../y"): the API listed them with IDs that are not credentials IDs.',
    );
  });
});
