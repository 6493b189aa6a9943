/**
 * The main step's entry: `run()` runs it and turns an error into the step's failure. Importing
 * this module does nothing, so a tool that imports it and calls run() itself (GitHub's
 * local-action) runs the step once; the runner's dist/index.js is a one-line caller of it.
 */
import * as core from '@actions/core';
import { runMain } from '../login/main.js';
import { redact } from '../runner/secrets.js';

export async function run(): Promise<void> {
  try {
    await runMain();
  } catch (error) {
    core.setFailed(redact(error instanceof Error ? error.message : String(error)));
  }
}
