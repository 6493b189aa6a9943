/**
 * The registry login as it meets real runners: the real docker CLI and the real podman, against
 * Debian's docker-registry behind a loopback proxy that answers 502 or stalls a chosen number of
 * logins; a job's own config; an earlier login put back; the CLI's environment. Run by
 * `npm run test:registry` (and CI).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_NODE } from '../../sandbox/runner.js';
import { expectExit, expectNothingLeaked, REAL_DOCKER, runAction, runStep, secretForms } from './fixtures.js';
import { startRegistryProxy, type RegistryProxy } from './registry-proxy.js';
import { useRealRegistry, type Registry } from './registry.js';
import { allGone } from './processes.js';
import { until } from '../../__fixtures__/until.js';

jest.setTimeout(90_000);

type Cli = 'docker' | 'podman';
const REAL: Record<Cli, string> = {
  docker: REAL_DOCKER,
  podman: execFileSync('sh', ['-c', 'command -v podman']).toString().trim(),
};

const { h, start: startRegistry, stopAfterTest } = useRealRegistry();
let registry: Registry | undefined;
let proxy: RegistryProxy | undefined;
/** Folders of wrappers that record each CLI's argv and environment, one CLI per folder. */
let bins: Record<Cli, string>;

beforeAll(() => {
  bins = { docker: join(h.workdir, 'bin-docker'), podman: join(h.workdir, 'bin-podman') };
  for (const cli of ['docker', 'podman'] as const) {
    mkdirSync(bins[cli]);
    const log = join(h.workdir, `${cli}`);
    writeFileSync(
      join(bins[cli], cli),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}-argv.log'\nenv >> '${log}-env.log'\nexec '${REAL[cli]}' "$@"\n`,
    );
    chmodSync(join(bins[cli], cli), 0o755);
  }
});
beforeEach(() => {
  // Execution folders too: a job config stays under RUNNER_TEMP after post, until the runner empties it.
  for (const file of [
    'docker-argv.log',
    'docker-env.log',
    'podman-argv.log',
    'podman-env.log',
    'containers',
    'registries.conf',
    ...executionDirs(),
  ]) {
    rmSync(join(h.workdir, file), { recursive: true, force: true });
  }
});
afterEach(() => {
  // useRealRegistry stopped them, once the test's steps and every CLI they started were gone.
  proxy = undefined;
  registry = undefined;
});

/** What the wrapper recorded (docker's argv log is the harness's own, so its leak check reads it too). */
const argv = (cli: Cli): string[] => lines(join(h.workdir, `${cli}-argv.log`));
const lines = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
const podmanAuthFile = (): string => join(h.workdir, 'containers', 'auth.json');
const dockerConfigFile = (): string => join(h.workdir, 'docker', 'config.json');
const authFile = (cli: Cli): string => (cli === 'docker' ? dockerConfigFile() : podmanAuthFile());
const readJson = (file: string): { auths?: Record<string, Record<string, string>> } =>
  existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
/** This execution's folders under RUNNER_TEMP (the work folder). */
const executionDirs = (): string[] => readdirSync(h.workdir).filter((name) => name.startsWith('dg-action-'));

/** The registry, behind the proxy, knowing the credentials the sandbox mints next. */
async function registryForNext(): Promise<{ username: string; secret: string; id: string }> {
  const next = h.sandbox.presetNext();
  registry = await startRegistry([next]);
  proxy = stopAfterTest(await startRegistryProxy(registry.host));
  return next;
}

/**
 * Run options for `cli`: the proxy as the registry, only that CLI's wrapper first on PATH (the
 * real docker and podman are in /usr/bin too), podman told the loopback registry is plain http.
 */
function options(cli: Cli, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  const registriesConf = join(h.workdir, 'registries.conf');
  writeFileSync(registriesConf, `[[registry]]\nlocation = "${proxy!.host}"\ninsecure = true\n`);
  const base = h.options({ registry: proxy!.host, ...inputs });
  return {
    ...base,
    env: {
      ...base.env,
      PATH: `${bins[cli]}:${process.env.PATH}`,
      CONTAINERS_REGISTRIES_CONF: registriesConf,
      REGISTRY_AUTH_FILE: podmanAuthFile(),
      ...env,
    },
  };
}

const basic = (username: string, secret: string): string => Buffer.from(`${username}:${secret}`).toString('base64');

