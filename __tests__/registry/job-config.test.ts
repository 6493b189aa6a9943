import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { rmSync, writeFileSync as writeFileSyncText } from 'node:fs';
import * as core from '../../__fixtures__/core.js';
import { installCredentialHelper } from '../../__fixtures__/credential-helper.js';
import { DOCKER, EARLIER_AUTH, JOB_AUTH, PODMAN, mode, readJson, useScratchConfig, writeJson } from '../../__fixtures__/registry-files.js';
import { mockRunner } from '../../__fixtures__/step.js';

mockRunner();
const { closeJobConfig, linkFolder, useJobConfig } = await import('../../src/registry/job-config.js');
const { forgetSecrets } = await import('../../src/runner/secrets.js');

const scratch = useScratchConfig();
beforeEach(() => forgetSecrets());

/** This execution's folder, as config.ts names it. */
const DIR = (): string => join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab');

describe('docker-config: job', () => {
  test("docker: the user's settings and other registries' logins, links to the user's folders, exported; the usual one untouched", async () => {
    const user = process.env.DOCKER_CONFIG!;
    const usual = join(user, 'config.json');
    // A real store on PATH, holding logins to Docker Hub, quay.io (the action's registry) and another.
    const store = installCredentialHelper(scratch(), 'desktop', {
      'https://index.docker.io/v1/': { Username: 'hub', Secret: 'hub-secret' },
      'quay.io': { Username: 'robot', Secret: 'quay-secret' },
      'https://registry.example.com': { Username: 'me', Secret: 'example-secret' },
    });
    process.env.PATH = `${store.bin}:${process.env.PATH}`;
    const before = writeJson(usual, {
      auths: { 'ghcr.io': { auth: EARLIER_AUTH }, 'quay.io': {}, 'https://quay.io': { auth: EARLIER_AUTH }, 'pointing.example': {} },
      credsStore: 'desktop',
      credHelpers: { 'gcr.io': 'gcloud', 'quay.io': 'ecr-login' },
      currentContext: 'colima',
      proxies: { default: { httpsProxy: 'http://proxy:3128' } },
    });
    mkdirSync(join(user, 'contexts', 'meta'), { recursive: true });
    mkdirSync(join(user, 'cli-plugins'));
    await useJobConfig(DOCKER, DIR(), join(process.env.DOCKER_CONFIG!, 'config.json'), 'quay.io', false);
    const dir = join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab');
    expect(core.exportVariable).toHaveBeenCalledWith('DOCKER_CONFIG', dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'config.json'))).toBe(0o600);
    // Other registries' inline logins and helpers, the store's registries through it; nothing for quay.io.
    expect(readJson(join(dir, 'config.json'))).toEqual({
      auths: { 'ghcr.io': { auth: EARLIER_AUTH } },
      credHelpers: {
        'gcr.io': 'gcloud',
        'pointing.example': 'desktop',
        'https://index.docker.io/v1/': 'desktop',
        'registry.example.com': 'desktop',
      },
      currentContext: 'colima',
      proxies: { default: { httpsProxy: 'http://proxy:3128' } },
    });
    // The store was asked what it holds, nothing else; the copied login is masked.
    expect(store.calls()).toEqual(['list ']);
    expect(core.setSecret).toHaveBeenCalledWith(EARLIER_AUTH);
    expect(core.warning).not.toHaveBeenCalled();
    expect(readlinkSync(join(dir, 'contexts'))).toBe(join(user, 'contexts'));
    expect(readlinkSync(join(dir, 'cli-plugins'))).toBe(join(user, 'cli-plugins'));
    // No buildx/ of the user's: none linked, so a builder the job makes is the job's.
    expect(lstatSync(join(dir, 'buildx'), { throwIfNoEntry: false })).toBeUndefined();
    expect(readFileSync(usual, 'utf8')).toBe(before);
    expect(core.info).toHaveBeenCalledWith(
      `Using a docker config of this job's own (docker-config: job), its logins taken out at job end: ${join(dir, 'config.json')}`,
    );

    // Post: the logins go, the settings and links stay for later post steps.
    writeJson(join(dir, 'config.json'), {
      auths: { 'quay.io': { auth: JOB_AUTH }, 'ghcr.io': { auth: EARLIER_AUTH } },
      credHelpers: { 'gcr.io': 'gcloud' },
      currentContext: 'colima',
    });
    expect(closeJobConfig(dir)).toBe(true);
    expect(readJson(join(dir, 'config.json'))).toEqual({ credHelpers: { 'gcr.io': 'gcloud' }, currentContext: 'colima' });
    expect(readlinkSync(join(dir, 'contexts'))).toBe(join(user, 'contexts'));
    expect(readFileSync(usual, 'utf8')).toBe(before);
  });

  test("a usual config that is already a job config of this action's (a second use in the job): its logins carry on", async () => {
    const first = join(process.env.RUNNER_TEMP!, 'dg-action-aaaaaaaaaaaa');
    process.env.DOCKER_CONFIG = first;
    writeJson(join(first, 'config.json'), { auths: { 'quay.io': { auth: JOB_AUTH } } });
    await useJobConfig(DOCKER, DIR(), join(first, 'config.json'), 'quay.io', false);
    expect(readJson(join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab', 'config.json'))).toEqual({
      auths: { 'quay.io': { auth: JOB_AUTH } },
    });
  });

  test('podman: an auth file of its own, exported as REGISTRY_AUTH_FILE; no usual file is fine', async () => {
    await useJobConfig(PODMAN, DIR(), process.env.REGISTRY_AUTH_FILE!, 'quay.io', false);
    const file = join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab', 'auth.json');
    expect(core.exportVariable).toHaveBeenCalledWith('REGISTRY_AUTH_FILE', file);
    expect(readJson(file)).toEqual({});
    expect(closeJobConfig(join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab'))).toBe(true);
    expect(closeJobConfig(join(process.env.RUNNER_TEMP!, 'dg-action-ffffffffffff'))).toBe(false);
  });

  test('registries named constructor or __proto__ are entries like any other, never what an object inherits', async () => {
    const usual = join(process.env.DOCKER_CONFIG!, 'config.json');
    mkdirSync(process.env.DOCKER_CONFIG!, { recursive: true });
    writeFileSyncText(usual, '{"auths":{"__proto__":{"auth":"eDp5"},"toString":{"auth":"eDp6"}},"credHelpers":{"constructor":"x"}}');
    await useJobConfig(DOCKER, DIR(), usual, 'constructor', false);
    expect(readFileSync(join(DIR(), 'config.json'), 'utf8')).toBe(
      JSON.stringify({ auths: { ['__proto__']: { auth: 'eDp5' }, toString: { auth: 'eDp6' } } }, null, '\t'),
    );
  });
});

