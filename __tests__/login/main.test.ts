import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import * as child from '../../__fixtures__/child.js';
import * as io from '../../__fixtures__/io.js';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpRequest, HttpResponse } from '../../src/net/http.js';
import { answering } from '../../__fixtures__/transport.js';
import { PROJECT, CRED } from '../../__fixtures__/ids.js';
import { mockStep } from '../../__fixtures__/step.js';

const sendRequest = mockStep();
const { runMain } = await import('../../src/login/main.js');
const { forgetSecrets } = await import('../../src/runner/secrets.js');

// The login's config and this execution's folder live in an empty folder of the test's own.
const scratch = mkdtempSync(join(tmpdir(), 'dg-unit-'));
process.env.DOCKER_CONFIG = join(scratch, 'docker');
process.env.RUNNER_TEMP = scratch;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const API_KEY = 'dg_main_key_abcdef0123456789';
const USERNAME = `deepgram+${CRED}`;
const SECRET = 'S'.repeat(32) + '0123456789abcdef0123456789abcdef';
const AUTH = Buffer.from(`${USERNAME}:${SECRET}`).toString('base64');
const COLLECTION = `https://api.deepgram.com/v1/projects/${PROJECT}/self-hosted/distribution/credentials`;

let inputs: Record<string, string>;

const json = (status: number, body: unknown, headers: HttpResponse['headers'] = {}): HttpResponse => ({
  status,
  headers,
  body: JSON.stringify(body),
});
const created = (comment: string) =>
  json(200, {
    member: { member_id: 'm' },
    distribution_credentials: { distribution_credentials_id: CRED, comment, scopes: ['self-hosted:products'], secret: SECRET },
  });

/** A Deepgram API that creates the credentials and deletes anything; `overrides` answer first. */
function api(overrides: (request: HttpRequest) => HttpResponse | undefined = () => undefined): void {
  sendRequest.mockImplementation(
    answering((request) => {
      const override = overrides(request);
      if (override) return override;
      if (request.method === 'POST') return created(JSON.parse(request.body ?? '{}').comment);
      if (request.method === 'DELETE') return json(200, { message: 'Successfully deleted' });
      return json(200, { distribution_credentials: [] });
    }),
  );
}

function requests(): string[] {
  return sendRequest.mock.calls.map(([r]) => `${r.method} ${r.url.split('?')[0]}`);
}

function saved(): Record<string, string> {
  return Object.fromEntries(core.saveState.mock.calls.map(([name, value]) => [name, String(value)]));
}

function outputs(): Record<string, string> {
  return Object.fromEntries(core.setOutput.mock.calls.map(([name, value]) => [name, String(value)]));
}

const savedSummary = process.env.GITHUB_STEP_SUMMARY;

beforeEach(() => {
  forgetSecrets();
  delete process.env.GITHUB_STEP_SUMMARY;
  inputs = { 'api-key': API_KEY, 'project-id': PROJECT };
  core.getInput.mockImplementation((name) => inputs[name] ?? '');
  io.which.mockResolvedValue('/usr/bin/docker');
  child.runChild.mockResolvedValue(child.exits(0));
  sendRequest.mockReset();
  api();
});

afterEach(() => {
  if (savedSummary === undefined) delete process.env.GITHUB_STEP_SUMMARY;
  else process.env.GITHUB_STEP_SUMMARY = savedSummary;
});

