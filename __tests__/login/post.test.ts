import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import * as child from '../../__fixtures__/child.js';
import * as io from '../../__fixtures__/io.js';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpRequest, HttpResponse } from '../../src/net/http.js';
import { answering } from '../../__fixtures__/transport.js';
import { until } from '../../__fixtures__/until.js';
import { PROJECT, CRED } from '../../__fixtures__/ids.js';
import { mockStep } from '../../__fixtures__/step.js';

const sendRequest = mockStep();
const { runPost } = await import('../../src/login/post.js');
const { recordLogin } = await import('../../src/registry/shared-config.js');
const { forgetSecrets } = await import('../../src/runner/secrets.js');

// The login's config and this execution's folder live in an empty folder of the test's own.
const scratch = mkdtempSync(join(tmpdir(), 'dg-unit-'));
process.env.DOCKER_CONFIG = join(scratch, 'docker');
process.env.RUNNER_TEMP = scratch;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const API_KEY = 'dg_post_key_abcdef0123456789';
const MARKER = 'dg-action:0123456789ab';
const COLLECTION = `https://api.deepgram.com/v1/projects/${PROJECT}/self-hosted/distribution/credentials`;

let inputs: Record<string, string>;
let state: Record<string, string>;

const json = (status: number, body: unknown): HttpResponse => ({ status, headers: {}, body: JSON.stringify(body) });

/** A Deepgram API that deletes anything and lists `listed`; `overrides` answer first. */
function api(
  listed: { id: string; comment: string; created?: string }[] = [],
  overrides: (request: HttpRequest) => HttpResponse | undefined = () => undefined,
): void {
  sendRequest.mockImplementation(
    answering((request) => {
      const override = overrides(request);
      if (override) return override;
      if (request.method === 'DELETE') return json(200, { message: 'Successfully deleted' });
      if (request.method === 'GET') {
        return json(200, {
          distribution_credentials: listed.map(({ id, comment, created }) => ({
            member: {},
            distribution_credentials: { distribution_credentials_id: id, comment, created },
          })),
        });
      }
      return json(405, 'unexpected');
    }),
  );
}

function requests(): string[] {
  return sendRequest.mock.calls.map(([r]) => `${r.method} ${r.url}`);
}

const CONFIG = join(scratch, 'docker', 'config.json');
const LOGIN_AUTH = Buffer.from('deepgram+job:job-secret').toString('base64');

/** What main leaves in the shared config: this job's login in it, and on record. */
async function loggedIn(registry: string, config: object = {}): Promise<void> {
  mkdirSync(join(scratch, 'docker'), { recursive: true });
  writeFileSync(CONFIG, JSON.stringify(config));
  await recordLogin({ name: 'docker', path: '/usr/bin/docker' }, CONFIG, registry, MARKER, LOGIN_AUTH);
  writeFileSync(CONFIG, JSON.stringify({ auths: { [registry]: { auth: LOGIN_AUTH } } }));
}

function warnings(): string[] {
  return core.warning.mock.calls.map(([m]) => String(m));
}

beforeEach(async () => {
  rmSync(join(scratch, 'docker'), { recursive: true, force: true });
  await loggedIn('quay.io');
  inputs = { 'api-key': API_KEY, 'project-id': PROJECT };
  state = {
    marker: MARKER,
    credentialsId: CRED,
    registryConfig: 'default',
    registryCli: 'docker',
    registryFile: CONFIG,
    loggedInTo: 'quay.io',
  };
  core.getInput.mockImplementation((name) => inputs[name] ?? '');
  core.getState.mockImplementation((name) => state[name] ?? '');
  io.which.mockResolvedValue('/usr/bin/docker');
  child.runChild.mockResolvedValue(child.exits(0));
  sendRequest.mockReset();
  api();
});

test('no marker saved (main stopped early): nothing is sent, nothing is run', async () => {
  state = {};
  await runPost();
  expect(sendRequest).not.toHaveBeenCalled();
  expect(child.runChild).not.toHaveBeenCalled();
  expect(core.info).toHaveBeenCalledWith(expect.stringContaining('Nothing to clean up'));
});

