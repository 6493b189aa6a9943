/**
 * Self-hosted runners keep working, with the real docker CLI and podman, Debian's docker-registry
 * and a real credential helper on PATH (__fixtures__/credential-helper.ts): the job's own config
 * keeps the runner user's logins to other registries (inline, in helpers, in a store) and the
 * action never stores or erases one; a post stopped during its logout on a shared config leaves
 * it as it was, with no lock or record behind; a lock held through a logout longer than the stale
 * time is never taken over. Run by `npm run test:registry` (and CI).
 */
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installCredentialHelper } from '../../__fixtures__/credential-helper.js';
import { until } from '../../__fixtures__/until.js';
import { expectExit, REAL_DOCKER, runStep, type StepResult } from './fixtures.js';
import { allGone } from './processes.js';
import { useRealRegistry, type Registry } from './registry.js';
import { basic, readJson, useSharedRunner, writeJson, type Cli } from './shared-runner.js';

jest.setTimeout(120_000);

const { h, start } = useRealRegistry();
/** The registries the test started: podman is told each is plain http. */
let registries: Registry[] = [];
/** The runner user's own config (DOCKER_CONFIG, podman's usual auth file in it) and a second job's RUNNER_TEMP; helpers start afresh. */
const runner = useSharedRunner(h, ['slow-bin'], ['dg-action-', 'helper-']);
const { authFile } = runner;
afterEach(async () => {
  registries = [];
  await allGone(runner.secondTemp());
});

async function registryWith(users: { username: string; secret: string }[]): Promise<Registry> {
  const registry = await start(users);
  registries.push(registry);
  return registry;
}

/** A step's options: the shared config, helpers on PATH, podman told the loopback registries are plain http. */
function jobOptions(cli: Cli, temp: string, registry: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  const PATH = `${join(h.workdir, 'helper-bin')}:${h.options().env!.PATH}`;
  return runner.jobOptions(
    cli,
    temp,
    registry,
    registries.map((r) => r.host),
    inputs,
    { PATH, ...env },
  );
}

