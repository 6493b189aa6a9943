/**
 * The bundle: every step of the action by name, bundled once into dist/action.js. The runner runs
 * one small file per step (action.yml's runs.main and runs.post, retire/action.yml's runs.main),
 * each of which requires its step from here and calls it; scripts/build.js writes them. A new step
 * is one line here and one in scripts/build.js.
 */
export { run as main } from './entries/main.js';
export { run as post } from './entries/post.js';
export { runRetire as retire } from './retire.js';
