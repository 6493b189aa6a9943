/**
 * The registry CLI, docker or podman: which one to use, login with retries and a time bound on
 * each attempt, and logout. Both take the same flags (podman also `--authfile`, see podman.ts);
 * the secret goes to `--password-stdin`, never onto a command line, and the registry always
 * follows `--`, so no value can be read as an option.
 */
import { runChild, type ChildResult } from './child.js';
import { isRegistryHost } from '../inputs/registry-host.js';
import { withRetries, type FailureKind } from '../net/retry.js';
import { which } from './which.js';
import { podmanAuthFile } from './podman.js';

export type CliChoice = 'auto' | 'docker' | 'podman';

export interface RegistryCli {
  name: 'docker' | 'podman';
  path: string;
}

export class RegistryCliError extends Error {
  readonly kind: FailureKind;
  constructor(message: string, transient = false) {
    super(message);
    this.name = 'RegistryCliError';
    this.kind = { transient, ambiguous: false };
  }
}

/**
 * The CLI to log in with, or a clear error: `consequence` says what cannot happen without it and
 * what to do instead ("log in; set `login: false` ..."). `auto` prefers docker, then podman.
 */
export async function findRegistryCli(choice: CliChoice, consequence: string): Promise<RegistryCli> {
  const names = choice === 'auto' ? (['docker', 'podman'] as const) : ([choice] as const);
  for (const name of names) {
    const path = await which(name);
    if (path) return { name, path };
  }
  const missing = choice === 'auto' ? 'Neither the docker nor the podman CLI was' : `The ${choice} CLI was not`;
  throw new RegistryCliError(`${missing} found on PATH, so the action cannot ${consequence}.`);
}

export interface LoginOptions {
  maxAttempts: number;
  /** The bound on one attempt: podman waits on a stalled registry for ever. */
  attemptTimeoutMs: number;
  log: (message: string) => void;
  /** For tests: how to wait between attempts. */
  sleep?: (ms: number) => Promise<void>;
}

/** Logs in, retrying what is transient (5xx, 408, 429, timeouts, unreachable) but never a refusal. */
export async function cliLogin(cli: RegistryCli, registry: string, username: string, secret: string, options: LoginOptions): Promise<void> {
  const args = ['login', ...authFileFlag(cli), '--username', username, '--password-stdin', '--', registry];
  await withRetries(
    async () => {
      const result = await runChild(cli.path, args, { input: Buffer.from(secret), timeoutMs: options.attemptTimeoutMs });
      if (result.exitCode === 0 && !result.timedOut) return;
      throw loginError(cli, registry, result, options.attemptTimeoutMs);
    },
    { maxAttempts: options.maxAttempts, action: `${cli.name} login to ${registry}`, log: options.log, sleep: options.sleep },
  );
}

function loginError(cli: RegistryCli, registry: string, result: ChildResult, timeoutMs: number): RegistryCliError {
  if (result.timedOut) {
    return new RegistryCliError(`${cli.name} login to ${registry} did not finish within ${timeoutMs / 1000} s (request-timeout)`, true);
  }
  const reason = cleanCliOutput(result.output);
  return new RegistryCliError(
    `${cli.name} login to ${registry} failed: ${reason || `exit code ${result.exitCode}`}`,
    isTransientLoginFailure(reason),
  );
}

/** The registry refused the credentials: trying again cannot help. */
const REFUSED = /\b(401|403)\b|unauthori[sz]ed|forbidden|denied|invalid username\/password|incorrect username or password/i;
/** A status the registry may not give next time: it timed out, is over a limit, or briefly broken. */
const TRANSIENT_STATUS = /status(?: code)?(?: from registry)?:?\s*(408|429|5\d\d)\b/i;
/** The registry could not be reached, or stopped answering. */
const UNREACHABLE =
  /timeout|timed out|deadline exceeded|connection refused|connection reset|no such host|temporary failure in name resolution|network is unreachable|no route to host|server misbehaving|\bEOF\b/i;

export function isTransientLoginFailure(reason: string): boolean {
  if (REFUSED.test(reason)) return false;
  return TRANSIENT_STATUS.test(reason) || UNREACHABLE.test(reason);
}

/**
 * Logs out. A registry that is not a registry host is refused: it may come from saved state,
 * which the runner keeps in the environment, and goes onto a command line.
 */
export async function cliLogout(cli: RegistryCli, registry: string, timeoutMs: number): Promise<void> {
  if (!isRegistryHost(registry)) throw new RegistryCliError('The saved registry is not a registry host; not logging out of it.');
  // A logout is local, but a credential helper it starts could hang: the post step must end.
  const result = await runChild(cli.path, ['logout', ...authFileFlag(cli), '--', registry], { timeoutMs });
  if (result.timedOut)
    throw new RegistryCliError(`${cli.name} logout from ${registry} did not finish within ${timeoutMs / 1000} s (request-timeout)`);
  if (result.stopped) throw new RegistryCliError(`${cli.name} logout from ${registry} was ended: the step was stopped`);
  const reason = cleanCliOutput(result.output);
  // podman says so when the entry is already gone (docker exits 0): nothing is left to remove.
  if (result.exitCode === 0 || /^not logged into\b/i.test(reason)) return;
  throw new RegistryCliError(`${cli.name} logout from ${registry} failed: ${reason || `exit code ${result.exitCode}`}`);
}

/**
 * podman is told which file to use, the one the action reads (podman.ts says why); one argument,
 * so a path that begins with `-` is still a path. docker has one place only, DOCKER_CONFIG's.
 */
function authFileFlag(cli: RegistryCli): string[] {
  return cli.name === 'podman' ? [`--authfile=${podmanAuthFile()}`] : [];
}

/** The CLI's reason, without the warnings and progress it prints on every run. */
export function cleanCliOutput(output: string): string {
  return output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(
      (line) =>
        line !== '' &&
        !/^WARNING!/i.test(line) &&
        // Logs of each endpoint the CLI tries (time="…" level=info msg="…"), docker's and podman's.
        !/^time="[^"]*"\s+level=/.test(line) &&
        !/credential helper/i.test(line) &&
        !/^https:\/\/docs\.docker\.com/i.test(line) &&
        !/^(Login Succeeded|Removing login credentials|Removed login credentials)/i.test(line),
    )
    .map((line) => line.replace(/^Error( response from daemon)?:\s*/i, ''))
    .join(' ')
    .trim();
}
