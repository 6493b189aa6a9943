/**
 * What the bundle gives every `import * as exec from '@actions/exec'` (tsconfig.json "paths", as
 * for src/shims/http-client.ts; jest, which ignores "paths", runs the tests with the package):
 * exec() runs a command the way @actions/exec does for the calls this action makes (an absolute
 * path found on PATH, `silent`, `ignoreReturnCode`, stdout/stderr listeners, optional `input`),
 * straight through child_process.spawn; any other call goes to the package itself, loaded then.
 *
 * Why: @actions/exec (with @actions/io) is the largest part of the bundle evaluated at start-up,
 * and for each command it first stats the path again asynchronously (io.which), the step's first
 * use of libuv's thread pool, before it spawns: 2 to 3 ms of each step (npm run bench).
 * @actions/core imports it as it loads, for platform details this action never asks for.
 */
import { spawn } from 'node:child_process';
import { isAbsolute } from 'node:path';
import type { ExecOptions, ExecOutput } from '../../node_modules/@actions/exec/lib/interfaces.js';
// A relative path, because the package name itself leads back here in the bundle.
import type * as Package from '../../node_modules/@actions/exec/lib/exec.js';

export type { ExecOptions, ExecOutput };

let loading: Promise<typeof Package> | undefined;
const loadExec = (): Promise<typeof Package> => (loading ??= import('../../node_modules/@actions/exec/lib/exec.js'));

/** The options the direct path handles exactly as @actions/exec does; anything else goes to it. */
const DIRECT = new Set(['silent', 'ignoreReturnCode', 'listeners', 'input']);
const DIRECT_LISTENERS = new Set(['stdout', 'stderr']);

function isDirect(commandLine: string, args: string[] | undefined, options: ExecOptions | undefined): boolean {
  return (
    process.platform !== 'win32' &&
    // exec() splits commandLine into tool and arguments; a bare absolute path splits into itself.
    isAbsolute(commandLine) &&
    !/[\s"']/.test(commandLine) &&
    args !== undefined &&
    options?.silent === true &&
    options.ignoreReturnCode === true &&
    Object.keys(options).every((key) => DIRECT.has(key)) &&
    Object.keys(options.listeners ?? {}).every((key) => DIRECT_LISTENERS.has(key))
  );
}

/** @actions/exec's exec(): resolves with the exit code (null when a signal ended the command). */
export async function exec(commandLine: string, args?: string[], options?: ExecOptions): Promise<number> {
  if (!isDirect(commandLine, args, options)) return (await loadExec()).exec(commandLine, args, options);
  return new Promise((resolve, reject) => {
    const child = spawn(commandLine, args!, { stdio: 'pipe' });
    child.stdout.on('data', (data: Buffer) => options?.listeners?.stdout?.(data));
    child.stderr.on('data', (data: Buffer) => options?.listeners?.stderr?.(data));
    child.on('error', (error) =>
      reject(
        new Error(
          `There was an error when attempting to execute the process '${commandLine}'. This may indicate the process failed to start. Error: ${error.message}`,
        ),
      ),
    );
    // 'close': the command has exited and its output has all been read, as @actions/exec waits for.
    child.on('close', (code) => resolve(code as number));
    if (options?.input) child.stdin.end(options.input);
  });
}

export async function getExecOutput(commandLine: string, args?: string[], options?: ExecOptions): Promise<ExecOutput> {
  return (await loadExec()).getExecOutput(commandLine, args, options);
}
