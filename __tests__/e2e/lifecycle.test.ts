/**
 * Nothing outlives the job, whatever happens to it: end to end on the built bundle, each way a job
 * can end badly, and what is left in the project after its post step (or, for a runner that died,
 * after another job's post step). Every test asserts the project's final set of credentials.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectExit, runAction, runStep, SANDBOX_PROJECT_ID, useHarness } from './fixtures.js';
import { allGone } from './processes.js';
import { until } from '../../__fixtures__/until.js';

const h = useHarness();

const DAY = 86_400_000;
const ago = (ms: number): string => new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const ids = () => h.sandbox.credentials().map((c) => c.id);

describe('cancelled or timed out while creating', () => {
  test.each(['SIGINT', 'SIGKILL'] as const)(
    'main stopped (%s) during a create the server completes 4 s after it arrived: post waits for it, then deletes it',
    async (signal) => {
      // Margins for a loaded machine: the stop has 4 s to land before the create completes, and
      // post 8 s (request-timeout) from the create to start, or it would have nothing to wait for.
      h.sandbox.addFault({ op: 'create', delayMs: 4000 });
      const options = h.options({ login: 'false', 'request-timeout': '8', 'prune-after': 'off' });
      // Stopped once the create has reached the server, however long the step took to get there.
      const createSent = until(() => h.sandbox.requests.some((r) => r.op === 'create'));
      const main = await runStep({ ...options, stop: { when: createSent, signal } });
      expect(main.stopped).toBe(true);
      expect(main.exitCode).not.toBe(0);
      expect(main.outputs['credentials-id']).toBeUndefined();
      const post = await runStep(options, main.state);
      expectExit(post, 0);
      expect(post.visibleLog).toMatch(/The main step stopped while a create was in flight; waiting \d+s \(its request-timeout\)/);
      expect(post.visibleLog).toMatch(/Deleted 1 stray set\(s\) of credentials carrying \[dg-action:[0-9a-f]{12}\]/);
      // The create did land, after main was gone and before post looked.
      expect(h.sandbox.requests.find((r) => r.op === 'create')?.clientGone).toBe(true);
      expect(ids()).toEqual([]);
    },
  );
});

describe('cancelled or timed out while logging in', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)(
    'main stopped (%s) while docker waits on the registry: docker ends with the step, post leaves no login of the job, and revokes',
    async (signal) => {
      // The registry answers docker's first request only after 60 s: the step is stopped long before.
      h.sandbox.addFault({ op: 'registry', delayMs: 60_000 });
      const options = h.options({ 'prune-after': 'off' });
      const loginStarted = until(() => h.sandbox.requests.some((r) => r.op === 'registry'));
      const main = await runStep({ ...options, stop: { when: loginStarted, signal } });
      expect(main.stopped).toBe(true);
      // It died of the signal, as a step that did not pass it on would have.
      expectExit(main, -1);
      expect(main.state.loggedInTo).toBe(h.sandbox.registryHost);
      // What post undoes, recorded before the login began: the mode, the CLI and the file.
      expect(main.state).toMatchObject({
        registryConfig: 'default',
        registryCli: 'docker',
        registryFile: join(h.workdir, 'docker', 'config.json'),
      });
      // docker ran in a process group of its own, which the signal did not reach: the step ended it,
      // so no process of the test is left (allGone fails, naming it, if docker outlives its bound).
      await allGone(h.workdir);
      const post = await runStep(options, main.state);
      expectExit(post, 0);
      // Post logs out only a login that is this job's (on the record main made before the CLI ran):
      // the stopped login never wrote one, so there is nothing to log out of.
      expect(post.visibleLog).toMatch(/no login to \S+ any more: nothing to log out of\.|Logged out of /);
      expect(ids()).toEqual([]);
      // The docker that was stopped is gone, so it never asks again with the credentials: the one
      // registry request is the one the step was stopped in.
      expect(h.sandbox.requests.filter((r) => r.op === 'registry')).toHaveLength(1);
      expect(h.dockerConfig().auths?.[h.sandbox.registryHost]).toBeUndefined();
    },
  );
});

describe('cancelled or timed out at job end', () => {
  test('post stopped (SIGINT) once its logout is done, its API cleanup stalled: the login is out and the earlier one back', async () => {
    const configFile = join(h.workdir, 'docker', 'config.json');
    const earlier = { auth: Buffer.from('robot+long-lived:kept-for-years-0123456789').toString('base64') };
    mkdirSync(join(h.workdir, 'docker'));
    writeFileSync(configFile, JSON.stringify({ auths: { [h.sandbox.registryHost]: earlier } }));
    const options = h.options();
    const main = await runStep(options);
    expectExit(main, 0);
    expect(h.dockerConfig().auths?.[h.sandbox.registryHost]).not.toEqual(earlier);
    // The revoke and the list each wait 30 s on the API: post is stopped long before either ends.
    h.sandbox.addFault({ op: 'delete', delayMs: 30_000 });
    h.sandbox.addFault({ op: 'list', delayMs: 30_000 });
    // The logout does not wait on the API: post says the earlier login is back while the revoke it
    // sent is still unanswered. It is stopped at that line, and only once the revoke is at the API.
    const revokeSent = until(() => h.sandbox.requests.some((r) => r.op === 'delete'));
    const putBack = `Put back the login to ${h.sandbox.registryHost} that ${configFile} held before this job.`;
    const post = await runStep({ ...options, stop: { when: revokeSent, logged: putBack } }, main.state);
    expect(post.stopped).toBe(true);
    expectExit(post, -1);
    expect(h.sandbox.requests.filter((r) => r.op === 'delete' && r.status !== null)).toEqual([]);
    expect(JSON.parse(readFileSync(configFile, 'utf8')).auths).toEqual({ [h.sandbox.registryHost]: earlier });
    expect(post.visibleLog).toContain(putBack);
    expect(h.dockerArgv().filter((argv) => argv.startsWith('logout'))).toEqual([`logout -- ${h.sandbox.registryHost}`]);
  });
});

describe('a 2xx create answer that cannot be used', () => {
  const CRED = '5b7e1c0a-3f7a-4f4e-9a0e-6d2a1b3c4d5e';
  test.each([
    ['truncated JSON', 201, '{"distribution_credentials": {"distribution_credentials_id": "5b7e'],
    ['an HTML page with 200', 200, '<html><body>Welcome to the gateway</body></html>'],
    ['an empty 201', 201, ''],
    ['an id that is a number', 201, { distribution_credentials: { distribution_credentials_id: 42, secret: 's'.repeat(64) } }],
    ['no id', 201, { distribution_credentials: { secret: 's'.repeat(64) } }],
    ['a renamed field', 201, { distribution_credentials: { id: CRED, secret: 's'.repeat(64) } }],
    ['an id of ".."', 201, { distribution_credentials: { distribution_credentials_id: '..', secret: 's'.repeat(64) } }],
    ['no secret', 200, { distribution_credentials: { distribution_credentials_id: CRED } }],
  ])('%s: main fails, sweeps what the create made at once, and post sweeps again', async (_name, status, body) => {
    h.sandbox.addFault({ op: 'create', status, afterAction: true, body });
    const options = h.options({ login: 'false', 'prune-after': 'off' });
    const main = await runStep(options);
    expectExit(main, 1);
    expect(main.visibleLog).toMatch(
      /::error::Deepgram API: create distribution credentials (answered with credentials that cannot be used|returned an unexpected response)/,
    );
    expect(main.state.sweep).toBe('true');
    expect(ids()).toEqual([]);
    // Never a request on the collection or its parent: only the set's own path, or the list.
    for (const r of h.sandbox.requests.filter((x) => x.op === 'delete' || x.method === 'DELETE')) {
      expect(r.path).toMatch(/\/credentials\/[0-9a-f-]{36}$/);
    }
    const post = await runStep(options, main.state);
    expectExit(post, 0);
    expect(h.sandbox.requests.filter((r) => r.op === 'list')).toHaveLength(2);
    expect(ids()).toEqual([]);
  });
});

describe('a runner that died before its post step: pruning', () => {
  const tag = (hex: string, suffix = ' job') => `GitHub Actions: o/r / ci run 1 attempt 1 [dg-action:${hex}${suffix}]`;

  function seed() {
    return {
      oldJob: h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: tag('aaaaaaaaaaaa'), created: ago(6 * DAY) }),
      olderJob: h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: tag('bbbbbbbbbbbb'), created: ago(40 * DAY) }),
      oldKept: h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: tag('cccccccccccc', ' kept'), created: ago(60 * DAY) }),
      oldNamed: h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: tag('dddddddddddd', ' keep=prod'), created: ago(60 * DAY) }),
      recentJob: h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: tag('eeeeeeeeeeee'), created: ago(4 * DAY) }),
      // Release 1.0.0 tagged every set so, pull secrets it kept included: never pruned.
      oldLegacy: h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: tag('abababababab', ''), created: ago(60 * DAY) }),
      oldForeign: h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: 'made by hand for the staging cluster', created: ago(90 * DAY) }),
      oldCopied: h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: 'note: [dg-action:ffffffffffff] copied', created: ago(90 * DAY) }),
    };
  }

  test('post deletes old job sets of any job; kept, named, legacy, recent and foreign sets stay; log and summary say which', async () => {
    const seeded = seed();
    const { main, post } = await runAction(h.options({ login: 'false' }));
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    const left = ids();
    expect(left.sort()).toEqual(
      [seeded.oldKept, seeded.oldNamed, seeded.recentJob, seeded.oldLegacy, seeded.oldForeign, seeded.oldCopied].map((c) => c.id).sort(),
    );
    expect(post.visibleLog).toContain(
      `Pruned distribution credentials ${seeded.oldJob.id}, created 6d 0h ago by a job that never revoked them.`,
    );
    expect(post.visibleLog).toContain(
      `Pruned distribution credentials ${seeded.olderJob.id}, created 40d 0h ago by a job that never revoked them.`,
    );
    expect(post.summary).toContain('Deepgram credentials pruned');
    expect(post.summary).toContain(`<code>${seeded.oldJob.id}</code>`);
    expect(post.summary).toContain('6d 0h');
    // Never more than what matched: the sets left alone are named nowhere.
    for (const id of left) {
      expect(post.visibleLog).not.toContain(id);
      expect(post.summary).not.toContain(id);
    }
  });

  test('revoke: false tags the set kept, so no later job prunes it, however old it grows', async () => {
    const { main, post } = await runAction(h.options({ login: 'false', revoke: 'false' }));
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    const [kept] = h.sandbox.credentials();
    expect(kept?.comment).toMatch(/ \[dg-action:[0-9a-f]{12} kept\]$/);
    // Made old, it survives another job's pruning.
    const old = h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: kept!.comment ?? undefined, created: ago(30 * DAY) });
    h.sandbox.clearRequests();
    const next = await runAction(h.options({ login: 'false' }));
    expectExit(next.post, 0);
    expect(ids().sort()).toEqual([kept!.id, old.id].sort());
  });

  test('prune-after: off leaves every old set alone, and post makes no list', async () => {
    const seeded = seed();
    const { post } = await runAction(h.options({ login: 'false', 'prune-after': 'off' }));
    expectExit(post, 0);
    expect(ids()).toContain(seeded.oldJob.id);
    expect(h.sandbox.requests.filter((r) => r.op === 'list')).toEqual([]);
    expect(post.summary).toBe('');
  });

  test('prune-after: 5h prunes a job set of a day', async () => {
    const dayOld = h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: tag('aaaaaaaaaaaa'), created: ago(DAY) });
    const { main, post } = await runAction(h.options({ login: 'false', 'prune-after': '5h' }));
    expect(main.visibleLog).toMatch(/::warning::prune-after is 5h: a job of this action that is still running after that long/);
    expectExit(post, 0);
    expect(ids()).not.toContain(dayOld.id);
  });

  test("a key that may not list: one warning, and the job's own set is still revoked", async () => {
    const seeded = seed();
    h.sandbox.addFault({ op: 'list', status: 403, times: 0 });
    const { main, post } = await runAction(h.options({ login: 'false' }));
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    expect(post.visibleLog.match(/::warning::/g)).toHaveLength(1);
    expect(post.visibleLog).toMatch(/::warning::Could not list the project's credentials to prune job sets older than 5d 0h: .*HTTP 403/);
    expect(ids().sort()).toEqual(
      Object.values(seeded)
        .map((c) => c.id)
        .sort(),
    );
  });

  test('bad prune-after fails main before any request, naming the input', async () => {
    const main = await runStep(h.options({ 'prune-after': '5 days' }));
    expectExit(main, 1);
    expect(main.visibleLog).toContain(
      '::error::Input "prune-after": "5 days" is not a duration; use a whole number followed by s, m, h or d',
    );
    expect(h.sandbox.requests).toEqual([]);
  });
});
