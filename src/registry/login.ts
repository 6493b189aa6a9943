/**
 * The registry side of both steps, each called in one line: main logs in (with the job's own
 * config, or the shared one with this job's login on record, then the CLI with retries); post
 * takes the logins out of the job's config, or logs out of the shared one and puts back what
 * should be there.
 */
import * as core from '@actions/core';
import { errorMessage } from '../deepgram/errors.js';
import { isRegistryHost } from '../inputs/registry-host.js';
import type { LoginSettings as Settings } from './login-settings.js';
import { cliLogin, cliLogout, findRegistryCli, type RegistryCli } from './cli.js';
import { authFilePath, executionDir, prepareAuthFile } from './config.js';
import { closeJobConfig } from './job-config.js';
import { releaseLogin } from './shared-config.js';
import type { SavedState } from '../runner/state.js';
import * as log from '../runner/log.js';

/** Main: the CLI to log in with, found before anything is created. */
export const findLoginCli = (settings: Settings): Promise<RegistryCli> =>
  findRegistryCli(settings.cli, 'log in; set `login: false` to only create the credentials and use the outputs');

export async function logIn(cli: RegistryCli, settings: Settings, marker: string, username: string, secret: string): Promise<void> {
  const jobConfig =
    settings.dockerConfig === 'job' ? `docker-config: ${settings.dockerConfigAuto ? 'auto, on a self-hosted runner' : 'job'}` : undefined;
  // What the CLI writes for this login: how a later step knows the entry for this job's.
  const auth = Buffer.from(`${username}:${secret}`).toString('base64');
  await prepareAuthFile(cli, settings.registry, jobConfig, marker, auth);
  await cliLogin(cli, settings.registry, username, secret, {
    maxAttempts: settings.maxAttempts,
    // One login is a few requests to the registry; request-timeout bounds each attempt of it.
    attemptTimeoutMs: settings.requestTimeoutMs,
    log: log.info,
  });
}

/** Post: never throws; what fails is a warning that says so. */
export async function logOutAtJobEnd(saved: SavedState, settings: Settings): Promise<void> {
  if (!saved.loggedInTo) return;
  if (settings.dockerConfig === 'job') return closeJobConfigAtJobEnd(saved, settings);
  // From state, which the runner keeps in the environment: named and used only when it is what main would have accepted.
  const registry = isRegistryHost(saved.loggedInTo) ? saved.loggedInTo : undefined;
  const title = settings.logout
    ? `Log out of ${registry ?? 'the registry'}`
    : `Leave the login to ${registry ?? 'the registry'} (logout: false)`;
  await core.group(title, async () => {
    if (registry === undefined) return log.warning('The saved registry is not a registry host; not logging out of it.');
    const cli = await findRegistryCli(settings.cli, 'log out of the registry').catch((error: unknown) => {
      // These messages already say what failed and where.
      if (settings.logout) log.warning(errorMessage(error));
      return undefined;
    });
    // Without the CLI, the config main used all the same: docker's, unless podman was asked for.
    const file = authFilePath(cli?.name ?? (settings.cli === 'podman' ? 'podman' : 'docker'));
    const runLogout =
      cli &&
      (async () => {
        try {
          await cliLogout(cli, registry, settings.requestTimeoutMs);
          log.info(`Logged out of ${registry}.`);
        } catch (error) {
          log.warning(errorMessage(error));
        }
      });
    try {
      await releaseLogin(file, registry, saved.marker, { logout: settings.logout, runLogout });
    } catch (error) {
      log.warning(`Could not put back the login to ${registry} that was there before this job: ${errorMessage(error)}`);
    }
  });
}

/** The job's config stays for the post steps still to come (see job-config.ts); its logins go. */
function closeJobConfigAtJobEnd(saved: SavedState, settings: Settings): void {
  const dir = executionDir(saved.marker);
  if (dir === undefined || !settings.logout) return;
  try {
    if (closeJobConfig(dir)) log.info("Took the logins out of this job's own registry config (the runner empties RUNNER_TEMP at job end).");
  } catch (error) {
    log.warning(`Could not take the logins out of this job's registry config under RUNNER_TEMP: ${errorMessage(error)}`);
  }
}
