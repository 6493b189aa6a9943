/**
 * A project that has grown for years, end to end on the built bundle: a list of 20,000 sets is read
 * (pruning, kept-before and retire all still work), and a backlog of hundreds of stale job sets is
 * cleared a bounded number a job, a few deletes at a time, without a warning a set. Counts only:
 * how long it takes is the benchmark's (npm run bench -- --scale), not a test's.
 */
import { describe, expect, jest, test } from '@jest/globals';
import { dirname, join, resolve } from 'node:path';
import { actionYml, ROOT } from '../../sandbox/runner.js';
import { expectExit, runAction, runStep, SANDBOX_PROJECT_ID, useHarness } from './fixtures.js';

jest.setTimeout(180_000);

const h = useHarness();

const RETIRE_YML = join(ROOT, 'retire', 'action.yml');
// What the runner would run: retire/action.yml's runs.main, resolved from its own folder.
const RETIRE_ENTRY = resolve(dirname(RETIRE_YML), actionYml(RETIRE_YML).runs.main);

const DAY = 86_400_000;
const ago = (ms: number): string => new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const hex = (n: number) => n.toString(16).padStart(12, '0');
const tag = (n: number, suffix: string) => `GitHub Actions: o/r / ci run ${n} attempt 1 [dg-action:${hex(n)}${suffix}]`;
const warnings = (log: string) => log.split('\n').filter((line) => line.startsWith('::warning::'));

/**
 * Seeds the project: `stale` job sets 6 to 60 days old (none the same age), `named` sets kept as
 * "prod", and sets of people and other tools to make up `total`. Returns the stale ones, oldest first.
 */
function seed(total: number, stale: number, named = 0) {
  const staleIds: string[] = [];
  for (let i = 0; i < stale; i++) {
    const created = ago(60 * DAY - i * 60_000);
    staleIds.push(h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: tag(i, ' job'), created }).id);
  }
  const namedIds: string[] = [];
  for (let i = 0; i < named; i++) {
    // Newest first, as kept-before lists them.
    namedIds.push(h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: tag(stale + i, ' keep=prod'), created: ago((10 + i) * DAY) }).id);
  }
  for (let i = stale + named; i < total; i++) {
    const comment = i % 3 === 0 ? `pull secret for cluster ${i}` : i % 3 === 1 ? tag(i, ' kept') : tag(i, ' job');
    // Job sets among them are recent: their jobs may still be running.
    h.sandbox.issue(SANDBOX_PROJECT_ID, { comment, created: ago(i % 3 === 2 ? DAY : 90 * DAY) });
  }
  return { staleIds, namedIds };
}

const live = () => new Set(h.sandbox.credentials().map((c) => c.id));

describe('a project of 20,000 sets', () => {
  test('is listed whole: kept-before names every set kept under the name, and post prunes the stale ones among them', async () => {
    const { staleIds, namedIds } = seed(20_000, 120, 40);
    const { main, post } = await runAction(h.options({ login: 'false', keep: 'prod' }));
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    expect(warnings(main.log)).toEqual([]);
    expect(warnings(post.log)).toEqual([]);
    // The list that a 1 MiB cap refused (about 6 MB here) was read, once in each step.
    expect(h.sandbox.requests.filter((r) => r.op === 'list')).toHaveLength(2);
    expect(main.outputs['kept-before']).toBe(namedIds.join(','));
    const left = live();
    expect(staleIds.filter((id) => left.has(id))).toEqual([]);
    expect(left.size).toBe(20_000 - staleIds.length + 1); // and the set main kept as "prod"
    expect(post.visibleLog).toContain(`Pruned distribution credentials ${staleIds[0]}, created 60d 0h ago`);
  });

  test('retire finds the sets kept under its name among them', async () => {
    const { namedIds } = seed(20_000, 0, 30);
    const retire = await runStep({ ...h.options({ keep: 'prod' }), action: RETIRE_YML, entry: RETIRE_ENTRY });
    expectExit(retire, 0);
    expect(warnings(retire.log)).toEqual([]);
    // All but the newest, which is in service.
    expect(retire.outputs.retired?.split(',').sort()).toEqual(namedIds.slice(1).sort());
    const left = live();
    expect(left.size).toBe(20_000 - 29);
    expect(left.has(namedIds[0]!)).toBe(true);
  });
});

