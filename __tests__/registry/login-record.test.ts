import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EARLIER_AUTH, JOB_AUTH, mode, readJson, useScratchConfig } from '../../__fixtures__/registry-files.js';
import { mockRunner } from '../../__fixtures__/step.js';

mockRunner();
const { loginForms, mayBeRunning, readRecords, recordPath, writeRecords } = await import('../../src/registry/login-record.js');
const { forgetSecrets, redact } = await import('../../src/runner/secrets.js');
type Records = import('../../src/registry/login-record.js').Records;

const MARKER = 'dg-action:0123456789ab';
const OTHER = 'dg-action:bbbbbbbbbbbb';
const FIVE_DAYS_MS = 5 * 24 * 3_600_000;

const scratch = useScratchConfig();
/** The shared config the record sits beside (it need not exist). */
const config = (): string => join(scratch(), 'user', 'config.json');
/** Writes the record's text as a hostile or broken file might hold it. */
const recordText = (text: string): void => {
  mkdirSync(join(scratch(), 'user'), { recursive: true });
  writeFileSync(recordPath(config()), text);
};
const record = (value: unknown): void => recordText(JSON.stringify(value));
/** A job's login as main records it (a fixed time: reading never looks at the clock). */
const login = (marker = MARKER, auth = JOB_AUTH, since = 1_700_000_000_000) => ({ marker, auth, since });

beforeEach(() => forgetSecrets());
afterEach(() => {
  jest.restoreAllMocks();
});

describe('where the record lives', () => {
  test('beside the file, hidden, named after it: docker and podman each have their own', () => {
    expect(recordPath('/home/runner/.docker/config.json')).toBe('/home/runner/.docker/.config.json.dg-action-logins');
    expect(recordPath('/run/user/1000/containers/auth.json')).toBe('/run/user/1000/containers/.auth.json.dg-action-logins');
  });

  test('the forms of a registry a logout removes: the host, and its https:// and http:// keys', () => {
    expect(loginForms('quay.io')).toEqual(['quay.io', 'https://quay.io', 'http://quay.io']);
  });
});

describe('a job may still be running for five days, the longest a job runs', () => {
  test('up to the last millisecond of five days, and not from then on', () => {
    const now = 1_800_000_000_000;
    jest.spyOn(Date, 'now').mockReturnValue(now);
    expect(mayBeRunning(login(MARKER, JOB_AUTH, now))).toBe(true);
    expect(mayBeRunning(login(MARKER, JOB_AUTH, now - FIVE_DAYS_MS + 1))).toBe(true);
    expect(mayBeRunning(login(MARKER, JOB_AUTH, now - FIVE_DAYS_MS))).toBe(false);
    expect(mayBeRunning(login(MARKER, JOB_AUTH, 0))).toBe(false);
  });
});

describe('writing and reading back', () => {
  test('the format main writes: every registry under `registries`, read back as written; a private file, written whole', () => {
    const records: Records = {
      'quay.io': { earlier: { 'quay.io': { auth: EARLIER_AUTH, email: 'ci@example.com' } }, logins: [login(OTHER), login(MARKER)] },
      'ghcr.io': { earlier: {}, logins: [login(MARKER, 'Z2g6eA==', 1_700_000_000_000)] },
    };
    writeRecords(config(), records);
    expect(readJson(recordPath(config()))).toEqual({ registries: records });
    expect(mode(recordPath(config()))).toBe(0o600);
    // Written through a file beside it, renamed over: nothing else is left in the folder.
    expect(readdirSync(join(scratch(), 'user'))).toEqual(['.config.json.dg-action-logins']);
    // The config itself is neither needed nor made.
    expect(existsSync(config())).toBe(false);
    expect(readRecords(config())).toEqual(records);
  });

  test("a record's permissions are kept when it is written again", () => {
    writeRecords(config(), { 'quay.io': { earlier: {}, logins: [login()] } });
    chmodSync(recordPath(config()), 0o640);
    writeRecords(config(), { 'quay.io': { earlier: {}, logins: [login(OTHER)] } });
    expect(mode(recordPath(config()))).toBe(0o640);
  });

  test('no registry left: the file goes; with none there, that is no error', () => {
    writeRecords(config(), { 'quay.io': { earlier: {}, logins: [login()] } });
    writeRecords(config(), {});
    expect(existsSync(recordPath(config()))).toBe(false);
    expect(() => writeRecords(config(), {})).not.toThrow();
    expect(readRecords(config())).toEqual({});
  });

  test('a record that is a link is written where it points; when no registry is left only the link goes', () => {
    mkdirSync(join(scratch(), 'user'), { recursive: true });
    const elsewhere = join(scratch(), 'elsewhere');
    writeFileSync(elsewhere, '{}', { mode: 0o600 });
    symlinkSync(elsewhere, recordPath(config()));
    const records: Records = { 'quay.io': { earlier: {}, logins: [login()] } };
    writeRecords(config(), records);
    expect(readJson(elsewhere)).toEqual({ registries: records });
    writeRecords(config(), {});
    expect(existsSync(recordPath(config()))).toBe(false);
    expect(readJson(elsewhere)).toEqual({ registries: records });
  });
});

