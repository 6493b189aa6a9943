/**
 * The post step (job end): revoke what main created, sweep up what an interrupted create may
 * have left, prune job sets whose post step never ran, and log docker out. Cleanup never fails
 * the job: a failure is a warning that says what is left and how to remove it.
 */
import * as core from '@actions/core';
import { cleanUpProject, inFlightWaitMs } from './cleanup.js';
import { apiContext } from './context.js';
import { readSettings } from './inputs.js';
import * as log from './log.js';
import { logOutAtJobEnd } from './registry.js';
import { protectSecret } from './secrets.js';
import { readState } from './state.js';

export async function runPost(): Promise<void> {
  const saved = readState();
  if (!saved.marker) {
    // No marker: main stopped before it could create anything, or the runner handed post no state.
    log.info('Nothing to clean up: no credentials were created by this step (no saved state from the main step).');
    return;
  }
  protectSecret(core.getInput('api-key'));
  // The runner passes the post step the same inputs as main, which already accepted them.
  const { settings } = readSettings((name) => core.getInput(name));
  // The wait for a create main was stopped in comes on top of the step's time for API calls.
  const ctx = apiContext(settings, inFlightWaitMs(saved));

  await core.group('Revoke and clean up distribution credentials', () => cleanUpProject(ctx, saved, settings));

  await logOutAtJobEnd(saved, settings);
}
