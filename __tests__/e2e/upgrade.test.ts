/**
 * Upgrading from release 1.0.0 (commit bf75eaa) never deletes what it kept. The real 1.0.0 bundle,
 * taken from this repository's history, runs against the API sandbox as the runner ran it: it
 * keeps a set with `revoke: false` (the README's pull secret), leaves the set of a job whose
 * runner died, and sweeps its own strays at job end. Six days later, by the API's clock and the
 * runner's, a job of today's bundle prunes a job set of today's form and nothing 1.0.0 made. And a
 * 1.0.0 job and a job of today's bundle on one runner, with the real docker CLI: what each does to
 * the other's login (CHANGELOG.md, "Upgrading from v1", says the same).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeWorkdir, ROOT } from '../../sandbox/runner.js';
import { expectExit, runAction, runStep, SANDBOX_PROJECT_ID, type StepResult, useHarness } from './fixtures.js';

jest.setTimeout(90_000);

/** Release 1.0.0: CHANGELOG "## [1.0.0]". */
const RELEASE_1_0_0 = 'bf75eaa39cf7865c40255fa32c20d08cf08d04bb';
const DAY = 86_400_000;
const RUNNER_CLOCK = join(import.meta.dirname, 'runner-clock.cjs');

const h = useHarness();
const release = makeWorkdir('dg-action-1.0.0-');

beforeAll(() => {
  // Its action.yml (input defaults) and dist/ (an ES module bundle, with its own package.json).
  const archive = join(release.path, 'release.tar');
  try {
    execFileSync('git', ['-C', ROOT, 'archive', `--output=${archive}`, RELEASE_1_0_0, 'action.yml', 'dist'], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`Release 1.0.0 (${RELEASE_1_0_0}) is not in this clone's history (a shallow clone?)`, { cause: error });
  }
  execFileSync('tar', ['-xf', archive, '-C', release.path]);
});
afterAll(() => release.remove());

/** Options that run release 1.0.0's bundle (one file for both steps) with its action.yml's defaults. */
const v1_0_0 = (inputs: Record<string, string>) => ({
  ...h.options({ login: 'false', ...inputs }),
  action: join(release.path, 'action.yml'),
  entry: join(release.path, 'dist', 'index.js'),
});

const liveIds = (): string[] => h.sandbox.credentials(SANDBOX_PROJECT_ID).map((c) => c.id);
const LEGACY_TAG = / \[dg-action:[0-9a-f]{12}\]$/;

describe('upgrading from 1.0.0', () => {
  test("today's action prunes only its own job sets; 1.0.0's kept sets, and its dead jobs' sets, are never pruned", async () => {
    // 1.0.0 keeps a pull secret, as its README showed: revoke: false.
    const kept = await runAction(v1_0_0({ revoke: 'false', comment: 'prod pull secret' }));
    expect([kept.main.exitCode, kept.post.exitCode]).toEqual([0, 0]);
    const pullSecret = kept.main.outputs['credentials-id']!;
    // A 1.0.0 job whose runner died: main ran, post never did.
    const dead = await runStep(v1_0_0({}));
    expectExit(dead, 0);
    const orphan = dead.outputs['credentials-id']!;
    const made = h.sandbox.credentials(SANDBOX_PROJECT_ID);
    expect(made.map((c) => c.comment)).toEqual([expect.stringMatching(LEGACY_TAG), expect.stringMatching(LEGACY_TAG)]);
    // A job of today's form whose runner died too.
    const todaysOrphan = h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: 'nightly [dg-action:0123456789ab job]' }).id;

    // Six days on, by the API's clock and the runner's.
    h.sandbox.shiftClock(6 * DAY);
    h.sandbox.clearRequests();
    const today = await runAction({
      ...h.options({ login: 'false' }, { RUNNER_CLOCK_SHIFT_MS: String(6 * DAY) }),
      nodeArgs: ['--require', RUNNER_CLOCK],
    });
    expect([today.main.exitCode, today.post.exitCode]).toEqual([0, 0]);
    expect(today.post.visibleLog).toContain(
      `Pruned distribution credentials ${todaysOrphan}, created 6d 0h ago by a job that never revoked them.`,
    );
    expect(liveIds().sort()).toEqual([pullSecret, orphan].sort());
    const deleted = h.sandbox.requests.filter((r) => r.op === 'delete').map((r) => r.path.split('/').at(-1));
    expect(deleted.sort()).toEqual([todaysOrphan, today.main.outputs['credentials-id']].sort());
    for (const id of [pullSecret, orphan]) {
      expect(today.post.visibleLog).not.toContain(id);
      expect(today.post.summary).not.toContain(id);
    }
  });

  test("1.0.0's own post step still sweeps the strays of its interrupted create", async () => {
    const bystanders = [
      h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: 'prod pull secret [dg-action:abababababab]' }).id,
      h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: 'nightly [dg-action:0123456789ab job]' }).id,
    ];
    // The create is carried out but answers 500, and every list in main fails: main gives up,
    // leaving the set it made for its post step to find by its marker.
    h.sandbox.addFault({ op: 'create', status: 500, afterAction: true });
    h.sandbox.addFault({ op: 'list', status: 503, times: 0 });
    const main: StepResult = await runStep(v1_0_0({ 'max-attempts': '1' }));
    expectExit(main, 1);
    const stray = h.sandbox.credentials(SANDBOX_PROJECT_ID).find((c) => !bystanders.includes(c.id));
    expect(stray?.comment).toMatch(LEGACY_TAG);

    h.sandbox.clearFaults();
    const post = await runStep(v1_0_0({ 'max-attempts': '1' }), main.state);
    expectExit(post, 0);
    expect(liveIds().sort()).toEqual([...bystanders].sort());
    expect(post.visibleLog).not.toContain('::warning');
  });
});

