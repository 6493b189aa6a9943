import { describe, expect, jest, test } from '@jest/globals';
import type { DeepgramClient } from '../../src/deepgram/client.js';
import type { ListedCredentials } from '../../src/deepgram/types.js';
import { ProjectApi } from '../../src/deepgram/project-api.js';
import { keptBefore, keptUnder } from '../../src/deepgram/kept.js';
import { createdTimeMs } from '../../src/deepgram/clock.js';
import { DeepgramApiError } from '../../src/deepgram/errors.js';
import { Budget } from '../../src/net/budget.js';

const MARKER = 'dg-action:0123456789ab';
const OTHER = 'dg-action:ba9876543210';
const set = (id: string, comment: string, created?: string): ListedCredentials => ({ id, comment, created });

describe('keptUnder', () => {
  test('only sets tagged with exactly that name, newest first, undated last', () => {
    const listed = [
      set('old', `pull [${OTHER} keep=prod]`, '2026-01-01T00:00:00Z'),
      set('undated', `[${OTHER} keep=prod]`),
      set('new', `[${OTHER} keep=prod]`, '2026-03-01T00:00:00.5+01:00'),
      set('other-name', `[${OTHER} keep=prod-eu]`, '2026-04-01T00:00:00Z'),
      set('job', `[${OTHER}]`, '2026-04-01T00:00:00Z'),
      set('kept', `[${OTHER} kept]`, '2026-04-01T00:00:00Z'),
      set('copied', `[${OTHER} keep=prod] copied by a person`, '2026-04-01T00:00:00Z'),
      set('by-hand', 'keep=prod', '2026-04-01T00:00:00Z'),
    ];
    expect(keptUnder(listed, 'prod')).toEqual({
      sets: [
        { id: 'new', createdMs: Date.parse('2026-03-01T00:00:00.5+01:00') },
        { id: 'old', createdMs: Date.parse('2026-01-01T00:00:00Z') },
        { id: 'undated', createdMs: undefined },
      ],
      refused: 0,
    });
  });

  test.each(['.', '..', '../x', 'a/b', 'a b', 'a\nb', '-a', '', 'x'.repeat(129)])('an ID such as %j is refused, and only counted', (id) => {
    expect(keptUnder([set(id, `[${OTHER} keep=prod]`), set('ok', `[${OTHER} keep=prod]`)], 'prod')).toEqual({
      sets: [{ id: 'ok', createdMs: undefined }],
      refused: 1,
    });
  });

  test.each(['yesterday', '2026-01-01', '2026-01-01 00:00:00Z', '2026-13-45T99:99:99Z', '1700000000', '2026-01-01T00:00:00Z\n'])(
    'a created time such as %j is not used',
    (created) => {
      expect(createdTimeMs(created)).toBeUndefined();
    },
  );

  // Date.parse reads a signed or extended year, as a time 4,000 years ago or 10,000 ahead: an age
  // that would prune the set at once (or never), where the API meant neither.
  test.each(['-002020-01-01T00:00:00Z', '+012020-01-01T00:00:00Z', 'x2020-01-01T00:00:00Z'])(
    'a created time with a signed or extended year, such as %j, is not used',
    (created) => {
      expect(createdTimeMs(created)).toBeUndefined();
    },
  );
});

function context(list: () => Promise<ListedCredentials[]>) {
  const warnings: string[] = [];
  const api = new ProjectApi({
    client: {
      timeoutMs: 30_000,
      budget: new Budget(60_000),
      list: jest.fn(async () => ({ items: await list() })),
    } as unknown as DeepgramClient,
    projectId: 'p',
    maxAttempts: 2,
    info: () => undefined,
    warning: (message) => warnings.push(message),
    sleep: async () => undefined,
  });
  return { api, warnings };
}

describe('keptBefore', () => {
  test('no name: no request, no output', async () => {
    const { api } = context(async () => []);
    await expect(keptBefore(api, '', MARKER)).resolves.toBeUndefined();
    expect(api.client.list).not.toHaveBeenCalled();
  });

  test('the other sets under the name, newest first; never one this execution made', async () => {
    const { api, warnings } = context(async () => [
      set('a', `[${OTHER} keep=prod]`, '2026-01-01T00:00:00Z'),
      set('mine', `[${MARKER} keep=prod]`, '2026-05-01T00:00:00Z'),
      set('b', `[${OTHER} keep=prod]`, '2026-02-01T00:00:00Z'),
      set('c', `[${OTHER} keep=staging]`, '2026-02-01T00:00:00Z'),
    ]);
    await expect(keptBefore(api, 'prod', MARKER)).resolves.toBe('b,a');
    expect(warnings).toEqual([]);
  });

  test('a list it may not make: empty, with a warning', async () => {
    const { api, warnings } = context(async () => {
      throw new DeepgramApiError('Deepgram API: list distribution credentials failed with HTTP 403', {
        transient: false,
        ambiguous: false,
      });
    });
    await expect(keptBefore(api, 'prod', MARKER)).resolves.toBe('');
    expect(warnings).toEqual([
      'Could not list the sets kept as "prod", so kept-before is empty: Deepgram API: list distribution credentials failed with HTTP 403',
    ]);
  });

  test('a transient failure is retried', async () => {
    let calls = 0;
    const { api } = context(async () => {
      if (++calls === 1) throw new DeepgramApiError('HTTP 503', { transient: true, ambiguous: true });
      return [set('a', `[${OTHER} keep=prod]`)];
    });
    await expect(keptBefore(api, 'prod', MARKER)).resolves.toBe('a');
    expect(calls).toBe(2);
  });
});
