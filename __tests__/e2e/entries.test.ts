/**
 * The steps' entries: the runner runs action.yml's runs.main and runs.post, separate files, so a
 * post step is a post step whatever state it is given.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { runStep, startHarness, type Harness } from './fixtures.js';

jest.setTimeout(60_000);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.reset());

describe('post step without the main step’s state', () => {
  test('creates nothing: no request, no docker, exit 0, nothing to clean up', async () => {
    // A runner or tool that drops STATE_*: the post entry gets the inputs and nothing else.
    const post = await runStep({ ...h.options(), step: 'post' }, {});
    expect(post.exitCode).toBe(0);
    expect(post.visibleLog).toMatch(/^Nothing to clean up/m);
    expect(h.sandbox.requests).toEqual([]);
    expect(h.dockerArgv()).toEqual([]);
    expect(h.sandbox.credentials()).toEqual([]);
    expect(post.outputs).toEqual({});
    expect(post.state).toEqual({});
  });
});
