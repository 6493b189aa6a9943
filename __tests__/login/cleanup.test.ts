/**
 * The post step's work in the project (cleanup.ts), on a ProjectApi whose client the test answers:
 * what it revokes or keeps, what it sweeps, what it prunes, and what it says when it cannot.
 */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { mockRunner } from '../../__fixtures__/step.js';
import { until } from '../../__fixtures__/until.js';
import { CRED, PROJECT } from '../../__fixtures__/ids.js';
import { loginSettings } from '../../__fixtures__/settings.js';
import { ago, DATE_HEADER, DAY_MS, fixClock, NOW } from '../../__fixtures__/clock.js';
import type { DeepgramClient } from '../../src/deepgram/client.js';
import type { DeleteResult, ListedCredentials, ListedPage } from '../../src/deepgram/types.js';
import type { SavedState } from '../../src/runner/state.js';

mockRunner();
const { cleanUpProject, inFlightWaitMs, MAX_PRUNED_PER_JOB } = await import('../../src/login/cleanup.js');
const { ProjectApi } = await import('../../src/deepgram/project-api.js');
const { DeepgramApiError } = await import('../../src/deepgram/errors.js');

const MARKER = 'dg-action:0123456789ab';
const FORBIDDEN = new DeepgramApiError('HTTP 403 FORBIDDEN', { transient: false, ambiguous: false });
const BY_HAND = `Delete them by hand: DELETE /v1/projects/${PROJECT}/self-hosted/distribution/credentials/${CRED} (or in the Deepgram console).`;

/** What the API lists, and the time its answer gives. */
let page: ListedPage;
let client: {
  timeoutMs: number;
  list: jest.Mock<(projectId: string) => Promise<ListedPage>>;
  delete: jest.Mock<(projectId: string, id: string) => Promise<DeleteResult>>;
};
/** The client's requests and the lines logged, in order. */
let events: string[];
let clock: ReturnType<typeof fixClock>;

beforeEach(() => {
  clock = fixClock();
  events = [];
  page = { items: [], date: DATE_HEADER };
  client = {
    timeoutMs: 30_000,
    list: jest.fn(async () => {
      events.push('list');
      return page;
    }),
    delete: jest.fn(async (_project: string, id: string) => {
      events.push(`delete ${id}`);
      return 'deleted' as const;
    }),
  };
});
afterEach(() => clock.restore());

function api() {
  return new ProjectApi({
    client: client as unknown as DeepgramClient,
    projectId: PROJECT,
    maxAttempts: 2,
    info: (message) => events.push(`info ${message}`),
    warning: (message) => events.push(`warning ${message}`),
    sleep: async () => undefined,
    random: () => 0,
  });
}

const saved = (overrides: Partial<SavedState> = {}): SavedState => ({
  marker: MARKER,
  credentialsId: CRED,
  loggedInTo: '',
  sweep: false,
  createInFlightUntil: 0,
  registryConfig: undefined,
  ...overrides,
});

const lines = (kind: 'info' | 'warning') => events.filter((e) => e.startsWith(`${kind} `)).map((e) => e.slice(kind.length + 1));
const requests = () => events.filter((e) => e === 'list' || e.startsWith('delete '));
const set = (id: string, comment: string, created?: string): ListedCredentials => ({ id, comment, created });

