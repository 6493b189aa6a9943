import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '../../__fixtures__/core.js';
import { DOCKER, EARLIER_AUTH, JOB_AUTH, PODMAN, mode, readJson, useScratchConfig, writeJson } from '../../__fixtures__/registry-files.js';
import { mockRunner } from '../../__fixtures__/step.js';

mockRunner();
const { recordLogin, releaseLogin } = await import('../../src/registry/shared-config.js');
const { recordPath } = await import('../../src/registry/login-record.js');
const { forgetSecrets, redact } = await import('../../src/runner/secrets.js');

const MARKER = 'dg-action:0123456789ab';

useScratchConfig();
beforeEach(() => forgetSecrets());

describe('the shared config: an earlier login to the registry', () => {
  const usual = (): string => join(process.env.DOCKER_CONFIG!, 'config.json');
  const loggedIn = (more: object = {}) => writeJson(usual(), { auths: { 'quay.io': { auth: JOB_AUTH }, ...more } });
  const logout = jest.fn(async () => undefined);

  test('held inline, in every form a logout removes: kept aside on record where only this user can read it, masked, put back whole', async () => {
    const entry = { auth: EARLIER_AUTH, email: 'ci@example.com' };
    const https = { auth: Buffer.from('robot+old:older-password').toString('base64') };
    writeJson(usual(), { auths: { 'quay.io': entry, 'https://quay.io': https, 'ghcr.io': { auth: 'Z2g6eA==' } } });
    await recordLogin(DOCKER, usual(), 'quay.io', MARKER, JOB_AUTH);
    expect(mode(recordPath(usual()))).toBe(0o600);
    expect(redact(`x ${EARLIER_AUTH} long-lived-password older-password`)).toBe('x *** *** ***');
    expect(core.exportVariable).not.toHaveBeenCalled();
    expect(existsSync(join(process.env.RUNNER_TEMP!, 'dg-action-0123456789ab'))).toBe(false);

    // What docker login then logout leave: every form of the registry gone, the others as they were.
    writeJson(usual(), { auths: { 'ghcr.io': { auth: 'Z2g6eA==' } } });
    forgetSecrets();
    await releaseLogin(usual(), 'quay.io', MARKER, { logout: true, runLogout: logout });
    // The entry was no longer this job's: left as it is, and the log says why.
    expect(logout).not.toHaveBeenCalled();
    expect(core.info).toHaveBeenCalledWith(`${usual()} holds no login to quay.io any more: nothing to log out of.`);
    expect(existsSync(recordPath(usual()))).toBe(false);
  });

  test("this job's login still there: out, and the earlier login back; the log never shows it", async () => {
    const entry = { auth: EARLIER_AUTH };
    writeJson(usual(), { auths: { 'quay.io': entry, 'http://quay.io': entry } });
    await recordLogin(DOCKER, usual(), 'quay.io', MARKER, JOB_AUTH);
    loggedIn({ 'http://quay.io': entry });
    forgetSecrets();
    await releaseLogin(usual(), 'quay.io', MARKER, { logout: true, runLogout: logout });
    expect(logout).toHaveBeenCalledTimes(1);
    expect(readJson(usual())).toEqual({ auths: { 'quay.io': entry, 'http://quay.io': entry } });
    // Post is another process: it masks what it reads too.
    expect(redact(EARLIER_AUTH)).toBe('***');
    expect(core.info).toHaveBeenCalledWith(`Put back the login to quay.io that ${usual()} held before this job.`);
    expect(JSON.stringify(core.info.mock.calls)).not.toContain(EARLIER_AUTH);
  });

  test("another job's login on record is never kept aside; at job end it goes back while that job runs", async () => {
    const OTHER = 'dg-action:bbbbbbbbbbbb';
    const otherAuth = Buffer.from('deepgram+other:other-secret').toString('base64');
    writeJson(usual(), { auths: { 'quay.io': { auth: EARLIER_AUTH } } });
    await recordLogin(DOCKER, usual(), 'quay.io', OTHER, otherAuth);
    writeJson(usual(), { auths: { 'quay.io': { auth: otherAuth } } });
    await recordLogin(DOCKER, usual(), 'quay.io', MARKER, JOB_AUTH);
    loggedIn();
    await releaseLogin(usual(), 'quay.io', MARKER, { logout: true, runLogout: logout });
    expect(logout).not.toHaveBeenCalled();
    expect(readJson(usual())).toEqual({ auths: { 'quay.io': { auth: otherAuth } } });
    await releaseLogin(usual(), 'quay.io', OTHER, { logout: true, runLogout: logout });
    expect(readJson(usual())).toEqual({ auths: { 'quay.io': { auth: EARLIER_AUTH } } });
    expect(existsSync(recordPath(usual()))).toBe(false);
  });

  test('a record that is not what main wrote counts as none, and quotes none of it', async () => {
    writeJson(usual(), { auths: { 'quay.io': { auth: EARLIER_AUTH } } });
    writeFileSync(recordPath(usual()), `{"registries":{"quay.io":{"earlier":{"quay.io":{"auth":"${EARLIER_AUTH}"`);
    await recordLogin(DOCKER, usual(), 'quay.io', MARKER, JOB_AUTH);
    loggedIn();
    await releaseLogin(usual(), 'quay.io', MARKER, { logout: true, runLogout: logout });
    expect(readJson(usual())).toEqual({ auths: { 'quay.io': { auth: EARLIER_AUTH } } });
    expect(core.warning).not.toHaveBeenCalled();
  });

  test('held by a credential helper: a warning naming the registry; the CLI logs out', async () => {
    writeJson(usual(), { auths: { 'quay.io': {} }, credsStore: 'pass' });
    await recordLogin(DOCKER, usual(), 'quay.io', MARKER, JOB_AUTH);
    expect(core.warning).toHaveBeenCalledTimes(1);
    expect(core.warning.mock.calls[0]![0]).toContain('logins to quay.io in a credential helper (docker-credential-pass)');
    await releaseLogin(usual(), 'quay.io', MARKER, { logout: true, runLogout: logout });
    expect(logout).toHaveBeenCalledTimes(1);
  });

  test('logout: false: this job goes off the record, the login stays', async () => {
    writeJson(process.env.REGISTRY_AUTH_FILE!, { auths: { 'ghcr.io': { auth: 'Z2g6eA==' } } });
    await recordLogin(PODMAN, process.env.REGISTRY_AUTH_FILE!, 'quay.io', MARKER, JOB_AUTH);
    const text = writeJson(process.env.REGISTRY_AUTH_FILE!, { auths: { 'quay.io': { auth: JOB_AUTH } } });
    await releaseLogin(process.env.REGISTRY_AUTH_FILE!, 'quay.io', MARKER, { logout: false, runLogout: logout });
    expect(logout).not.toHaveBeenCalled();
    expect(readFileSync(process.env.REGISTRY_AUTH_FILE!, 'utf8')).toBe(text);
    expect(existsSync(recordPath(process.env.REGISTRY_AUTH_FILE!))).toBe(false);
  });

  test.each(['constructor', 'toString', '__proto__'])(
    'a registry named %s: kept aside, on record, and put back like any other',
    async (registry) => {
      const earlier = { auth: EARLIER_AUTH };
      mkdirSync(process.env.DOCKER_CONFIG!, { recursive: true });
      const text = `{"auths":{${JSON.stringify(registry)}:${JSON.stringify(earlier)}}}`;
      writeFileSync(usual(), text);
      await recordLogin(DOCKER, usual(), registry, MARKER, JOB_AUTH);
      writeFileSync(usual(), `{"auths":{${JSON.stringify(registry)}:{"auth":${JSON.stringify(JOB_AUTH)}}}}`);
      await releaseLogin(usual(), registry, MARKER, { logout: true, runLogout: logout });
      expect(logout).toHaveBeenCalledTimes(1);
      expect(JSON.parse(readFileSync(usual(), 'utf8'))).toEqual(JSON.parse(text));
      expect(Object.keys(JSON.parse(readFileSync(usual(), 'utf8')).auths)).toEqual([registry]);
      expect(existsSync(recordPath(usual()))).toBe(false);
    },
  );

  test('on a GitHub-hosted runner (a machine per job, its steps one at a time) no lock is taken; elsewhere one is', async () => {
    const lock = `${recordPath(usual())}.lock`;
    process.env.RUNNER_ENVIRONMENT = 'github-hosted';
    // A fresh lock, which anyone taking it would wait on.
    mkdirSync(lock, { recursive: true });
    await recordLogin(DOCKER, usual(), 'quay.io', MARKER, JOB_AUTH);
    expect(existsSync(recordPath(usual()))).toBe(true);
    rmSync(lock, { recursive: true });
    process.env.RUNNER_ENVIRONMENT = 'self-hosted';
    loggedIn();
    let heldDuringLogout = false;
    await releaseLogin(usual(), 'quay.io', MARKER, {
      logout: true,
      runLogout: async () => {
        heldDuringLogout = existsSync(lock);
      },
    });
    expect(heldDuringLogout).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });
});