describe('happy path', () => {
  test('creates the credentials with a marked comment, logs docker in and sets the five outputs', async () => {
    await runMain();
    expect(requests()).toEqual([`POST ${COLLECTION}`]);
    const marker = saved().marker;
    expect(marker).toMatch(/^dg-action:[0-9a-f]{12}$/);
    expect(JSON.parse(sendRequest.mock.calls[0]![0].body!).comment).toMatch(new RegExp(`^GitHub Actions: .* \\[${marker} job\\]$`));

    expect(child.runChild).toHaveBeenCalledTimes(1);
    const [command, args, options] = child.runChild.mock.calls[0]!;
    expect(command).toBe('/usr/bin/docker');
    expect(args).toEqual(['login', '--username', USERNAME, '--password-stdin', '--', 'quay.io']);
    expect(options?.input?.toString()).toBe(SECRET);

    expect(outputs()).toEqual({
      username: USERNAME,
      secret: SECRET,
      'credentials-id': CRED,
      registry: 'quay.io',
      'docker-config-json': JSON.stringify({ auths: { 'quay.io': { auth: AUTH } } }),
    });
    expect(core.setFailed).not.toHaveBeenCalled();
  });

  test('the API key is masked before anything else reads the inputs', async () => {
    await runMain();
    expect(core.setSecret).toHaveBeenCalledWith(API_KEY);
    expect(core.setSecret.mock.invocationCallOrder[0]).toBeLessThan(Math.min(...sendRequest.mock.invocationCallOrder));
  });

  test('the secret, base64 user:secret and the config JSON are masked before any output is set', async () => {
    await runMain();
    const configJson = JSON.stringify({ auths: { 'quay.io': { auth: AUTH } } });
    const maskedAt = (value: string): number => {
      const index = core.setSecret.mock.calls.findIndex(([v]) => v === value);
      expect(index).toBeGreaterThanOrEqual(0);
      return core.setSecret.mock.invocationCallOrder[index]!;
    };
    const firstOutput = Math.min(...core.setOutput.mock.invocationCallOrder);
    const firstLogin = child.runChild.mock.invocationCallOrder[0]!;
    for (const value of [SECRET, AUTH, configJson]) {
      expect(maskedAt(value)).toBeLessThan(firstOutput);
      expect(maskedAt(value)).toBeLessThan(firstLogin);
    }
  });

  test('state: marker, credentialsId, the registry config main chose, and loggedInTo, never the secret', async () => {
    await runMain();
    expect(saved()).toEqual({
      marker: expect.stringMatching(/^dg-action:/),
      credentialsId: CRED,
      registryConfig: 'default',
      registryCli: 'docker',
      registryFile: join(scratch, 'docker', 'config.json'),
      loggedInTo: 'quay.io',
      // Set while the create was in flight, cleared when it answered.
      createInFlightUntil: '',
    });
    expect(JSON.stringify(core.saveState.mock.calls)).not.toContain(SECRET);
    expect(JSON.stringify(core.saveState.mock.calls)).not.toContain(AUTH);
  });

  test("docker-config: job records the job's own file, in this execution's folder", async () => {
    inputs['docker-config'] = 'job';
    await runMain();
    const hex = saved().marker!.slice('dg-action:'.length);
    expect(saved()).toMatchObject({
      registryConfig: 'job',
      registryCli: 'docker',
      registryFile: join(scratch, `dg-action-${hex}`, 'config.json'),
    });
  });

  test('the registry config is saved before loggedInTo, and both before the CLI runs', async () => {
    await runMain();
    const order = (key: string) => core.saveState.mock.invocationCallOrder[core.saveState.mock.calls.findIndex(([k]) => k === key)]!;
    for (const key of ['registryConfig', 'registryCli', 'registryFile']) expect(order(key)).toBeLessThan(order('loggedInTo'));
    expect(order('loggedInTo')).toBeLessThan(child.runChild.mock.invocationCallOrder[0]!);
  });

  test('the marker and the create in flight are saved before the create is sent', async () => {
    await runMain();
    const order = (key: string) => core.saveState.mock.invocationCallOrder[core.saveState.mock.calls.findIndex(([k]) => k === key)]!;
    expect(order('marker')).toBeLessThan(sendRequest.mock.invocationCallOrder[0]!);
    expect(order('createInFlightUntil')).toBeLessThan(sendRequest.mock.invocationCallOrder[0]!);
  });

  test('the secret appears in no log line', async () => {
    await runMain();
    const logged = JSON.stringify([core.info.mock.calls, core.warning.mock.calls, core.debug.mock.calls]);
    expect(logged).not.toContain(SECRET);
  });

  test('custom inputs reach the request and the login', async () => {
    inputs = {
      ...inputs,
      scopes: 'self-hosted:product:api,self-hosted:product:engine',
      comment: 'nightly',
      registry: 'localhost:5000',
      'api-url': 'http://127.0.0.1:8080',
    };
    await runMain();
    const request = sendRequest.mock.calls[0]![0];
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe(`http://127.0.0.1:8080/v1/projects/${PROJECT}/self-hosted/distribution/credentials`);
    expect(url.searchParams.getAll('scopes')).toEqual(['self-hosted:product:api', 'self-hosted:product:engine']);
    expect(JSON.parse(request.body!).comment).toMatch(/^nightly \[dg-action:[0-9a-f]{12} job\]$/);
    expect(child.runChild.mock.calls[0]![1]).toEqual(['login', '--username', USERNAME, '--password-stdin', '--', 'localhost:5000']);
    expect(outputs().registry).toBe('localhost:5000');
    expect(saved().loggedInTo).toBe('localhost:5000');
  });

  test('an unknown scope is a warning, and the create still happens', async () => {
    inputs.scopes = 'self-hosted:product:brand-new';
    await runMain();
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining('"self-hosted:product:brand-new"'));
    expect(requests()).toHaveLength(1);
  });

  test('with GITHUB_STEP_SUMMARY the job summary is appended to that file', async () => {
    process.env.GITHUB_STEP_SUMMARY = join(scratch, 'summary.md');
    writeFileSync(process.env.GITHUB_STEP_SUMMARY, '<p>an earlier step</p>\n');
    await runMain();
    expect(readFileSync(process.env.GITHUB_STEP_SUMMARY, 'utf8')).toBe('<p>an earlier step</p>\n<h3>the summary</h3>\n');
    expect(core.summary.emptyBuffer).toHaveBeenCalledTimes(1);
  });
});