/** What a later step of the job gets from the registry: the CLI's own words, with the job's config. */
function laterPull(cli: Cli, env: Record<string, string>, host: string): Promise<string> {
  const args =
    cli === 'docker'
      ? ['manifest', 'inspect', '--insecure', `${host}/nothing-here:latest`]
      : ['pull', '--tls-verify=false', `${host}/nothing-here:latest`];
  return new Promise((resolve) => {
    execFile(
      cli === 'docker' ? REAL_DOCKER : 'podman',
      args,
      { env: { ...process.env, ...env }, encoding: 'utf8' },
      (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
    );
  });
}
/** The registry let the step in and found no such image: the login was found. */
const AUTHENTICATED = /no such manifest|manifest unknown/i;

describe.each(['docker', 'podman'] as const)("%s: the job's own config keeps the runner user's other logins", (cli) => {
  test('inline logins and helpers for other registries (and, for docker, the store) reach later steps; nothing is stored or erased', async () => {
    const login = h.sandbox.presetNext();
    const own = await registryWith([login]);
    const inline = await registryWith([{ username: 'inline-user', secret: 'inline-secret' }]);
    const kept = await registryWith([{ username: 'helper-user', secret: 'helper-secret' }]);
    // The runner user's store (docker) or helper (podman) holds the login to `kept`; nothing for the action's registry.
    const helper = installCredentialHelper(h.workdir, 'e2estore', {
      [kept.host]: { Username: 'helper-user', Secret: 'helper-secret' },
    });
    const usual = writeJson(authFile(cli), {
      auths: { [inline.host]: { auth: basic('inline-user', 'inline-secret') } },
      ...(cli === 'docker' ? { credsStore: 'e2estore' } : { credHelpers: { [kept.host]: 'e2estore' } }),
    });
    const options = jobOptions(cli, h.workdir, own.host, {}, { RUNNER_ENVIRONMENT: 'self-hosted' });
    const main = await runStep(options);
    expectExit(main, 0);
    expect(main.visibleLog).not.toMatch(/^::warning::/m);
    const jobFile = cli === 'docker' ? join(main.exported.DOCKER_CONFIG!, 'config.json') : main.exported.REGISTRY_AUTH_FILE!;
    // This action's login went into the job's config, inline, and nowhere else.
    expect(readJson(jobFile).auths?.[own.host]).toEqual({ auth: basic(login.username, login.secret) });
    expect(readJson(jobFile).credHelpers).toEqual({ [kept.host]: 'e2estore' });

    const later = { ...main.exported, PATH: options.env.PATH, CONTAINERS_REGISTRIES_CONF: options.env.CONTAINERS_REGISTRIES_CONF };
    for (const host of [own.host, inline.host, kept.host]) expect(await laterPull(cli, later, host)).toMatch(AUTHENTICATED);

    const post = await runStep({ ...options, env: { ...options.env, ...main.exported } }, main.state);
    expectExit(post, 0);
    expect(readJson(jobFile).auths).toBeUndefined();
    // The user's own config to the byte; the helper was only ever asked, never told.
    expect(readFileSync(authFile(cli), 'utf8')).toBe(usual);
    expect(helper.calls().filter((call) => /^(store|erase)\b/.test(call))).toEqual([]);
    expect(helper.logins()).toEqual({ [kept.host]: { Username: 'helper-user', Secret: 'helper-secret' } });
  });
});

describe('docker, shared config (docker-config: default)', () => {
  test('post stopped (SIGINT) while docker logout runs: it finishes its part in the grace; the earlier login back, no lock or record left', async () => {
    const [login, next] = [h.sandbox.presetNext(), h.sandbox.presetNext()];
    const registry = await registryWith([login, next]);
    const before = writeJson(authFile('docker'), { auths: { [registry.host]: { auth: basic('robot+runner', 'runner-secret') } } });
    // A self-hosted runner whose jobs share the usual config, where the lock is taken.
    const options = jobOptions('docker', h.workdir, registry.host, { 'docker-config': 'default' }, { RUNNER_ENVIRONMENT: 'self-hosted' });
    const main = await runStep(options);
    expectExit(main, 0);
    // A docker whose logout hangs until the test says (a helper on a headless host would).
    const bin = join(h.workdir, 'slow-bin');
    mkdirSync(bin);
    const started = join(bin, 'logout-started');
    writeFileSync(
      join(bin, 'docker'),
      `#!/bin/sh\nif [ "$1" = logout ]; then : > '${started}'; while :; do sleep 0.05; done; fi\nexec '${REAL_DOCKER}' "$@"\n`,
    );
    chmodSync(join(bin, 'docker'), 0o755);
    const slow = { ...options, env: { ...options.env, PATH: `${bin}:${options.env.PATH}` } };
    const post = await runStep({ ...slow, stop: { when: until(() => existsSync(started)) } }, main.state);
    expect(post.stopped).toBe(true);
    // It died of the signal, as the runner asked, once its part was done: well within the runner's grace.
    expectExit(post, -1);
    expect(post.visibleLog).toContain('docker logout from');
    expect(post.visibleLog).toContain('was ended: the step was stopped');
    expect(post.visibleLog).toContain(`Put back the login to ${registry.host}`);
    expect(readJson(authFile('docker'))).toEqual(JSON.parse(before));
    expect(readdirSync(runner.shared()).filter((name) => name.includes('dg-action'))).toEqual([]);
    // The next job neither waits on a lock nor finds the stopped job on record: the runner's login is its earlier one.
    const main2 = await runStep(options);
    expectExit(main2, 0);
    expect(readJson(authFile('docker')).auths?.[registry.host]).toEqual({ auth: basic(next.username, next.secret) });
    const post2 = await runStep(options, main2.state);
    expect(post2.visibleLog).toContain(`Put back the login to ${registry.host}`);
    expect(readJson(authFile('docker'))).toEqual(JSON.parse(before));
    expect(readdirSync(runner.shared()).filter((name) => name.includes('dg-action'))).toEqual([]);
  });

  test('a lock held through a logout longer than the stale time is refreshed, never taken over: the job waiting on it keeps its login', async () => {
    // The stale time is the product's, 20 s: waiting that long would make this test slow, so both
    // jobs are given 2 s (proper-lockfile's least) through a variable only tests set, and the test
    // holds the first job's logout until it has seen the lock refreshed past 2 s of the second
    // job's wait. Without the refresh the second job would take the lock over after 2 s.
    const STALE_MS = 2000;
    const [one, two] = [h.sandbox.presetNext(), h.sandbox.presetNext()];
    const registry = await registryWith([one, two]);
    const helper = installCredentialHelper(h.workdir, 'e2eslow');
    writeJson(authFile('docker'), { credHelpers: { [registry.host]: 'e2eslow' } });
    const env = { DG_ACTION_TEST_LOCK_STALE_MS: String(STALE_MS), RUNNER_ENVIRONMENT: 'self-hosted' };
    const inputs = { 'docker-config': 'default' };
    const job1 = jobOptions('docker', h.workdir, registry.host, inputs, env);
    const job2 = jobOptions('docker', runner.secondTemp(), registry.host, inputs, env);
    const main1 = await runStep(job1);
    expectExit(main1, 0);
    expect(helper.logins()[registry.host]?.Username).toBe(one.username);

    helper.hold('erase');
    const post1 = runStep(job1, main1.state);
    await until(() => helper.calls().some((call) => call.startsWith('erase')));
    const lock = join(runner.shared(), '.config.json.dg-action-logins.lock');
    expect(existsSync(lock)).toBe(true);
    const waitingSince = Date.now();
    const main2 = runStep(job2);
    let main2Done = false;
    void main2.then(() => (main2Done = true));
    // Refreshes of the held lock, seen until the second job has waited past twice the stale time.
    const refreshes = new Set<number>();
    await until(() => {
      refreshes.add(statSync(lock).mtimeMs);
      return Date.now() - waitingSince > 2 * STALE_MS && refreshes.size >= 3;
    });
    expect(main2Done).toBe(false);
    expect(helper.calls().filter((call) => call.startsWith('store'))).toHaveLength(1);
    helper.release('erase');

    const [p1, m2]: StepResult[] = await Promise.all([post1, main2]);
    expect([p1.exitCode, m2.exitCode]).toEqual([0, 0]);
    // Job 1 logged out first, then job 2 logged in: job 2's login stands, and it is on record.
    // (docker logout erases each form of the registry it finds: one call or more.)
    const verbs = helper.calls().map((call) => call.split(' ')[0]);
    expect([verbs[0], verbs.at(-1)]).toEqual(['store', 'store']);
    expect(new Set(verbs.slice(1, -1))).toEqual(new Set(['erase']));
    expect(helper.logins()[registry.host]?.Username).toBe(two.username);
    const record = JSON.parse(readFileSync(join(runner.shared(), '.config.json.dg-action-logins'), 'utf8'));
    expect(record.registries[registry.host].logins.map((l: { marker: string }) => l.marker)).toEqual([m2.state.marker]);
    const post2 = await runStep(job2, m2.state);
    expectExit(post2, 0);
    expect(helper.logins()).toEqual({});
    expect(readdirSync(runner.shared()).filter((name) => name.includes('dg-action'))).toEqual([]);
  });
});