describe('reading a record that is not what main wrote', () => {
  test.each([
    ['missing', undefined],
    ['empty', ''],
    ['cut short', `{"registries":{"quay.io":{"earlier":{"quay.io":{"auth":"${EARLIER_AUTH}"`],
    ['not JSON', 'registries: quay.io'],
    ['JSON null', 'null'],
    ['a JSON array', `[{"registries":{"quay.io":{"earlier":{},"logins":[]}}}]`],
    ['a JSON string', '"registries"'],
    ['without registries', '{"quay.io":{"earlier":{},"logins":[]}}'],
    ['with registries that are a list', '{"registries":[{"earlier":{},"logins":[]}]}'],
    ['with registries that are text', '{"registries":"quay.io"}'],
  ])('%s: no registry on record, and a map without prototype', (_what, text) => {
    if (text !== undefined) recordText(text);
    const records = readRecords(config());
    expect(Object.keys(records)).toEqual([]);
    expect(Object.getPrototypeOf(records)).toBeNull();
  });

  test('a registry whose record is not an object is dropped; the others stay', () => {
    record({ registries: { 'a.io': null, 'b.io': [], 'c.io': 'x', 'd.io': 5, 'quay.io': { earlier: {}, logins: [login()] } } });
    expect(readRecords(config())).toEqual({ 'quay.io': { earlier: {}, logins: [login()] } });
  });

  test('a registry with neither earlier logins nor a list of logins stays, empty', () => {
    record({ registries: { 'quay.io': {}, 'ghcr.io': { earlier: [{ auth: EARLIER_AUTH }], logins: { 0: login() } } } });
    expect(readRecords(config())).toEqual({ 'quay.io': { earlier: {}, logins: [] }, 'ghcr.io': { earlier: {}, logins: [] } });
  });

  test("earlier logins: only the registry's own forms, only entries that hold a login, each whole", () => {
    const inline = { auth: EARLIER_AUTH, email: 'ci@example.com', identitytoken: '' };
    record({
      registries: {
        'quay.io': {
          earlier: {
            'quay.io': inline,
            'https://quay.io': { identitytoken: 'a-token' },
            // A pointer to a credential helper, an empty login, text, null: nothing to put back.
            'http://quay.io': {},
            // Not a form a logout of quay.io removes: never put back over another registry's login.
            'ghcr.io': { auth: EARLIER_AUTH },
            'https://quay.io/v1/': { auth: EARLIER_AUTH },
            'quay.io/org': { auth: EARLIER_AUTH },
          },
          logins: [],
        },
        'ghcr.io': { earlier: { 'ghcr.io': { auth: '' }, 'https://ghcr.io': 'Z2g6eA==', 'http://ghcr.io': null }, logins: [] },
      },
    });
    expect(readRecords(config())).toEqual({
      'quay.io': { earlier: { 'quay.io': inline, 'https://quay.io': { identitytoken: 'a-token' } }, logins: [] },
      'ghcr.io': { earlier: {}, logins: [] },
    });
  });

  test.each([
    ['a marker with capitals', { marker: 'dg-action:0123456789AB' }],
    ['a marker one digit short', { marker: 'dg-action:0123456789a' }],
    ['a marker one digit long', { marker: 'dg-action:0123456789abc' }],
    ['a marker with a line after it', { marker: `${MARKER}\n` }],
    ['a marker inside other text', { marker: `x ${MARKER}` }],
    ['a marker without its prefix', { marker: '0123456789ab' }],
    ['a marker in a list (which would read as its text)', { marker: ['dg-action:cccccccccccc'] }],
    ['no marker', { marker: undefined }],
    ['an empty auth', { auth: '' }],
    ['an auth that is not text', { auth: { auth: JOB_AUTH } }],
    ['no auth', { auth: undefined }],
    ['a time that is text', { since: '1700000000000' }],
    ['a time that is null', { since: null }],
    ['a time past any number (1e999)', { since: 'INFINITY' }],
  ])('a login with %s is dropped; the valid ones keep their order', (_what, change) => {
    const bad = { ...login('dg-action:cccccccccccc', 'YmFkOmJhZA=='), ...change };
    const text = JSON.stringify({ registries: { 'quay.io': { earlier: {}, logins: [login(OTHER, 'b3RoZXI6eA==', 1), bad, login()] } } });
    // JSON has no Infinity: a number too large for a double parses as one.
    recordText(text.replace('"INFINITY"', '1e999'));
    expect(readRecords(config())['quay.io']?.logins).toEqual([login(OTHER, 'b3RoZXI6eA==', 1), login()]);
  });

  test('a login that is not an object is dropped; what a login holds beyond marker, auth and time is not read', () => {
    record({
      registries: { 'quay.io': { earlier: {}, logins: [null, 'x', [MARKER, JOB_AUTH, 1], { ...login(), registry: 'ghcr.io', extra: 1 }] } },
    });
    const logins = readRecords(config())['quay.io']!.logins;
    expect(logins).toEqual([login()]);
    expect(Object.keys(logins[0]!)).toEqual(['marker', 'auth', 'since']);
  });

  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'a registry named %s is an entry of its own, as are its earlier logins; nothing is inherited',
    (registry) => {
      recordText(
        `{"registries":{${JSON.stringify(registry)}:{"earlier":{${JSON.stringify(registry)}:{"auth":"${EARLIER_AUTH}"}},"logins":[${JSON.stringify(login())}]}}}`,
      );
      const records = readRecords(config());
      expect(Object.getPrototypeOf(records)).toBeNull();
      expect(Object.keys(records)).toEqual([registry]);
      expect(Object.getPrototypeOf(records[registry]!.earlier)).toBeNull();
      expect(Object.keys(records[registry]!.earlier)).toEqual([registry]);
      expect(records[registry]!.logins).toEqual([login()]);
    },
  );

  test('a record without such names has no entry for them either', () => {
    record({ registries: { 'quay.io': { earlier: {}, logins: [] } } });
    const records = readRecords(config());
    expect(records.constructor).toBeUndefined();
    expect(records.toString).toBeUndefined();
  });
});

