/**
 * Shared and customised runners, with the real docker CLI and podman against Debian's
 * docker-registry: a job's own config by default on a self-hosted runner, carrying the user's
 * contexts, CLI plugins and buildx builders through post; two jobs on one shared config in all
 * six orders of their steps; an earlier login in every form a logout removes; logout: false with
 * revoke: true. Run by `npm run test:registry` (and CI).
 */
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectExit, expectNothingLeaked, runStep, secretForms, type StepResult } from './fixtures.js';
import { useRealRegistry, type Registry } from './registry.js';
import { basic, readJson, useSharedRunner, writeJson, type Cli } from './shared-runner.js';

jest.setTimeout(120_000);

type Login = { username: string; secret: string; id: string };

const { h, start: startRegistry } = useRealRegistry();
let registry: Registry | undefined;
/** The runner user's own config, shared by both jobs, and a second job's RUNNER_TEMP: jobs on one runner each have their own. */
const runner = useSharedRunner(h);
const { authFile } = runner;
afterEach(() => {
  registry = undefined;
});

/** The registry, knowing the next `count` sets the sandbox mints. */
async function registryFor(count: number): Promise<Login[]> {
  const logins = Array.from({ length: count }, () => h.sandbox.presetNext());
  registry = await startRegistry(logins);
  return logins;
}