test('happy path: docker logout, and beside it the DELETE of the handed-out id alongside one list (for pruning)', async () => {
  await runPost();
  expect(requests()).toEqual([`DELETE ${COLLECTION}/${CRED}`, `GET ${COLLECTION}`]);
  // Alongside: the list went out before the delete had its answer.
  expect(sendRequest.mock.results).toHaveLength(2);
  expect(sendRequest.mock.calls[0]![0].headers.Authorization).toBe(`Token ${API_KEY}`);
  expect(child.runChild).toHaveBeenCalledTimes(1);
  expect(child.runChild.mock.calls[0]!.slice(0, 2)).toEqual(['/usr/bin/docker', ['logout', '--', 'quay.io']]);
  expect(core.setSecret).toHaveBeenCalledWith(API_KEY);
  expect(core.warning).not.toHaveBeenCalled();
  expect(core.group.mock.calls.map(([name]) => name)).toEqual(['Log out of quay.io', 'Revoke and clean up distribution credentials']);
});

test("the logout does not wait on the API, nor the API on the logout; the cleanup's lines print after the logout's", async () => {
  // The API answers only once the logout has begun, and the logout ends only once both requests
  // are out: were either waiting for the other to end, the step would never end.
  const apiAnswers = (request: HttpRequest) =>
    until(() => child.runChild.mock.calls.length === 1).then(() =>
      request.method === 'DELETE' ? json(200, { message: 'Successfully deleted' }) : json(200, { distribution_credentials: [] }),
    );
  sendRequest.mockImplementation(answering(apiAnswers));
  child.runChild.mockImplementation(() => until(() => sendRequest.mock.calls.length === 2).then(() => child.exits(0)));
  await runPost();
  const lines = core.info.mock.calls.map(([message]) => message);
  expect(lines.filter((line) => /^(Logged out|Revoked)/.test(line))).toEqual([
    'Logged out of quay.io.',
    `Revoked distribution credentials ${CRED}.`,
  ]);
  const logoutLine = core.info.mock.invocationCallOrder[lines.indexOf('Logged out of quay.io.')]!;
  const cleanupGroup = core.group.mock.invocationCallOrder[1]!;
  expect(logoutLine).toBeLessThan(cleanupGroup);
  expect(core.warning).not.toHaveBeenCalled();
});

test("the cleanup's lines, logged while the logout still runs, are held until the cleanup's own group", async () => {
  // The logout ends only once the revoke has its answer: by then its line has been logged, and it
  // must not print in the logout's group.
  let revoked = false;
  sendRequest.mockImplementation(
    answering(async (request) => {
      if (request.method !== 'DELETE') return json(200, { distribution_credentials: [] });
      setImmediate(() => (revoked = true));
      return json(200, { message: 'Successfully deleted' });
    }),
  );
  child.runChild.mockImplementation(() => until(() => revoked).then(() => child.exits(0)));
  await runPost();
  const revokedLine = core.info.mock.calls.findIndex(([message]) => message === `Revoked distribution credentials ${CRED}.`);
  expect(revokedLine).toBeGreaterThanOrEqual(0);
  expect(core.info.mock.invocationCallOrder[revokedLine]).toBeGreaterThan(core.group.mock.invocationCallOrder[1]!);
});

test('already gone (404) is fine: no warning', async () => {
  api([], (request) => (request.method === 'DELETE' ? json(404, { err_code: 'NOT_FOUND', err_msg: 'not found' }) : undefined));
  await runPost();
  expect(core.warning).not.toHaveBeenCalled();
  expect(core.info).toHaveBeenCalledWith(`Distribution credentials ${CRED} were already gone.`);
});

test('revoke: false keeps the credentials: no DELETE, still logs out', async () => {
  inputs.revoke = 'false';
  await runPost();
  expect(requests()).toEqual([`GET ${COLLECTION}`]);
  expect(core.info).toHaveBeenCalledWith(expect.stringContaining(`Keeping distribution credentials ${CRED} (revoke: false)`));
  expect(child.runChild).toHaveBeenCalledTimes(1);
});

test('logout: false: no docker logout, the login stays, this job is off the record', async () => {
  inputs.logout = 'false';
  await runPost();
  expect(requests()).toHaveLength(2);
  expect(child.runChild).not.toHaveBeenCalled();
  expect(JSON.parse(readFileSync(CONFIG, 'utf8'))).toEqual({ auths: { 'quay.io': { auth: LOGIN_AUTH } } });
  expect(existsSync(join(scratch, 'docker', '.config.json.dg-action-logins'))).toBe(false);
});

test('main did not log in: no docker logout', async () => {
  delete state.loggedInTo;
  await runPost();
  expect(child.runChild).not.toHaveBeenCalled();
});

test('no credentials id saved (main revoked them itself): no DELETE', async () => {
  state.credentialsId = '';
  inputs['prune-after'] = 'off';
  await runPost();
  expect(sendRequest).not.toHaveBeenCalled();
});

