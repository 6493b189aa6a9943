/**
 * The bundle: every step of every action by name, bundled once into dist/action.js, and the only
 * module that sees all three actions. The runner runs one small file per step (action.yml's
 * runs.main and runs.post, the runs.main of retire/action.yml and audit/action.yml), each of which
 * requires its step from here and calls it; scripts/build.js writes them. A new step is one line
 * here and one in scripts/build.js.
 *
 * src/ has a folder per action over a core that knows no action (a test,
 * __tests__/repo/layers.test.ts, holds both rules: an action folder never imports another, and the
 * core never imports an action folder):
 *
 *   login/     the main action: main and post (each with its run()), its inputs, its job summary,
 *              and post's cleanup (revoke, sweep, prune)
 *   retire/    the retire action: its inputs, the plan (what goes, what stays, the summary), the step
 *   audit/     the audit action: its inputs, the classes and classifier, the report, the summary,
 *              the step
 *
 *   deepgram/  the API: the client, creating, listing and revoking sets, the tag every comment ends
 *              with, kept sets, the API's clock and ages, scopes, the per-project API object
 *   registry/  the registry CLI (docker or podman), its config, login and logout
 *   inputs/    the parsers the actions share: the API inputs, boolean, choice, lists, durations,
 *              keep, prune-after, the registry host, and the input error
 *   net/       HTTP with its caps and proxy rules, retries, the time budget
 *   runner/    the runner's file commands, log, state, secrets, signals and job summary file
 *   shims/     lazy stand-ins for packages the bundle loads only on first use
 */
export { run as main } from './login/main.js';
export { run as post } from './login/post.js';
export { run as retire } from './retire/step.js';
export { run as audit } from './audit/step.js';
