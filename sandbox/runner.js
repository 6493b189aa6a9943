/**
 * A local stand-in for the GitHub runner, for the demo, the end-to-end tests and the benchmark:
 * it runs action.yml's `runs.main` entry as the runner does, with inputs as INPUT_* variables
 * filled in from action.yml's defaults, GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files,
 * then its `runs.post` entry with the saved state as STATE_* variables (and what main exported
 * through GITHUB_ENV).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '..');
/** The Node that runs the step: ACTION_NODE (Node 24, as action.yml declares: sandbox/node24.js), else this one. */
export const ACTION_NODE = process.env.ACTION_NODE || process.execPath;
/** A line Node prints on stderr for a process warning: `(node:1234) [DEP0040] DeprecationWarning: ...`. */
const NODE_WARNING = /^\(node:\d+\) /;

/** An action.yml, parsed: the main action's by default, or another's such as retire/action.yml. */
export function actionYml(file = join(ROOT, 'action.yml')) {
  return parse(readFileSync(file, 'utf8'));
}

/** The file the runner runs for a step: action.yml's `runs.main` or `runs.post`. */
export function entryOf(step) {
  return join(ROOT, actionYml().runs[step]);
}

export const BUNDLE = entryOf('main');

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
    // As the runner says where a job runs: a GitHub-hosted machine unless a test says otherwise.
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: options.workdir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    DOCKER_CONFIG: join(options.workdir, 'docker'),
  });
  for (const [name, spec] of Object.entries(actionYml(options.action).inputs)) {
    // core.getInput reads INPUT_<NAME> with spaces as underscores, upper-cased; hyphens stay.
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = options.inputs[name] ?? spec.default ?? '';
  }
  for (const [key, value] of Object.entries(state)) env[`STATE_${key}`] = value;
  return Object.assign(env, options.env ?? {});
}

let fileCounter = 0;

/**
 * Runs one step: `options.step`, or else main without a `state` and post with one (main's saved
 * state, which may be empty).
 * @param {{inputs: Record<string,string>, env?: Record<string,string>, workdir: string, step?: 'main'|'post', entry?: string, action?: string, nodeArgs?: string[], stop?: {afterMs?: number, when?: Promise<unknown>, logged?: string, signal?: NodeJS.Signals}}} options
 * @param {Record<string,string>} [state]
 */
export async function runStep(options, state) {
  const step = options.step ?? (state === undefined ? 'main' : 'post');
  const id = `${process.pid}-${++fileCounter}`;
  const files = {
    output: join(options.workdir, `output-${id}`),
    state: join(options.workdir, `state-${id}`),
    summary: join(options.workdir, `summary-${id}`),
    env: join(options.workdir, `env-${id}`),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const started = performance.now();
  const child = spawn(options.node ?? ACTION_NODE, [...(options.nodeArgs ?? []), options.entry ?? entryOf(step)], {
    cwd: options.workdir,
    env: stepEnv(options, files, state ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // As the runner stops a cancelled or timed-out step (SIGINT), or a bound for a step that must
  // end by itself (SIGKILL): a signal while the step is still at work, and the result says so.
  // The test chooses the moment by events, whatever the load: once `when` has resolved (the
  // sandbox saw the create) and the step has printed the text `logged`, each if given.
  let stopped = false;
  let exited = false;
  const stop = () => {
    if (exited || stopped) return;
    stopped = true;
    child.kill(options.stop.signal ?? 'SIGINT');
  };
  let awaited = options.stop?.when === undefined;
  let heardLine = options.stop?.logged === undefined;
  const stopIfDue = () => {
    if (options.stop && (options.stop.when || options.stop.logged) && awaited && heardLine) stop();
  };
  let log = '';
  let stderr = '';
  const heard = (chunk) => {
    log += chunk.toString();
    if (!heardLine && log.includes(options.stop.logged)) {
      heardLine = true;
      stopIfDue();
    }
  };
  child.stdout.on('data', heard);
  child.stderr.on('data', (chunk) => {
    heard(chunk);
    stderr += chunk.toString();
  });
  const stopper = options.stop?.afterMs !== undefined ? setTimeout(stop, options.stop.afterMs) : undefined;
  options.stop?.when?.then(
    () => {
      awaited = true;
      stopIfDue();
    },
    () => undefined,
  );
  const exitCode = await new Promise((done) => child.on('close', (code) => done(code ?? -1)));
  exited = true;
  clearTimeout(stopper);
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
    exported: parseFileCommands(readFileSync(files.env, 'utf8')),
    elapsedMs,
    stopped,
  };
}

/** Main, then post with main's saved state: one use of the action in a job. */
export async function runAction(options) {
  const main = await runStep({ ...options, step: 'main' });
  // Variables main exported reach the job's later steps, post included.
  const post = await runStep({ ...options, step: 'post', env: { ...main.exported, ...options.env } }, main.state);
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
