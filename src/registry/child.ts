/**
 * Runs the registry CLI (docker or podman) as a child process: with an environment that holds no
 * input or state of this step, with its input on stdin, and bounded in time.
 *
 * The runner hands a step its inputs as INPUT_* variables, the API key among them; docker, podman
 * and every credential helper or plugin they start would inherit them. They need none of them:
 * what they do need (PATH, HOME, DOCKER_CONFIG, REGISTRY_AUTH_FILE, proxies...) is kept.
 */
import { spawn } from 'node:child_process';
import { onStopSignal } from '../runner/signals.js';

/** The process environment without INPUT_* and STATE_* variables. */
export function childEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  // No prototype: a variable named __proto__ is a variable like any other.
  const result: NodeJS.ProcessEnv = Object.create(null) as NodeJS.ProcessEnv;
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !/^(INPUT|STATE)_/i.test(key)) result[key] = value;
  }
  return result;
}

export interface ChildResult {
  /** The exit code; -1 when the process could not start or was killed. */
  exitCode: number;
  /** stdout and stderr as they arrived. */
  output: string;
  /** The time bound ran out and the process (with its process group) was killed. */
  timedOut: boolean;
  /** The step was stopped (SIGINT, SIGTERM) and the process (with its process group) was killed. */
  stopped?: boolean;
}

export interface ChildOptions {
  input?: Buffer;
  /** Kill the process after this long (it may wait on a stalled server for ever). */
  timeoutMs?: number;
}

export function runChild(file: string, args: string[], options: ChildOptions = {}): Promise<ChildResult> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let stopped = false;
    // Its own process group, so that a timeout (or a stopped step) also ends the helpers it started.
    const child = spawn(file, args, { env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    const kill = (): void => killGroup(child.pid, () => child.kill('SIGKILL'));
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            kill();
          }, options.timeoutMs);
    // The runner's SIGINT or SIGTERM reaches the step, not the group: the step passes it on.
    const release = onStopSignal(() => {
      stopped = true;
      kill();
    });
    const done = (exitCode: number): void => {
      clearTimeout(timer);
      release();
      resolve({ exitCode, output, timedOut, stopped });
    };
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      output += error.message;
      done(-1);
    });
    // 'close' waits for the pipes; a killed process's descendants could hold them open, so after
    // a timeout or a stop its exit is enough.
    child.on('close', (code) => done(code ?? -1));
    child.on('exit', (code) => {
      if (timedOut || stopped) done(code ?? -1);
    });
    // A CLI that exits before reading stdin closes the pipe: that is its answer, not ours to report.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  });
}

function killGroup(pid: number | undefined, fallback: () => void): void {
  try {
    if (pid === undefined || process.platform === 'win32') throw new Error('no group');
    process.kill(-pid, 'SIGKILL');
  } catch {
    fallback();
  }
}