describe('the set main handed out', () => {
  test('revoked, and with no sweep and pruning off, nothing else is asked', async () => {
    await cleanUpProject(api(), saved(), loginSettings({ pruneAfterMs: 0 }));
    expect(requests()).toEqual([`delete ${CRED}`]);
    expect(lines('info')).toEqual([`Revoked distribution credentials ${CRED}.`]);
    expect(lines('warning')).toEqual([]);
  });

  test('none saved (main revoked it itself): nothing to revoke', async () => {
    await cleanUpProject(api(), saved({ credentialsId: '' }), loginSettings({ pruneAfterMs: 0 }));
    expect(events).toEqual([]);
  });

  test.each([
    ['revoke: false', { revoke: false }, 'revoke: false'],
    ['keep', { revoke: false, keep: 'prod-pull' }, 'kept as "prod-pull"'],
  ])('%s: kept, and the log says why', async (_what, settings, why) => {
    await cleanUpProject(api(), saved(), loginSettings({ ...settings, pruneAfterMs: 0 }));
    expect(requests()).toEqual([]);
    expect(lines('info')).toEqual([`Keeping distribution credentials ${CRED} (${why}); they do not expire.`]);
  });

  test('a revoke that fails is a warning naming the set and how to delete it by hand, not a throw', async () => {
    client.delete.mockRejectedValue(FORBIDDEN);
    await expect(cleanUpProject(api(), saved(), loginSettings({ pruneAfterMs: 0 }))).resolves.toBeUndefined();
    expect(lines('warning')).toEqual([`Could not revoke distribution credentials ${CRED}: HTTP 403 FORBIDDEN. ${BY_HAND}`]);
  });

  describe('a post step stopped while the revoke is unanswered', () => {
    let kill: ReturnType<typeof jest.spyOn>;
    // This process must not really die of the signal: its own kill is only recorded.
    beforeEach(() => {
      kill = jest.spyOn(process, 'kill').mockImplementation(() => true);
    });
    afterEach(() => kill.mockRestore());

    test('says, last, that the set may still exist and how to delete it', async () => {
      let answer!: () => void;
      client.delete.mockImplementation(() => new Promise((resolve) => (answer = () => resolve('deleted'))));
      const cleanup = cleanUpProject(api(), saved(), loginSettings({ pruneAfterMs: 0 }));
      await until(() => client.delete.mock.calls.length === 1);
      process.emit('SIGINT', 'SIGINT');
      expect(lines('warning')).toEqual([
        `The post step was stopped before Deepgram answered the revoke of distribution credentials ${CRED}: they may still exist. ${BY_HAND}`,
      ]);
      expect(kill).toHaveBeenCalledWith(process.pid, 'SIGINT');
      answer();
      await cleanup;
    });

    test('once the revoke has its answer, a stop says nothing of it', async () => {
      await cleanUpProject(api(), saved(), loginSettings({ pruneAfterMs: 0 }));
      process.emit('SIGINT', 'SIGINT');
      expect(lines('warning')).toEqual([]);
    });
  });
});

describe('the sweep', () => {
  const listed = [
    set(CRED, `ci [${MARKER} job]`),
    set('stray-1', `ci [${MARKER} job]`),
    set('stray-kept', `ci [${MARKER} kept]`),
    set('other-run', 'ci [dg-action:ffffffffffff job]'),
    set('by-hand', `mentions ${MARKER}`),
  ];

  test("after an ambiguous create: every set that carries this execution's marker goes", async () => {
    page = { items: listed };
    await cleanUpProject(api(), saved({ sweep: true, credentialsId: '' }), loginSettings({ pruneAfterMs: 0 }));
    expect(requests()).toEqual(['list', `delete ${CRED}`, 'delete stray-1', 'delete stray-kept']);
    expect(lines('info')).toContain(`Deleted 3 stray set(s) of credentials carrying [${MARKER}].`);
  });

  test('the handed-out set is spared by the sweep, whether it is revoked or kept', async () => {
    page = { items: listed };
    await cleanUpProject(api(), saved({ sweep: true }), loginSettings({ revoke: false, pruneAfterMs: 0 }));
    expect(requests()).toEqual(['list', 'delete stray-1', 'delete stray-kept']);
  });

  test('a create main was stopped in, already past: swept at once, with no wait', async () => {
    page = { items: listed };
    await cleanUpProject(api(), saved({ createInFlightUntil: NOW - 1, credentialsId: '' }), loginSettings({ pruneAfterMs: 0 }));
    expect(requests()).toEqual(['list', `delete ${CRED}`, 'delete stray-1', 'delete stray-kept']);
    expect(lines('info').some((line) => line.includes('waiting'))).toBe(false);
  });

  test('a create main was stopped in that may still land: the wait is logged before the list goes out', async () => {
    page = { items: [set('landed', `ci [${MARKER} job]`)] };
    const landsBy = NOW + 20;
    expect(inFlightWaitMs(saved({ createInFlightUntil: landsBy }))).toBe(20);
    await cleanUpProject(api(), saved({ createInFlightUntil: landsBy, credentialsId: '' }), loginSettings({ pruneAfterMs: 0 }));
    expect(events).toEqual([
      'info The main step stopped while a create was in flight; waiting 0s (its request-timeout) for it to land before sweeping.',
      'list',
      'delete landed',
      `info Revoked distribution credentials landed.`,
      `info Deleted 1 stray set(s) of credentials carrying [${MARKER}].`,
    ]);
  });

  test('a list it cannot make: a warning naming the tag to look for', async () => {
    client.list.mockRejectedValue(FORBIDDEN);
    await cleanUpProject(api(), saved({ sweep: true, credentialsId: '' }), loginSettings());
    expect(lines('warning')).toEqual([
      `Could not look for credentials that an interrupted create may have left (comment tag [${MARKER}]): HTTP 403 FORBIDDEN. ` +
        "Check the project's distribution credentials for that tag.",
    ]);
  });
});

