/**
 * What the bundle gives every `import * as exec from '@actions/exec'`: the package itself, loaded
 * on first use. tsconfig.json "paths" points the name here and ncc follows it, as for
 * @actions/http-client (see that shim); jest, which ignores "paths", uses the package itself.
 *
 * @actions/core imports @actions/exec as it loads, for core.platform.getDetails(), which this
 * action never calls (it runs its registry CLI itself, src/registry/child.ts). With the @actions/io it
 * brings, every step would compile it as it started (docs/performance.md). This module
 * has no side effects, so webpack, finding nothing that reaches it, leaves it and the package out
 * of dist/ altogether; were core.platform ever called, the package would be a chunk loaded then.
 */
// A relative path, because the package name itself leads back here in the bundle.
import type * as Package from '../../node_modules/@actions/exec/lib/exec.js';

let loading: Promise<typeof Package> | undefined;

/** @actions/exec itself, loaded once. */
export function loadExec(): Promise<typeof Package> {
  loading ??= import('../../node_modules/@actions/exec/lib/exec.js');
  return loading;
}

export async function exec(...args: Parameters<typeof Package.exec>): ReturnType<typeof Package.exec> {
  return (await loadExec()).exec(...args);
}

export async function getExecOutput(...args: Parameters<typeof Package.getExecOutput>): ReturnType<typeof Package.getExecOutput> {
  return (await loadExec()).getExecOutput(...args);
}
