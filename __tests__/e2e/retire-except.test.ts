/**
 * retire's `except`, as rotations use it (each names the set it just put in service), run from
 * the built bundle against the API sandbox: a set newer than the one in service is never retired,
 * an `except` that names no set under the name stops the step before any delete, and two
 * rotations of one name racing end with the newer one's set alive.
 */
import { describe, expect, test } from '@jest/globals';
import { dirname, join, resolve } from 'node:path';
import { actionYml, ROOT } from '../../sandbox/runner.js';
import { expectExit, runStep, SANDBOX_PROJECT_ID, type StepResult, useHarness } from './fixtures.js';

const RETIRE_YML = join(ROOT, 'retire', 'action.yml');
const RETIRE_ENTRY = resolve(dirname(RETIRE_YML), actionYml(RETIRE_YML).runs.main);
const KEEP = '[dg-action:0123456789ab keep=prod-pull]';
const MINUTE = 60_000;
const HOUR = 3_600_000;

const h = useHarness();

const ago = (ms: number): string => new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const issue = (age: number) => h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: KEEP, created: ago(age) });
const liveIds = (): string[] => h.sandbox.credentials(SANDBOX_PROJECT_ID).map((c) => c.id);
const retire = (inputs: Record<string, string>): Promise<StepResult> =>
  runStep({ ...h.options({ keep: 'prod-pull', ...inputs }), action: RETIRE_YML, entry: RETIRE_ENTRY });

describe('retire with except', () => {
  test("a set created after the one in service (a later rotation's) is never retired", async () => {
    const old = issue(30 * HOUR);
    const inService = issue(2 * HOUR);
    const later = issue(MINUTE);

    const step = await retire({ except: inService.id });
    expectExit(step, 0);
    expect(step.outputs.retired).toBe(old.id);
    expect(liveIds().sort()).toEqual([inService.id, later.id].sort());
    expect(step.visibleLog).toContain(`Leaving ${later.id} alone: not older than the newest set named in except.`);
    expect(step.summary).toMatch(
      new RegExp(`<td><code>${later.id}</code></td><td>1m \\d+s</td><td>left alone: not older than the newest set named in except</td>`),
    );
  });

  test('an except ID in another case is the same set', async () => {
    const old = issue(30 * HOUR);
    const inService = issue(2 * HOUR);
    const step = await retire({ except: inService.id.toUpperCase() });
    expectExit(step, 0);
    expect(step.outputs.retired).toBe(old.id);
    expect(liveIds()).toEqual([inService.id]);
  });

  test('an except ID that is not a set kept under the name fails the step before anything is deleted', async () => {
    const sets = [issue(30 * HOUR), issue(2 * HOUR), issue(MINUTE)];
    const elsewhere = h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: '[dg-action:0123456789ab keep=prod-pull-eu]', created: ago(HOUR) });

    const step = await retire({ except: `${sets[1]!.id},${elsewhere.id}` });
    expectExit(step, 1);
    expect(step.visibleLog).toMatch(
      new RegExp(
        `^::error::except names ${elsewhere.id}, which is not a set kept as "prod-pull" \\(3 set\\(s\\) are kept under it\\), so nothing was retired\\.`,
        'm',
      ),
    );
    expect(h.sandbox.requests.filter((r) => r.op === 'delete')).toEqual([]);
    expect(liveIds().sort()).toEqual([...sets, elsewhere].map((s) => s.id).sort());
    expect(step.outputs).toEqual({});
  });

  const retiredBy = (step: StepResult): string[] => (step.outputs.retired ? step.outputs.retired.split(',') : []);

  test.each(['side by side', 'the earlier rotation first', 'the newer rotation first'] as const)(
    "two rotations of one name, %s: the newer rotation's set is the one alive at the end",
    async (order) => {
      const older = [issue(50 * HOUR), issue(30 * HOUR)].map((s) => s.id);
      const first = issue(2 * MINUTE).id;
      const second = issue(MINUTE).id;
      const earlier = () => retire({ except: first });
      const newer = () => retire({ except: second });
      const [a, b] =
        order === 'side by side'
          ? await Promise.all([earlier(), newer()])
          : order === 'the earlier rotation first'
            ? [await earlier(), await newer()]
            : await newer().then(async (step) => [await earlier(), step] as const);

      expect(liveIds()).toEqual([second]);
      expect(h.sandbox.requests.filter((r) => r.op === 'delete').map((r) => r.path.split('/').at(-1))).not.toContain(second);
      // The newer rotation retires everything older than its set, the earlier rotation's included.
      expectExit(b, 0);
      expect(retiredBy(b).every((id) => [...older, first].includes(id))).toBe(true);
      // The earlier one retires only sets older than its own, or finds its own set already retired
      // and stops before deleting anything.
      expect(retiredBy(a).every((id) => older.includes(id))).toBe(true);
      if (a.exitCode === 0) {
        expect(a.visibleLog).toContain(`Leaving ${second} alone: not older than the newest set named in except.`);
      } else {
        expect(a.visibleLog).toContain(`::error::except names ${first}, which is not a set kept as "prod-pull"`);
        expect(a.outputs).toEqual({});
      }
      if (order === 'the newer rotation first') expectExit(a, 1);
      if (order === 'the earlier rotation first')
        expect([a.exitCode, retiredBy(a).sort(), retiredBy(b)]).toEqual([0, [...older].sort(), [first]]);
    },
  );
});
