/**
 * An API key with a character outside visible ASCII (pasted with the key from a document or a chat)
 * is an input error naming api-key, before anything is sent: run from the built bundle, main and
 * post and the retire action, against the API sandbox.
 */
import { describe, expect, test } from '@jest/globals';
import { dirname, join, resolve } from 'node:path';
import { actionYml, ROOT } from '../../sandbox/runner.js';
import { expectExit, runAction, runStep, useHarness } from './fixtures.js';

const RETIRE_YML = join(ROOT, 'retire', 'action.yml');
const RETIRE_ENTRY = resolve(dirname(RETIRE_YML), actionYml(RETIRE_YML).runs.main);

const h = useHarness();

describe('an api-key that is not visible ASCII', () => {
  test.each([
    ['an en dash', (key: string) => `${key.slice(0, 4)}\u2013${key.slice(4)}`, () => 'U+2013 at character 5'],
    ['a zero-width space', (key: string) => `${key}\u200b`, (key: string) => `U+200B at character ${key.length + 1}`],
    ['an accented letter', (key: string) => `${key.slice(0, 2)}é${key.slice(3)}`, () => 'U+00E9 at character 3'],
  ])('%s: main fails naming api-key, nothing is sent, and post has nothing to clean up', async (_what, spoil, where) => {
    const key = spoil(h.apiKey);
    const { main, post } = await runAction(h.options({ 'api-key': key }));
    expectExit(main, 1);
    expect(main.visibleLog.split('\n')).toContain(
      `::error::Input "api-key": contains ${where(h.apiKey)}, which is not visible ASCII (an en dash, a zero-width space or an ` +
        'accented letter pasted with the key); a Deepgram API key is letters, digits and ASCII punctuation only.',
    );
    expect(main.state).toEqual({});
    expectExit(post, 0);
    expect(post.visibleLog).toContain('Nothing to clean up');
    expect(h.sandbox.requests).toEqual([]);
    expect(h.dockerArgv()).toEqual([]);
    for (const step of [main, post]) expect(step.visibleLog).not.toContain(key);
  });

  test('the retire action refuses it the same way', async () => {
    const key = `${h.apiKey}\u2013`;
    const step = await runStep({ ...h.options({ 'api-key': key, keep: 'prod-pull' }), action: RETIRE_YML, entry: RETIRE_ENTRY });
    expectExit(step, 1);
    expect(step.visibleLog).toContain(
      `::error::Input "api-key": contains U+2013 at character ${h.apiKey.length + 1}, which is not visible ASCII`,
    );
    expect(h.sandbox.requests).toEqual([]);
    expect(step.visibleLog).not.toContain(key);
  });
});
