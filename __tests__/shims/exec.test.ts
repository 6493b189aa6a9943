/**
 * The bundle's stand-in for @actions/exec (src/shims/exec.ts): the package itself behind it,
 * loaded on first use, for what @actions/core calls (core.platform runs getExecOutput).
 */
import { expect, test } from '@jest/globals';
import * as realPackage from '@actions/exec';
import { exec, getExecOutput, loadExec } from '../../src/shims/exec.js';

const NODE = process.execPath;

test('it loads the package itself, once', async () => {
  const loaded = await loadExec();
  expect(loaded.getExecOutput).toBe(realPackage.getExecOutput);
  expect(loadExec()).toBe(loadExec());
});

test('getExecOutput() runs the command and gives its output and exit code, as core.platform uses it', async () => {
  const result = await getExecOutput(NODE, ['-e', 'process.stdout.write("out"); process.stderr.write("err"); process.exitCode = 3'], {
    silent: true,
    ignoreReturnCode: true,
  });
  expect(result).toEqual({ exitCode: 3, stdout: 'out', stderr: 'err' });
});

test('exec() gives the exit code, and rejects on a failure as the package does', async () => {
  await expect(exec(NODE, ['-e', '0'], { silent: true })).resolves.toBe(0);
  await expect(exec(NODE, ['-e', 'process.exitCode = 2'], { silent: true })).rejects.toThrow(/failed with exit code 2/);
});
