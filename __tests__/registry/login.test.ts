import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as child from '../../__fixtures__/child.js';
import * as core from '../../__fixtures__/core.js';
import * as io from '../../__fixtures__/io.js';
import { DOCKER, EARLIER_AUTH, PODMAN, readJson, useScratchConfig, writeJson } from '../../__fixtures__/registry-files.js';
import { mockRunner } from '../../__fixtures__/step.js';

mockRunner();
jest.unstable_mockModule('../../src/registry/child.js', () => child);
jest.unstable_mockModule('../../src/registry/which.js', () => io);
const { findLoginCli, logIn, logOutAtJobEnd } = await import('../../src/registry/login.js');
const { chooseConfig } = await import('../../src/registry/config.js');
const { readRecords, recordPath } = await import('../../src/registry/login-record.js');
const { forgetSecrets } = await import('../../src/runner/secrets.js');
type SavedState = import('../../src/runner/state.js').SavedState;
type RegistryCli = import('../../src/registry/cli.js').RegistryCli;

const MARKER = 'dg-action:0123456789ab';
const USERNAME = 'deepgram+job';
const SECRET = 'job-secret';
const AUTH = Buffer.from(`${USERNAME}:${SECRET}`).toString('base64');

useScratchConfig();
const usual = (): string => join(process.env.DOCKER_CONFIG!, 'config.json');
const jobDir = (): string => join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab');
const warnings = (): string[] => core.warning.mock.calls.map(([message]) => String(message));

beforeEach(() => {
  forgetSecrets();
  child.runChild.mockReset();
  child.runChild.mockResolvedValue(child.exits(0));
  io.which.mockReset();
  io.which.mockImplementation(async (name) => `/usr/bin/${name}`);
  // As the runner's file command does: this step's CLI sees the variable too.
  core.exportVariable.mockImplementation((name, value) => void (process.env[name] = String(value)));
});

/** What main does: the config chosen once, then the login with the narrow options. */
const login = (mode: 'job' | 'default', cli: RegistryCli = DOCKER, more: { maxAttempts?: number; requestTimeoutMs?: number } = {}) =>
  logIn(
    {
      registry: 'quay.io',
      username: USERNAME,
      cli,
      config: chooseConfig(cli.name, mode, false, MARKER),
      requestTimeoutMs: more.requestTimeoutMs ?? 30_000,
      maxAttempts: more.maxAttempts ?? 3,
    },
    MARKER,
    SECRET,
  );

/** The state post reads, as main saved it. */
const saved = (mode: 'job' | 'default', cli: RegistryCli = DOCKER, more: Partial<SavedState> = {}): SavedState => ({
  marker: MARKER,
  credentialsId: 'cred',
  loggedInTo: 'quay.io',
  sweep: false,
  createInFlightUntil: 0,
  registryConfig: { mode, cli: cli.name, file: chooseConfig(cli.name, mode, false, MARKER).file },
  ...more,
});

describe('findLoginCli', () => {
  test('auto: docker where it is on PATH, else podman', async () => {
    await expect(findLoginCli('auto')).resolves.toEqual(DOCKER);
    io.which.mockImplementation(async (name) => (name === 'podman' ? '/usr/bin/podman' : ''));
    await expect(findLoginCli('auto')).resolves.toEqual(PODMAN);
  });

  test('none found: the error says what cannot happen and what to do instead', async () => {
    io.which.mockResolvedValue('');
    await expect(findLoginCli('podman')).rejects.toThrow(
      'The podman CLI was not found on PATH, so the action cannot log in; set `login: false` to only create the credentials and use the outputs.',
    );
  });
});

