/**
 * Entry point of both steps: the runner runs this bundle for `main` and again for `post`; the
 * state main saved tells them apart. An error fails the main step but only warns in post.
 */
import * as core from '@actions/core';
import { runMain } from './main.js';
import { runPost } from './post.js';
import { redact } from './secrets.js';
import { readState } from './state.js';

export async function run(): Promise<void> {
  const isPost = readState().isPost;
  try {
    await (isPost ? runPost() : runMain());
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error));
    if (isPost) core.warning(`Cleanup failed: ${message}`);
    else core.setFailed(message);
  }
}

// Not a top-level await: that makes the bundle an async module, whose extra webpack machinery
// costs ~3 ms of every step's start-up (npm run bench). run() never rejects, and the pending
// work keeps the process alive until it is done.
void run();