describe.each(['docker', 'podman'] as const)('%s against a flaky registry', (cli) => {
  test('two 502s, then a login: three attempts, each wait logged, and out again at job end', async () => {
    const next = await registryForNext();
    proxy!.fail('502', 2);
    const { main, post } = await runAction(options(cli, { cli }));
    expectExit(main, 0);
    expect(proxy!.credentialChecks()).toBe(3);
    expect(argv(cli).filter((line) => line.startsWith('login'))).toHaveLength(3);
    const waits = main.visibleLog.split('\n').filter((line) => line.startsWith('Attempt '));
    expect(waits).toHaveLength(2);
    expect(waits[0]).toMatch(new RegExp(`^Attempt 1 of 4 to ${cli} login to .* failed: .*502.*\\. Retrying in \\d+\\.\\d s\\.$`));
    expect(readJson(authFile(cli)).auths?.[proxy!.host]).toBeUndefined(); // logged out by post
    expect(argv(cli).at(-1)).toBe(`logout ${cli === 'podman' ? `--authfile=${podmanAuthFile()} ` : ''}-- ${proxy!.host}`);
    expectExit(post, 0);
    // Retried quietly: the waits are info lines, nothing looks like an error.
    expect(`${main.visibleLog}\n${post.visibleLog}`).not.toMatch(/^::(warning|error)::/m);
    expect(h.sandbox.credentials()).toEqual([]);
    expectNothingLeaked(h, [main, post], secretForms(next.username, next.secret));
  });

  test('a refused login is tried exactly once, the step fails with the registry words, the credentials are revoked', async () => {
    registry = await startRegistry([{ username: 'deepgram+someone-else', secret: 'not-these' }]);
    proxy = stopAfterTest(await startRegistryProxy(registry.host));
    const main = await runStep(options(cli, { cli }));
    expectExit(main, 1);
    expect(proxy.credentialChecks()).toBe(1);
    expect(argv(cli)).toHaveLength(1);
    const words = cli === 'docker' ? '401 Unauthorized' : 'invalid username/password';
    const errors = main.visibleLog.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^::error::${cli} login to 127\\.0\\.0\\.1:\\d+ failed: .*${words}$`))]);
    expect(main.visibleLog).not.toMatch(/^Attempt /m);
    expect(h.sandbox.credentials()).toEqual([]);
  });

  test('a registry that stalls the first attempt: it is cut at request-timeout and the second logs in', async () => {
    await registryForNext();
    proxy!.fail('stall', 1);
    const main = await runStep(options(cli, { cli, 'request-timeout': '3' }));
    expectExit(main, 0);
    expect(main.visibleLog).toMatch(
      new RegExp(`^Attempt 1 of 4 to ${cli} login to .* did not finish within 3 s \\(request-timeout\\)\\. Retrying`, 'm'),
    );
    expect(proxy!.credentialChecks()).toBe(2);
    // A wide bound: docker alone would wait 15 s on the stalled request, podman for ever.
    expect(main.elapsedMs).toBeLessThan(14_000);
    expect(readJson(authFile(cli)).auths?.[proxy!.host]).toBeDefined();
    await runStep(options(cli, { cli }), main.state);
    expect(h.sandbox.credentials()).toEqual([]);
  });

  test('main stopped (SIGINT) while the registry delays its answer a minute: the CLI ends with the step, and after post no login of the job is left', async () => {
    await registryForNext();
    proxy!.fail('delay', 1);
    const runOptions = options(cli, { cli, 'prune-after': 'off' });
    const checking = until(() => proxy!.credentialChecks() === 1);
    const main = await runStep({ ...runOptions, stop: { when: checking } });
    expect(main.stopped).toBe(true);
    // The CLI ran in a process group of its own, which the runner's signal does not reach: the step
    // ended it. A CLI still alive would wait out the proxy's minute, past allGone's bound, and fail it.
    await allGone(h.workdir);
    const post = await runStep(runOptions, main.state);
    expectExit(post, 0);
    expect(readJson(authFile(cli)).auths?.[proxy!.host]).toBeUndefined();
    expect(proxy!.credentialChecks()).toBe(1);
    expect(h.sandbox.credentials()).toEqual([]);
  });

  test('its environment holds no INPUT_ or STATE_ variable and no API key, but what it needs', async () => {
    await registryForNext();
    await runAction(options(cli, { cli }));
    const env = readFileSync(join(h.workdir, `${cli}-env.log`), 'utf8');
    expect(env).not.toMatch(/^(INPUT|STATE)_/m);
    expect(env).not.toContain(h.apiKey);
    expect(env).toMatch(/^PATH=/m);
    expect(env).toMatch(/^DOCKER_CONFIG=/m);
    expect(env).toMatch(/^REGISTRY_AUTH_FILE=/m);
    expect(argv(cli)).toHaveLength(2);
  });

  test('an earlier inline login to the registry is back after post, and never shown', async () => {
    const next = await registryForNext();
    const earlier = { auth: basic('robot+long-lived', 'kept-for-years-0123456789') };
    mkdirSync(join(authFile(cli), '..'), { recursive: true });
    writeFileSync(authFile(cli), JSON.stringify({ auths: { [proxy!.host]: earlier, 'ghcr.io': { auth: basic('a', 'b') } } }, null, '\t'));
    const { main, post } = await runAction(options(cli, { cli }));
    expectExit(main, 0);
    expectExit(post, 0);
    expect(readJson(authFile(cli)).auths).toEqual({ [proxy!.host]: earlier, 'ghcr.io': { auth: basic('a', 'b') } });
    expect(post.visibleLog).toContain(`Put back the login to ${proxy!.host}`);
    expect(main.masks).toContain(earlier.auth);
    expect(executionDirs()).toEqual([]);
    expectNothingLeaked(h, [main, post], [...secretForms(next.username, next.secret), earlier.auth, 'kept-for-years-0123456789']);
  });

  test("docker-config: job logs in to a config of the job's own, leaves the usual one byte for byte, and takes the login out of its own", async () => {
    const next = await registryForNext();
    mkdirSync(join(authFile(cli), '..'), { recursive: true });
    const usual = JSON.stringify({ auths: { [proxy!.host]: { auth: basic('robot', 'x') } }, credsStore: 'nonexistent-helper' }, null, 2);
    writeFileSync(authFile(cli), usual);
    const runOptions = options(cli, { cli, 'docker-config': 'job' });
    const main = await runStep(runOptions);
    expectExit(main, 0);
    const exported = cli === 'docker' ? main.exported.DOCKER_CONFIG : main.exported.REGISTRY_AUTH_FILE;
    expect(exported).toMatch(new RegExp(`^${h.workdir}/dg-action-[0-9a-f]{12}`));
    const own = cli === 'docker' ? join(exported!, 'config.json') : exported!;
    // The job's own config holds the login (no helper: it was dropped), the usual one is untouched.
    expect(readJson(own).auths?.[proxy!.host]).toEqual({ auth: basic(next.username, next.secret) });
    expect(readFileSync(authFile(cli), 'utf8')).toBe(usual);

    const post = await runStep({ ...runOptions, env: { ...runOptions.env, ...main.exported } }, main.state);
    expectExit(post, 0);
    // The folder stays for the post steps still to come, with no login in it.
    expect(executionDirs()).toHaveLength(1);
    expect(readJson(own)).toEqual({});
    expect(readFileSync(authFile(cli), 'utf8')).toBe(usual);
    expect(argv(cli).filter((line) => line.startsWith('logout'))).toEqual([]);
    expect(h.sandbox.credentials()).toEqual([]);
  });
});

describe('choosing the CLI', () => {
  test('auto takes podman when docker is not on PATH', async () => {
    await registryForNext();
    // Only the podman wrapper on PATH: the real docker sits in /usr/bin beside the real podman.
    const { main, post } = await runAction(options('podman', {}, { PATH: bins.podman }));
    expectExit(main, 0);
    expect(argv('podman')).toEqual([
      expect.stringMatching(new RegExp(`^login --authfile=${podmanAuthFile()} --username deepgram\\+\\S+ --password-stdin -- `)),
      `logout --authfile=${podmanAuthFile()} -- ${proxy!.host}`,
    ]);
    expect(argv('docker')).toEqual([]);
    expectExit(post, 0);
    expect(h.sandbox.credentials()).toEqual([]);
  });

  test('cli: podman takes podman even where docker is on PATH', async () => {
    await registryForNext();
    const runOptions = options('podman', { cli: 'podman' });
    runOptions.env.PATH = `${bins.docker}:${bins.podman}:${process.env.PATH}`;
    const main = await runStep(runOptions);
    expectExit(main, 0);
    expect(argv('podman')).toHaveLength(1);
    expect(argv('docker')).toEqual([]);
    expect(readJson(podmanAuthFile()).auths?.[proxy!.host]).toBeDefined();
    await runStep(runOptions, main.state);
  });
});

describe("podman's auth file: the one podman itself would use, named on every login and logout", () => {
  const earlier = { auth: basic('robot+long-lived', 'kept-for-years-0123456789') };

  test('DOCKER_CONFIG set, no REGISTRY_AUTH_FILE: podman logs in to $DOCKER_CONFIG/config.json, and the earlier login there is put back', async () => {
    const next = await registryForNext();
    const file = dockerConfigFile();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, JSON.stringify({ auths: { [proxy!.host]: earlier } }, null, '\t'));
    const runOptions = options('podman', { cli: 'podman' }, { REGISTRY_AUTH_FILE: '' });
    const main = await runStep(runOptions);
    expectExit(main, 0);
    expect(readJson(file).auths?.[proxy!.host]).toEqual({ auth: basic(next.username, next.secret) });
    const post = await runStep(runOptions, main.state);
    expectExit(post, 0);
    expect(readJson(file).auths).toEqual({ [proxy!.host]: earlier });
    expect(argv('podman')).toEqual([
      expect.stringMatching(new RegExp(`^login --authfile=${file} --username `)),
      `logout --authfile=${file} -- ${proxy!.host}`,
    ]);
    expect(existsSync(podmanAuthFile())).toBe(false);
    expectNothingLeaked(h, [main, post], [...secretForms(next.username, next.secret), earlier.auth]);
  });

  test('rootless, without XDG_RUNTIME_DIR: the login goes where a later `podman pull` looks, and the earlier one there comes back', async () => {
    const next = await registryForNext();
    const user = rootlessUser();
    // podman's runtime folder: $TMPDIR/podman-run-<uid> (here, this test's own TMPDIR).
    const file = join(user.tmp, `podman-run-${user.uid}`, 'containers', 'auth.json');
    const env = { HOME: user.home, TMPDIR: user.tmp, XDG_RUNTIME_DIR: '', REGISTRY_AUTH_FILE: '', DOCKER_CONFIG: '' };
    try {
      // podman's own per-user process (it holds the user namespace) is started here, not by a step.
      user.run(['podman', 'unshare', 'true'], env);
      user.run(
        [
          'sh',
          '-c',
          `umask 077 && mkdir -p ${join(file, '..')} && printf '%s' '${JSON.stringify({ auths: { [proxy!.host]: earlier } })}' > ${file}`,
        ],
        env,
      );
      const runOptions = { ...options('podman', { cli: 'podman' }, env), ...user.stepOptions };
      const main = await user.asUser(() => runStep(runOptions));
      expectExit(main, 0);
      expect(argv('podman')[0]).toMatch(new RegExp(`^login --authfile=${file} --username `));
      // A later step's podman, told nothing, finds the job's login.
      expect(user.run(['podman', 'login', '--get-login', proxy!.host], env).trim()).toBe(next.username);
      const post = await user.asUser(() => runStep(runOptions, main.state));
      expectExit(post, 0);
      expect(argv('podman')[1]).toBe(`logout --authfile=${file} -- ${proxy!.host}`);
      expect(JSON.parse(readFileSync(file, 'utf8')).auths).toEqual({ [proxy!.host]: earlier });
      expect(post.visibleLog).toContain(`Put back the login to ${proxy!.host} that ${file} held before this job.`);
      expect(h.sandbox.credentials()).toEqual([]);
    } finally {
      user.remove();
    }
  });
});

/**
 * An unprivileged user for one test, with a home and a TMPDIR of its own: the steps run as it
 * (through setpriv), with this test's work folder open to it. Needs root, as CI has.
 */
function rootlessUser() {
  if (process.geteuid?.() !== 0) throw new Error('this test runs the steps as an unprivileged user, which needs root');
  // A uid that names no account and is this test run's own (podman needs none).
  const uid = 30000 + (process.pid % 20000);
  // The work folder (the runner's files, the CLI wrappers' logs, RUNNER_TEMP) open to it, as /tmp is.
  chmodSync(h.workdir, 0o1777);
  const base = join(h.workdir, `user-${uid}`);
  const home = join(base, 'home');
  const tmp = join(base, 'tmp');
  for (const dir of [base, home, tmp]) {
    mkdirSync(dir, { recursive: true });
    chownSync(dir, uid, uid);
  }
  const setpriv = ['--reuid', String(uid), '--regid', String(uid), '--clear-groups', '--'];
  const pauseFile = join(tmp, `podman-run-${uid}`, 'libpod', 'tmp', 'pause.pid');
  return {
    uid,
    home,
    tmp,
    stepOptions: { node: 'setpriv', nodeArgs: [...setpriv, ACTION_NODE] },
    run: (command: string[], env: Record<string, string>) =>
      execFileSync('setpriv', [...setpriv, ...command], {
        cwd: home,
        env: { ...process.env, ...env, CONTAINERS_REGISTRIES_CONF: join(h.workdir, 'registries.conf') },
        stdio: ['ignore', 'pipe', 'ignore'],
      }).toString(),
    /** The files the runner makes for a step (outputs, state...), writable by the user while it runs. */
    asUser: async <T>(step: () => Promise<T>): Promise<T> => {
      const umask = process.umask(0);
      try {
        return await step();
      } finally {
        process.umask(umask);
      }
    },
    remove: () => {
      // podman's per-user process, started by this test.
      if (existsSync(pauseFile)) {
        try {
          process.kill(Number(readFileSync(pauseFile, 'utf8')), 'SIGKILL');
        } catch {
          // already gone
        }
      }
      rmSync(base, { recursive: true, force: true });
      chmodSync(h.workdir, 0o700);
    },
  };
}
