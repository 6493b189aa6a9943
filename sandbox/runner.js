/**
 * A local stand-in for the GitHub runner, for the demo, the end-to-end tests and the benchmark:
 * it runs the built bundle as the runner does, with inputs as INPUT_* variables filled in from
 * action.yml's defaults, GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files, then the post
 * entry with the saved state as STATE_* variables.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '..');
export const BUNDLE = join(ROOT, 'dist', 'index.js');
/** The Node that runs the step: ACTION_NODE (Node 24, as action.yml declares: sandbox/node24.js), else this one. */
export const ACTION_NODE = process.env.ACTION_NODE || process.execPath;
/** A line Node prints on stderr for a process warning: `(node:1234) [DEP0040] DeprecationWarning: ...`. */
const NODE_WARNING = /^\(node:\d+\) /;

/** action.yml, parsed. */
export function actionYml() {
  return parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
}

/** The environment the runner gives a step of this action. */
function stepEnv(options, files, state) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // A step sees no INPUT_ or STATE_ variables but its own, and none of the Node options this
    // process may run with (jest's NODE_OPTIONS, NODE_NO_WARNINGS): the runner sets neither.
    if (value !== undefined && !/^(INPUT|STATE)_|^NODE_OPTIONS$|^NODE_NO_WARNINGS$/.test(key)) env[key] = value;
  }
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: 'octo-org/release-pipeline',
    GITHUB_WORKFLOW: 'release',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: options.workdir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    DOCKER_CONFIG: join(options.workdir, 'docker'),
  });
  for (const [name, spec] of Object.entries(actionYml().inputs)) {
    // core.getInput reads INPUT_<NAME> with spaces as underscores, upper-cased; hyphens stay.
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = options.inputs[name] ?? spec.default ?? '';
  }
  for (const [key, value] of Object.entries(state)) env[`STATE_${key}`] = value;
  return Object.assign(env, options.env ?? {});
}

let fileCounter = 0;

/**
 * Runs one step (main when `state` is empty, post when it holds main's state).
 * @param {{inputs: Record<string,string>, env?: Record<string,string>, workdir: string, entry?: string, nodeArgs?: string[]}} options
 * @param {Record<string,string>} [state]
 */
export async function runStep(options, state = {}) {
  const id = `${process.pid}-${++fileCounter}`;
  const files = {
    output: join(options.workdir, `output-${id}`),
    state: join(options.workdir, `state-${id}`),
    summary: join(options.workdir, `summary-${id}`),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const started = performance.now();
  const child = spawn(options.node ?? ACTION_NODE, [...(options.nodeArgs ?? []), options.entry ?? BUNDLE], {
    cwd: options.workdir,
    env: stepEnv(options, files, state),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (log += chunk.toString()));
  child.stderr.on('data', (chunk) => {
    log += chunk.toString();
    stderr += chunk.toString();
  });
  const exitCode = await new Promise((done) => child.on('close', (code) => done(code ?? -1)));
  const elapsedMs = performance.now() - started;
  const lines = log.split(/\r?\n/);
  const masks = lines.filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice('::add-mask::'.length));
  const visibleLog = lines.filter((line) => !line.startsWith('::add-mask::')).join('\n');
  return {
    exitCode,
    log,
    visibleLog,
    masks,
    warnings: stderr.split(/\r?\n/).filter((line) => NODE_WARNING.test(line)),
    outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
    state: parseFileCommands(readFileSync(files.state, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    elapsedMs,
  };
}

/** Main, then post with main's saved state: one use of the action in a job. */
export async function runAction(options) {
  const main = await runStep(options);
  const post = await runStep(options, main.state);
  return { main, post };
}

/** Parses `key=value` and `key<<DELIMITER … DELIMITER` entries; a later entry wins, as on the runner. */
export function parseFileCommands(text) {
  const result = {};
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, key, delimiter] = heredoc;
      const value = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]);
      result[key] = value.join('\n');
    } else {
      const eq = line.indexOf('=');
      if (eq > 0) result[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return result;
}

/** The log as a person sees it on GitHub: registered values replaced with ***, mask commands hidden. */
export function maskedLog(result) {
  let text = result.visibleLog;
  for (const value of [...result.masks].sort((a, b) => b.length - a.length)) {
    if (value) text = text.split(value).join('***');
  }
  return text;
}

/** A fresh folder for one run's files. */
export function makeWorkdir(prefix = 'dg-action-') {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