describe('a list answer without end', () => {
  test('is cut at 64 MiB: post warns once that it could not list, and still revokes its own set', async () => {
    seed(100, 10);
    const options = h.options({ login: 'false' });
    const main = await runStep(options);
    h.sandbox.addFault({ op: 'list', endless: true, times: 0 });
    const post = await runStep(options, main.state);
    expectExit(post, 0);
    expect(warnings(post.log)).toEqual([
      expect.stringMatching(
        /^::warning::Could not list the project's credentials to prune job sets older than 5d 0h: .*the answer was larger than 64 MiB, the most this action reads; the connection was closed$/,
      ),
    ]);
    // Not retried: the next attempt would get the same.
    expect(h.sandbox.requests.filter((r) => r.op === 'list')).toHaveLength(1);
    expect(live().has(main.outputs['credentials-id']!)).toBe(false);
    expect(live().size).toBe(100);
  });
});

describe('500 stale job sets in a project of 5,000, the API answering every request after 100 ms', () => {
  test('each post prunes the oldest 250 in a few warnings at most, saying in one line what it leaves; two jobs clear them', async () => {
    const { staleIds } = seed(5_000, 500);
    h.sandbox.addFault({ op: '*', delayMs: 100, times: 0 });
    const options = h.options({ login: 'false' });

    const first = await runAction(options);
    expect([first.main.exitCode, first.post.exitCode]).toEqual([0, 0]);
    expect(warnings(first.post.log).length).toBeLessThanOrEqual(2);
    expect(first.post.visibleLog).toContain(
      '500 job sets are older than 5d 0h; pruning the 250 oldest, and leaving 250 to the next jobs (one job prunes at most 250).',
    );
    let left = live();
    // The oldest went first.
    expect(staleIds.slice(0, 250).filter((id) => left.has(id))).toEqual([]);
    expect(staleIds.slice(250).filter((id) => left.has(id))).toHaveLength(250);
    // One list, the job's own revoke and 250 deletes: nothing was tried twice.
    const deletes = h.sandbox.requests.filter((r) => r.op === 'delete');
    expect(deletes).toHaveLength(251);
    expect(new Set(deletes.map((r) => r.path)).size).toBe(251);

    h.sandbox.clearRequests();
    const second = await runAction(options);
    expectExit(second.post, 0);
    expect(warnings(second.post.log).length).toBeLessThanOrEqual(2);
    expect(second.post.visibleLog).not.toContain('leaving');
    left = live();
    expect(staleIds.filter((id) => left.has(id))).toEqual([]);
    expect(left.size).toBe(5_000 - 500);

    h.sandbox.clearRequests();
    const third = await runAction(options);
    expectExit(third.post, 0);
    expect(third.post.visibleLog).not.toContain('Pruned');
    expect(h.sandbox.requests.filter((r) => r.op === 'delete')).toHaveLength(1);
  });

  test('deletes that keep failing stop early: one warning for all that are left, not one a set', async () => {
    seed(1_000, 300);
    const options = h.options({ login: 'false', 'max-attempts': '1' });
    const main = await runStep(options);
    h.sandbox.addFault({ op: 'delete', status: 403, times: 0 });
    const post = await runStep(options, main.state);
    expectExit(post, 0);
    // One for the job's own set, one for the pruning.
    const said = warnings(post.log);
    expect(said).toHaveLength(2);
    expect(
      said.some((line) => /^::warning::Could not delete 250 of 250 old job credentials \(.* and 245 more\): \d+ failed/.test(line)),
    ).toBe(true);
    // A few were tried, not all 250.
    expect(h.sandbox.requests.filter((r) => r.op === 'delete').length).toBeLessThan(50);
  });
});