describe('a 1.0.0 job and a v2 job on one runner', () => {
  const RUNNERS_OWN = Buffer.from('runner:its-own-long-lived-login').toString('base64');
  const sharedConfig = (): string => join(h.workdir, 'docker', 'config.json');
  const loginIn = (file: string): string | undefined =>
    (JSON.parse(readFileSync(file, 'utf8')) as { auths?: Record<string, { auth?: string }> }).auths?.[h.sandbox.registryHost]?.auth;
  const seedRunnersLogin = () => {
    mkdirSync(join(h.workdir, 'docker'), { recursive: true });
    writeFileSync(sharedConfig(), JSON.stringify({ auths: { [h.sandbox.registryHost]: { auth: RUNNERS_OWN } } }), { mode: 0o600 });
  };
  const authOf = (step: StepResult) => Buffer.from(`${step.outputs.username}:${step.outputs.secret}`).toString('base64');

  test('docker-config: default: the 1.0.0 job logs the v2 job out mid-job, and the login from before is not put back', async () => {
    seedRunnersLogin();
    const v2 = h.options({ 'docker-config': 'default' });
    const v2Main = await runStep(v2);
    expect(loginIn(sharedConfig())).toBe(authOf(v2Main));
    const v1Main = await runStep(v1_0_0({ login: 'true' }));
    expect([v2Main.exitCode, v1Main.exitCode]).toEqual([0, 0]);
    // 1.0.0 logged in over the v2 job's login, and logs out at its end, whatever is there.
    expect(loginIn(sharedConfig())).toBe(authOf(v1Main));
    const v1Post = await runStep(v1_0_0({ login: 'true' }), v1Main.state);
    expectExit(v1Post, 0);
    expect(loginIn(sharedConfig())).toBeUndefined();
    // The v2 job's post finds no login of its own: it leaves the config as it is.
    const v2Post = await runStep(v2, v2Main.state);
    expectExit(v2Post, 0);
    expect(v2Post.visibleLog).toContain(`holds no login to ${h.sandbox.registryHost} any more`);
    expect(loginIn(sharedConfig())).toBeUndefined();
  });

  test("docker-config: default: a 1.0.0 login in place when the v2 job starts is taken for the runner's own, and put back", async () => {
    seedRunnersLogin();
    const v1Main = await runStep(v1_0_0({ login: 'true' }));
    const v2 = h.options({ 'docker-config': 'default' });
    const v2Main = await runStep(v2);
    expect([v1Main.exitCode, v2Main.exitCode]).toEqual([0, 0]);
    const v2Post = await runStep(v2, v2Main.state);
    expectExit(v2Post, 0);
    // The 1.0.0 job, still running, has its login back; its own end logs out, as 1.0.0 always did.
    expect(loginIn(sharedConfig())).toBe(authOf(v1Main));
    const v1Post = await runStep(v1_0_0({ login: 'true' }), v1Main.state);
    expectExit(v1Post, 0);
    expect(loginIn(sharedConfig())).toBeUndefined();
  });

  test('docker-config: job (what auto picks on a self-hosted runner): neither touches the other login', async () => {
    seedRunnersLogin();
    const v2 = h.options({ 'docker-config': 'job' });
    const v2Main = await runStep(v2);
    const jobConfig = join(v2Main.exported.DOCKER_CONFIG!, 'config.json');
    expect(loginIn(jobConfig)).toBe(authOf(v2Main));
    expect(loginIn(sharedConfig())).toBe(RUNNERS_OWN);
    const v1Main = await runStep(v1_0_0({ login: 'true' }));
    const v1Post = await runStep(v1_0_0({ login: 'true' }), v1Main.state);
    expect([v2Main.exitCode, v1Main.exitCode, v1Post.exitCode]).toEqual([0, 0, 0]);
    // The v2 job is still logged in for its later steps; the shared config is 1.0.0's business,
    // and 1.0.0 never kept the runner's login aside.
    expect(loginIn(jobConfig)).toBe(authOf(v2Main));
    expect(loginIn(sharedConfig())).toBeUndefined();
    const v2Post = await runStep(v2, v2Main.state);
    expectExit(v2Post, 0);
    expect(loginIn(jobConfig)).toBeUndefined();
  });
});