describe('every secret read from the record is masked', () => {
  test("earlier logins' strings and the password inside their base64, and each job's auth and its password", () => {
    const runner = Buffer.from('robot+ci:runner-password').toString('base64');
    record({
      registries: {
        'quay.io': { earlier: { 'quay.io': { auth: EARLIER_AUTH, identitytoken: 'refresh-token' } }, logins: [login()] },
        'ghcr.io': { earlier: { 'https://ghcr.io': { auth: runner } }, logins: [login(OTHER, 'not-base64!')] },
      },
    });
    readRecords(config());
    expect(redact(`${EARLIER_AUTH} long-lived-password refresh-token ${JOB_AUTH} job-secret ${runner} runner-password not-base64!`)).toBe(
      '*** *** *** *** *** *** *** ***',
    );
    // The names and markers are no secrets.
    expect(redact(`robot+ci deepgram+job ${MARKER} quay.io`)).toBe(`robot+ci deepgram+job ${MARKER} quay.io`);
  });

  test('what is dropped is not read as a login, and not masked either', () => {
    record({ registries: { 'quay.io': { earlier: { 'ghcr.io': { auth: 'dropped-earlier' } }, logins: [login('x', 'dropped-login')] } } });
    readRecords(config());
    expect(redact('dropped-earlier dropped-login')).toBe('dropped-earlier dropped-login');
  });

  test('the record is only read: reading changes nothing in it', () => {
    const text = JSON.stringify({ registries: { 'quay.io': { earlier: { 'ghcr.io': {} }, logins: [login(), { marker: 'x' }] } } });
    recordText(text);
    readRecords(config());
    expect(readFileSync(recordPath(config()), 'utf8')).toBe(text);
  });
});
