import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import * as child from '../../__fixtures__/child.js';
import * as io from '../../__fixtures__/io.js';

jest.unstable_mockModule('../../src/registry/child.js', () => child);
jest.unstable_mockModule('../../src/registry/which.js', () => io);
const { cleanCliOutput, cliLogin, cliLogout, findRegistryCli, isTransientLoginFailure, RegistryCliError } =
  await import('../../src/registry/cli.js');

const SECRET = 'Zx9-very-secret-value-0123456789';
const DOCKER = { name: 'docker', path: '/usr/bin/docker' } as const;
const PODMAN = { name: 'podman', path: '/usr/bin/podman' } as const;

let logged: string[];
const options = (maxAttempts = 4) => ({
  maxAttempts,
  attemptTimeoutMs: 5_000,
  log: (m: string) => logged.push(m),
  sleep: async () => undefined,
});

beforeEach(() => {
  logged = [];
  child.runChild.mockResolvedValue(child.exits(0, 'Login Succeeded\n'));
});

describe('findRegistryCli', () => {
  test('auto: docker where it is on PATH', async () => {
    io.which.mockImplementation(async (tool) => `/usr/bin/${tool}`);
    await expect(findRegistryCli('auto', 'log in')).resolves.toEqual(DOCKER);
  });

  test('auto: podman when docker is absent', async () => {
    io.which.mockImplementation(async (tool) => (tool === 'podman' ? '/usr/bin/podman' : ''));
    await expect(findRegistryCli('auto', 'log in')).resolves.toEqual(PODMAN);
  });

  test('podman named: podman even where docker is there', async () => {
    io.which.mockImplementation(async (tool) => `/usr/bin/${tool}`);
    await expect(findRegistryCli('podman', 'log in')).resolves.toEqual(PODMAN);
    expect(io.which).toHaveBeenCalledWith('podman');
    expect(io.which).not.toHaveBeenCalledWith('docker');
  });

  test('auto with neither: the error names both and says what cannot happen', async () => {
    io.which.mockResolvedValue('');
    const error = await findRegistryCli('auto', 'log in').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryCliError);
    expect((error as Error).message).toBe('Neither the docker nor the podman CLI was found on PATH, so the action cannot log in.');
  });

  test('a named CLI that is absent: the error names it', async () => {
    io.which.mockResolvedValue('');
    await expect(findRegistryCli('docker', 'log out of the registry')).rejects.toThrow(
      'The docker CLI was not found on PATH, so the action cannot log out of the registry.',
    );
  });
});

describe('cliLogin', () => {
  test('the secret only on stdin, the registry after --, each attempt bounded', async () => {
    await cliLogin(DOCKER, 'quay.io', 'deepgram+abc', SECRET, options());
    expect(child.runChild).toHaveBeenCalledTimes(1);
    const [file, args, runOptions] = child.runChild.mock.calls[0]!;
    expect(file).toBe('/usr/bin/docker');
    expect(args).toEqual(['login', '--username', 'deepgram+abc', '--password-stdin', '--', 'quay.io']);
    expect(args.some((arg) => arg.includes(SECRET))).toBe(false);
    expect(runOptions?.input?.toString()).toBe(SECRET);
    expect(runOptions?.timeoutMs).toBe(5_000);
  });

  test('podman is told the auth file, the one podmanAuthFile() names, as one argument', async () => {
    const saved = process.env.REGISTRY_AUTH_FILE;
    process.env.REGISTRY_AUTH_FILE = '-odd/auth.json';
    try {
      await cliLogin(PODMAN, 'quay.io', 'deepgram+abc', SECRET, options());
      await cliLogout(PODMAN, 'quay.io', 30_000);
    } finally {
      if (saved === undefined) delete process.env.REGISTRY_AUTH_FILE;
      else process.env.REGISTRY_AUTH_FILE = saved;
    }
    expect(child.runChild.mock.calls.map(([, args]) => args)).toEqual([
      ['login', '--authfile=-odd/auth.json', '--username', 'deepgram+abc', '--password-stdin', '--', 'quay.io'],
      ['logout', '--authfile=-odd/auth.json', '--', 'quay.io'],
    ]);
  });

  test('a 502 twice, then success: three attempts, each wait logged', async () => {
    const bad = child.exits(1, 'login attempt to http://r:5000/v2/ failed with status: 502 Bad Gateway\n');
    child.runChild.mockResolvedValueOnce(bad).mockResolvedValueOnce(bad).mockResolvedValueOnce(child.exits(0));
    await cliLogin(DOCKER, 'r:5000', 'u', SECRET, options());
    expect(child.runChild).toHaveBeenCalledTimes(3);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(/^Attempt 1 of 4 to docker login to r:5000 failed: .*502 Bad Gateway\. Retrying in \d+\.\d s\.$/);
  });

  test('a refusal is tried once', async () => {
    child.runChild.mockResolvedValue(child.exits(125, 'Error: logging into "r:5000": invalid username/password\n'));
    await expect(cliLogin(PODMAN, 'r:5000', 'u', SECRET, options())).rejects.toThrow(
      'podman login to r:5000 failed: logging into "r:5000": invalid username/password',
    );
    expect(child.runChild).toHaveBeenCalledTimes(1);
    expect(logged).toEqual([]);
  });

  test('an attempt that ran out of time is transient, and says so after the last one', async () => {
    child.runChild.mockResolvedValue({ exitCode: -1, output: '', timedOut: true });
    await expect(cliLogin(PODMAN, 'r:5000', 'u', SECRET, options(1))).rejects.toThrow(
      'podman login to r:5000 did not finish within 5 s (request-timeout)',
    );
  });

  test('a failure with nothing said reports the exit code and is not retried', async () => {
    child.runChild.mockResolvedValue(child.exits(125, 'WARNING! Your password will be stored unencrypted in /root/.docker/config.json.\n'));
    await expect(cliLogin(DOCKER, 'localhost:5000', 'u', SECRET, options())).rejects.toThrow(
      'docker login to localhost:5000 failed: exit code 125',
    );
    expect(child.runChild).toHaveBeenCalledTimes(1);
  });
});

