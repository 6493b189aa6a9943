/**
 * The tag at the end of a comment is all that finds a set again, so it must survive: run from the
 * built bundle against the API sandbox, a long comment is shortened (the person's part, never the
 * tag) to at most 200 characters, and a create answer whose stored comment lost the tag is warned
 * about.
 */
import { describe, expect, test } from '@jest/globals';
import { dirname, join, resolve } from 'node:path';
import { actionYml, ROOT } from '../../sandbox/runner.js';
import { expectExit, runAction, runStep, SANDBOX_PROJECT_ID, useHarness } from './fixtures.js';

const RETIRE_YML = join(ROOT, 'retire', 'action.yml');
const RETIRE_ENTRY = resolve(dirname(RETIRE_YML), actionYml(RETIRE_YML).runs.main);

const h = useHarness();

describe('the comment sent', () => {
  test('a long comment is cut with …, the tag whole, at most 200 characters; retire finds the set by its name', async () => {
    const long = `Release pipeline for the speech stack — ${'très long commentaire 🎙️ '.repeat(20)}`;
    const { main, post } = await runAction(h.options({ comment: long, keep: 'prod-pull', login: 'false' }));
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    const [stored] = h.sandbox.credentials(SANDBOX_PROJECT_ID);
    const comment = stored!.comment!;
    expect(comment.length).toBeLessThanOrEqual(200);
    expect(comment).toMatch(
      /^Release pipeline for the speech stack — très long commentaire .*… \[dg-action:[0-9a-f]{12} keep=prod-pull\]$/u,
    );
    // No half of a character: the comment is well-formed text whatever the cut.
    expect(Buffer.from(comment, 'utf8').toString('utf8')).toBe(comment);
    expect(main.visibleLog).not.toContain('::warning');

    // The tag survived, so the set can be found by its name: a newer set under it retires this one.
    // Newer by whole seconds (a quiet machine runs main and post within one): retire leaves alone
    // sets it cannot order.
    h.sandbox.shiftClock(2_000);
    const newer = h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: '[dg-action:0123456789ab keep=prod-pull]' });
    const retire = await runStep({ ...h.options({ keep: 'prod-pull' }), action: RETIRE_YML, entry: RETIRE_ENTRY });
    expectExit(retire, 0);
    expect(retire.outputs.retired).toBe(main.outputs['credentials-id']);
    expect(h.sandbox.credentials(SANDBOX_PROJECT_ID).map((c) => c.id)).toEqual([newer.id]);
  });

  test('a comment that fits is sent as it is', async () => {
    const { main } = await runAction(h.options({ comment: 'nightly build', login: 'false', revoke: 'false' }));
    expectExit(main, 0);
    expect(h.sandbox.credentials(SANDBOX_PROJECT_ID)[0]?.comment).toMatch(/^nightly build \[dg-action:[0-9a-f]{12} kept\]$/);
  });
});

describe('the comment as the API stored it', () => {
  /** The create is carried out, but its answer echoes the comment as an API that keeps 40 characters would. */
  function cutStoredComment(): { id: string } {
    const next = h.sandbox.presetNext();
    h.sandbox.addFault({
      op: 'create',
      status: 201,
      afterAction: true,
      body: {
        distribution_credentials: {
          distribution_credentials_id: next.id,
          username: next.username,
          secret: next.secret,
          provider: 'quay',
          scopes: ['self-hosted:products'],
          comment: 'GitHub Actions: octo-org/release-pipel',
        },
      },
    });
    return next;
  }

  test('without the tag at its end: one warning that no sweep or pruning can find the set; it is still used and revoked', async () => {
    const next = cutStoredComment();
    const { main, post } = await runAction(h.options());
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    expect(main.outputs['credentials-id']).toBe(next.id);
    const warnings = main.visibleLog.split('\n').filter((line) => line.startsWith('::warning'));
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::warning::Deepgram stored the comment of distribution credentials ${next.id} without the tag the action ended it with ` +
            '\\(\\[dg-action:[0-9a-f]{12} job\\]\\): it is revoked at job end by its ID, but if that fails no sweep and no pruning can ever find it\\.$',
        ),
      ),
    ]);
    expect(main.visibleLog).toContain(`Logged in to ${h.sandbox.registryHost}`);
    expect(post.visibleLog).toContain(`Revoked distribution credentials ${next.id}.`);
    expect(h.sandbox.credentials(SANDBOX_PROJECT_ID)).toEqual([]);
  });
});
