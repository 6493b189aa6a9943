/**
 * The registry side of both steps, each called in one line: main logs in (with the job's own
 * config, or the shared one with this job's login on record, then the CLI with retries); post
 * undoes what main recorded in state: it takes the logins out of the job's config, or logs out of
 * the shared one and puts back what should be there. Post never works the config out again from
 * the inputs: main's choice (mode, CLI, file) is in state.
 */
import * as core from '@actions/core';
import { dirname, resolve } from 'node:path';
import { errorMessage } from '../deepgram/errors.js';
import { isRegistryHost } from '../inputs/registry-host.js';
import { cliLogin, cliLogout, findRegistryCli, type CliChoice, type RegistryCli } from './cli.js';
import { executionDir, prepareAuthFile, type ConfigTarget } from './config.js';
import { closeJobConfig } from './job-config.js';
import { releaseLogin } from './shared-config.js';
import type { RegistryConfig, SavedState } from '../runner/state.js';
import * as log from '../runner/log.js';

/** What one login needs: the registry, who logs in, with which CLI, into which config, and how hard to try. */
export interface RegistryLogin {
  registry: string;
  username: string;
  cli: RegistryCli;
  /** Chosen by main (config.ts, chooseConfig) and recorded in state before the login. */
  config: ConfigTarget;
  /** The bound on each attempt: one login is a few requests to the registry. */
  requestTimeoutMs: number;
  maxAttempts: number;
}

/** What post reads of the inputs: whether to log out, and the bound on the CLI's logout. */
export interface LogoutOptions {
  logout: boolean;
  requestTimeoutMs: number;
}

/** Main: the CLI to log in with, found before anything is created. */
export const findLoginCli = (choice: CliChoice): Promise<RegistryCli> =>
  findRegistryCli(choice, 'log in; set `login: false` to only create the credentials and use the outputs');

export async function logIn(options: RegistryLogin, marker: string, secret: string): Promise<void> {
  const { registry, username, cli } = options;
  // What the CLI writes for this login: how a later step knows the entry for this job's.
  const auth = Buffer.from(`${username}:${secret}`).toString('base64');
  await prepareAuthFile(cli, options.config, registry, marker, auth);
  await cliLogin(cli, registry, username, secret, {
    maxAttempts: options.maxAttempts,
    attemptTimeoutMs: options.requestTimeoutMs,
    log: log.info,
  });
}

/** Post: never throws; what fails is a warning that says so. */
export async function logOutAtJobEnd(saved: SavedState, options: LogoutOptions): Promise<void> {
  if (!saved.loggedInTo) return;
  const config = saved.registryConfig;
  if (config === undefined) {
    // Main saves the config before loggedInTo: state without it is not what main wrote.
    log.warning('The saved state names no registry config this action made (mode, CLI and file): not logging out.');
    return;
  }
  if (config.mode === 'job') return closeJobConfigAtJobEnd(saved.marker, config, options);
  // From state, which the runner keeps in the environment: named and used only when it is what main would have accepted.
  const registry = isRegistryHost(saved.loggedInTo) ? saved.loggedInTo : undefined;
  const title = options.logout
    ? `Log out of ${registry ?? 'the registry'}`
    : `Leave the login to ${registry ?? 'the registry'} (logout: false)`;
  await core.group(title, async () => {
    if (registry === undefined) return log.warning('The saved registry is not a registry host; not logging out of it.');
    const cli = await findRegistryCli(config.cli, 'log out of the registry').catch((error: unknown) => {
      // These messages already say what failed and where.
      if (options.logout) log.warning(errorMessage(error));
      return undefined;
    });
    const runLogout =
      cli &&
      (async () => {
        try {
          await cliLogout(cli, registry, options.requestTimeoutMs);
          log.info(`Logged out of ${registry}.`);
        } catch (error) {
          log.warning(errorMessage(error));
        }
      });
    try {
      await releaseLogin(config.file, registry, saved.marker, { logout: options.logout, runLogout });
    } catch (error) {
      log.warning(`Could not put back the login to ${registry} that was there before this job: ${errorMessage(error)}`);
    }
  });
}

/** The job's config stays for the post steps still to come (see job-config.ts); its logins go. */
function closeJobConfigAtJobEnd(marker: string, config: RegistryConfig, options: LogoutOptions): void {
  const dir = executionDir(marker);
  if (dir === undefined || !options.logout) return;
  // Only ever this execution's own folder: a recorded file elsewhere is not one main made.
  if (dirname(config.file) !== resolve(dir)) {
    log.warning(`The saved registry config ${config.file} is not in this job's own folder (${dir}): it is left as it is.`);
    return;
  }
  try {
    if (closeJobConfig(dir)) log.info("Took the logins out of this job's own registry config (the runner empties RUNNER_TEMP at job end).");
  } catch (error) {
    log.warning(`Could not take the logins out of this job's registry config under RUNNER_TEMP: ${errorMessage(error)}`);
  }
}
