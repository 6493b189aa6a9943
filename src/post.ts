/**
 * The post step (job end): revoke what main created, sweep up what an interrupted create may
 * have left, and log docker out. Cleanup never fails the job: a failure is a warning that says
 * what is left and how to remove it.
 */
import * as core from '@actions/core';
import { apiContext } from './context.js';
import { errorMessage, revokeCredentials, sweepMarked } from './credentials.js';
import { readSettings } from './inputs.js';
import { logOutAtJobEnd } from './registry.js';
import { protectSecret } from './secrets.js';
import { readState } from './state.js';

export async function runPost(): Promise<void> {
  const saved = readState();
  if (!saved.marker) {
    core.info('Nothing to clean up: the main step stopped before it created any credentials.');
    return;
  }
  protectSecret(core.getInput('api-key'));
  // The runner passes the post step the same inputs as main, which already accepted them.
  const { settings } = readSettings((name) => core.getInput(name));
  const ctx = apiContext(settings);

  if (saved.credentialsId && settings.revoke) {
    await core.group('Revoke distribution credentials', async () => {
      try {
        await revokeCredentials(ctx, saved.credentialsId);
      } catch (error) {
        core.warning(
          `Could not revoke distribution credentials ${saved.credentialsId}: ${errorMessage(error)}. ` +
            `Delete them by hand: DELETE /v1/projects/${settings.projectId}/self-hosted/distribution/credentials/${saved.credentialsId} ` +
            `(or in the Deepgram console).`,
        );
      }
    });
  } else if (saved.credentialsId) {
    core.info(`Keeping distribution credentials ${saved.credentialsId} (revoke: false); they do not expire.`);
  }

  if (saved.sweep) {
    await core.group('Sweep credentials an interrupted create may have left', async () => {
      const deleted = await sweepMarked(ctx, saved.marker, saved.credentialsId);
      core.info(`Deleted ${deleted} stray set(s) of credentials carrying [${saved.marker}].`);
    });
  }

  await logOutAtJobEnd(saved, settings);
}