test('sweep flag: lists and deletes marked credentials other than the handed-out one', async () => {
  state.sweep = 'true';
  api([
    { id: CRED, comment: `ci [${MARKER}]` },
    { id: 'stray-1', comment: `ci [${MARKER}]` },
    { id: 'not-ours', comment: 'ci [dg-action:ffffffffffff]' },
    { id: 'manual', comment: 'made by hand' },
  ]);
  await runPost();
  expect(requests()).toEqual([`DELETE ${COLLECTION}/${CRED}`, `GET ${COLLECTION}`, `DELETE ${COLLECTION}/stray-1`]);
  expect(core.info).toHaveBeenCalledWith(`Deleted 1 stray set(s) of credentials carrying [${MARKER}].`);
});

test('sweep with revoke: false still spares the handed-out credentials', async () => {
  state.sweep = 'true';
  inputs.revoke = 'false';
  api([
    { id: CRED, comment: `ci [${MARKER}]` },
    { id: 'stray-1', comment: `ci [${MARKER}]` },
  ]);
  await runPost();
  expect(requests()).toEqual([`GET ${COLLECTION}`, `DELETE ${COLLECTION}/stray-1`]);
});

test('no sweep flag and prune-after: off: no list', async () => {
  inputs['prune-after'] = 'off';
  await runPost();
  expect(requests()).toEqual([`DELETE ${COLLECTION}/${CRED}`]);
});

const DAY = 86_400_000;
const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();

test('prune: job sets of other executions older than prune-after go; kept, named, legacy, recent, foreign and undated ones stay', async () => {
  api([
    { id: 'old-job', comment: 'ci [dg-action:aaaaaaaaaaaa job]', created: ago(6 * DAY) },
    { id: 'old-legacy', comment: 'ci [dg-action:abababababab]', created: ago(60 * DAY) },
    { id: 'old-kept', comment: 'ci [dg-action:bbbbbbbbbbbb kept]', created: ago(60 * DAY) },
    { id: 'old-named', comment: 'ci [dg-action:cccccccccccc keep=prod]', created: ago(60 * DAY) },
    { id: 'recent-job', comment: 'ci [dg-action:dddddddddddd job]', created: ago(4 * DAY) },
    { id: 'old-foreign', comment: 'made by hand', created: ago(60 * DAY) },
    { id: 'old-copied', comment: 'copied [dg-action:eeeeeeeeeeee] by hand', created: ago(60 * DAY) },
    { id: 'undated-job', comment: 'ci [dg-action:ffffffffffff job]' },
    { id: 'odd-date-job', comment: 'ci [dg-action:ffffffffffff job]', created: 'Mon, 01 Jan 2024 00:00:00 GMT' },
  ]);
  await runPost();
  expect(requests()).toEqual([`DELETE ${COLLECTION}/${CRED}`, `GET ${COLLECTION}`, `DELETE ${COLLECTION}/old-job`]);
  expect(core.info).toHaveBeenCalledWith('Pruned distribution credentials old-job, created 6d 0h ago by a job that never revoked them.');
  expect(core.warning).not.toHaveBeenCalled();
});

test('a job set created in a signed year (Date.parse reads it, 4,000 years ago) is unreadable, never pruned', async () => {
  api([{ id: 'signed-year-job', comment: 'ci [dg-action:aaaaaaaaaaaa]', created: '-002020-01-01T00:00:00Z' }]);
  await runPost();
  expect(requests()).toEqual([`DELETE ${COLLECTION}/${CRED}`, `GET ${COLLECTION}`]);
  expect(core.warning).not.toHaveBeenCalled();
});

test('prune-after: 12h prunes a set of a day', async () => {
  inputs['prune-after'] = '12h';
  api([{ id: 'day-old', comment: 'ci [dg-action:aaaaaaaaaaaa job]', created: ago(DAY) }]);
  await runPost();
  expect(requests()).toContain(`DELETE ${COLLECTION}/day-old`);
});

