/**
 * The post step's entry, separate from main's: whatever state the runner hands it (none at all
 * from a tool that drops STATE_*), a post step only cleans up, never creates. An error only warns:
 * cleanup never fails the job. Importing this module does nothing; dist/post.js calls run().
 */
import * as log from '../runner/log.js';
import { runPost } from '../login/post.js';
import { redact } from '../runner/secrets.js';

export async function run(): Promise<void> {
  try {
    await runPost();
  } catch (error) {
    log.warning(`Cleanup failed: ${redact(error instanceof Error ? error.message : String(error))}`);
  }
}