describe('isTransientLoginFailure', () => {
  test.each([
    'login attempt to http://127.0.0.1:5000/v2/ failed with status: 502 Bad Gateway',
    'authenticating creds for "127.0.0.1:5000": invalid status code from registry 502 (Bad Gateway)',
    'pinging container registry quay.io: received unexpected HTTP status: 503 Service Unavailable',
    'login attempt to https://quay.io/v2/ failed with status: 429 Too Many Requests',
    'Get "https://quay.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    'Get "https://quay.io/v2/": dial tcp 10.0.0.1:443: connect: connection refused',
    'Get "https://quay.io/v2/": dial tcp: lookup quay.io on 127.0.0.53:53: server misbehaving',
    'Get "https://quay.io/v2/": EOF',
  ])('transient: %s', (reason) => expect(isTransientLoginFailure(reason)).toBe(true));

  test.each([
    'login attempt to http://127.0.0.1:5000/v2/ failed with status: 401 Unauthorized',
    'Get "https://quay.io/v2/": unauthorized: incorrect username or password',
    'logging into "127.0.0.1:5000": invalid username/password',
    'login attempt to https://quay.io/v2/ failed with status: 403 Forbidden',
    'some other failure',
    '',
  ])('not transient: %s', (reason) => expect(isTransientLoginFailure(reason)).toBe(false));
});

describe('cliLogout', () => {
  test('runs logout -- REGISTRY with no input', async () => {
    child.runChild.mockResolvedValue(child.exits(0, 'Removing login credentials for quay.io\n'));
    await cliLogout(DOCKER, 'quay.io', 30_000);
    const [file, args, runOptions] = child.runChild.mock.calls[0]!;
    expect(file).toBe('/usr/bin/docker');
    expect(args).toEqual(['logout', '--', 'quay.io']);
    expect(runOptions?.input).toBeUndefined();
    expect(runOptions?.timeoutMs).toBe(30_000);
  });

  test('a logout that does not finish in time (a hung credential helper) is an error, not a hang', async () => {
    child.runChild.mockResolvedValue({ ...child.exits(-1, ''), timedOut: true });
    await expect(cliLogout(DOCKER, 'quay.io', 30_000)).rejects.toThrow(
      'docker logout from quay.io did not finish within 30 s (request-timeout)',
    );
  });

  test.each(['-h', '--config=/tmp/x', 'quay.io\n::warning::x', 'https://quay.io', 'quay.io/deepgram', ''])(
    'a registry that main would not have accepted is not run: %j',
    async (registry) => {
      await expect(cliLogout(DOCKER, registry, 30_000)).rejects.toThrow(
        'The saved registry is not a registry host; not logging out of it.',
      );
      expect(child.runChild).not.toHaveBeenCalled();
    },
  );

  test('podman\'s "not logged into" is not a failure: the entry is gone either way', async () => {
    child.runChild.mockResolvedValue(child.exits(125, 'Error: not logged into 127.0.0.1:5000\n'));
    await expect(cliLogout(PODMAN, '127.0.0.1:5000', 30_000)).resolves.toBeUndefined();
  });

  test('a non-zero exit is an error with the cleaned reason', async () => {
    child.runChild.mockResolvedValue(child.exits(1, 'Error: something went wrong\n'));
    await expect(cliLogout(DOCKER, 'quay.io', 30_000)).rejects.toThrow(
      new RegistryCliError('docker logout from quay.io failed: something went wrong'),
    );
  });
});

describe('cleanCliOutput', () => {
  test('drops the warnings docker prints on every login', () => {
    const output = [
      'WARNING! Your password will be stored unencrypted in /home/runner/.docker/config.json.',
      'Configure a credential helper to remove this warning. See',
      'https://docs.docker.com/engine/reference/commandline/login/#credentials-store',
      '',
      'Login Succeeded',
    ].join('\n');
    expect(cleanCliOutput(output)).toBe('');
  });

  test('drops time="..." level=info lines and keeps the reason', () => {
    const output =
      'time="2025-06-01T10:00:00Z" level=info msg="Error logging in to endpoint, trying next endpoint"\nunauthorized: access denied';
    expect(cleanCliOutput(output)).toBe('unauthorized: access denied');
  });

  test('strips the "Error response from daemon:" and "Error:" prefixes', () => {
    expect(cleanCliOutput('Error response from daemon: login attempt failed')).toBe('login attempt failed');
    expect(cleanCliOutput('Error: cannot connect')).toBe('cannot connect');
  });

  test('joins the remaining lines with spaces, trimmed, CRLF or LF', () => {
    expect(cleanCliOutput('  first reason  \r\nsecond reason\r\n\r\n')).toBe('first reason second reason');
  });
});
