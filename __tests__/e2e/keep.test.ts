/**
 * Keeping a set under a name (`keep`, `kept-before`) and retiring the older ones (the retire
 * action), each run from the built bundle as the runner runs it, against the API sandbox.
 */
import { describe, expect, test } from '@jest/globals';
import { dirname, join, resolve } from 'node:path';
import { actionYml, ROOT } from '../../sandbox/runner.js';
import { expectExit, runAction, runStep, SANDBOX_PROJECT_ID, type StepResult, useHarness } from './fixtures.js';

const RETIRE_YML = join(ROOT, 'retire', 'action.yml');
// What the runner would run: retire/action.yml's runs.main, resolved from its own folder.
const RETIRE_ENTRY = resolve(dirname(RETIRE_YML), actionYml(RETIRE_YML).runs.main);
const OTHER = 'dg-action:0123456789ab';
const HOUR = 3_600_000;

const h = useHarness();

const ago = (ms: number): string => new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const issue = (comment: string, age: number) => h.sandbox.issue(SANDBOX_PROJECT_ID, { comment, created: ago(age) });
const liveIds = (): string[] => h.sandbox.credentials(SANDBOX_PROJECT_ID).map((c) => c.id);
const retire = (inputs: Record<string, string>): Promise<StepResult> =>
  runStep({ ...h.options(inputs), action: RETIRE_YML, entry: RETIRE_ENTRY });
/** Sets no retire of "prod-pull" may touch: another name, kept, a job's, a copied tag, a hand-made one. */
function bystanders(): string[] {
  return [
    issue(`[${OTHER} keep=prod-pull-eu]`, 50 * HOUR),
    issue(`[${OTHER} kept]`, 50 * HOUR),
    issue(`[${OTHER}]`, 50 * HOUR),
    issue(`[${OTHER} keep=prod-pull] copied into a note`, 50 * HOUR),
    issue('pull secret, made by hand', 50 * HOUR),
  ].map((set) => set.id);
}

describe('keep', () => {
  test('the set outlives the job under its name; kept-before lists the older ones, newest first', async () => {
    const older = issue(`[${OTHER} keep=prod-pull]`, 48 * HOUR);
    const newer = issue(`[${OTHER} keep=prod-pull]`, 2 * HOUR);
    const others = bystanders();

    const { main, post } = await runAction(h.options({ keep: 'prod-pull', login: 'false' }));
    expectExit(main, 0);
    expectExit(post, 0);
    const id = main.outputs['credentials-id']!;
    const kept = h.sandbox.credentials().find((c) => c.id === id);
    expect(kept?.comment).toMatch(/ \[dg-action:[0-9a-f]{12} keep=prod-pull\]$/);
    expect(main.outputs['kept-before']).toBe(`${newer.id},${older.id}`);
    // keep wins over revoke (true by default), with a note rather than a warning.
    expect(main.log).toContain('keep: the credentials are kept as "prod-pull" at job end, so revoke: true does not apply.');
    expect(main.log).not.toContain('::warning');
    expect(main.summary).toContain('<strong>kept</strong> as <code>prod-pull</code> (keep)');
    // One list in main (alongside the create) and one in post (for pruning, beside no revoke), and
    // nothing deleted: not the new set, not the older ones, not anyone else's.
    expect(h.sandbox.requests.filter((r) => r.op === 'list')).toHaveLength(2);
    expect(post.log).toContain(`Keeping distribution credentials ${id} (kept as "prod-pull"); they do not expire.`);
    expect(h.sandbox.requests.filter((r) => r.op === 'delete')).toEqual([]);
    expect(liveIds().sort()).toEqual([older.id, newer.id, ...others, id].sort());
  });

  test('a key that may not list: kept-before is empty with a warning, and the step succeeds', async () => {
    h.sandbox.addFault({ op: 'list', status: 403 });
    const main = await runStep(h.options({ keep: 'prod-pull', login: 'false' }));
    expectExit(main, 0);
    expect(main.outputs['kept-before']).toBe('');
    expect(main.log).toMatch(/^::warning::Could not list the sets kept as "prod-pull", so kept-before is empty: .*HTTP 403/m);
    expect(liveIds()).toEqual([main.outputs['credentials-id']]);
  });

  test('without keep there is no kept-before output and no list request', async () => {
    const main = await runStep(h.options({ login: 'false' }));
    expectExit(main, 0);
    expect(main.outputs).not.toHaveProperty('kept-before');
    expect(h.sandbox.requests.map((r) => r.op)).toEqual(['create']);
  });
});

