import { beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '../../__fixtures__/core.js';
import { DOCKER, JOB_AUTH, PODMAN, readJson, useScratchConfig, writeJson } from '../../__fixtures__/registry-files.js';
import { mockRunner } from '../../__fixtures__/step.js';

mockRunner();
const { authFilePath, chooseConfig, executionDir, prepareAuthFile } = await import('../../src/registry/config.js');
const { recordPath } = await import('../../src/registry/login-record.js');
const { forgetSecrets } = await import('../../src/runner/secrets.js');

const MARKER = 'dg-action:0123456789ab';

useScratchConfig();
beforeEach(() => forgetSecrets());

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

describe('chooseConfig', () => {
  test("job: the CLI's file in this execution's folder, seeded from the usual file; both absolute", () => {
    const dir = join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab');
    expect(chooseConfig('docker', 'job', true, MARKER)).toEqual({
      mode: 'job',
      cli: 'docker',
      file: join(dir, 'config.json'),
      userFile: join(process.env.DOCKER_CONFIG!, 'config.json'),
      auto: true,
    });
    expect(chooseConfig('podman', 'job', false, MARKER)).toMatchObject({
      file: join(dir, 'auth.json'),
      userFile: process.env.REGISTRY_AUTH_FILE,
    });
  });

  test('default: the usual file, made absolute (a DOCKER_CONFIG relative to the workspace)', () => {
    process.env.DOCKER_CONFIG = 'relative-docker';
    const target = chooseConfig('docker', 'default', false, MARKER);
    expect(target.file).toBe(join(process.cwd(), 'relative-docker', 'config.json'));
    expect(target.userFile).toBe(target.file);
    expect(target).toMatchObject({ mode: 'default', cli: 'docker', auto: false });
  });

  test('a marker main would not make is refused', () => {
    expect(() => chooseConfig('docker', 'job', false, 'dg-action:../x')).toThrow('Not an execution marker');
  });
});

describe('prepareAuthFile', () => {
  test("job: a config of the job's own in this execution's folder, seeded from the usual one", async () => {
    writeJson(join(process.env.DOCKER_CONFIG!, 'config.json'), { detachKeys: 'ctrl-e,e' });
    await prepareAuthFile(DOCKER, chooseConfig('docker', 'job', false, MARKER), 'quay.io', MARKER, JOB_AUTH);
    const dir = join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab');
    expect(core.exportVariable).toHaveBeenCalledWith('DOCKER_CONFIG', dir);
    expect(readJson(join(dir, 'config.json'))).toEqual({ detachKeys: 'ctrl-e,e' });
  });

  test('default: the usual config, with this job on record beside it; no folder, nothing exported', async () => {
    await prepareAuthFile(PODMAN, chooseConfig('podman', 'default', false, MARKER), 'quay.io', MARKER, JOB_AUTH);
    expect(existsSync(recordPath(process.env.REGISTRY_AUTH_FILE!))).toBe(true);
    expect(existsSync(join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab'))).toBe(false);
    expect(core.exportVariable).not.toHaveBeenCalled();
  });
});
