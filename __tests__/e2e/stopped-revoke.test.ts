/**
 * A post step stopped while its revoke is in flight cannot know whether the set is gone, and with
 * `prune-after: off` nothing else ever deletes it: before it dies it names the set and how to
 * delete it. End to end on the built bundle, stopped as the runner stops it.
 */
import { describe, expect, jest, test } from '@jest/globals';
import { until } from '../../__fixtures__/until.js';
import { expectExit, runStep, SANDBOX_PROJECT_ID, useHarness } from './fixtures.js';

jest.setTimeout(60_000);

const h = useHarness();

describe('post stopped before the revoke is answered', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)('%s: a warning names the set and how to delete it', async (signal) => {
    const options = h.options({ login: 'false', 'prune-after': 'off' });
    const main = await runStep(options);
    expectExit(main, 0);
    const id = main.outputs['credentials-id']!;
    // The API holds the delete for 30 s: the step is stopped once the request reached it.
    h.sandbox.addFault({ op: 'delete', delayMs: 30_000 });
    const post = await runStep(
      { ...options, stop: { when: until(() => h.sandbox.requests.some((r) => r.op === 'delete')), signal } },
      main.state,
    );
    expect(post.stopped).toBe(true);
    expectExit(post, -1);
    expect(post.visibleLog).toContain(
      `::warning::The post step was stopped before Deepgram answered the revoke of distribution credentials ${id}: they may still exist. ` +
        `Delete them by hand: DELETE /v1/projects/${SANDBOX_PROJECT_ID}/self-hosted/distribution/credentials/${id} (or in the Deepgram console).`,
    );
  });

  test('answered: no such warning', async () => {
    const options = h.options({ login: 'false', 'prune-after': 'off' });
    const main = await runStep(options);
    const post = await runStep(options, main.state);
    expectExit(post, 0);
    expect(post.visibleLog).toContain(`Revoked distribution credentials ${main.outputs['credentials-id']}.`);
    expect(post.visibleLog).not.toMatch(/was stopped before Deepgram answered/);
  });
});