describe('logIn', () => {
  test('default: this job on record beside the usual config, then the CLI logs in with the secret on standard input', async () => {
    await login('default');
    expect(readRecords(usual())['quay.io']?.logins).toEqual([{ marker: MARKER, auth: AUTH, since: expect.any(Number) }]);
    expect(child.runChild).toHaveBeenCalledTimes(1);
    const [path, args, options] = child.runChild.mock.calls[0]!;
    expect(path).toBe('/usr/bin/docker');
    expect(args).toEqual(['login', '--username', USERNAME, '--password-stdin', '--', 'quay.io']);
    expect(options).toMatchObject({ input: Buffer.from(SECRET), timeoutMs: 30_000 });
    expect(JSON.stringify(args)).not.toContain(SECRET);
    expect(core.exportVariable).not.toHaveBeenCalled();
    expect(existsSync(jobDir())).toBe(false);
  });

  test("job: a config of the job's own, exported, seeded from the usual one; nothing on record beside the usual one", async () => {
    const userFile = usual();
    writeJson(userFile, { detachKeys: 'ctrl-e,e', auths: { 'quay.io': { auth: EARLIER_AUTH } } });
    await login('job');
    expect(core.exportVariable).toHaveBeenCalledWith('DOCKER_CONFIG', jobDir());
    expect(readJson(join(jobDir(), 'config.json'))).toEqual({ detachKeys: 'ctrl-e,e' });
    expect(existsSync(recordPath(userFile))).toBe(false);
    expect(readJson(userFile)).toEqual({ detachKeys: 'ctrl-e,e', auths: { 'quay.io': { auth: EARLIER_AUTH } } });
    expect(child.runChild).toHaveBeenCalledTimes(1);
  });

  test('job with podman: the auth file of its own is exported and named to the CLI', async () => {
    await login('job', PODMAN);
    const file = join(jobDir(), 'auth.json');
    expect(core.exportVariable).toHaveBeenCalledWith('REGISTRY_AUTH_FILE', file);
    expect(child.runChild.mock.calls[0]![1]).toEqual([
      'login',
      `--authfile=${file}`,
      '--username',
      USERNAME,
      '--password-stdin',
      '--',
      'quay.io',
    ]);
  });

  test('max attempts and the request timeout are the options given', async () => {
    child.runChild.mockResolvedValue(
      child.exits(1, 'Error response from daemon: received unexpected HTTP status: 503 Service Unavailable'),
    );
    await expect(login('default', DOCKER, { maxAttempts: 1, requestTimeoutMs: 7_000 })).rejects.toThrow('docker login to quay.io failed');
    expect(child.runChild).toHaveBeenCalledTimes(1);
    expect(child.runChild.mock.calls[0]![2]).toMatchObject({ timeoutMs: 7_000 });
  });
});

