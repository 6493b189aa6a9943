import { beforeEach, describe, expect, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { installCredentialHelper, type CredentialHelper } from '../../__fixtures__/credential-helper.js';
import { DOCKER, EARLIER_AUTH, JOB_AUTH, PODMAN, useScratchConfig } from '../../__fixtures__/registry-files.js';
import { mockRunner } from '../../__fixtures__/step.js';

mockRunner();
const { carriedLogins, hostOf, STORE_LIST_TIMEOUT_MS } = await import('../../src/registry/carried-logins.js');
const { parseJson } = await import('../../src/registry/auth-file.js');
const { forgetSecrets, redact } = await import('../../src/runner/secrets.js');
type AuthFile = import('../../src/registry/auth-file.js').AuthFile;

const scratch = useScratchConfig();
beforeEach(() => forgetSecrets());

const GHCR_AUTH = Buffer.from('octo:ghcr-password').toString('base64');
const HUB = 'https://index.docker.io/v1/';
const warnings = (): string[] => core.warning.mock.calls.map(([message]) => String(message));

/** The user's usual file as the action reads it: parsed from its text, every map prototype-free. */
const usual = (config: unknown): AuthFile => parseJson(JSON.stringify(config)) as AuthFile;

/** A real docker-credential-<name> first on PATH. */
function store(name: string, logins: Record<string, { Username: string; Secret: string }> = {}, options = {}): CredentialHelper {
  const helper = installCredentialHelper(scratch(), name, logins, options);
  process.env.PATH = `${helper.bin}:${process.env.PATH}`;
  return helper;
}

describe('hostOf: the registry an auth-file key names', () => {
  test.each([
    ['quay.io', 'quay.io'],
    ['https://quay.io', 'quay.io'],
    ['http://quay.io/v2/', 'quay.io'],
    ['HTTPS://quay.io', 'quay.io'],
    ['quay.io/org/repo', 'quay.io'],
    [HUB, 'index.docker.io'],
    ['quay.io:5000', 'quay.io:5000'],
    ['127.0.0.1:5000/v1/', '127.0.0.1:5000'],
    ['x https://quay.io', 'x https:'],
  ])('%s is %s', (key, host) => {
    expect(hostOf(key)).toBe(host);
  });
});

describe('auths: inline logins', () => {
  test("other registries' are carried whole and masked; the registry's own in every form, and pointers to a helper, are not", async () => {
    const ghcr = { auth: GHCR_AUTH, email: 'octo@example.com' };
    const carried = await carriedLogins(
      DOCKER,
      usual({
        auths: {
          'ghcr.io': ghcr,
          [HUB]: { identitytoken: 'hub-token' },
          'quay.io:5000': { auth: EARLIER_AUTH },
          'quay.io': { auth: JOB_AUTH },
          'https://quay.io': { auth: JOB_AUTH },
          'http://quay.io/v1/': { auth: JOB_AUTH },
          'quay.io/org/repo': { auth: JOB_AUTH },
          'pointer.example': {},
          'empty.example': { auth: '' },
          'text.example': GHCR_AUTH,
          'null.example': null,
        },
      }),
      'quay.io',
      false,
    );
    expect(carried).toEqual({
      auths: { 'ghcr.io': ghcr, [HUB]: { identitytoken: 'hub-token' }, 'quay.io:5000': { auth: EARLIER_AUTH } },
      credHelpers: {},
    });
    expect(redact(`${GHCR_AUTH} ghcr-password hub-token ${EARLIER_AUTH} long-lived-password`)).toBe('*** *** *** *** ***');
    // The registry's own login is not read at all.
    expect(redact(JOB_AUTH)).toBe(JOB_AUTH);
    expect(warnings()).toEqual([]);
  });

  test("the usual file is already this job's own config (a second use in the job): every inline login carries on, the registry's too", async () => {
    const user = usual({
      auths: { 'quay.io': { auth: JOB_AUTH }, 'ghcr.io': { auth: GHCR_AUTH } },
      credHelpers: { 'quay.io': 'ecr-login' },
    });
    const carried = await carriedLogins(DOCKER, user, 'quay.io', true);
    expect(carried).toEqual({ auths: { 'quay.io': { auth: JOB_AUTH }, 'ghcr.io': { auth: GHCR_AUTH } }, credHelpers: {} });
    expect(redact(`${JOB_AUTH} job-secret`)).toBe('*** ***');
  });

  test.each([[['ghcr.io']], ['ghcr.io'], [null], [5]])('auths that are not a map (%j): none carried, no error', async (auths) => {
    await expect(carriedLogins(DOCKER, usual({ auths }), 'quay.io', false)).resolves.toEqual({ auths: {}, credHelpers: {} });
  });
});

describe('credHelpers', () => {
  test("kept for other registries, never run; the registry's own in any form, and what names no program, are not", async () => {
    const gcloud = store('gcloud');
    const carried = await carriedLogins(
      PODMAN,
      usual({
        credHelpers: {
          'gcr.io': 'gcloud',
          'https://ecr.example': 'ecr-login',
          'quay.io': 'ecr-login',
          'https://quay.io': 'gcloud',
          'quay.io/org': 'gcloud',
          'empty.example': '',
          'number.example': 5,
          'map.example': { helper: 'gcloud' },
        },
      }),
      'quay.io',
      false,
    );
    expect(carried).toEqual({ auths: {}, credHelpers: { 'gcr.io': 'gcloud', 'https://ecr.example': 'ecr-login' } });
    expect(gcloud.calls()).toEqual([]);
  });

  test.each([[['gcr.io']], ['gcloud'], [null]])('credHelpers that are not a map (%j): none kept, no error', async (credHelpers) => {
    await expect(carriedLogins(DOCKER, usual({ credHelpers }), 'quay.io', false)).resolves.toEqual({ auths: {}, credHelpers: {} });
  });
});

describe('credsStore (docker): each registry the store holds a login to gets a helper naming it', () => {
  test("listed and pointed-at registries by the key docker looks them up under; the registry's own, explicit helpers and inline logins win; only `list` is asked", async () => {
    const desktop = store('desktop', {
      [HUB]: { Username: 'hub', Secret: 'hub-secret' },
      'https://registry.example.com/v2/': { Username: 'me', Secret: 'example-secret' },
      'quay.io': { Username: 'robot', Secret: 'quay-secret' },
      'https://quay.io': { Username: 'robot', Secret: 'quay-secret' },
      'gcr.io': { Username: 'g', Secret: 'gcr-secret' },
      'ghcr.io': { Username: 'octo', Secret: 'ghcr-secret' },
    });
    const carried = await carriedLogins(
      DOCKER,
      usual({
        auths: {
          'ghcr.io': { auth: GHCR_AUTH },
          // Inline under a URL: the login is in the file, not the store.
          'https://inline.example': { auth: GHCR_AUTH },
          'pointing.example': {},
          'https://quay.io': {},
          'https://pointing.example:5000/v1/': {},
        },
        credsStore: 'desktop',
        credHelpers: { 'gcr.io': 'gcloud' },
      }),
      'quay.io',
      false,
    );
    expect(carried).toEqual({
      auths: { 'ghcr.io': { auth: GHCR_AUTH }, 'https://inline.example': { auth: GHCR_AUTH } },
      credHelpers: {
        'gcr.io': 'gcloud',
        'pointing.example': 'desktop',
        'pointing.example:5000': 'desktop',
        [HUB]: 'desktop',
        'registry.example.com': 'desktop',
      },
    });
    expect(desktop.calls()).toEqual(['list ']);
    expect(warnings()).toEqual([]);
    // The store's logins stay in the store: none of its secrets was read.
    expect(redact('hub-secret example-secret')).toBe('hub-secret example-secret');
  });

  test('podman has no credsStore: none is run, none carried', async () => {
    const desktop = store('desktop', { 'ghcr.io': { Username: 'octo', Secret: 'ghcr-secret' } });
    const carried = await carriedLogins(PODMAN, usual({ auths: { 'pointing.example': {} }, credsStore: 'desktop' }), 'quay.io', false);
    expect(carried).toEqual({ auths: {}, credHelpers: {} });
    expect(desktop.calls()).toEqual([]);
  });

  test.each([[''], [5], [{ name: 'desktop' }], [null]])(
    'a credsStore of %j names no store: none is run, no warning',
    async (credsStore) => {
      const desktop = store('desktop', { 'ghcr.io': { Username: 'octo', Secret: 'ghcr-secret' } });
      const carried = await carriedLogins(DOCKER, usual({ auths: { 'pointing.example': {} }, credsStore }), 'quay.io', false);
      expect(carried).toEqual({ auths: {}, credHelpers: {} });
      expect(desktop.calls()).toEqual([]);
      expect(warnings()).toEqual([]);
    },
  );

  test('a store listing registries named __proto__ or constructor: helpers of their own, in maps without prototype', async () => {
    store('desktop', {}, { listOutput: '{"__proto__":"a","constructor":"b","toString":"c"}' });
    const carried = await carriedLogins(
      DOCKER,
      usual({ auths: { hasOwnProperty: { auth: GHCR_AUTH } }, credsStore: 'desktop' }),
      'quay.io',
      false,
    );
    expect(Object.getPrototypeOf(carried.auths)).toBeNull();
    expect(Object.getPrototypeOf(carried.credHelpers)).toBeNull();
    expect(Object.keys(carried.auths)).toEqual(['hasOwnProperty']);
    expect(Object.entries(carried.credHelpers)).toEqual([
      ['__proto__', 'desktop'],
      ['constructor', 'desktop'],
      ['toString', 'desktop'],
    ]);
  });

  test('a store name of 100 characters is a program name, and is run', async () => {
    const name = `s${'x'.repeat(99)}`;
    const long = store(name, { 'ghcr.io': { Username: 'octo', Secret: 'ghcr-secret' } });
    await expect(carriedLogins(DOCKER, usual({ credsStore: name }), 'quay.io', false)).resolves.toEqual({
      auths: {},
      credHelpers: { 'ghcr.io': name },
    });
    expect(long.calls()).toEqual(['list ']);
  });

  test.each([
    ['a path', '../../bin/sh'],
    ['a leading dot', '.hidden'],
    ['a leading dash', '-v'],
    ['a space', 'desk top'],
    ['101 characters', `s${'x'.repeat(100)}`],
  ])('a store name with %s is not a program name: never run, one warning', async (_what, name) => {
    // Where the name can be a file, a program of that name is on PATH: it must not be run.
    const helper = name.includes('/') ? undefined : store(name, { 'ghcr.io': { Username: 'octo', Secret: 'ghcr-secret' } });
    const carried = await carriedLogins(DOCKER, usual({ auths: { 'pointing.example': {} }, credsStore: name }), 'quay.io', false);
    expect(helper?.calls() ?? []).toEqual([]);
    expect(warnings()).toEqual([
      'The usual docker config names a credential store (credsStore) that is not a program name; it is not run: ' +
        "the job's later docker steps have no login the store holds, but for the registries the usual config names in `auths`. " +
        'Log in to the others in the job, or name them in the usual config under `credHelpers`.',
    ]);
    // What points at it is still reached through it (docker would run it there too).
    expect(carried).toEqual({ auths: {}, credHelpers: { 'pointing.example': name } });
  });

  test.each([
    ['missing from PATH', undefined, 'it could not be run'],
    ['failing (a locked keyring)', { failList: true }, 'it exited with code 1'],
    ['answering what is not JSON', { listOutput: 'the keyring is locked' }, 'its answer was not the JSON object `list` gives'],
    ['answering a JSON list', { listOutput: '["ghcr.io"]' }, 'its answer was not the JSON object `list` gives'],
    ['answering JSON null', { listOutput: 'null' }, 'its answer was not the JSON object `list` gives'],
    ['answering a JSON string', { listOutput: '"ghcr.io"' }, 'its answer was not the JSON object `list` gives'],
  ] as const)(
    'a store %s: one warning naming it and what later steps lack, quoting none of its words; the rest carries on',
    async (_what, options, problem) => {
      if (options) store('locked', {}, options);
      const carried = await carriedLogins(
        DOCKER,
        usual({ auths: { 'ghcr.io': { auth: GHCR_AUTH }, 'pointing.example': {} }, credsStore: 'locked' }),
        'quay.io',
        false,
      );
      expect(warnings()).toEqual([
        `The usual docker config keeps logins in the credential store docker-credential-locked, which could not list them (${problem}): ` +
          "the job's later docker steps have no login the store holds, but for the registries the usual config names in `auths`. " +
          'Log in to the others in the job, or name them in the usual config under `credHelpers`.',
      ]);
      expect(carried).toEqual({ auths: { 'ghcr.io': { auth: GHCR_AUTH } }, credHelpers: { 'pointing.example': 'locked' } });
    },
  );

  test(`a store that does not answer (a keyring waiting on a headless host) is ended after ${STORE_LIST_TIMEOUT_MS / 1000} s, with one warning`, async () => {
    const locked = store('locked', { 'ghcr.io': { Username: 'octo', Secret: 'ghcr-secret' } });
    // Its list waits until released, which this test never does while it runs.
    locked.hold('list');
    try {
      const started = Date.now();
      const carried = await carriedLogins(DOCKER, usual({ auths: { 'pointing.example': {} }, credsStore: 'locked' }), 'quay.io', false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(5000);
      expect(locked.calls()).toEqual(['list ']);
      expect(warnings()).toEqual([
        expect.stringContaining('docker-credential-locked, which could not list them (it did not answer within 5 s)'),
      ]);
      expect(carried).toEqual({ auths: {}, credHelpers: { 'pointing.example': 'locked' } });
    } finally {
      locked.release('list');
    }
  });
});
