import { describe, expect, test } from '@jest/globals';
import { defaultComment, parseScopes, readSettings } from '../../src/login/inputs.js';
import { isLoopbackHost } from '../../src/inputs/api.js';
import { InputError } from '../../src/inputs/input-error.js';
import { isRegistryHost } from '../../src/inputs/registry-host.js';

const PROJECT = '3f2b1c9e-8d7a-4e6f-9a1b-2c3d4e5f6a7b';
const BASE = { 'api-key': 'dg_key_123', 'project-id': PROJECT };

/** readSettings with these inputs (anything unset is '', as core.getInput gives it). */
function read(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  return readSettings((name) => inputs[name] ?? '', env);
}

/** The InputError readSettings throws for these inputs. */
function inputError(inputs: Record<string, string>): InputError {
  try {
    read(inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('readSettings accepted the inputs');
}

function expectRejected(inputs: Record<string, string>, input: string, text?: RegExp): void {
  const error = inputError(inputs);
  expect(error.input).toBe(input);
  expect(error.message).toContain(`Input "${input}"`);
  if (text) expect(error.message).toMatch(text);
}

describe('defaults', () => {
  test('only api-key and project-id given: every other setting has its documented default', () => {
    const { settings, warnings } = read(BASE, {});
    expect(settings).toEqual({
      apiKey: 'dg_key_123',
      projectId: PROJECT,
      scopes: ['self-hosted:products'],
      comment: 'GitHub Actions: unknown repository / unknown workflow run local attempt 1',
      provider: 'quay',
      registry: 'quay.io',
      login: true,
      logout: true,
      revoke: true,
      keep: '',
      apiUrl: 'https://api.deepgram.com',
      requestTimeoutMs: 30_000,
      maxAttempts: 4,
      pruneAfterMs: 5 * 86_400_000,
      cli: 'auto',
      dockerConfig: 'default',
      dockerConfigAuto: true,
    });
    expect(warnings).toEqual([]);
  });

  test('the default comment names the repository, workflow, run and attempt from GITHUB_* variables', () => {
    const env = { GITHUB_REPOSITORY: 'acme/app', GITHUB_WORKFLOW: 'CI', GITHUB_RUN_ID: '987', GITHUB_RUN_ATTEMPT: '2' };
    expect(defaultComment(env)).toBe('GitHub Actions: acme/app / CI run 987 attempt 2');
    expect(read(BASE, env).settings.comment).toBe('GitHub Actions: acme/app / CI run 987 attempt 2');
  });

  test('a comment input replaces the generated one', () => {
    expect(read({ ...BASE, comment: 'nightly build' }, { GITHUB_REPOSITORY: 'acme/app' }).settings.comment).toBe('nightly build');
  });

  test('a comment carrying a forged tag is refused: it could make a job set pass for a kept one', () => {
    expectRejected({ ...BASE, comment: 'x [dg-action:ffffffffffff kept]' }, 'comment', /contains "\[dg-action:", which the action keeps/);
  });
});

describe('keep', () => {
  test('a name keeps the set: revoke is off whatever it says, with a note rather than a warning', () => {
    const { settings, warnings, notes } = read({ ...BASE, keep: 'prod-pull-secret', revoke: 'true' });
    expect(settings).toMatchObject({ keep: 'prod-pull-secret', revoke: false });
    expect(warnings).toEqual([]);
    expect(notes).toEqual(['keep: the credentials are kept as "prod-pull-secret" at job end, so revoke: true does not apply.']);
  });

  test('with revoke: false there is nothing to note', () => {
    expect(read({ ...BASE, keep: 'a', revoke: 'false' }).notes).toEqual([]);
  });

  test('no keep: revoke decides, and nothing is noted', () => {
    expect(read(BASE)).toMatchObject({ settings: { keep: '', revoke: true }, notes: [] });
  });

  test.each(['Prod', 'prod_pull', 'a b', 'x'.repeat(64), 'prod.pull', 'a\nb'])('"%s" is refused, naming what is accepted', (name) => {
    expectRejected({ ...BASE, keep: name }, 'keep', /1 to 63 of a-z, 0-9 and '-'/);
  });

  test('63 characters are accepted', () => {
    expect(read({ ...BASE, keep: 'a'.repeat(63) }).settings.keep).toBe('a'.repeat(63));
  });
});

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

describe('scopes', () => {
  test('comma- and newline-separated; empty parts are skipped; surrounding blanks trimmed', () => {
    expect(parseScopes('self-hosted:product:api, ,\n self-hosted:product:engine ,\n\n')).toEqual([
      'self-hosted:product:api',
      'self-hosted:product:engine',
    ]);
  });

  test('duplicates are sent once, in first-seen order', () => {
    expect(parseScopes('self-hosted:product:engine,self-hosted:product:api,self-hosted:product:engine')).toEqual([
      'self-hosted:product:engine',
      'self-hosted:product:api',
    ]);
  });

  test.each(['', ' , ,\n'])('nothing but separators (%j) gives the default, every product', (raw) => {
    expect(parseScopes(raw)).toEqual(['self-hosted:products']);
  });

  test('whitespace inside a scope is refused, naming the input and the scope', () => {
    expectRejected(
      { ...BASE, scopes: 'self-hosted:product:api self-hosted:product:engine' },
      'scopes',
      /"self-hosted:product:api self-hosted:product:engine" is not a scope/,
    );
  });

  test.each(['products', 'self-hosted:', ':api', 'self-hosted::api', 'self hosted:api', 'self-hosted:product;api'])(
    '"%s" is not scope-shaped',
    (scope) => {
      expectRejected({ ...BASE, scopes: scope }, 'scopes', /is not a scope/);
    },
  );

  test('a known scope, current or legacy, gives no warning', () => {
    const { settings, warnings } = read({ ...BASE, scopes: 'self-hosted:product:api,onprem:product:engine' });
    expect(settings.scopes).toEqual(['self-hosted:product:api', 'onprem:product:engine']);
    expect(warnings).toEqual([]);
  });

  test('every scope Deepgram documents, current and legacy, is known: none gives a warning', () => {
    const documented = ['self-hosted', 'onprem'].flatMap((prefix) => [
      `${prefix}:products`,
      ...['api', 'engine', 'license-proxy', 'dgtools', 'billing', 'hotpepper', 'metrics-server'].map((p) => `${prefix}:product:${p}`),
    ]);
    const { settings, warnings } = read({ ...BASE, scopes: documented.join(',') });
    expect(settings.scopes).toEqual(documented);
    expect(warnings).toEqual([]);
  });

  test('an unknown but well-formed scope is kept and warned about once', () => {
    const { settings, warnings } = read({ ...BASE, scopes: 'self-hosted:product:new-thing\nself-hosted:product:new-thing' });
    expect(settings.scopes).toEqual(['self-hosted:product:new-thing']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"self-hosted:product:new-thing"');
  });
});

describe('provider', () => {
  test('quay is accepted', () => {
    expect(read({ ...BASE, provider: 'quay' }).settings.provider).toBe('quay');
  });

  test.each(['docker', 'Quay', 'quay.io'])('"%s" is refused', (provider) => {
    expectRejected({ ...BASE, provider }, 'provider', new RegExp(`"${provider.replace('.', '\\.')}" is not accepted`));
  });
});

describe('registry', () => {
  test.each(['quay.io', 'localhost:5000', '127.0.0.1:5000', '[::1]:5000', 'my-registry.example.com'])('"%s" is accepted', (registry) => {
    expect(read({ ...BASE, registry }).settings.registry).toBe(registry);
  });

  test.each(['quay.io:65535', 'r.example.com', 'r', 'Quay.IO'])(
    '"%s" (the highest port, a one-letter label, capitals) is accepted',
    (registry) => {
      expect(read({ ...BASE, registry }).settings.registry).toBe(registry);
    },
  );

  test.each(['https://quay.io', 'quay.io/deepgram', 'quay.io:port', 'quay.io:99999', '-quay.io', 'quay..io', 'user@quay.io'])(
    '"%s" is refused',
    (registry) => {
      expectRejected({ ...BASE, registry }, 'registry', /is not a registry host/);
    },
  );
});

test("isRegistryHost is the registry input's own test (post checks state with it)", () => {
  expect(['quay.io', '127.0.0.1:5000', '[::1]:5000', '[2001:db8::1]', '[::1]:65535'].every(isRegistryHost)).toBe(true);
  expect(['-h', '--config=/x', 'quay.io\n::warning::x', 'quay.io:99999', '[::1]:65536', ''].some(isRegistryHost)).toBe(false);
});

describe('cli and docker-config', () => {
  test.each([
    ['cli', 'docker', 'cli', 'docker'],
    ['cli', 'PODMAN', 'cli', 'podman'],
    ['cli', 'auto', 'cli', 'auto'],
    ['docker-config', 'job', 'dockerConfig', 'job'],
    ['docker-config', 'Default', 'dockerConfig', 'default'],
  ] as const)('%s: %s is accepted', (input, raw, key, value) => {
    expect(read({ ...BASE, [input]: raw }).settings[key]).toBe(value);
  });

  test('anything else is refused, naming what is accepted', () => {
    expectRejected({ ...BASE, cli: 'nerdctl' }, 'cli', /"nerdctl" is not accepted; use auto, docker or podman\.$/);
    expectRejected({ ...BASE, 'docker-config': '/tmp/x' }, 'docker-config', /"\/tmp\/x" is not accepted; use auto, default or job\.$/);
  });

  test.each([
    ['auto', 'self-hosted', 'job', true],
    ['', 'self-hosted', 'job', true],
    ['auto', 'github-hosted', 'default', true],
    ['auto', undefined, 'default', true],
    ['default', 'self-hosted', 'default', false],
    ['job', 'github-hosted', 'job', false],
  ] as const)('docker-config %j where RUNNER_ENVIRONMENT is %s: %s', (raw, environment, dockerConfig, dockerConfigAuto) => {
    const { settings } = read({ ...BASE, 'docker-config': raw }, environment === undefined ? {} : { RUNNER_ENVIRONMENT: environment });
    expect({ dockerConfig: settings.dockerConfig, dockerConfigAuto: settings.dockerConfigAuto }).toEqual({
      dockerConfig,
      dockerConfigAuto,
    });
  });
});

describe('logout: false with revoke: true', () => {
  const WARNING =
    /^logout: false with revoke: true leaves a login to credentials that are revoked at job end .* quay\.io .* Use keep: <name> \(or revoke: false\)/;

  test('a login left to revoked credentials in the shared config: one warning that says what to use instead', () => {
    expect(read({ ...BASE, logout: 'false' }).warnings).toEqual([expect.stringMatching(WARNING)]);
  });

  test.each([
    ['revoke: false', { revoke: 'false' }],
    ['keep', { keep: 'prod' }],
    ['login: false', { login: 'false' }],
    ["a job's own config", { 'docker-config': 'job' }],
  ])('no warning with %s', (_, more) => {
    expect(read({ ...BASE, logout: 'false', ...more }).warnings).toEqual([]);
  });
});

describe('booleans: login, logout, revoke', () => {
  test.each(['login', 'logout', 'revoke'] as const)('%s accepts true/false in any case', (input) => {
    expect(read({ ...BASE, [input]: 'FALSE' }).settings[input]).toBe(false);
    expect(read({ ...BASE, [input]: 'False' }).settings[input]).toBe(false);
    expect(read({ ...BASE, [input]: 'TRUE' }).settings[input]).toBe(true);
    expect(read({ ...BASE, [input]: 'true' }).settings[input]).toBe(true);
  });

  test.each([
    ['login', 'yes'],
    ['logout', '1'],
    ['revoke', 'no'],
    ['login', 'off'],
  ])('%s: "%s" is refused, naming the input', (input, value) => {
    expectRejected({ ...BASE, [input]: value }, input, new RegExp(`"${value}" is not a boolean`));
  });
});

describe('prune-after', () => {
  test('under 6 h: taken, with a warning that a long job loses its credentials to another job', () => {
    const { settings, warnings } = read({ ...BASE, 'prune-after': '5h' });
    expect(settings.pruneAfterMs).toBe(5 * 3_600_000);
    expect(warnings).toEqual([
      "prune-after is 5h: a job of this action that is still running after that long (jobs on GitHub-hosted runners may run 6 h, on self-hosted ones 5 d) loses its credentials to another job's pruning.",
    ]);
  });

  test.each([
    ['6h', 6 * 3_600_000],
    ['off', 0],
    ['0', 0],
  ])('"%s" is taken without a warning', (value, ms) => {
    const { settings, warnings } = read({ ...BASE, 'prune-after': value });
    expect(settings.pruneAfterMs).toBe(ms);
    expect(warnings).toEqual([]);
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

test('InputError names the input in its property and its message', () => {
  const error = new InputError('scopes', 'is wrong.');
  expect(error.input).toBe('scopes');
  expect(error.message).toBe('Input "scopes": is wrong.');
  expect(error.name).toBe('InputError');
});
