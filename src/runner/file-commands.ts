/**
 * The runner's file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV), written in their one-line
 * form, `name=value`, whenever the value allows it.
 *
 * What it saves: loading node:crypto in every step, before the create goes out (the step's marker
 * and the create in flight are saved first). @actions/core writes every entry in the multi-line
 * form, `name<<ghadelimiter_<uuid>`, and its random delimiter loads node:crypto. It works with
 * scripts/bundle-startup.js (which makes the bundle's require of node:crypto lazy) and random.ts:
 * without any of the three every step loads node:crypto again, and __tests__/e2e/counts.test.ts
 * fails. docs/performance.md has the measurement. The runner reads `name=value` as it reads the multi-line form (the form
 * GitHub's documentation shows: `echo "name=value" >> "$GITHUB_OUTPUT"`), and everything this
 * action writes is one line: IDs, flags, hosts and paths, and a username and secret that the API
 * client accepts only on one line. A value with a line break, or a runner that gives no file, goes
 * to @actions/core as before, so nothing can ever be written in a form the runner would misread.
 */
import * as core from '@actions/core';
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/** A name the runner cannot misread: no `=`, `<<`, space or line break. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** No character that ends a line for the runner (or for anyone reading the file). */
const ONE_LINE = /^[^\r\n\u0085\u2028\u2029]*$/;

/** Sets a step output, like core.setOutput. */
export function setOutput(name: string, value: string): void {
  if (!appendOneLine('GITHUB_OUTPUT', name, value)) core.setOutput(name, value);
}

/** Saves a value for the post step, like core.saveState. */
export function saveState(name: string, value: string): void {
  if (!appendOneLine('GITHUB_STATE', name, value)) core.saveState(name, value);
}

/** Sets a variable for this step and the job's later steps, like core.exportVariable. */
export function exportVariable(name: string, value: string): void {
  if (!appendOneLine('GITHUB_ENV', name, value)) return core.exportVariable(name, value);
  process.env[name] = value;
}

/** Appends `name=value` to the file the variable names; false when that form cannot carry it. */
function appendOneLine(fileVariable: string, name: string, value: string): boolean {
  const file = process.env[fileVariable];
  // A missing file is @actions/core's to report, as it always has.
  if (!file || !existsSync(file) || !PLAIN_NAME.test(name) || !ONE_LINE.test(value)) return false;
  // A string is written as UTF-8, as the runner reads the file.
  appendFileSync(file, `${name}=${value}${EOL}`);
  return true;
}