test('a key that may not list: one warning about pruning; the revoke still happens', async () => {
  api([], (request) => (request.method === 'GET' ? json(403, { err_code: 'FORBIDDEN', err_msg: 'Forbidden' }) : undefined));
  await runPost();
  expect(requests()).toEqual([`DELETE ${COLLECTION}/${CRED}`, `GET ${COLLECTION}`]);
  expect(warnings()).toHaveLength(1);
  expect(warnings()[0]).toMatch(/^Could not list the project's credentials to prune job sets older than 5d 0h: .*HTTP 403/);
});

test('main stopped with a create in flight: post waits until it could have landed, then sweeps it', async () => {
  const inFlightUntil = Date.now() + 300;
  state = { marker: MARKER, createInFlightUntil: String(inFlightUntil) };
  inputs['prune-after'] = 'off';
  let listedAt = 0;
  api([{ id: 'landed-late', comment: `ci [${MARKER}]` }], (request) => {
    if (request.method === 'GET') listedAt = Date.now();
    return undefined;
  });
  await runPost();
  // A lower bound, which load cannot break: the list went out once the create could have landed
  // (a timer may fire a millisecond early).
  expect(listedAt).toBeGreaterThanOrEqual(inFlightUntil - 2);
  expect(requests()).toEqual([`GET ${COLLECTION}`, `DELETE ${COLLECTION}/landed-late`]);
  expect(core.info).toHaveBeenCalledWith(expect.stringMatching(/^The main step stopped while a create was in flight; waiting/));
});

test('a failed revoke is a warning naming the id and how to delete it, not a throw; logout still runs', async () => {
  api([], (request) => (request.method === 'DELETE' ? json(403, { err_code: 'FORBIDDEN', err_msg: 'Forbidden' }) : undefined));
  await expect(runPost()).resolves.toBeUndefined();
  expect(warnings()).toHaveLength(1);
  expect(warnings()[0]).toContain(`Could not revoke distribution credentials ${CRED}`);
  expect(warnings()[0]).toContain(`DELETE /v1/projects/${PROJECT}/self-hosted/distribution/credentials/${CRED}`);
  expect(warnings()[0]).toContain('HTTP 403');
  expect(child.runChild).toHaveBeenCalledTimes(1);
});

test('a failed docker logout is a warning, not a throw', async () => {
  child.runChild.mockResolvedValue(child.exits(1, 'Error: permission denied\n'));
  await expect(runPost()).resolves.toBeUndefined();
  expect(warnings()).toHaveLength(1);
  expect(warnings()[0]).toMatch(/^docker logout from quay\.io failed: .*permission denied$/);
});

test('docker gone by job end is a warning, not a throw', async () => {
  io.which.mockResolvedValue('');
  await expect(runPost()).resolves.toBeUndefined();
  expect(warnings()).toHaveLength(1);
  expect(warnings()[0]).toBe('The docker CLI was not found on PATH, so the action cannot log out of the registry.');
});

test('a saved registry that main would not have accepted never reaches the CLI: a warning', async () => {
  state.loggedInTo = '--config=/tmp/elsewhere';
  await runPost();
  expect(child.runChild).not.toHaveBeenCalled();
  expect(warnings()).toEqual(['The saved registry is not a registry host; not logging out of it.']);
  expect(core.group.mock.calls.map(([name]) => name)).toEqual(['Log out of the registry', 'Revoke and clean up distribution credentials']);
});

test('a custom registry is logged out of by name', async () => {
  await loggedIn('localhost:5000');
  state.loggedInTo = 'localhost:5000';
  await runPost();
  expect(child.runChild.mock.calls[0]![1]).toEqual(['logout', '--', 'localhost:5000']);
});

test("an earlier login main kept aside goes back even when the logout cannot run, and this job's goes", async () => {
  const entry = { auth: Buffer.from('robot:long-lived').toString('base64') };
  await loggedIn('quay.io', { auths: { 'quay.io': entry } });
  io.which.mockResolvedValue('');
  // Post is a process of its own: it masks what it reads.
  forgetSecrets();
  core.setSecret.mockClear();
  await runPost();
  expect(warnings()).toEqual(['The docker CLI was not found on PATH, so the action cannot log out of the registry.']);
  expect(JSON.parse(readFileSync(CONFIG, 'utf8'))).toEqual({ auths: { 'quay.io': entry } });
  expect(core.setSecret).toHaveBeenCalledWith(entry.auth);
  expect(readdirSync(join(scratch, 'docker'))).toEqual(['config.json']);
});

describe('post undoes what main recorded, whatever the inputs say now', () => {
  const JOB_DIR = join(scratch, 'dg-action-0123456789ab');
  const JOB_CONFIG = join(JOB_DIR, 'config.json');
  const jobConfig = () => {
    mkdirSync(JOB_DIR, { recursive: true });
    writeFileSync(JOB_CONFIG, JSON.stringify({ detachKeys: 'ctrl-e,e', auths: { 'quay.io': { auth: LOGIN_AUTH } } }));
  };
  const shared = () => readFileSync(CONFIG, 'utf8');
  afterEach(() => rmSync(JOB_DIR, { recursive: true, force: true }));

  test("recorded job (the inputs now say default): the job's config loses its logins, no CLI runs, the shared config is untouched", async () => {
    jobConfig();
    const before = shared();
    Object.assign(state, { registryConfig: 'job', registryFile: JOB_CONFIG });
    inputs['docker-config'] = 'default';
    await runPost();
    expect(JSON.parse(readFileSync(JOB_CONFIG, 'utf8'))).toEqual({ detachKeys: 'ctrl-e,e' });
    expect(child.runChild).not.toHaveBeenCalled();
    expect(io.which).not.toHaveBeenCalled();
    expect(shared()).toBe(before);
    expect(warnings()).toEqual([]);
  });

  test('recorded default (the inputs now say job): the shared config is logged out of, the job folder left alone', async () => {
    jobConfig();
    inputs['docker-config'] = 'job';
    await runPost();
    expect(child.runChild.mock.calls[0]!.slice(0, 2)).toEqual(['/usr/bin/docker', ['logout', '--', 'quay.io']]);
    expect(JSON.parse(readFileSync(JOB_CONFIG, 'utf8')).auths).toEqual({ 'quay.io': { auth: LOGIN_AUTH } });
  });

  test('recorded podman (the inputs now say auto): post looks for podman, the CLI main logged in with', async () => {
    state.registryCli = 'podman';
    io.which.mockResolvedValue('');
    await runPost();
    expect(io.which.mock.calls.map(([name]) => name)).toEqual(['podman']);
    expect(warnings()).toEqual(['The podman CLI was not found on PATH, so the action cannot log out of the registry.']);
  });

  test('a registry config in the shared file recorded: released from that file, found by the path main saved', async () => {
    const elsewhere = join(scratch, 'elsewhere', 'config.json');
    mkdirSync(join(scratch, 'elsewhere'));
    writeFileSync(elsewhere, JSON.stringify({}));
    await recordLogin({ name: 'docker', path: '/usr/bin/docker' }, elsewhere, 'quay.io', MARKER, LOGIN_AUTH);
    writeFileSync(elsewhere, JSON.stringify({ auths: { 'quay.io': { auth: LOGIN_AUTH } } }));
    state.registryFile = elsewhere;
    // The logout (mocked) leaves the login: post takes it out of the file main recorded.
    await runPost();
    expect(JSON.parse(readFileSync(elsewhere, 'utf8'))).toEqual({ auths: {} });
    expect(readdirSync(join(scratch, 'elsewhere'))).toEqual(['config.json']);
    rmSync(join(scratch, 'elsewhere'), { recursive: true });
  });

  test('loggedInTo without a registry config (state main never writes): a warning, nothing is run or written', async () => {
    const before = shared();
    for (const key of ['registryConfig', 'registryCli', 'registryFile']) delete state[key];
    await runPost();
    expect(child.runChild).not.toHaveBeenCalled();
    expect(shared()).toBe(before);
    expect(warnings()).toEqual(['The saved state names no registry config this action made (mode, CLI and file): not logging out.']);
    // The API cleanup goes on.
    expect(requests()).toContain(`DELETE ${COLLECTION}/${CRED}`);
  });

  test("a recorded job file outside this execution's folder is left as it is, with a warning", async () => {
    const other = join(scratch, 'other', 'config.json');
    mkdirSync(join(scratch, 'other'));
    const text = JSON.stringify({ auths: { 'quay.io': { auth: LOGIN_AUTH } } });
    writeFileSync(other, text);
    Object.assign(state, { registryConfig: 'job', registryFile: other });
    await runPost();
    expect(readFileSync(other, 'utf8')).toBe(text);
    expect(warnings()).toEqual([`The saved registry config ${other} is not in this job's own folder (${JOB_DIR}): it is left as it is.`]);
    rmSync(join(scratch, 'other'), { recursive: true });
  });

  test('recorded job with logout: false: the logins stay in the job config', async () => {
    jobConfig();
    Object.assign(state, { registryConfig: 'job', registryFile: JOB_CONFIG });
    inputs.logout = 'false';
    await runPost();
    expect(JSON.parse(readFileSync(JOB_CONFIG, 'utf8')).auths).toEqual({ 'quay.io': { auth: LOGIN_AUTH } });
  });
});