describe("post never writes through a link (a later step's)", () => {
  test("the job's config.json replaced by a link to the user's: left alone with a warning, the user's logins intact", async () => {
    const usual = join(process.env.DOCKER_CONFIG!, 'config.json');
    const before = writeJson(usual, { auths: { 'ghcr.io': { auth: EARLIER_AUTH } } });
    await useJobConfig(DOCKER, DIR(), usual, 'quay.io', false);
    rmSync(join(DIR(), 'config.json'));
    symlinkSync(usual, join(DIR(), 'config.json'));
    expect(closeJobConfig(DIR())).toBe(true);
    expect(readFileSync(usual, 'utf8')).toBe(before);
    expect(core.warning).toHaveBeenCalledWith(
      `${join(DIR(), 'config.json')} is no longer the file this job's config was made as (a link?): it is left as it is, logins and all.`,
    );
  });

  test("the job's folder replaced by a link to the user's: left alone with a warning", async () => {
    const before = writeJson(join(process.env.DOCKER_CONFIG!, 'config.json'), { auths: { 'ghcr.io': { auth: EARLIER_AUTH } } });
    symlinkSync(process.env.DOCKER_CONFIG!, DIR());
    expect(closeJobConfig(DIR())).toBe(false);
    expect(readFileSync(join(process.env.DOCKER_CONFIG!, 'config.json'), 'utf8')).toBe(before);
    expect(core.warning.mock.calls[0]![0]).toMatch(/is no longer the folder this job's config was made in \(a link\?\)/);
  });
});

describe('links to the user folders on Windows', () => {
  test('a junction, which needs no privilege', () => {
    const symlink = jest.fn();
    expect(linkFolder('C:\\Users\\runner\\.docker\\contexts', 'D:\\t\\contexts', 'win32', symlink)).toBe(true);
    expect(symlink).toHaveBeenCalledWith('C:\\Users\\runner\\.docker\\contexts', 'D:\\t\\contexts', 'junction');
  });

  test('a link refused (EPERM): a warning naming what the job lacks, and main goes on', async () => {
    const refuse = (): never => {
      throw Object.assign(new Error('EPERM: operation not permitted, symlink'), { code: 'EPERM' });
    };
    expect(linkFolder('C:\\u\\cli-plugins', 'D:\\t\\cli-plugins', 'win32', refuse)).toBe(false);
    expect(core.warning).toHaveBeenCalledWith(
      "Could not link the job's D:\\t\\cli-plugins to the user's C:\\u\\cli-plugins (EPERM: operation not permitted, symlink): " +
        "the job's docker steps do not see the user's C:\\u\\cli-plugins.",
    );
  });
});
