/**
 * The action against a real registry: credentials from the Deepgram API sandbox, docker login to
 * Debian's docker-registry with htpasswd. Run by `npm run test:registry` (and CI); without
 * docker-registry installed this suite fails rather than pass empty.
 */
import { describe, expect, test } from '@jest/globals';
import { expectExit, expectNothingLeaked, runStep, secretForms } from './fixtures.js';
import { useRealRegistry } from './registry.js';

const { h, start: startRegistry } = useRealRegistry();

describe('a real registry (docker-registry with htpasswd)', () => {
  test('docker logs in with the minted credentials, and out again at job end', async () => {
    // The registry reads its users once, at start: it knows the credentials the sandbox mints next.
    const next = h.sandbox.presetNext();
    const registry = await startRegistry([next]);
    const options = h.options({ registry: registry.host });

    const main = await runStep(options);
    expectExit(main, 0);
    expect(main.outputs['credentials-id']).toBe(next.id);
    const auth = h.dockerConfig().auths?.[registry.host]?.auth;
    expect(auth).toBe(Buffer.from(`${next.username}:${next.secret}`).toString('base64'));
    // What docker stored is what the registry accepts.
    const probe = await fetch(`http://${registry.host}/v2/`, { headers: { Authorization: `Basic ${auth}` } });
    expect(probe.status).toBe(200);

    const post = await runStep(options, main.state);
    expectExit(post, 0);
    expect(h.sandbox.credentials()).toEqual([]);
    expect(h.dockerConfig().auths?.[registry.host]).toBeUndefined();
    expect(h.dockerArgv()).toEqual([
      `login --username ${next.username} --password-stdin -- ${registry.host}`,
      `logout -- ${registry.host}`,
    ]);
    expectNothingLeaked(h, [main, post], secretForms(next.username, next.secret));
  });

  test('a registry that refuses the credentials fails the step with its reason, and they are revoked', async () => {
    const registry = await startRegistry([{ username: 'deepgram+someone-else', secret: 'not-these' }]);
    const options = h.options({ registry: registry.host });
    const main = await runStep(options);
    expectExit(main, 1);
    expect(main.visibleLog).toMatch(
      new RegExp(`::error::docker login to ${registry.host.replace(/\./g, '\\.')} failed: .*401 Unauthorized`),
    );
    expect(h.sandbox.credentials()).toEqual([]);
    const post = await runStep(options, main.state);
    expectExit(post, 0);
    expect(h.dockerConfig().auths?.[registry.host]).toBeUndefined();
  });
});
