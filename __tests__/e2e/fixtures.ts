/** Shared set-up of the end-to-end suites: a sandbox, a work folder, a docker that records its argv. */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from '@jest/globals';
import { makeWorkdir, maskedLog, runStep as runnerStep, type RunOptions, type StepResult } from '../../sandbox/runner.js';
import { SANDBOX_PROJECT_ID, startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server.js';
import { allGone } from './processes.js';

export { SANDBOX_PROJECT_ID };
export type { Sandbox, StepResult };

/**
 * One step, run as the runner runs it (on ACTION_NODE: Node 24 in CI), and it printed no Node
 * warning (deprecation, experimental, TLS...): a step that warns on the runner fails its test.
 */
export async function runStep(options: RunOptions, state?: Record<string, string>): Promise<StepResult> {
  const result = await runnerStep(options, state);
  expect(result.warnings).toEqual([]);
  return result;
}

/**
 * The step exited with `code`; if not, the failure shows the step's log as GitHub would show it
 * (masked), so a step that failed in CI says why without a second run.
 */
export function expectExit(step: StepResult, code: number): void {
  if (step.exitCode === code) return;
  throw new Error(
    `The step exited with ${step.exitCode}, not ${code}${step.stopped ? ' (it was stopped)' : ''}. Its log:\n${maskedLog(step)}`,
  );
}

/** Main, then post with main's saved state, each checked as runStep checks it. */
export async function runAction(options: RunOptions): Promise<{ main: StepResult; post: StepResult }> {
  const main = await runStep(options);
  const post = await runStep(options, main.state);
  return { main, post };
}

export const REAL_DOCKER = execFileSync('sh', ['-c', 'command -v docker']).toString().trim();

export interface Harness {
  sandbox: Sandbox;
  apiKey: string;
  workdir: string;
  /** Every argv the action gave docker, one line per run (a wrapper on PATH records them). */
  dockerArgv: () => string[];
  /** Options for runStep/runAction: inputs aimed at the sandbox, docker wrapper first on PATH. */
  options: (inputs?: Record<string, string>, env?: Record<string, string>) => RunOptions;
  dockerConfig: () => { auths?: Record<string, { auth: string }> };
  /** Between tests: an empty project, no faults, no request log, no docker argv or logins. */
  reset: () => void;
  close: () => Promise<void>;
}

export async function startHarness(sandboxOptions: SandboxOptions = {}): Promise<Harness> {
  // A key unlike anything else in the log, so a leak of it cannot hide.
  const apiKey = `dgkey${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const sandbox = await startSandbox({ keys: { [apiKey]: { role: 'owner' } }, ...sandboxOptions });
  const work = makeWorkdir('dg-action-e2e-');
  const bin = join(work.path, 'bin');
  mkdirSync(bin);
  const argvLog = join(work.path, 'docker-argv.log');
  writeFileSync(join(bin, 'docker'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${argvLog}'\nexec '${REAL_DOCKER}' "$@"\n`);
  chmodSync(join(bin, 'docker'), 0o755);
  return {
    sandbox,
    apiKey,
    workdir: work.path,
    dockerArgv: () => (existsSync(argvLog) ? readFileSync(argvLog, 'utf8').trim().split('\n').filter(Boolean) : []),
    options: (inputs = {}, env = {}) => ({
      workdir: work.path,
      inputs: {
        'api-key': apiKey,
        'project-id': SANDBOX_PROJECT_ID,
        'api-url': sandbox.url,
        registry: sandbox.registryHost,
        ...inputs,
      },
      env: { PATH: `${bin}:${process.env.PATH}`, ...env },
    }),
    dockerConfig: () => {
      const file = join(work.path, 'docker', 'config.json');
      return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    },
    reset: () => {
      sandbox.reset();
      rmSync(argvLog, { force: true });
      rmSync(join(work.path, 'docker'), { recursive: true, force: true });
    },
    close: async () => {
      await sandbox.close();
      work.remove();
    },
  };
}

/**
 * A harness of each test's own: a sandbox, a work folder and a docker wrapper started before it,
 * and after it, once every process it started is gone (allGone), closed. No test can see another's
 * requests, files or processes, however a step of it was stopped. The object is filled in by the
 * hook, so take properties from it inside tests, not at import.
 */
export function useHarness(sandboxOptions: SandboxOptions = {}): Harness {
  const harness = {} as Harness;
  beforeEach(async () => {
    Object.assign(harness, await startHarness(sandboxOptions));
  });
  afterEach(async () => {
    try {
      await allGone(harness.workdir);
    } finally {
      await harness.close();
    }
  });
  return harness;
}

/** The forms of a secret that must never be readable: itself, and base64 of user:secret. */
export function secretForms(username: string, secret: string): string[] {
  return [secret, Buffer.from(`${username}:${secret}`).toString('base64')];
}

/**
 * Nothing secret is readable anywhere a person or a later step could look: the log (outside
 * ::add-mask:: commands), the saved state, the job summary, or docker's command lines.
 */
export function expectNothingLeaked(harness: Harness, steps: StepResult[], secrets: string[]): void {
  const all = [harness.apiKey, ...secrets].filter(Boolean);
  const argv = harness.dockerArgv().join('\n');
  for (const step of steps) {
    for (const secret of all) {
      expect(step.visibleLog).not.toContain(secret);
      expect(JSON.stringify(step.state)).not.toContain(secret);
      expect(step.summary).not.toContain(secret);
      expect(argv).not.toContain(secret);
    }
  }
}