describe('login: false', () => {
  test('skips docker entirely, still sets outputs, saves no loggedInTo', async () => {
    inputs.login = 'false';
    await runMain();
    expect(io.which).not.toHaveBeenCalled();
    expect(child.runChild).not.toHaveBeenCalled();
    expect(outputs().secret).toBe(SECRET);
    expect(saved()).toEqual({ marker: expect.any(String), credentialsId: CRED, createInFlightUntil: '' });
  });
});

describe('keep and revoke: false', () => {
  const sentComment = (): string => JSON.parse(sendRequest.mock.calls.find(([r]) => r.method === 'POST')![0].body ?? '{}').comment;

  test('revoke: false tags the set kept, with no list request and no kept-before', async () => {
    inputs.revoke = 'false';
    await runMain();
    expect(sentComment()).toMatch(/ \[dg-action:[0-9a-f]{12} kept\]$/);
    expect(requests()).toEqual([`POST ${COLLECTION}`]);
    expect(outputs()).not.toHaveProperty('kept-before');
  });

  test('keep tags the set with its name and lists the older ones alongside the create', async () => {
    inputs.keep = 'prod-pull';
    inputs.revoke = 'true';
    const older = '1b2c3d4e-0000-4000-8000-000000000001';
    // The create is answered only once the list has gone out: a step that waited for the create's
    // answer before listing (an extra round trip) would never finish.
    let listSent!: () => void;
    const listed = new Promise<void>((resolve) => (listSent = resolve));
    sendRequest.mockImplementation(
      answering(async (request) => {
        if (request.method === 'POST') {
          await listed;
          return created(JSON.parse(request.body ?? '{}').comment);
        }
        listSent();
        return json(200, {
          distribution_credentials: [
            { distribution_credentials: { distribution_credentials_id: older, comment: '[dg-action:0123456789ab keep=prod-pull]' } },
          ],
        });
      }),
    );
    await runMain();
    expect(sentComment()).toMatch(/ \[dg-action:[0-9a-f]{12} keep=prod-pull\]$/);
    expect(requests().sort()).toEqual([`GET ${COLLECTION}`, `POST ${COLLECTION}`]);
    expect(outputs()['kept-before']).toBe(older);
    expect(core.info).toHaveBeenCalledWith('keep: the credentials are kept as "prod-pull" at job end, so revoke: true does not apply.');
    expect(core.warning).not.toHaveBeenCalled();
  });
});

