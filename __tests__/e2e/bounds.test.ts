/**
 * Bounded, whatever the server does: end to end on the built bundle, direct and through a proxy.
 * An answer that trickles in (headers or body) ends each attempt at request-timeout and the step
 * exits; an answer without end is cut at 1 MiB. The sandbox carries the request out before it
 * misbehaves, so each test also shows that what was created is gone once post has run.
 *
 * The bound each step is held to is wide (a few seconds of work against BOUND_MS): past it the
 * runner kills the step and the test fails on `stopped`, instead of waiting for jest's timeout.
 */
import { describe, expect, jest, test } from '@jest/globals';
import type { RunOptions } from '../../sandbox/runner.js';
import { expectExit, runStep, type StepResult } from './fixtures.js';
import { useApiBehindProxy } from './proxy.js';

const BOUND_MS = 30_000;
jest.setTimeout(3 * BOUND_MS);

const { h, api } = useApiBehindProxy();

type Path = 'direct' | 'through a proxy';
const PATHS: Path[] = ['direct', 'through a proxy'];

/** Runner options for `path`, with a bound on each step. */
function options(path: Path, inputs: Record<string, string>): RunOptions {
  const base = { login: 'false', 'request-timeout': '1', ...inputs };
  const run =
    path === 'direct' ? h.options(base) : h.options({ ...base, 'api-url': api.apiUrl }, { ...api.env, https_proxy: api.proxyUrl });
  return { ...run, stop: { afterMs: BOUND_MS, signal: 'SIGKILL' as const } };
}

/** The step ended by itself, within the bound. */
function expectEnded(step: StepResult) {
  expect(step.stopped).toBe(false);
  expect(step.elapsedMs).toBeLessThan(BOUND_MS);
}

const ops = () => h.sandbox.requests.map((r) => r.op);

describe('an answer that trickles in: every attempt ends at request-timeout, and the step exits', () => {
  test.each(PATHS.flatMap((path) => (['headers', 'body'] as const).map((trickle) => [path, trickle] as const)))(
    '%s, trickled %s on every create: main fails after its attempts; post sweeps what they made',
    async (path, trickle) => {
      h.sandbox.addFault({ op: 'create', trickle, times: 0 });
      const run = options(path, { 'max-attempts': '2' });
      const main = await runStep(run);
      expectEnded(main);
      expectExit(main, 1);
      expect(main.visibleLog).toMatch(
        /Attempt 1 of 2 to create distribution credentials failed: .*no response within 1 s \(request-timeout\)/,
      );
      expect(main.visibleLog).toMatch(/::error::Deepgram API: create distribution credentials failed: .*no response within 1 s/);
      expect(ops().filter((op) => op === 'create')).toHaveLength(2);
      const post = await runStep(run, main.state);
      expectEnded(post);
      expectExit(post, 0);
      expect(h.sandbox.credentials()).toEqual([]);
    },
  );

  test.each(PATHS)('%s, a revoke answered by a trickle: post warns and exits; the delete it asked for was done', async (path) => {
    const run = options(path, { 'max-attempts': '2' });
    const main = await runStep(run);
    expectExit(main, 0);
    h.sandbox.addFault({ op: 'delete', trickle: 'body', times: 0 });
    const post = await runStep(run, main.state);
    expectEnded(post);
    expectExit(post, 0);
    expect(post.visibleLog).toMatch(/::warning::Could not revoke distribution credentials .*no response within 1 s \(request-timeout\)/);
    expect(h.sandbox.credentials()).toEqual([]);
  });
});

describe('an answer without end is cut at 1 MiB', () => {
  test.each(PATHS)('%s, on the create: main fails at once, naming the limit, and sweeps the set it made', async (path) => {
    h.sandbox.addFault({ op: 'create', endless: true, times: 0 });
    const run = options(path, { 'request-timeout': '20' });
    const main = await runStep(run);
    expectEnded(main);
    expectExit(main, 1);
    expect(main.visibleLog).toMatch(
      /::error::Deepgram API: create distribution credentials failed: could not get a response from .*: the answer was larger than 1 MiB, the most this action reads; the connection was closed/,
    );
    // Not retried (something other than the API under load answered), but it may have created a
    // set: main sweeps for it at once, and tells post to look again.
    expect(ops()).toEqual(['create', 'list', 'delete']);
    expect(h.sandbox.credentials()).toEqual([]);
    expect(main.state.sweep).toBe('true');
    const post = await runStep(run, main.state);
    expectEnded(post);
    expectExit(post, 0);
    expect(ops().slice(3)).toEqual(['list']);
    expect(h.sandbox.credentials()).toEqual([]);
  });
});
