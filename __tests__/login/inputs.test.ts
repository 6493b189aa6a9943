/** src/login/inputs.ts: the main action's inputs read into its Settings, with their warnings and notes. */
import { describe, expect, test } from '@jest/globals';
import { defaultComment, parseScopes, readSettings } from '../../src/login/inputs.js';
import { PROJECT } from '../../__fixtures__/ids.js';
import { expectRefused, inputsOf } from '../../__fixtures__/inputs.js';

const BASE = { 'api-key': 'dg_key_123', 'project-id': PROJECT };

/** readSettings with these inputs (anything unset is '', as core.getInput gives it). */
function read(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  return readSettings(inputsOf(inputs), env);
}

const expectRejected = (inputs: Record<string, string>, input: string, text?: RegExp) => expectRefused(() => read(inputs), input, text);

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

  test('a name that is not one is refused, naming keep (its rule: inputs/keep.test.ts)', () => {
    expectRejected({ ...BASE, keep: 'Prod' }, 'keep', /1 to 63 of a-z, 0-9 and '-'/);
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
  // Its rule (default, off, the warning under 6 h): inputs/prune-after.test.ts. Here: it reaches the settings and the warnings.
  test('taken into pruneAfterMs, its warning among the warnings', () => {
    const { settings, warnings } = read({ ...BASE, 'prune-after': '5h' });
    expect(settings.pruneAfterMs).toBe(5 * 3_600_000);
    expect(warnings).toEqual([expect.stringMatching(/^prune-after is 5h: /)]);
  });
});
