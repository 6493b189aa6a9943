/**
 * The bundle's stand-in for @actions/exec (src/shims/exec.ts): for the calls this action makes it
 * spawns the command itself, and must answer exactly as the package does; anything else goes to
 * the package.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import * as realExec from '@actions/exec';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as shim from '../src/shims/exec.js';

let dir: string;
let tool: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'exec-shim-'));
  tool = join(dir, 'tool');
  // Echoes its arguments and, given --password-stdin (as docker reads it then), its standard input;
  // writes to stderr, exits with the code an `exit=N` argument gives. Like docker logout, it leaves
  // stdin alone otherwise.
  writeFileSync(
    tool,
    `#!/bin/sh
echo "args: $*"
case "$*" in *--password-stdin*) echo "stdin: $(cat)";; esac
echo "to stderr" >&2
code=0
for arg; do case "$arg" in exit=*) code="\${arg#exit=}";; esac; done
exit "$code"
`,
  );
  chmodSync(tool, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What one implementation reports for a call: exit code (or error), and what each listener got. */
async function run(impl: typeof shim, args: string[], input?: Buffer, commandLine = tool) {
  let stdout = '';
  let stderr = '';
  const options: realExec.ExecOptions = {
    silent: true,
    ignoreReturnCode: true,
    listeners: { stdout: (data: Buffer) => (stdout += data.toString()), stderr: (data: Buffer) => (stderr += data.toString()) },
    ...(input ? { input } : {}),
  };
  const exitCode = await impl.exec(commandLine, args, options).catch((error: Error) => error.message);
  return { exitCode, stdout, stderr };
}

describe('the calls this action makes: the same answers as @actions/exec', () => {
  test.each([
    ['exit 0, no input', ['logout', 'quay.io'], undefined, 0],
    ['exit 0, a secret on stdin', ['login', '--password-stdin'], Buffer.from('s3cret'), 0],
    ['exit 1', ['login', '--password-stdin', 'exit=1'], Buffer.from('wrong'), 1],
    ['exit 125, arguments with spaces and quotes', ['x y', '"quoted"', 'exit=125'], undefined, 125],
  ])('%s', async (_name, args, input, exitCode) => {
    const ours = await run(shim, args, input);
    expect(ours).toEqual(await run(realExec, args, input));
    expect(ours.exitCode).toBe(exitCode);
    expect(ours.stdout).toBe(`args: ${args.join(' ')}\n${input ? `stdin: ${input.toString()}\n` : ''}`);
    expect(ours.stderr).toBe('to stderr\n');
  });

  test('a command that cannot start: a rejection that says so', async () => {
    // The package checks the path first; the stand-in learns it from spawn. Both name the path.
    const missing = join(dir, 'missing');
    const ours = await run(shim, ['login'], undefined, missing);
    expect(ours.exitCode).toMatch(new RegExp(`^There was an error when attempting to execute the process '${missing}'.*ENOENT`));
    expect((await run(realExec, ['login'], undefined, missing)).exitCode).toContain(missing);
  });
});

test('any other call goes to the package itself', async () => {
  // Not silent: the package echoes the command line to stdout, which only it does.
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => lines.push(String(chunk)) > 0) as typeof process.stdout.write;
  try {
    await shim.exec(tool, ['hello'], { ignoreReturnCode: true, listeners: {} });
  } finally {
    process.stdout.write = write;
  }
  expect(lines[0]).toBe(`[command]${tool} hello\n`);
  const output = await shim.getExecOutput(tool, ['again'], { silent: true });
  expect(output).toEqual({ exitCode: 0, stdout: 'args: again\n', stderr: 'to stderr\n' });
});
