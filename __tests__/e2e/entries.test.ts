/**
 * The steps' entries: the runner runs action.yml's runs.main and runs.post, separate files, so a
 * post step is a post step whatever state it is given; and GitHub's local-action, which imports
 * an entry and calls its run(), runs main then post from CONTRIBUTING.md's command.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, jest, test } from '@jest/globals';
import { ROOT } from '../../sandbox/runner.js';
import { expectExit, runStep, SANDBOX_PROJECT_ID, useHarness } from './fixtures.js';

// local-action compiles the TypeScript source on every run: half a minute on a busy machine, over a
// minute with the rest of the suite running beside it.
jest.setTimeout(180_000);

const h = useHarness();

describe('post step without the main step’s state', () => {
  test('creates nothing: no request, no docker, exit 0, nothing to clean up', async () => {
    // A runner or tool that drops STATE_*: the post entry gets the inputs and nothing else.
    const post = await runStep({ ...h.options(), step: 'post' }, {});
    expectExit(post, 0);
    expect(post.visibleLog).toMatch(/^Nothing to clean up/m);
    expect(h.sandbox.requests).toEqual([]);
    expect(h.dockerArgv()).toEqual([]);
    expect(h.sandbox.credentials()).toEqual([]);
    expect(post.outputs).toEqual({});
    expect(post.state).toEqual({});
  });
});

describe('GitHub local-action', () => {
  /** CONTRIBUTING.md's command, run in the repository with a .env file of inputs, as a developer would. */
  function localAction(
    envFile: string,
    env: Record<string, string>,
    entries = ['src/login/main.ts', envFile, '--post', 'src/login/post.ts'],
  ): Promise<{ code: number | null; log: string }> {
    const args = ['--yes', '@github/local-action@7.0.1', '.', ...entries];
    // The developer's shell: none of jest's NODE_OPTIONS, no runner variables.
    const base = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^(INPUT|STATE|GITHUB|RUNNER)_|^NODE_OPTIONS$/.test(key)),
    );
    return new Promise((done, fail) => {
      const child = spawn('npx', args, { cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      child.stdout.on('data', (chunk) => (log += chunk));
      child.stderr.on('data', (chunk) => (log += chunk));
      child.on('error', fail);
      child.on('close', (code) => done({ code, log }));
    });
  }

  test('runs main then post: creates, logs in, revokes, logs out, leaves nothing', async () => {
    const { inputs, env } = h.options();
    const envFile = join(h.workdir, '.env');
    writeFileSync(
      envFile,
      Object.entries(inputs)
        .map(([name, value]) => `INPUT_${name.toUpperCase()}=${value}\n`)
        .join(''),
    );
    const issued = h.sandbox.presetNext();

    const { code, log } = await localAction(envFile, { ...env, DOCKER_CONFIG: join(h.workdir, 'docker') });

    // local-action exits 0 even when a step fails: the log and the project say whether it worked.
    expect(code).toBe(0);
    expect(log).toContain(`Created distribution credentials ${issued.id}`);
    expect(log).toContain(`Logged in to ${h.sandbox.registryHost} as ${issued.username}.`);
    expect(log).toContain(`Revoked distribution credentials ${issued.id}.`);
    expect(log).toContain(`Logged out of ${h.sandbox.registryHost}.`);
    expect(log).not.toMatch(/::error::/);
    // The create; then the revoke, with the list for pruning beside it.
    expect(
      h.sandbox.requests
        .filter((r) => r.op !== 'registry')
        .map((r) => `${r.method} ${r.op}`)
        .sort(),
    ).toEqual(['DELETE delete', 'GET list', 'POST create']);
    expect(h.sandbox.credentials(SANDBOX_PROJECT_ID)).toEqual([]);
    expect(h.dockerArgv()).toEqual([
      `login --username ${issued.username} --password-stdin -- ${h.sandbox.registryHost}`,
      `logout -- ${h.sandbox.registryHost}`,
    ]);
    expect(h.dockerConfig().auths?.[h.sandbox.registryHost]).toBeUndefined();
    for (const secret of [h.apiKey, issued.secret]) expect(log).not.toContain(secret);
  });

  test('runs the audit from its source: lists the project, classifies every set, writes nothing to it', async () => {
    h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: 'made in the console', email: 'someone@example.com' });
    h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: 'ci [dg-action:0123456789ab job]', created: '2020-06-01T00:00:00Z' });
    const envFile = join(h.workdir, '.env.audit');
    const { inputs, env } = h.options({ 'fail-on': 'orphaned' });
    const names = ['api-key', 'project-id', 'api-url', 'fail-on'];
    writeFileSync(envFile, names.map((name) => `INPUT_${name.toUpperCase()}=${inputs[name]}\n`).join(''));

    const { code, log } = await localAction(envFile, env ?? {}, ['src/audit/step.ts', envFile]);

    expect(code).toBe(0);
    expect(log).toContain('job 0, orphaned 1, kept 0, in-service 0, superseded 0, legacy 0, untagged 1, unreadable 0, stale-kept 0.');
    // fail-on names orphaned, and an orphaned set is there: the step fails, naming the count.
    expect(log).toContain('1 set(s) of distribution credentials are in the fail-on classes (orphaned 1)');
    expect(h.sandbox.requests.map((r) => `${r.method} ${r.op}`)).toEqual(['GET list']);
    expect(h.sandbox.credentials(SANDBOX_PROJECT_ID)).toHaveLength(2);
    expect(log).not.toContain(h.apiKey);
  });
});