describe('retire', () => {
  test('by default deletes every set under the name but the newest, and nothing else', async () => {
    const oldest = issue(`[${OTHER} keep=prod-pull]`, 30 * 24 * HOUR);
    const older = issue(`[${OTHER} keep=prod-pull]`, 50 * HOUR);
    const newest = issue(`note [${OTHER} keep=prod-pull]`, 2 * HOUR);
    const others = bystanders();

    const step = await retire({ keep: 'prod-pull' });
    expectExit(step, 0);
    expect(step.outputs).toEqual({ retired: `${older.id},${oldest.id}` });
    expect(liveIds().sort()).toEqual([newest.id, ...others].sort());
    expect(step.log).toContain(`Leaving ${newest.id} alone: the newest set under the name.`);
    expect(step.log).toContain('Retired 2 set(s) kept as "prod-pull".');
    // The summary lists each set under the name with its age and what happened to it.
    expect(step.summary).toContain(`<td><code>${oldest.id}</code></td><td>30d 0h</td><td>retired</td>`);
    expect(step.summary).toContain(`<td><code>${older.id}</code></td><td>2d 2h</td><td>retired</td>`);
    expect(step.summary).toContain(`<td><code>${newest.id}</code></td><td>2h 0m</td><td>left alone: the newest set under the name</td>`);
    expect(step.visibleLog).not.toContain(h.apiKey);
  });

  test('except and min-age: the set in service and the young ones stay', async () => {
    const old = issue(`[${OTHER} keep=prod-pull]`, 10 * 24 * HOUR);
    const young = issue(`[${OTHER} keep=prod-pull]`, 3 * HOUR);
    const inService = issue(`[${OTHER} keep=prod-pull]`, HOUR);

    const step = await retire({ keep: 'prod-pull', except: inService.id, 'min-age': '1d' });
    expectExit(step, 0);
    expect(step.outputs.retired).toBe(old.id);
    expect(liveIds().sort()).toEqual([young.id, inService.id].sort());
    expect(step.log).toContain(`Leaving ${young.id} alone: younger than min-age (3h 0m old).`);
    expect(step.log).toContain(`Leaving ${inService.id} alone: named in except.`);
  });

  test('a list it cannot make fails the step, and nothing is deleted', async () => {
    const sets = [issue(`[${OTHER} keep=prod-pull]`, 50 * HOUR), issue(`[${OTHER} keep=prod-pull]`, HOUR)];
    h.sandbox.addFault({ op: 'list', status: 403 });
    const step = await retire({ keep: 'prod-pull' });
    expectExit(step, 1);
    expect(step.log).toMatch(/^::error::Could not list the project's credentials, so nothing was retired: .*HTTP 403/m);
    expect(liveIds().sort()).toEqual(sets.map((s) => s.id).sort());
  });

  test('a set it cannot delete fails the step, naming what is left; the others still go', async () => {
    const gone = issue(`[${OTHER} keep=prod-pull]`, 90 * HOUR);
    const stuck = issue(`[${OTHER} keep=prod-pull]`, 50 * HOUR);
    const newest = issue(`[${OTHER} keep=prod-pull]`, HOUR);
    // Both attempts on the 50-hour-old set fail; the other set goes (deletes run side by side).
    h.sandbox.addFault({ op: 'delete', credentialsId: stuck.id, status: 503, times: 2 });
    const step = await retire({ keep: 'prod-pull', 'max-attempts': '2' });
    expectExit(step, 1);
    expect(step.outputs.retired).toBe(gone.id);
    expect(step.log).toMatch(
      new RegExp(
        `^::error::Retired 1 set\\(s\\) kept as "prod-pull", but could not delete ${stuck.id}: still live, and they never expire`,
        'm',
      ),
    );
    expect(liveIds().sort()).toEqual([stuck.id, newest.id].sort());
    expect(step.summary).toContain(`<td><code>${stuck.id}</code></td><td>2d 2h</td><td>could not delete</td>`);
  });

  test('IDs the API gives that could bend a URL or the log are neither used nor printed', async () => {
    const hostile = ['..', '::set-output name=retired::x', 'a\n::warning::owned'];
    const fine = issue(`[${OTHER} keep=prod-pull]`, 50 * HOUR);
    const inService = issue(`[${OTHER} keep=prod-pull]`, 2 * HOUR);
    h.sandbox.addFault({
      op: 'list',
      status: 200,
      body: {
        distribution_credentials: [
          ...hostile.map((id) => ({
            distribution_credentials: { distribution_credentials_id: id, comment: `[${OTHER} keep=prod-pull]`, created: ago(HOUR) },
          })),
          ...[fine, inService].map((set) => ({
            distribution_credentials: { distribution_credentials_id: set.id, comment: set.comment, created: set.created },
          })),
        ],
      },
    });
    const step = await retire({ keep: 'prod-pull', except: inService.id });
    expectExit(step, 1);
    expect(step.log).toContain('3 set(s) kept as "prod-pull" have an ID this action does not accept (not printed)');
    expect(step.log).not.toMatch(/^::(set-output|warning::owned)/m);
    // Not printed at all, not even escaped. (Not 'a\n', which a random API key ending in "a" makes
    // appear in its own ::add-mask:: line: that assertion failed one run in 36.)
    expect(step.log).not.toContain('name=retired');
    expect(step.log).not.toContain('owned');
    expect(h.sandbox.requests.filter((r) => r.op === 'delete').map((r) => r.path.split('/').at(-1))).toEqual([fine.id]);
    expect(step.outputs.retired).toBe(fine.id);
  });

  test('bad input fails before any request, naming the input', async () => {
    for (const [inputs, text] of [
      [{ keep: '' }, 'Input "keep": is required'],
      [{ keep: 'Prod' }, 'Input "keep": "Prod" is not a name'],
      [{ keep: 'prod', 'min-age': 'a week' }, 'Input "min-age": "a week" is not a duration'],
      [{ keep: 'prod', except: 'x/y' }, 'Input "except": "x/y" is not a credentials ID'],
    ] as const) {
      const step = await retire(inputs);
      expectExit(step, 1);
      expect(step.log).toContain(`::error::${text}`);
    }
    expect(h.sandbox.requests).toEqual([]);
  });
});
