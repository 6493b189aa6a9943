/**
 * The post step (job end): log docker out and put back the login it replaced and, beside it,
 * revoke what main created, sweep up what an interrupted create may have left, and prune job sets
 * whose post step never ran. Cleanup never fails the job: a failure is a warning that says what
 * is left and how to remove it.
 */
import * as core from '@actions/core';
import { cleanUpProject, inFlightWaitMs } from './cleanup.js';
import { ProjectApi } from '../deepgram/project-api.js';
import { readSettings } from './inputs.js';
import * as log from '../runner/log.js';
import { logOutAtJobEnd } from '../registry/login.js';
import { protectSecret, redact } from '../runner/secrets.js';
import { readState } from '../runner/state.js';
import { holdLines } from '../runner/held-lines.js';

/**
 * The post step's entry, separate from main's: whatever state the runner hands it (none at all
 * from a tool that drops STATE_*), a post step only cleans up, never creates. An error only warns:
 * cleanup never fails the job. Importing this module does nothing; dist/post.js calls run().
 */
export async function run(): Promise<void> {
  try {
    await runPost();
  } catch (error) {
    log.warning(`Cleanup failed: ${redact(error instanceof Error ? error.message : String(error))}`);
  }
}

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
  const api = ProjectApi.forStep(settings, inFlightWaitMs(saved));

  // The API cleanup and the logout go side by side: the config is put back in the logout's own
  // time, however long the API takes (a post stopped meanwhile has already put it back), and the
  // requests wait on the API while the CLI starts. The cleanup's lines print after the logout's.
  const lines = holdLines();
  const cleanup = cleanUpProject(api.withLogSinks(lines.info, lines.warning), saved, settings);
  cleanup.catch(() => undefined); // awaited below, after the logout: not an unhandled rejection meanwhile
  await logOutAtJobEnd(saved, { logout: settings.logout, requestTimeoutMs: settings.requestTimeoutMs });

  await core.group('Revoke and clean up distribution credentials', () => {
    lines.release();
    return cleanup;
  });
}
