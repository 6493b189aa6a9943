import { beforeEach, describe, expect, test } from '@jest/globals';
import { lstatSync, mkdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '../../__fixtures__/core.js';
import { DOCKER, EARLIER_AUTH, JOB_AUTH, PODMAN, mode, readJson, useScratchConfig, writeJson } from '../../__fixtures__/registry-files.js';
import { mockRunner } from '../../__fixtures__/step.js';

mockRunner();
const { closeJobConfig, useJobConfig } = await import('../../src/registry/job-config.js');
const { forgetSecrets } = await import('../../src/runner/secrets.js');

useScratchConfig();
beforeEach(() => forgetSecrets());

/** This execution's folder, as config.ts names it. */
const DIR = (): string => join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab');

describe('docker-config: job', () => {
  test("docker: the user's settings without logins, links to the user's folders, exported; the usual one untouched", async () => {
    const user = process.env.DOCKER_CONFIG!;
    const usual = join(user, 'config.json');
    const before = writeJson(usual, {
      auths: { 'ghcr.io': { auth: EARLIER_AUTH }, 'quay.io': {} },
      credsStore: 'desktop',
      credHelpers: { 'gcr.io': 'gcloud' },
      currentContext: 'colima',
      proxies: { default: { httpsProxy: 'http://proxy:3128' } },
    });
    mkdirSync(join(user, 'contexts', 'meta'), { recursive: true });
    mkdirSync(join(user, 'cli-plugins'));
    useJobConfig(DOCKER, DIR(), join(process.env.DOCKER_CONFIG!, 'config.json'), 'docker-config: job');
    const dir = join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab');
    expect(core.exportVariable).toHaveBeenCalledWith('DOCKER_CONFIG', dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'config.json'))).toBe(0o600);
    expect(readJson(join(dir, 'config.json'))).toEqual({
      currentContext: 'colima',
      proxies: { default: { httpsProxy: 'http://proxy:3128' } },
    });
    expect(readlinkSync(join(dir, 'contexts'))).toBe(join(user, 'contexts'));
    expect(readlinkSync(join(dir, 'cli-plugins'))).toBe(join(user, 'cli-plugins'));
    // No buildx/ of the user's: none linked, so a builder the job makes is the job's.
    expect(lstatSync(join(dir, 'buildx'), { throwIfNoEntry: false })).toBeUndefined();
    expect(readFileSync(usual, 'utf8')).toBe(before);
    expect(core.info).toHaveBeenCalledWith(
      `Using a docker config of this job's own (docker-config: job), its logins taken out at job end: ${join(dir, 'config.json')}`,
    );

    // Post: the logins go, the settings and links stay for later post steps.
    writeJson(join(dir, 'config.json'), { auths: { 'quay.io': { auth: JOB_AUTH } }, currentContext: 'colima' });
    expect(closeJobConfig(dir)).toBe(true);
    expect(readJson(join(dir, 'config.json'))).toEqual({ currentContext: 'colima' });
    expect(readlinkSync(join(dir, 'contexts'))).toBe(join(user, 'contexts'));
    expect(readFileSync(usual, 'utf8')).toBe(before);
  });

  test("a usual config that is already a job config of this action's (a second use in the job): its logins carry on", async () => {
    const first = join(process.env.RUNNER_TEMP!, 'dg-action-aaaaaaaaaaaa');
    process.env.DOCKER_CONFIG = first;
    writeJson(join(first, 'config.json'), { auths: { 'quay.io': { auth: JOB_AUTH } } });
    useJobConfig(DOCKER, DIR(), join(first, 'config.json'), 'docker-config: job');
    expect(readJson(join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab', 'config.json'))).toEqual({
      auths: { 'quay.io': { auth: JOB_AUTH } },
    });
  });

  test('podman: an auth file of its own, exported as REGISTRY_AUTH_FILE; no usual file is fine', async () => {
    useJobConfig(PODMAN, DIR(), process.env.REGISTRY_AUTH_FILE!, 'docker-config: job');
    const file = join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab', 'auth.json');
    expect(core.exportVariable).toHaveBeenCalledWith('REGISTRY_AUTH_FILE', file);
    expect(readJson(file)).toEqual({});
    expect(closeJobConfig(join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab'))).toBe(true);
    expect(closeJobConfig(join(process.env.RUNNER_TEMP!, 'dg-action-ffffffffffff'))).toBe(false);
  });
});
