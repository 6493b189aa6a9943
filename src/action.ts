/**
 * The bundle: every step of the action by name, bundled once into dist/action.js. The runner runs
 * one small file per step (action.yml's runs.main and runs.post, the runs.main of retire/action.yml
 * and audit/action.yml), each of which requires its step from here and calls it; scripts/build.js
 * writes them. A new step is one line here and one in scripts/build.js.
 *
 * src/ is in folders by concern, each of which imports only from the folders below it (a test,
 * __tests__/layers.test.ts, holds this):
 *
 *   entries/   each step's run(): an error becomes the step's failure (main, audit) or a warning (post)
 *   steps/     main, post, retire, audit: each reads as the flow of its step
 *   project/   what a step does to the user's Deepgram project: cleanup and pruning, kept sets,
 *              the job summary, the audit's classes, report and summary, the API client wired
 *              to a step's settings
 *   registry/  the registry CLI (docker or podman), its config, login and logout
 *   settings/  the inputs, read and checked into typed settings
 *   deepgram/  the API client, creating and revoking sets, the tag every comment ends with
 *   net/, runner/  HTTP, retries and the time budget; the runner's file commands, log, state and
 *              secrets (neither imports the other)
 *   shims/     lazy stand-ins for packages the bundle loads only on first use
 */
export { run as main } from './entries/main.js';
export { run as post } from './entries/post.js';
export { runRetire as retire } from './retire/step.js';
export { run as audit } from './entries/audit.js';