/** One job's step options: its own RUNNER_TEMP, the shared config, podman told the loopback registry is plain http. */
const jobOptions = (cli: Cli, temp: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
  runner.jobOptions(cli, temp, registry!.host, [registry!.host], inputs, env);

/** A job on a self-hosted runner whose jobs share the usual config: the record and its lock are in play. */
const sharedJob = (cli: Cli, temp: string) => jobOptions(cli, temp, { 'docker-config': 'default' }, { RUNNER_ENVIRONMENT: 'self-hosted' });

describe.each(['docker', 'podman'] as const)('%s: two jobs on one shared config', (cli) => {
  // Every order of job 1's and job 2's main and post, each main before its own post.
  const ORDERS = ['M1 P1 M2 P2', 'M1 M2 P1 P2', 'M1 M2 P2 P1', 'M2 M1 P1 P2', 'M2 M1 P2 P1', 'M2 P2 M1 P1'];

  test.each(ORDERS)('%s: each running job has a login of its own, and the runner its own login back at the end', async (order) => {
    const logins = await registryFor(2);
    // The runner's own long-lived login, and one to another registry that nothing may touch.
    const runners = { auth: basic('robot+runner', 'long-lived-runner-secret') };
    const before = { auths: { [registry!.host]: runners, 'ghcr.io': { auth: basic('octo', 'ghcr-secret') } } };
    writeJson(authFile(cli), before);
    const temps = [h.workdir, runner.secondTemp()];
    const mains: (StepResult | undefined)[] = [];
    const running: number[] = [];
    const results: StepResult[] = [];
    // The sandbox mints in the order of the creates: the nth main gets the nth login.
    const loginOf: Login[] = [];
    for (const step of order.split(' ')) {
      const job = Number(step[1]) - 1;
      const options = sharedJob(cli, temps[job]!);
      if (step[0] === 'M') {
        loginOf[job] = logins[mains.filter(Boolean).length]!;
        const main = await runStep(options);
        expectExit(main, 0);
        mains[job] = main;
        running.push(job);
        results.push(main);
      } else {
        const post = await runStep(options, mains[job]!.state);
        expectExit(post, 0);
        expect(post.visibleLog).not.toMatch(/^::(warning|error)::/m);
        running.splice(running.indexOf(job), 1);
        results.push(post);
      }
      // Whatever has just happened, the newest running job's login is the one in the config.
      const newest = running.at(-1);
      const expected = newest === undefined ? runners : { auth: basic(loginOf[newest]!.username, loginOf[newest]!.secret) };
      expect(readJson(authFile(cli)).auths?.[registry!.host]).toEqual(expected);
    }
    // As before either job, to the byte of every login; nothing of the action's is left beside it.
    expect(readJson(authFile(cli))).toEqual(before);
    expect(readdirSync(runner.shared()).filter((name) => name.includes('dg-action'))).toEqual([]);
    expect(h.sandbox.credentials()).toEqual([]);
    expectNothingLeaked(h, results, [...logins.flatMap((login) => secretForms(login.username, login.secret)), runners.auth]);
  });

  test('two mains at the same moment, then their posts: the runner its own login back', async () => {
    const logins = await registryFor(2);
    const before = { auths: { [registry!.host]: { auth: basic('robot+runner', 'long-lived-runner-secret') } } };
    writeJson(authFile(cli), before);
    const one = sharedJob(cli, h.workdir);
    const two = sharedJob(cli, runner.secondTemp());
    const [main1, main2] = await Promise.all([runStep(one), runStep(two)]);
    expect([main1.exitCode, main2.exitCode]).toEqual([0, 0]);
    // One of the two logins is in place, whichever CLI wrote last.
    const auths = logins.map((login) => basic(login.username, login.secret));
    expect(auths).toContain(readJson(authFile(cli)).auths?.[registry!.host]?.auth);
    await runStep(one, main1.state);
    await runStep(two, main2.state);
    expect(readJson(authFile(cli))).toEqual(before);
    expect(readdirSync(runner.shared()).filter((name) => name.includes('dg-action'))).toEqual([]);
  });

  test("a post that finds another job's login leaves it, and says why", async () => {
    await registryFor(2);
    const one = jobOptions(cli, h.workdir);
    const two = jobOptions(cli, runner.secondTemp());
    const main1 = await runStep(one);
    const main2 = await runStep(two);
    const post1 = await runStep(one, main1.state);
    expect(post1.visibleLog).toMatch(
      /The login to \S+ in \S+ is no longer the one this job wrote \(another job on this runner logged in with this action since, and puts back the earlier login when it ends\): it is left as it is\./,
    );
    expect(post1.visibleLog).not.toMatch(/^Logged out of/m);
    await runStep(two, main2.state);
    expect(readJson(authFile(cli)).auths?.[registry!.host]).toBeUndefined();
  });

  test('an earlier login stored as https://<host> and http://<host> is kept aside and back after post, which removed those forms', async () => {
    const [login] = await registryFor(1);
    const host = registry!.host;
    const forms = {
      [`https://${host}`]: { auth: basic('robot+https', 'https-form-secret') },
      [`http://${host}`]: { auth: basic('robot+http', 'http-form-secret') },
    };
    writeJson(authFile(cli), { auths: forms });
    const options = jobOptions(cli, h.workdir);
    const main = await runStep(options);
    expectExit(main, 0);
    expect(readJson(authFile(cli)).auths?.[host]).toEqual({ auth: basic(login!.username, login!.secret) });
    const post = await runStep(options, main.state);
    expect(post.visibleLog).toContain(`Put back the login to ${host}`);
    expect(readJson(authFile(cli)).auths).toEqual(forms);
    expectNothingLeaked(
      h,
      [main, post],
      [...secretForms(login!.username, login!.secret), ...Object.values(forms).map((form) => form.auth)],
    );
  });

  test('logout: false with revoke: true: one warning at main that says what to use instead; the login stays', async () => {
    const [login] = await registryFor(1);
    const options = jobOptions(cli, h.workdir, { logout: 'false' });
    const main = await runStep(options);
    expectExit(main, 0);
    const warnings = main.visibleLog.split('\n').filter((line) => line.startsWith('::warning::'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^::warning::logout: false with revoke: true leaves a login to credentials that are revoked at job end .*Use keep: <name> \(or revoke: false\)/,
      ),
    ]);
    const post = await runStep(options, main.state);
    expectExit(post, 0);
    expect(readJson(authFile(cli)).auths?.[registry!.host]).toEqual({ auth: basic(login!.username, login!.secret) });
    expect(readdirSync(runner.shared()).filter((name) => name.includes('dg-action'))).toEqual([]);
  });

  test("on a self-hosted runner the default (auto) is a config of the job's own; the shared one is never touched", async () => {
    const [login] = await registryFor(1);
    writeJson(authFile(cli), { auths: { [registry!.host]: { auth: basic('robot', 'runner-secret') } } });
    const usual = readFileSync(authFile(cli), 'utf8');
    const options = jobOptions(cli, h.workdir, {}, { RUNNER_ENVIRONMENT: 'self-hosted' });
    const main = await runStep(options);
    expectExit(main, 0);
    expect(main.visibleLog).toMatch(/Using a \S+ config of this job's own \(docker-config: auto, on a self-hosted runner\)/);
    const own = cli === 'docker' ? join(main.exported.DOCKER_CONFIG!, 'config.json') : main.exported.REGISTRY_AUTH_FILE!;
    expect(own.startsWith(join(h.workdir, 'dg-action-'))).toBe(true);
    expect(readJson(own).auths).toEqual({ [registry!.host]: { auth: basic(login!.username, login!.secret) } });
    const post = await runStep({ ...options, env: { ...options.env, ...main.exported } }, main.state);
    expectExit(post, 0);
    expect(readJson(own).auths).toBeUndefined();
    expect(readFileSync(authFile(cli), 'utf8')).toBe(usual);
  });
});

describe("docker: the job's own config is a whole docker config", () => {
  /** Runs the real docker CLI as a later step would, with the config the job exported. */
  const docker = (config: string, ...args: string[]): string =>
    execFileSync('docker', args, {
      env: { ...process.env, DOCKER_CONFIG: config },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();

  test('a current context that is not default, a CLI plugin and a buildx builder of the user: each works in a later step and after post', async () => {
    const [login] = await registryFor(1);
    // The user's docker: a context in use, a per-user plugin, a builder made by a buildx plugin.
    docker(runner.shared(), 'context', 'create', 'remote-host', '--docker', 'host=tcp://127.0.0.1:1');
    docker(runner.shared(), 'context', 'use', 'remote-host');
    mkdirSync(join(runner.shared(), 'cli-plugins'));
    installPlugin('hello', 'echo "hello from the user\'s plugin"');
    // A stand-in for buildx (not packaged for Debian 12): it keeps builders where buildx does.
    installPlugin(
      'buildx',
      [
        'store="${DOCKER_CONFIG:-$HOME/.docker}/buildx/instances"',
        'case "$2" in',
        '  create) mkdir -p "$store" && printf \'{"Name":"%s"}\' "$4" > "$store/$4" ;;',
        '  ls) ls "$store" ;;',
        '  rm) rm "$store/$3" ;;',
        'esac',
      ].join('\n'),
    );
    docker(runner.shared(), 'buildx', 'create', '--name', 'user-builder');
    writeJson(join(runner.shared(), 'config.json'), {
      ...readJson(join(runner.shared(), 'config.json')),
      auths: { 'ghcr.io': { auth: basic('octo', 'ghcr-secret') } },
      credsStore: 'not-on-this-runner',
      detachKeys: 'ctrl-e,e',
    });
    const usual = readFileSync(join(runner.shared(), 'config.json'), 'utf8');

    const options = jobOptions('docker', h.workdir, { cli: 'docker' }, { RUNNER_ENVIRONMENT: 'self-hosted' });
    const main = await runStep(options);
    // Without the user's contexts the login itself would fail: context "remote-host" not found.
    expectExit(main, 0);
    const job = main.exported.DOCKER_CONFIG!;
    // Every setting of the user's and the user's login to another registry; no store (this one is
    // not on PATH: one warning says what later steps lack).
    expect(readJson(join(job, 'config.json'))).toEqual({
      currentContext: 'remote-host',
      detachKeys: 'ctrl-e,e',
      auths: { [registry!.host]: { auth: basic(login!.username, login!.secret) }, 'ghcr.io': { auth: basic('octo', 'ghcr-secret') } },
    });
    expect(main.visibleLog.split('\n').filter((line) => line.startsWith('::warning::'))).toEqual([
      expect.stringContaining('credential store docker-credential-not-on-this-runner, which could not list them (it could not be run)'),
    ]);
    const laterStep = (): void => {
      expect(docker(job, 'context', 'show')).toBe('remote-host');
      expect(docker(job, 'hello')).toBe("hello from the user's plugin");
      expect(docker(job, 'buildx', 'ls')).toBe('user-builder');
    };
    laterStep();

    const post = await runStep({ ...options, env: { ...options.env, ...main.exported } }, main.state);
    expectExit(post, 0);
    // No login left in the job's config; its settings, contexts, plugins and builders are all there
    // for the post steps still to come, such as setup-buildx-action's, which removes its builder.
    expect(readJson(join(job, 'config.json'))).toEqual({ currentContext: 'remote-host', detachKeys: 'ctrl-e,e' });
    laterStep();
    docker(job, 'buildx', 'rm', 'user-builder');
    expect(existsSync(join(runner.shared(), 'buildx', 'instances', 'user-builder'))).toBe(false);
    // The user's own config, to the byte; its folders are the user's, linked, never copied.
    expect(readFileSync(join(runner.shared(), 'config.json'), 'utf8')).toBe(usual);
    for (const name of ['contexts', 'cli-plugins', 'buildx']) expect(lstatSync(join(job, name)).isSymbolicLink()).toBe(true);
    expectNothingLeaked(h, [main, post], [...secretForms(login!.username, login!.secret), basic('octo', 'ghcr-secret')]);
  });

  function installPlugin(name: string, body: string): void {
    const file = join(runner.shared(), 'cli-plugins', `docker-${name}`);
    const metadata = '{"SchemaVersion":"0.1.0","Vendor":"e2e","Version":"0.0.1","ShortDescription":"test plugin"}';
    writeFileSync(file, `#!/bin/sh\nif [ "$1" = docker-cli-plugin-metadata ]; then echo '${metadata}'; exit 0; fi\n${body}\n`);
    chmodSync(file, 0o755);
  }
});
