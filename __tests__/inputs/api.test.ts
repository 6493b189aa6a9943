import { describe, expect, test } from '@jest/globals';
import { isLoopbackHost, readApiSettings } from '../../src/inputs/api.js';
import { PROJECT } from '../../__fixtures__/ids.js';
import { expectRefused, inputsOf, refusal } from '../../__fixtures__/inputs.js';

const BASE = { 'api-key': 'dg_key_123', 'project-id': PROJECT };

const read = (inputs: Record<string, string>) => ({ settings: readApiSettings(inputsOf(inputs)) });
const inputError = (inputs: Record<string, string>) => refusal(() => read(inputs));
const expectRejected = (inputs: Record<string, string>, input: string, text?: RegExp) => expectRefused(() => read(inputs), input, text);

describe('api-key', () => {
  test('empty is refused, naming the input', () => {
    expectRejected({ 'project-id': PROJECT }, 'api-key', /is required/);
  });

  test('a key with whitespace inside is refused', () => {
    expectRejected({ ...BASE, 'api-key': 'abc def' }, 'api-key', /whitespace/);
  });

  test.each([
    ['NUL', '\u0000'],
    ['SOH', '\u0001'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u0085'],
    ['CSI', '\u009b'],
  ])('a key with a control character (%s) is refused, and the key is not quoted', (_name, char) => {
    const key = `dgsecretkey${char}123`;
    expectRejected(
      { ...BASE, 'api-key': key },
      'api-key',
      /contains a control character; a Deepgram API key is a single token of printable characters\./,
    );
    expect(inputError({ ...BASE, 'api-key': key }).message).not.toContain('dgsecretkey');
  });

  test.each([
    ['an en dash', 'dg\u2013secretkey', 'U+2013 at character 3'],
    ['a zero-width space', 'dgsecret\u200bkey', 'U+200B at character 9'],
    ['an accented letter', 'dgsécretkey', 'U+00E9 at character 4'],
    ['a letter outside the BMP, after one inside it', 'dgé\u{1d400}key', 'U+00E9 at character 3'],
    ['an emoji', 'dgsecretkey\u{1f511}', 'U+1F511 at character 12'],
  ])('a key with a character outside visible ASCII (%s) is refused, naming the character, not the key', (_name, key, where) => {
    const error = inputError({ ...BASE, 'api-key': key });
    expect(error.message).toBe(
      `Input "api-key": contains ${where}, which is not visible ASCII (an en dash, a zero-width space or an accented letter ` +
        'pasted with the key); a Deepgram API key is letters, digits and ASCII punctuation only.',
    );
    expect(error.message).not.toContain('secret');
  });

  test('a key of every visible ASCII character passes', () => {
    const key = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join('');
    expect(read({ ...BASE, 'api-key': key }).settings.apiKey).toBe(key);
  });
});

describe('project-id', () => {
  test('empty is refused', () => {
    expectRejected({ 'api-key': 'k' }, 'project-id', /is required/);
  });

  test.each(['my-project', '3f2b1c9e8d7a4e6f9a1b2c3d4e5f6a7b', `${PROJECT}x`, `{${PROJECT}}`, `../${PROJECT}`, `x${PROJECT}`])(
    '"%s" is not a UUID and is refused',
    (id) => {
      expectRejected({ ...BASE, 'project-id': id }, 'project-id', /is not a UUID/);
    },
  );

  test('an upper-case UUID is accepted as given', () => {
    expect(read({ ...BASE, 'project-id': PROJECT.toUpperCase() }).settings.projectId).toBe(PROJECT.toUpperCase());
  });
});

describe('request-timeout', () => {
  test.each([
    ['1', 1_000],
    ['5', 5_000],
    ['1.5', 1_500],
    ['1.25', 1_250],
    ['30', 30_000],
    ['600', 600_000],
    ['600.0', 600_000],
  ])('"%s" seconds become %i ms', (value, ms) => {
    expect(read({ ...BASE, 'request-timeout': value }).settings.requestTimeoutMs).toBe(ms);
  });

  test.each(['0', '0.25', '0.0004', '0.999', '600.001', '601', '3000000', '-1', 'abc', 'NaN', 'Infinity', '10s', '0x3', '1e1', ' 5'])(
    '"%s" is refused, saying what is accepted',
    (value) => {
      expectRejected(
        { ...BASE, 'request-timeout': value },
        'request-timeout',
        /is not accepted; use a number of seconds from 1 to 600 \(such as 30; decimals allowed\)\./,
      );
    },
  );
});

describe('max-attempts', () => {
  test.each([
    ['1', 1],
    ['10', 10],
    ['3', 3],
  ])('"%s" is accepted', (value, expected) => {
    expect(read({ ...BASE, 'max-attempts': value }).settings.maxAttempts).toBe(expected);
  });

  test.each(['0', '11', '-2', '2.5', 'three', 'NaN', '0x3', '1e1'])('"%s" is refused', (value) => {
    expectRejected({ ...BASE, 'max-attempts': value }, 'max-attempts', /whole number from 1 to 10/);
  });
});

describe('api-url', () => {
  test.each([
    ['https://api.deepgram.com/', 'https://api.deepgram.com'],
    ['https://api.eu.deepgram.com', 'https://api.eu.deepgram.com'],
    ['https://proxy.example.com/deepgram//', 'https://proxy.example.com/deepgram'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://localhost', 'http://localhost'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
    ['http://[::1]', 'http://[::1]'],
  ])('"%s" is accepted as %s', (value, expected) => {
    expect(read({ ...BASE, 'api-url': value }).settings.apiUrl).toBe(expected);
  });

  test.each(['http://api.deepgram.com', 'http://10.0.0.5:8080', 'http://localhost.example.com'])(
    'plain http to a non-loopback host "%s" is refused',
    (value) => {
      expectRejected({ ...BASE, 'api-url': value }, 'api-url', /plain http to a host that is not loopback/);
    },
  );

  test.each(['ftp://api.deepgram.com', 'file:///tmp/x'])('"%s" is not http(s) and is refused', (value) => {
    expectRejected({ ...BASE, 'api-url': value }, 'api-url', /is not an http\(s\) URL/);
  });

  test('something that is not a URL is refused', () => {
    expectRejected({ ...BASE, 'api-url': 'api.deepgram.com' }, 'api-url', /is not a URL/);
  });

  test('a URL without user info is quoted whole', () => {
    expect(inputError({ ...BASE, 'api-url': 'api.deepgram.com' }).message).toBe(
      'Input "api-url": "api.deepgram.com" is not a URL; use an https:// URL such as https://api.deepgram.com.',
    );
  });

  test.each([
    ['https://ci-user:hunter2@api.deepgram.com', 'https://***@api.deepgram.com'],
    ['https://ci-user@api.deepgram.com/', 'https://***@api.deepgram.com/'],
    ['https://:hunter2@api.deepgram.com', 'https://***@api.deepgram.com'],
    ['http://ci-user:hunter2@api.deepgram.com', 'http://***@api.deepgram.com'],
    ['ftp://ci-user:hunter2@api.deepgram.com', 'ftp://***@api.deepgram.com'],
    ['http://ci-user:hunter2@127.0.0.1:8080', 'http://***@127.0.0.1:8080'],
    ['HTTPS://ci-user:hunter2@api.deepgram.com', 'HTTPS://***@api.deepgram.com'],
  ])('"%s" (user info) is refused without printing the user name or password', (value, shown) => {
    const { message } = inputError({ ...BASE, 'api-url': value });
    expect(message).toBe(
      `Input "api-url": "${shown}" carries a user name or password (not shown here); they are not accepted. ` +
        'Use the base URL alone, such as https://api.deepgram.com: the API key goes in api-key.',
    );
  });

  // The last: a password that ends in "://" must not be taken for the scheme and shown.
  test.each([
    'https://ci-user:pa/ss@api.deepgram.com',
    'ci-user:hunter2@api.deepgram.com',
    'https://ci-user:hunter2@',
    'ci-user:hunter2://@x',
  ])('something that is not a URL but holds user info ("%s") is refused without printing it', (value) => {
    const { message } = inputError({ ...BASE, 'api-url': value });
    expect(message).toMatch(/^Input "api-url": "(https:\/\/)?\*\*\*@.*" (is not a URL|is not an http\(s\) URL|carries a user name)/);
    expect(message).not.toMatch(/ci-user|hunter2|pa\/ss/);
  });

  test.each(['https://api.deepgram.com/?x=1', 'https://api.deepgram.com/?', 'https://api.deepgram.com/#frag'])(
    '"%s" (query, fragment) is refused',
    (value) => {
      expectRejected({ ...BASE, 'api-url': value }, 'api-url', /must be a base URL without a query or fragment/);
    },
  );

  test('isLoopbackHost covers 127.0.0.0/8, localhost and ::1 only', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.10.20.30')).toBe(true);
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
    expect(isLoopbackHost('::2')).toBe(false);
  });

  // Plain http stays loopback-only even if the URL parser one day lets such a host through.
  test.each(['x127.0.0.1', '1127.0.0.1', '127.0.0.1x', 'xlocalhost', '::1x', 'a::1'])('isLoopbackHost("%s") is false', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
