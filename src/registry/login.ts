/**
 * The registry side of both steps, each called in one line: main logs in (with the job's own
 * config or the earlier login kept aside, then the CLI with retries); post logs out, puts the
 * earlier login back and removes what this execution kept under RUNNER_TEMP.
 */
import * as core from '@actions/core';
import { errorMessage } from '../deepgram/credentials.js';
import { isRegistryHost, type Settings } from '../settings/inputs.js';
import { cliLogin, cliLogout, findRegistryCli, type RegistryCli } from './cli.js';
import { prepareAuthFile, removeExecutionDir, restoreEarlierLogin } from './config.js';
import type { SavedState } from '../runner/state.js';
import * as log from '../runner/log.js';

/** Main: the CLI to log in with, found before anything is created. */
export const findLoginCli = (settings: Settings): Promise<RegistryCli> =>
  findRegistryCli(settings.cli, 'log in; set `login: false` to only create the credentials and use the outputs');

export async function logIn(cli: RegistryCli, settings: Settings, marker: string, username: string, secret: string): Promise<void> {
  prepareAuthFile(cli, settings.registry, settings.dockerConfig === 'job', marker);
  await cliLogin(cli, settings.registry, username, secret, {
    maxAttempts: settings.maxAttempts,
    // One login is a few requests to the registry; request-timeout bounds each attempt of it.
    attemptTimeoutMs: settings.requestTimeoutMs,
    log: log.info,
  });
}

/** Post: never throws; what fails is a warning that says so. */
export async function logOutAtJobEnd(saved: SavedState, settings: Settings): Promise<void> {
  if (saved.loggedInTo && settings.logout && settings.dockerConfig === 'default') {
    // From state: named in the log only when it is what main would have accepted.
    const registry = isRegistryHost(saved.loggedInTo) ? saved.loggedInTo : 'the registry';
    await core.group(`Log out of ${registry}`, async () => {
      try {
        const cli = await findRegistryCli(settings.cli, 'log out of the registry');
        await cliLogout(cli, saved.loggedInTo, settings.requestTimeoutMs);
        log.info(`Logged out of ${saved.loggedInTo}.`);
      } catch (error) {
        // These messages already say what failed and where.
        log.warning(errorMessage(error));
      }
      // Even when the logout failed: putting the earlier entry back replaces this job's login too.
      try {
        restoreEarlierLogin(saved.marker);
      } catch (error) {
        log.warning(`Could not put back the login to ${registry} that was there before this job: ${errorMessage(error)}`);
      }
    });
  }
  try {
    if (removeExecutionDir(saved.marker) && settings.dockerConfig === 'job' && saved.loggedInTo) {
      log.info("Removed this job's own registry config, and the login in it.");
    }
  } catch (error) {
    log.warning(`Could not remove this job's files under RUNNER_TEMP: ${errorMessage(error)}`);
  }
}
