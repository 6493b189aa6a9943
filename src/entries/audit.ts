/**
 * The audit action's entry: `run()` runs it and turns an error (bad input, a list it cannot make,
 * sets in the fail-on classes) into the step's failure. Importing this module does nothing, so
 * GitHub's local-action can import it and call run(); dist/audit.js is a one-line caller of it.
 */
import * as core from '@actions/core';
import { runAudit } from '../audit/step.js';
import { redact } from '../runner/secrets.js';

export async function run(): Promise<void> {
  try {
    await runAudit();
  } catch (error) {
    core.setFailed(redact(error instanceof Error ? error.message : String(error)));
  }
}
