/**
 * The post step (job end): revoke what main created, sweep up what an interrupted create may
 * have left, prune job sets whose post step never ran, and log docker out. Cleanup never fails
 * the job: a failure is a warning that says what is left and how to remove it.
 */
import * as core from '@actions/core';
import { cleanUpProject, inFlightWaitMs } from './cleanup.js';
import { apiContext } from './context.js';
import { errorMessage } from './credentials.js';
import { dockerLogout, findDocker } from './docker.js';
import { readSettings } from './inputs.js';
import * as log from './log.js';
import { protectSecret } from './secrets.js';
import { readState } from './state.js';

export async function runPost(): Promise<void> {
  const saved = readState();
  if (!saved.marker) {
    log.info('Nothing to clean up: the main step stopped before it created any credentials.');
    return;
  }
  protectSecret(core.getInput('api-key'));
  // The runner passes the post step the same inputs as main, which already accepted them.
  const { settings } = readSettings((name) => core.getInput(name));
  // The wait for a create main was stopped in comes on top of the step's time for API calls.
  const ctx = apiContext(settings, inFlightWaitMs(saved));

  await core.group('Revoke and clean up distribution credentials', () => cleanUpProject(ctx, saved, settings));

  if (saved.loggedInTo && settings.logout) {
    await core.group(`Log out of ${saved.loggedInTo}`, async () => {
      try {
        await dockerLogout(await findDocker(`log out of ${saved.loggedInTo}`), saved.loggedInTo);
        log.info(`Logged out of ${saved.loggedInTo}.`);
      } catch (error) {
        // DockerError messages already say what failed and where.
        log.warning(errorMessage(error));
      }
    });
  }
}
