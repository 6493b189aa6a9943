import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '../__fixtures__/core.js';

jest.unstable_mockModule('@actions/core', () => core);
jest.unstable_mockModule('../src/runner/file-commands.js', () => ({
  setOutput: core.setOutput,
  saveState: core.saveState,
  exportVariable: core.exportVariable,
}));
const { authFilePath, executionDir, prepareAuthFile, removeExecutionDir, restoreEarlierLogin } = await import('../src/registry/config.js');
const { forgetSecrets, redact } = await import('../src/runner/secrets.js');

const MARKER = 'dg-action:0123456789ab';
const DOCKER = { name: 'docker', path: '/usr/bin/docker' } as const;
const PODMAN = { name: 'podman', path: '/usr/bin/podman' } as const;
const EARLIER_AUTH = Buffer.from('robot+ci:long-lived-password').toString('base64');

let scratch: string;
const saved = { ...process.env };

beforeEach(() => {
  forgetSecrets();
  scratch = mkdtempSync(join(tmpdir(), 'dg-config-'));
  process.env.RUNNER_TEMP = join(scratch, 'runner-temp');
  mkdirSync(process.env.RUNNER_TEMP);
  process.env.DOCKER_CONFIG = join(scratch, 'docker');
  process.env.REGISTRY_AUTH_FILE = join(scratch, 'containers', 'auth.json');
});

afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
  process.env = { ...saved };
});

function writeJson(file: string, value: unknown): string {
  mkdirSync(join(file, '..'), { recursive: true });
  const text = JSON.stringify(value, null, '\t');
  writeFileSync(file, text);
  return text;
}

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('authFilePath', () => {
  test("docker: $DOCKER_CONFIG/config.json; podman: REGISTRY_AUTH_FILE, else XDG_RUNTIME_DIR's", () => {
    expect(authFilePath('docker', { DOCKER_CONFIG: '/d' })).toBe('/d/config.json');
    expect(authFilePath('podman', { REGISTRY_AUTH_FILE: '/a.json', XDG_RUNTIME_DIR: '/run/user/1000' })).toBe('/a.json');
    expect(authFilePath('podman', { XDG_RUNTIME_DIR: '/run/user/1000' })).toBe('/run/user/1000/containers/auth.json');
  });
});

describe('executionDir', () => {
  test('named after the marker under RUNNER_TEMP; nothing for what is not a marker', () => {
    expect(executionDir(MARKER, { RUNNER_TEMP: '/rt' })).toBe('/rt/dg-action-0123456789ab');
    expect(executionDir('dg-action:../../etc', { RUNNER_TEMP: '/rt' })).toBeUndefined();
    expect(executionDir('', { RUNNER_TEMP: '/rt' })).toBeUndefined();
  });
});

describe('docker-config: job', () => {
  test("docker: a config of the job's own, seeded without stores or helpers, exported; the usual one untouched", () => {
    const usual = join(process.env.DOCKER_CONFIG!, 'config.json');
    const before = writeJson(usual, {
      auths: { 'ghcr.io': { auth: EARLIER_AUTH }, 'quay.io': {} },
      credsStore: 'desktop',
      credHelpers: { 'gcr.io': 'gcloud' },
      proxies: { default: { httpsProxy: 'http://proxy:3128' } },
    });
    prepareAuthFile(DOCKER, 'quay.io', true, MARKER);
    const dir = join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab');
    expect(core.exportVariable).toHaveBeenCalledWith('DOCKER_CONFIG', dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'config.json'))).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({
      auths: { 'ghcr.io': { auth: EARLIER_AUTH } },
      proxies: { default: { httpsProxy: 'http://proxy:3128' } },
    });
    expect(readFileSync(usual, 'utf8')).toBe(before);
    expect(removeExecutionDir(MARKER)).toBe(true);
    expect(existsSync(dir)).toBe(false);
  });

  test('podman: an auth file of its own, exported as REGISTRY_AUTH_FILE; no usual file is fine', () => {
    prepareAuthFile(PODMAN, 'quay.io', true, MARKER);
    const file = join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab', 'auth.json');
    expect(core.exportVariable).toHaveBeenCalledWith('REGISTRY_AUTH_FILE', file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({});
  });
});

describe('an earlier login to the registry', () => {
  test('held inline: kept aside where only this user can read it, masked, and put back whole', () => {
    const usual = join(process.env.DOCKER_CONFIG!, 'config.json');
    const entry = { auth: EARLIER_AUTH, email: 'ci@example.com' };
    writeJson(usual, { auths: { 'quay.io': entry, 'ghcr.io': { auth: 'Z2g6eA==' } } });
    prepareAuthFile(DOCKER, 'quay.io', false, MARKER);
    const dir = join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab');
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'earlier-login.json'))).toBe(0o600);
    expect(redact(`x ${EARLIER_AUTH} long-lived-password`)).toBe('x *** ***');
    expect(core.exportVariable).not.toHaveBeenCalled();

    // What docker login then logout leave: our entry gone, the others as they were.
    writeJson(usual, { auths: { 'ghcr.io': { auth: 'Z2g6eA==' } } });
    forgetSecrets();
    restoreEarlierLogin(MARKER);
    expect(JSON.parse(readFileSync(usual, 'utf8'))).toEqual({ auths: { 'ghcr.io': { auth: 'Z2g6eA==' }, 'quay.io': entry } });
    // Post is another process: it masks what it reads too.
    expect(redact(EARLIER_AUTH)).toBe('***');
    expect(core.info).toHaveBeenCalledWith(`Put back the login to quay.io that ${usual} held before this job.`);
    expect(JSON.stringify(core.info.mock.calls)).not.toContain(EARLIER_AUTH);
  });

  test('a kept file that is not what main wrote: an error that quotes none of it', () => {
    const dir = join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab');
    mkdirSync(dir);
    writeFileSync(join(dir, 'earlier-login.json'), `{"entry":{"auth":"${EARLIER_AUTH}"`);
    const error = (() => {
      try {
        restoreEarlierLogin(MARKER);
      } catch (e) {
        return e as Error;
      }
      throw new Error('restored a broken file');
    })();
    expect(error.message).toBe(`${join(dir, 'earlier-login.json')} is not what the main step wrote`);
  });

  test('held by a credential helper: a warning naming the registry, nothing kept', () => {
    writeJson(join(process.env.DOCKER_CONFIG!, 'config.json'), { auths: { 'quay.io': {} }, credsStore: 'pass' });
    prepareAuthFile(DOCKER, 'quay.io', false, MARKER);
    expect(core.warning).toHaveBeenCalledTimes(1);
    expect(core.warning.mock.calls[0]![0]).toContain('logins to quay.io in a credential helper (docker-credential-pass)');
    expect(existsSync(join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab'))).toBe(false);
  });

  test('none: nothing kept, nothing to put back, no folder', () => {
    writeJson(process.env.REGISTRY_AUTH_FILE!, { auths: { 'ghcr.io': { auth: 'Z2g6eA==' } } });
    prepareAuthFile(PODMAN, 'quay.io', false, MARKER);
    restoreEarlierLogin(MARKER);
    expect(core.warning).not.toHaveBeenCalled();
    expect(core.info).not.toHaveBeenCalled();
    expect(removeExecutionDir(MARKER)).toBe(false);
  });
});
