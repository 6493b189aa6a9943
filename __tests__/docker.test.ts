import { describe, expect, jest, test } from '@jest/globals';
import type { ExecOptions } from '@actions/exec';
import * as exec from '../__fixtures__/exec.js';
import * as io from '../__fixtures__/io.js';

jest.unstable_mockModule('@actions/exec', () => exec);
jest.unstable_mockModule('../src/which.js', () => io);
const { cleanDockerOutput, DockerError, dockerLogin, dockerLogout, findDocker } = await import('../src/docker.js');

const SECRET = 'Zx9-very-secret-value-0123456789';

/** docker exits with `exitCode` after writing `stdout` and `stderr` through the listeners. */
function dockerExits(exitCode: number, stdout = '', stderr = ''): void {
  exec.exec.mockImplementation(async (_command, _args, options) => {
    if (stdout) options?.listeners?.stdout?.(Buffer.from(stdout));
    if (stderr) options?.listeners?.stderr?.(Buffer.from(stderr));
    return exitCode;
  });
}

function execCall(): { command: string; args: string[]; options: ExecOptions } {
  expect(exec.exec).toHaveBeenCalledTimes(1);
  const [command, args, options] = exec.exec.mock.calls[0]!;
  return { command, args: args ?? [], options: options ?? {} };
}

describe('findDocker', () => {
  test('returns the path which() finds, without making it throw', async () => {
    io.which.mockResolvedValue('/usr/bin/docker');
    await expect(findDocker('log in')).resolves.toBe('/usr/bin/docker');
    expect(io.which).toHaveBeenCalledWith('docker');
  });

  test('no docker on PATH: a DockerError that says what cannot happen without it', async () => {
    io.which.mockResolvedValue('');
    const error = await findDocker('log out of quay.io').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DockerError);
    expect((error as Error).message).toBe('The docker CLI was not found on PATH, so the action cannot log out of quay.io.');
  });
});

describe('dockerLogin', () => {
  test('runs docker login with --password-stdin and the secret only on stdin, silently', async () => {
    dockerExits(0, 'Login Succeeded\n');
    await dockerLogin('/usr/bin/docker', 'quay.io', 'deepgram+abc', SECRET);
    const { command, args, options } = execCall();
    expect(command).toBe('/usr/bin/docker');
    expect(args).toEqual(['login', '--username', 'deepgram+abc', '--password-stdin', 'quay.io']);
    expect(args.some((arg) => arg.includes(SECRET))).toBe(false);
    expect(command).not.toContain(SECRET);
    expect(Buffer.isBuffer(options.input)).toBe(true);
    expect(options.input?.toString()).toBe(SECRET);
    expect(options.silent).toBe(true);
    expect(options.ignoreReturnCode).toBe(true);
  });

  test("a non-zero exit is a DockerError carrying docker's reason without its noise", async () => {
    dockerExits(
      1,
      '',
      'time="2025-01-01T00:00:00Z" level=info msg="Error logging in to endpoint, trying next endpoint"\n' +
        'Error response from daemon: Get "https://quay.io/v2/": unauthorized: incorrect username or password\n',
    );
    const error = await dockerLogin('docker', 'quay.io', 'u', SECRET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DockerError);
    expect((error as Error).message).toBe(
      'docker login to quay.io failed: Get "https://quay.io/v2/": unauthorized: incorrect username or password',
    );
  });

  test('a non-zero exit with nothing said reports the exit code', async () => {
    dockerExits(125, '', 'WARNING! Your password will be stored unencrypted in /root/.docker/config.json.\n');
    await expect(dockerLogin('docker', 'localhost:5000', 'u', SECRET)).rejects.toThrow(
      'docker login to localhost:5000 failed: exit code 125',
    );
  });
});

describe('dockerLogout', () => {
  test('runs docker logout REGISTRY with no input', async () => {
    dockerExits(0, 'Removing login credentials for quay.io\n');
    await dockerLogout('/usr/bin/docker', 'quay.io');
    const { command, args, options } = execCall();
    expect(command).toBe('/usr/bin/docker');
    expect(args).toEqual(['logout', 'quay.io']);
    expect(options.input).toBeUndefined();
    expect(options.silent).toBe(true);
  });

  test('a non-zero exit is a DockerError with the cleaned reason', async () => {
    dockerExits(1, '', 'Error: something went wrong\n');
    await expect(dockerLogout('docker', 'quay.io')).rejects.toThrow(
      new DockerError('docker logout from quay.io failed: something went wrong'),
    );
  });
});

describe('cleanDockerOutput', () => {
  test('drops the warnings docker prints on every login', () => {
    const output = [
      'WARNING! Your password will be stored unencrypted in /home/runner/.docker/config.json.',
      'Configure a credential helper to remove this warning. See',
      'https://docs.docker.com/engine/reference/commandline/login/#credentials-store',
      '',
      'Login Succeeded',
    ].join('\n');
    expect(cleanDockerOutput(output)).toBe('');
  });

  test('drops time="..." level=info lines and keeps the reason', () => {
    const output =
      'time="2025-06-01T10:00:00Z" level=info msg="Error logging in to endpoint, trying next endpoint"\nunauthorized: access denied';
    expect(cleanDockerOutput(output)).toBe('unauthorized: access denied');
  });

  test('strips the "Error response from daemon:" and "Error:" prefixes', () => {
    expect(cleanDockerOutput('Error response from daemon: login attempt failed')).toBe('login attempt failed');
    expect(cleanDockerOutput('Error: cannot connect')).toBe('cannot connect');
  });

  test('joins the remaining lines with spaces, trimmed, CRLF or LF', () => {
    expect(cleanDockerOutput('  first reason  \r\nsecond reason\r\n\r\n')).toBe('first reason second reason');
  });
});