describe('logOutAtJobEnd', () => {
  const OPTIONS = { logout: true, requestTimeoutMs: 30_000 };

  test('main did not log in: nothing is run or written', async () => {
    await logOutAtJobEnd(saved('default', DOCKER, { loggedInTo: '' }), OPTIONS);
    expect(io.which).not.toHaveBeenCalled();
    expect(child.runChild).not.toHaveBeenCalled();
    expect(core.group).not.toHaveBeenCalled();
  });

  test('default recorded: the CLI main used logs out of the file main recorded, and this job leaves the record', async () => {
    await login('default');
    writeJson(usual(), { auths: { 'quay.io': { auth: AUTH } } });
    child.runChild.mockClear();
    await logOutAtJobEnd(saved('default'), OPTIONS);
    expect(io.which.mock.calls.map(([name]) => name)).toEqual(['docker']);
    expect(child.runChild.mock.calls.map(([path, args]) => [path, args])).toEqual([['/usr/bin/docker', ['logout', '--', 'quay.io']]]);
    // The mocked logout left the login: post takes it out itself.
    expect(readJson(usual())).toEqual({ auths: {} });
    expect(existsSync(recordPath(usual()))).toBe(false);
    expect(warnings()).toEqual([]);
  });

  test('default recorded, logout: false: no CLI runs, the login stays, this job leaves the record', async () => {
    await login('default');
    writeJson(usual(), { auths: { 'quay.io': { auth: AUTH } } });
    child.runChild.mockClear();
    await logOutAtJobEnd(saved('default'), { ...OPTIONS, logout: false });
    expect(child.runChild).not.toHaveBeenCalled();
    expect(readJson(usual())).toEqual({ auths: { 'quay.io': { auth: AUTH } } });
    expect(existsSync(recordPath(usual()))).toBe(false);
    expect(core.group.mock.calls.map(([name]) => name)).toEqual(['Leave the login to quay.io (logout: false)']);
  });

  test('default recorded, the CLI gone: a warning naming it, and the file is still put right', async () => {
    writeJson(usual(), { auths: { 'quay.io': { auth: EARLIER_AUTH } } });
    await login('default');
    writeJson(usual(), { auths: { 'quay.io': { auth: AUTH } } });
    io.which.mockResolvedValue('');
    await logOutAtJobEnd(saved('default'), OPTIONS);
    expect(warnings()).toEqual(['The docker CLI was not found on PATH, so the action cannot log out of the registry.']);
    expect(readJson(usual())).toEqual({ auths: { 'quay.io': { auth: EARLIER_AUTH } } });
  });

  test('a saved registry that is not a registry host never reaches the CLI', async () => {
    await logOutAtJobEnd(saved('default', DOCKER, { loggedInTo: '--config=/tmp/x' }), OPTIONS);
    expect(child.runChild).not.toHaveBeenCalled();
    expect(warnings()).toEqual(['The saved registry is not a registry host; not logging out of it.']);
  });

  test("job recorded: the logins leave the job's config, its settings stay; no CLI is looked for", async () => {
    await login('job');
    const file = join(jobDir(), 'config.json');
    writeJson(file, { detachKeys: 'ctrl-e,e', auths: { 'quay.io': { auth: AUTH } } });
    await logOutAtJobEnd(saved('job'), OPTIONS);
    expect(readJson(file)).toEqual({ detachKeys: 'ctrl-e,e' });
    expect(io.which).not.toHaveBeenCalled();
    expect(core.info).toHaveBeenCalledWith(expect.stringContaining("Took the logins out of this job's own registry config"));
  });

  test("job recorded, logout: false: the job's config keeps its logins", async () => {
    await login('job');
    const file = join(jobDir(), 'config.json');
    writeJson(file, { auths: { 'quay.io': { auth: AUTH } } });
    await logOutAtJobEnd(saved('job'), { ...OPTIONS, logout: false });
    expect(readJson(file)).toEqual({ auths: { 'quay.io': { auth: AUTH } } });
  });

  test("job recorded with a file outside this execution's folder: left as it is, with a warning", async () => {
    const elsewhere = join(process.env.RUNNER_TEMP!, 'elsewhere', 'config.json');
    mkdirSync(join(process.env.RUNNER_TEMP!, 'elsewhere'));
    writeFileSync(elsewhere, JSON.stringify({ auths: { 'quay.io': { auth: AUTH } } }));
    await logOutAtJobEnd(saved('job', DOCKER, { registryConfig: { mode: 'job', cli: 'docker', file: elsewhere } }), OPTIONS);
    expect(readJson(elsewhere)).toEqual({ auths: { 'quay.io': { auth: AUTH } } });
    expect(warnings()).toEqual([
      `The saved registry config ${elsewhere} is not in this job's own folder (${jobDir()}): it is left as it is.`,
    ]);
  });

  test('loggedInTo without a registry config: a warning, and nothing is looked for, run or written', async () => {
    writeJson(usual(), { auths: { 'quay.io': { auth: AUTH } } });
    await logOutAtJobEnd(saved('default', DOCKER, { registryConfig: undefined }), OPTIONS);
    expect(io.which).not.toHaveBeenCalled();
    expect(child.runChild).not.toHaveBeenCalled();
    expect(readFileSync(usual(), 'utf8')).toBe(JSON.stringify({ auths: { 'quay.io': { auth: AUTH } } }, null, '\t'));
    expect(warnings()).toEqual(['The saved state names no registry config this action made (mode, CLI and file): not logging out.']);
  });
});