describe('pruning', () => {
  test("other runs' job sets older than prune-after go, oldest first, each named with its age, and in the summary", async () => {
    page = {
      date: DATE_HEADER,
      items: [
        set('old-job', 'ci [dg-action:aaaaaaaaaaaa job]', ago(6 * DAY_MS)),
        set('older-job', 'ci [dg-action:aaaaaaaaaaab job]', ago(9 * DAY_MS)),
        set('recent-job', 'ci [dg-action:dddddddddddd job]', ago(4 * DAY_MS)),
        set('old-legacy', 'ci [dg-action:abababababab]', ago(60 * DAY_MS)),
        set('old-kept', 'ci [dg-action:bbbbbbbbbbbb kept]', ago(60 * DAY_MS)),
        set('old-named', 'ci [dg-action:cccccccccccc keep=prod]', ago(60 * DAY_MS)),
        set('old-foreign', 'made by hand', ago(60 * DAY_MS)),
        set('old-mine', `ci [${MARKER} job]`, ago(60 * DAY_MS)),
      ],
    };
    await cleanUpProject(api(), saved({ credentialsId: '' }), loginSettings());
    expect(requests()).toEqual(['list', 'delete older-job', 'delete old-job']);
    expect(lines('info').filter((line) => line.startsWith('Pruned'))).toEqual([
      'Pruned distribution credentials older-job, created 9d 0h ago by a job that never revoked them.',
      'Pruned distribution credentials old-job, created 6d 0h ago by a job that never revoked them.',
    ]);
    expect(core.summary.addTable.mock.calls[0]?.[0].slice(1)).toEqual([
      ['<code>older-job</code>', '9d 0h'],
      ['<code>old-job</code>', '6d 0h'],
    ]);
    expect(lines('warning')).toEqual([]);
  });

  test('ages are by the API clock, and a runner clock far from it is noted', async () => {
    clock.moveTo(NOW - 2 * DAY_MS);
    page = { date: DATE_HEADER, items: [set('old-by-api', 'ci [dg-action:aaaaaaaaaaaa job]', ago(6 * DAY_MS))] };
    await cleanUpProject(api(), saved({ credentialsId: '' }), loginSettings());
    expect(requests()).toEqual(['list', 'delete old-by-api']);
    expect(lines('info')[0]).toMatch(/^The runner's clock is 2d 0h behind the Deepgram API's/);
  });

  test('a set with no created time that can be real is never pruned, and counted', async () => {
    page = {
      date: DATE_HEADER,
      items: [
        set('undated', 'ci [dg-action:aaaaaaaaaaaa job]'),
        set('odd-date', 'ci [dg-action:aaaaaaaaaaaa job]', 'Mon, 01 Jan 2024 00:00:00 GMT'),
        set('kept-undated', 'ci [dg-action:aaaaaaaaaaaa kept]'),
      ],
    };
    await cleanUpProject(api(), saved({ credentialsId: '' }), loginSettings());
    expect(requests()).toEqual(['list']);
    expect(lines('info')).toEqual(['2 job set(s) of other runs have no created time that can be real; they are never pruned by age.']);
    expect(core.summary.addTable).not.toHaveBeenCalled();
  });

  test(`at most ${MAX_PRUNED_PER_JOB} a job, the oldest; the rest are left to the next jobs, and the log says so`, async () => {
    const old = Array.from({ length: MAX_PRUNED_PER_JOB + 2 }, (_, i) =>
      set(`job-${i}`, 'ci [dg-action:aaaaaaaaaaaa job]', ago(6 * DAY_MS + i * 60_000)),
    );
    page = { date: DATE_HEADER, items: old };
    await cleanUpProject(api(), saved({ credentialsId: '' }), loginSettings());
    const deleted = requests().filter((r) => r.startsWith('delete '));
    expect(deleted).toHaveLength(MAX_PRUNED_PER_JOB);
    // The two youngest stay.
    expect(deleted).not.toContain('delete job-0');
    expect(deleted).not.toContain('delete job-1');
    expect(lines('info')).toContain(
      `${MAX_PRUNED_PER_JOB + 2} job sets are older than 5d 0h; pruning the ${MAX_PRUNED_PER_JOB} oldest, and leaving 2 to the next jobs ` +
        `(one job prunes at most ${MAX_PRUNED_PER_JOB}).`,
    );
  });

  test('a set that could not be deleted is not called pruned, in the log or the summary', async () => {
    page = {
      date: DATE_HEADER,
      items: [
        set('gone', 'ci [dg-action:aaaaaaaaaaaa job]', ago(7 * DAY_MS)),
        set('stuck', 'ci [dg-action:aaaaaaaaaaab job]', ago(8 * DAY_MS)),
      ],
    };
    client.delete.mockImplementation(async (_project, id) => {
      events.push(`delete ${id}`);
      if (id === 'stuck') throw FORBIDDEN;
      return 'deleted';
    });
    await cleanUpProject(api(), saved({ credentialsId: '' }), loginSettings());
    expect(lines('info').filter((line) => line.startsWith('Pruned'))).toEqual([
      'Pruned distribution credentials gone, created 7d 0h ago by a job that never revoked them.',
    ]);
    expect(core.summary.addTable.mock.calls[0]?.[0].slice(1)).toEqual([['<code>gone</code>', '7d 0h']]);
    expect(lines('warning')).toEqual(['Could not delete 1 of 2 old job credentials (stuck): 1 failed (the first: HTTP 403 FORBIDDEN).']);
  });

  test('prune-after 12h prunes a set of a day', async () => {
    page = { date: DATE_HEADER, items: [set('day-old', 'ci [dg-action:aaaaaaaaaaaa job]', ago(DAY_MS))] };
    await cleanUpProject(api(), saved({ credentialsId: '' }), loginSettings({ pruneAfterMs: DAY_MS / 2 }));
    expect(requests()).toEqual(['list', 'delete day-old']);
  });

  test('sweep and pruning share one list, beside the revoke', async () => {
    page = {
      date: DATE_HEADER,
      items: [set('stray', `ci [${MARKER} job]`), set('old-job', 'ci [dg-action:aaaaaaaaaaaa job]', ago(6 * DAY_MS))],
    };
    await cleanUpProject(api(), saved({ sweep: true }), loginSettings());
    expect(requests().sort()).toEqual([`delete ${CRED}`, 'delete old-job', 'delete stray', 'list']);
    expect(client.list).toHaveBeenCalledTimes(1);
  });

  test('a list it cannot make: one warning about pruning; the revoke still happens', async () => {
    client.list.mockRejectedValue(FORBIDDEN);
    await cleanUpProject(api(), saved(), loginSettings());
    expect(requests()).toEqual([`delete ${CRED}`]);
    expect(lines('warning')).toEqual(["Could not list the project's credentials to prune job sets older than 5d 0h: HTTP 403 FORBIDDEN"]);
  });
});
