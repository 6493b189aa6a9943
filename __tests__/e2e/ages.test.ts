/**
 * Clocks and times that cannot be trusted, run from the built bundle against the API sandbox: a
 * set's age is the API's time (its answer's Date header) less its created time, whatever the
 * runner's clock says, and a created time that cannot be real is never an age.
 */
import { describe, expect, test } from '@jest/globals';
import { dirname, join, resolve } from 'node:path';
import { actionYml, ROOT } from '../../sandbox/runner.js';
import { expectExit, runAction, runStep, SANDBOX_PROJECT_ID, type StepResult, useHarness } from './fixtures.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const RUNNER_CLOCK = join(import.meta.dirname, 'runner-clock.cjs');
const RETIRE_YML = join(ROOT, 'retire', 'action.yml');
const RETIRE_ENTRY = resolve(dirname(RETIRE_YML), actionYml(RETIRE_YML).runs.main);

const h = useHarness();

const ago = (ms: number): string => new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const jobTag = (hex: string) => `nightly [dg-action:${hex} job]`;
const issue = (comment: string, created: string) => h.sandbox.issue(SANDBOX_PROJECT_ID, { comment, created });
const ids = () => h.sandbox.credentials().map((c) => c.id);
const deleted = () => h.sandbox.requests.filter((r) => r.op === 'delete').map((r) => r.path.split('/').at(-1));

/** A job of the action on a runner whose clock is `shiftMs` off. */
function jobOnRunnerClock(shiftMs: number): Promise<{ main: StepResult; post: StepResult }> {
  const options = h.options({ login: 'false' }, { RUNNER_CLOCK_SHIFT_MS: String(shiftMs) });
  return runAction({ ...options, nodeArgs: ['--require', RUNNER_CLOCK] });
}

describe("a runner's clock that is wrong", () => {
  test("5 days and 1 minute fast: a running job's set stays, a set 6 days old by the API's clock goes, and the log says why", async () => {
    const running = issue(jobTag('aaaaaaaaaaaa'), ago(MINUTE));
    const old = issue(jobTag('bbbbbbbbbbbb'), ago(6 * DAY));

    const { main, post } = await jobOnRunnerClock(5 * DAY + MINUTE);
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    expect(ids()).toEqual([running.id]);
    expect(deleted().sort()).toEqual([old.id, main.outputs['credentials-id']].sort());
    expect(post.visibleLog).toContain(`Pruned distribution credentials ${old.id}, created 6d 0h ago by a job that never revoked them.`);
    expect(post.visibleLog).toContain(
      "The runner's clock is 5d 0h ahead of the Deepgram API's (its answer's Date header); the sets' ages are measured by the API's clock.",
    );
    expect(post.visibleLog).not.toContain('::warning');
  });

  test('6 days slow: a set 5 days and an hour old by the API clock is pruned all the same', async () => {
    const old = issue(jobTag('aaaaaaaaaaaa'), ago(5 * DAY + 60 * MINUTE));
    const young = issue(jobTag('bbbbbbbbbbbb'), ago(4 * DAY));

    // Half an hour on top: the Date header is to the second, so the note reads 6d 0h, never 5d 23h.
    const { post } = await jobOnRunnerClock(-6 * DAY - 30 * MINUTE);
    expectExit(post, 0);
    expect(ids()).toEqual([young.id]);
    expect(post.visibleLog).toContain(`Pruned distribution credentials ${old.id}, created 5d 1h ago by a job that never revoked them.`);
    expect(post.visibleLog).toContain("The runner's clock is 6d 0h behind the Deepgram API's");
  });

  test('clocks that agree: not a word about them', async () => {
    const { post } = await jobOnRunnerClock(0);
    expectExit(post, 0);
    expect(post.visibleLog).not.toContain('clock');
  });

  test("an answer whose Date cannot be real (the epoch): the runner's clock, and no note", async () => {
    const old = issue(jobTag('aaaaaaaaaaaa'), ago(6 * DAY));
    const young = issue(jobTag('bbbbbbbbbbbb'), ago(DAY));
    const main = await runStep(h.options({ login: 'false' }));
    h.sandbox.addFault({ op: 'list', status: 200, body: listBody(h.sandbox.credentials()), headers: { date: new Date(0).toUTCString() } });
    const post = await runStep(h.options({ login: 'false' }), main.state);
    expectExit(post, 0);
    expect(ids()).toEqual([young.id]);
    expect(deleted()).toContain(old.id);
    expect(post.visibleLog).not.toContain('clock');
  });
});

/** A list answer (current generation) of these sets, with the created times given where named. */
function listBody(sets: { id: string; comment: string | null; created: string }[], created: Record<string, string> = {}) {
  return {
    distribution_credentials: sets.map((set) => ({
      member: { member_id: 'm-1', email: 'ci@example.com' },
      distribution_credentials: {
        distribution_credentials_id: set.id,
        provider: 'quay',
        comment: set.comment,
        scopes: ['self-hosted:products'],
        created: created[set.id] ?? set.created,
      },
    })),
  };
}

describe('created times that cannot be real', () => {
  const IMPOSSIBLE = [
    '0001-01-01T00:00:00Z',
    '1970-01-01T00:00:00Z',
    '2019-12-31T23:59:59Z',
    '2024-02-31T00:00:00Z',
    '2025-06-01T24:00:00Z',
  ];

  test('are never pruned, and the log counts them; a real old time still is', async () => {
    const odd = IMPOSSIBLE.map((_, i) => issue(jobTag(`${i}`.repeat(12)), ago(MINUTE)));
    const old = issue(jobTag('bbbbbbbbbbbb'), ago(6 * DAY));
    const main = await runStep(h.options({ login: 'false' }));
    const times = Object.fromEntries(odd.map((set, i) => [set.id, IMPOSSIBLE[i]!]));
    h.sandbox.addFault({ op: 'list', status: 200, body: listBody(h.sandbox.credentials(), times) });

    const post = await runStep(h.options({ login: 'false' }), main.state);
    expectExit(post, 0);
    expect(deleted().sort()).toEqual([old.id, main.outputs['credentials-id']].sort());
    expect(ids().sort()).toEqual(odd.map((set) => set.id).sort());
    expect(post.visibleLog).toContain(
      `${IMPOSSIBLE.length} job set(s) of other runs have no created time that can be real; they are never pruned by age.`,
    );
  });

  test('are never retired by age: retire leaves such a set alone, saying why', async () => {
    const keep = '[dg-action:0123456789ab keep=prod-pull]';
    const epoch = issue(keep, ago(MINUTE));
    const older = issue(keep, ago(3 * DAY));
    const inService = issue(keep, ago(DAY));
    h.sandbox.addFault({ op: 'list', status: 200, body: listBody(h.sandbox.credentials(), { [epoch.id]: '1970-01-01T00:00:00Z' }) });

    const step = await runStep({ ...h.options({ keep: 'prod-pull', except: inService.id }), action: RETIRE_YML, entry: RETIRE_ENTRY });
    expectExit(step, 0);
    expect(step.outputs.retired).toBe(older.id);
    expect(ids().sort()).toEqual([epoch.id, inService.id].sort());
    expect(step.visibleLog).toContain(`Leaving ${epoch.id} alone: the API gave no created time that can be real.`);
  });
});
