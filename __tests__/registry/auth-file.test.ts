import { beforeEach, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mode, useScratchConfig } from '../../__fixtures__/registry-files.js';
import { mockRunner } from '../../__fixtures__/step.js';

mockRunner();
const { authFileText, dict, helperFor, isInline, own, ownDir, parseJson, protectEntry, readAuthFile, writeAtomically } =
  await import('../../src/registry/auth-file.js');
const { forgetSecrets, redact } = await import('../../src/runner/secrets.js');

const scratch = useScratchConfig();
beforeEach(() => forgetSecrets());

describe('dict and own: maps keyed by untrusted text', () => {
  test('no prototype: constructor, toString and __proto__ are entries like any other', () => {
    const map = dict<number>([
      ['constructor', 1],
      ['__proto__', 2],
    ]);
    expect(Object.getPrototypeOf(map)).toBeNull();
    expect(own(map, 'constructor')).toBe(1);
    expect(own(map, '__proto__')).toBe(2);
    expect(own(map, 'toString')).toBeUndefined();
    expect(Object.keys(map)).toEqual(['constructor', '__proto__']);
  });

  test('own never reads what an ordinary object inherits, nor an undefined map', () => {
    expect(own({ a: 1 } as Record<string, unknown>, 'toString')).toBeUndefined();
    expect(own({ a: 1 }, 'a')).toBe(1);
    expect(own(undefined, 'a')).toBeUndefined();
  });

  test('parseJson: every object in the text, however deep, is prototype-free; arrays stay arrays', () => {
    const parsed = parseJson('{"auths":{"__proto__":{"auth":"x"}},"list":[{"a":1}]}') as {
      auths: Record<string, unknown>;
      list: object[];
    };
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(Object.getPrototypeOf(parsed.auths)).toBeNull();
    expect(own(parsed.auths, '__proto__')).toEqual({ auth: 'x' });
    expect(Array.isArray(parsed.list)).toBe(true);
    expect(Object.getPrototypeOf(parsed.list[0]!)).toBeNull();
    expect(({} as Record<string, unknown>).auth).toBeUndefined();
  });
});

describe('readAuthFile', () => {
  test('a JSON object is read; a missing file, text that is not JSON, or JSON that is not an object reads as none', () => {
    const file = join(scratch(), 'config.json');
    expect(readAuthFile(file)).toBeUndefined();
    for (const text of ['not json', '[1]', 'null', '"text"', '42', '{"auths":']) {
      writeFileSync(file, text);
      expect(readAuthFile(file)).toBeUndefined();
    }
    writeFileSync(file, '{"auths":{"quay.io":{"auth":"eA=="}},"credsStore":"desktop"}');
    expect(readAuthFile(file)).toEqual({ auths: { 'quay.io': { auth: 'eA==' } }, credsStore: 'desktop' });
  });
});

describe('isInline', () => {
  test('an entry with a non-empty string holds a login; an empty entry, empty strings or other values do not', () => {
    expect(isInline({ auth: 'eA==' })).toBe(true);
    expect(isInline({ identitytoken: 'tok' })).toBe(true);
    expect(isInline({})).toBe(false);
    expect(isInline({ auth: '' })).toBe(false);
    expect(isInline({ auth: 1 })).toBe(false);
    expect(isInline(null)).toBe(false);
    expect(isInline('eA==')).toBe(false);
    expect(isInline(undefined)).toBe(false);
  });
});

describe('helperFor', () => {
  test('a credHelpers entry for the registry names its helper', () => {
    expect(helperFor({ credHelpers: { 'quay.io': 'ecr-login' } }, 'quay.io')).toBe('ecr-login');
    expect(helperFor({ credHelpers: { 'ghcr.io': 'ecr-login' } }, 'quay.io')).toBeUndefined();
    expect(helperFor({ credHelpers: { 'quay.io': '' } }, 'quay.io')).toBeUndefined();
  });

  test('the store holds the login only where the entry is not inline', () => {
    expect(helperFor({ credsStore: 'desktop', auths: { 'quay.io': {} } }, 'quay.io')).toBe('desktop');
    expect(helperFor({ credsStore: 'desktop', auths: { 'quay.io': { auth: 'eA==' } } }, 'quay.io')).toBeUndefined();
    expect(helperFor({ credsStore: 'desktop' }, 'quay.io')).toBeUndefined();
    expect(helperFor({ auths: { 'quay.io': {} } }, 'quay.io')).toBeUndefined();
    expect(helperFor(undefined, 'quay.io')).toBeUndefined();
  });

  test('a registry named like an inherited property finds nothing', () => {
    expect(helperFor({ credsStore: 'desktop', auths: {}, credHelpers: {} }, 'constructor')).toBeUndefined();
  });
});

describe('protectEntry', () => {
  test('every string is masked, and the password inside base64 user:password', () => {
    const auth = Buffer.from('robot:long-lived-password').toString('base64');
    protectEntry({ auth, identitytoken: 'token-value', email: '', port: 5000 });
    expect(redact(`${auth} long-lived-password token-value`)).toBe('*** *** ***');
  });

  test('a value that only decodes as base64 by accident is masked whole, nothing inside it', () => {
    protectEntry({ identitytoken: 'abc:def' });
    expect(redact('abc:def def')).toBe('*** def');
  });
});

describe('ownDir', () => {
  test('made 0700; an existing folder of ours is narrowed to 0700', () => {
    const dir = join(scratch(), 'own');
    ownDir(dir);
    expect(mode(dir)).toBe(0o700);
    chmodSync(dir, 0o755);
    ownDir(dir);
    expect(mode(dir)).toBe(0o700);
  });

  test('a file or a link in its place is refused', () => {
    const file = join(scratch(), 'a-file');
    writeFileSync(file, '');
    expect(() => ownDir(file)).toThrow('EEXIST');
    const target = join(scratch(), 'target');
    mkdirSync(target);
    const link = join(scratch(), 'link');
    symlinkSync(target, link);
    expect(() => ownDir(link)).toThrow('EEXIST');
  });
});

describe('writeAtomically', () => {
  test('a new file is 0600 in a 0700 folder made for it; nothing temporary is left', () => {
    const file = join(scratch(), 'new', 'config.json');
    writeAtomically(file, '{"a":1}');
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}');
    expect(mode(file)).toBe(0o600);
    expect(mode(join(scratch(), 'new'))).toBe(0o700);
    expect(readdirSync(join(scratch(), 'new'))).toEqual(['config.json']);
  });

  test('an existing file keeps its permissions, and is replaced whole (a new inode, not written in place)', () => {
    const file = join(scratch(), 'config.json');
    writeFileSync(file, 'old', { mode: 0o640 });
    chmodSync(file, 0o640);
    const before = statSync(file).ino;
    writeAtomically(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(mode(file)).toBe(0o640);
    expect(statSync(file).ino).not.toBe(before);
  });

  test('through a link, the file it points to is written, and the link stays a link', () => {
    const real = join(scratch(), 'real.json');
    writeFileSync(real, 'old', { mode: 0o600 });
    const link = join(scratch(), 'config.json');
    symlinkSync(real, link);
    writeAtomically(link, 'new');
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(readdirSync(scratch()).sort()).toEqual(['config.json', 'real.json', 'runner-temp']);
  });
});

test('authFileText: tab-indented JSON, as docker writes it', () => {
  expect(authFileText({ auths: { 'quay.io': { auth: 'eA==' } } })).toBe(
    '{\n\t"auths": {\n\t\t"quay.io": {\n\t\t\t"auth": "eA=="\n\t\t}\n\t}\n}',
  );
});
