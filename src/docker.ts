/**
 * docker login / logout through the docker CLI. The secret goes to `--password-stdin`, never onto
 * a command line; docker itself honours DOCKER_CONFIG, so the environment is passed through.
 */
import * as exec from '@actions/exec';
import { which } from './which.js';

export class DockerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DockerError';
  }
}

/**
 * The docker CLI's path, or a clear error: `consequence` says what cannot happen without it and
 * what to do instead ("log in; set `login: false` ...").
 */
export async function findDocker(consequence: string): Promise<string> {
  const path = await which('docker');
  if (!path) throw new DockerError(`The docker CLI was not found on PATH, so the action cannot ${consequence}.`);
  return path;
}

export async function dockerLogin(docker: string, registry: string, username: string, secret: string): Promise<void> {
  const result = await run(docker, ['login', '--username', username, '--password-stdin', registry], Buffer.from(secret));
  if (result.exitCode !== 0) {
    throw new DockerError(`docker login to ${registry} failed: ${cleanDockerOutput(result.output) || `exit code ${result.exitCode}`}`);
  }
}

export async function dockerLogout(docker: string, registry: string): Promise<void> {
  const result = await run(docker, ['logout', registry]);
  if (result.exitCode !== 0) {
    throw new DockerError(`docker logout from ${registry} failed: ${cleanDockerOutput(result.output) || `exit code ${result.exitCode}`}`);
  }
}

async function run(docker: string, args: string[], input?: Buffer): Promise<{ exitCode: number; output: string }> {
  let output = '';
  const exitCode = await exec.exec(docker, args, {
    input,
    // Quiet: docker's stderr is noisy even on success; what matters is reported by the caller.
    silent: true,
    ignoreReturnCode: true,
    listeners: {
      stdout: (data: Buffer) => (output += data.toString()),
      stderr: (data: Buffer) => (output += data.toString()),
    },
  });
  return { exitCode, output };
}

/** docker's reason, without the warnings it prints on every run. */
export function cleanDockerOutput(output: string): string {
  return output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(
      (line) =>
        line !== '' &&
        !/^WARNING!/i.test(line) &&
        // The CLI's client-side login logs each endpoint it tries (time="…" level=info msg="…").
        !/^time="[^"]*"\s+level=/.test(line) &&
        !/credential helper/i.test(line) &&
        !/^https:\/\/docs\.docker\.com/i.test(line) &&
        !/^(Login Succeeded|Removing login credentials)/i.test(line),
    )
    .map((line) => line.replace(/^Error( response from daemon)?:\s*/i, ''))
    .join(' ')
    .trim();
}