describe('failures', () => {
  test('docker missing with login: true fails before any request', async () => {
    io.which.mockResolvedValue('');
    await expect(runMain()).rejects.toThrow('`login: false`');
    expect(sendRequest).not.toHaveBeenCalled();
    expect(saved()).toEqual({});
  });

  test('bad input throws before any request', async () => {
    inputs['project-id'] = 'not-a-uuid';
    await expect(runMain()).rejects.toThrow('Input "project-id"');
    expect(sendRequest).not.toHaveBeenCalled();
    expect(io.which).not.toHaveBeenCalled();
  });

  test("failed docker login: the created credentials are deleted and docker's reason is thrown", async () => {
    process.env.GITHUB_STEP_SUMMARY = join(scratch, 'failed-login-summary.md');
    child.runChild.mockResolvedValue(
      child.exits(1, 'Error response from daemon: Get "https://quay.io/v2/": unauthorized: access denied\n'),
    );
    await expect(runMain()).rejects.toThrow('docker login to quay.io failed: Get "https://quay.io/v2/": unauthorized: access denied');
    expect(requests()).toEqual([`POST ${COLLECTION}`, `DELETE ${COLLECTION}/${CRED}`]);
    // Revoked: the post step has nothing left to revoke; it logs out in case the login wrote anything.
    expect(core.saveState.mock.calls.filter(([name]) => name === 'credentialsId').map(([, v]) => v)).toEqual([CRED, '']);
    expect(saved().loggedInTo).toBe('quay.io');
    expect(core.setOutput).not.toHaveBeenCalled();
    // The summary, built while docker ran, is not written: it would say it logged in.
    expect(existsSync(process.env.GITHUB_STEP_SUMMARY)).toBe(false);
  });

  test('failed login and failed revoke: a warning, the id stays saved for post, the login error is thrown', async () => {
    child.runChild.mockResolvedValue(child.exits(1));
    api((request) => (request.method === 'DELETE' ? json(403, { err_code: 'FORBIDDEN', err_msg: 'Forbidden' }) : undefined));
    await expect(runMain()).rejects.toThrow('docker login to quay.io failed: exit code 1');
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining(`Could not revoke ${CRED} after the failed login`));
    expect(saved().credentialsId).toBe(CRED);
  });

  test('a failed create throws the API error, sets no outputs and saves no id', async () => {
    api(() => json(401, { err_code: 'INVALID_AUTH', err_msg: 'Invalid credentials.' }));
    await expect(runMain()).rejects.toThrow('HTTP 401 INVALID_AUTH: Invalid credentials.');
    expect(requests()).toHaveLength(1);
    expect(core.setOutput).not.toHaveBeenCalled();
    expect(saved().credentialsId).toBeUndefined();
    expect(child.runChild).not.toHaveBeenCalled();
  });

  test('an ambiguous create failure saves the sweep flag and sweeps before retrying', async () => {
    let creates = 0;
    api((request) => {
      if (request.method === 'POST' && creates++ === 0) return json(503, 'unavailable', { 'retry-after': '0' });
      if (request.method === 'GET') {
        const marker = saved().marker;
        return json(200, {
          distribution_credentials: [{ distribution_credentials: { distribution_credentials_id: 'landed', comment: `x [${marker}]` } }],
        });
      }
      return undefined;
    });
    await runMain();
    expect(requests()).toEqual([`POST ${COLLECTION}`, `GET ${COLLECTION}`, `DELETE ${COLLECTION}/landed`, `POST ${COLLECTION}`]);
    expect(saved().sweep).toBe('true');
    expect(outputs()['credentials-id']).toBe(CRED);
  });
});
