/**
 * The built bundle, run as the runner runs it, against the Deepgram API sandbox and the real
 * docker CLI (which logs in to the sandbox's registry endpoint).
 */
import { describe, expect, test } from '@jest/globals';
import {
  expectExit,
  expectNothingLeaked,
  runAction,
  runStep,
  SANDBOX_PROJECT_ID,
  secretForms,
  startHarness,
  useHarness,
} from './fixtures.js';

const h = useHarness();

describe('happy path', () => {
  test('creates credentials, logs docker in, sets outputs, then revokes and logs out', async () => {
    const main = await runStep(h.options());
    expectExit(main, 0);

    const [issued] = h.sandbox.credentials(SANDBOX_PROJECT_ID);
    expect(issued).toBeDefined();
    const auth = Buffer.from(`${issued.username}:${issued.secret}`).toString('base64');
    expect(main.outputs).toEqual({
      username: `deepgram+${issued.id}`,
      secret: issued.secret,
      'credentials-id': issued.id,
      registry: h.sandbox.registryHost,
      'docker-config-json': JSON.stringify({ auths: { [h.sandbox.registryHost]: { auth } } }),
    });
    // The comment names the run and carries the execution's marker.
    expect(issued.comment).toMatch(
      /^GitHub Actions: octo-org\/release-pipeline \/ release run 4242 attempt 1 \[dg-action:[0-9a-f]{12} job\]$/,
    );
    expect(issued.scopes).toEqual(['self-hosted:products']);

    // Both request forms in one: scopes and provider in the query, everything in the body.
    const create = h.sandbox.requests.find((r) => r.op === 'create');
    expect(create?.query).toMatchObject({ scopes: 'self-hosted:products', provider: 'quay' });
    expect(create?.body).toEqual({ comment: issued.comment, scopes: ['self-hosted:products'], provider: 'quay' });

    // docker got the secret on stdin: the login worked, and its argv names only the username.
    expect(h.dockerArgv()[0]).toBe(`login --username ${issued.username} --password-stdin -- ${h.sandbox.registryHost}`);
    expect(h.sandbox.requests.filter((r) => r.op === 'registry' && r.status === 200)).toHaveLength(1);
    expect(main.masks).toEqual(expect.arrayContaining([h.apiKey, issued.secret, auth, main.outputs['docker-config-json']]));
    expect(main.summary).toContain(issued.id);
    expect(main.summary).toContain(issued.username);
    expect(main.summary).toContain('the credentials are revoked');

    const post = await runStep(h.options(), main.state);
    expectExit(post, 0);
    expect(h.sandbox.credentials()).toEqual([]);
    expect(h.dockerArgv()[1]).toBe(`logout -- ${h.sandbox.registryHost}`);
    expect(h.dockerConfig().auths?.[h.sandbox.registryHost]).toBeUndefined();
    expectNothingLeaked(h, [main, post], secretForms(issued.username, issued.secret));
  });

  test('the post step of the happy path makes two requests side by side: the delete, and the list for pruning', async () => {
    const main = await runStep(h.options({ login: 'false' }));
    h.sandbox.clearRequests();
    const post = await runStep(h.options({ login: 'false' }), main.state);
    expectExit(post, 0);
    expect(h.sandbox.requests.map((r) => `${r.method} ${r.op}`).sort()).toEqual(['DELETE delete', 'GET list']);
    const withoutPruning = await runStep(h.options({ login: 'false' }));
    h.sandbox.clearRequests();
    await runStep(h.options({ login: 'false', 'prune-after': 'off' }), withoutPruning.state);
    expect(h.sandbox.requests.map((r) => `${r.method} ${r.op}`)).toEqual(['DELETE delete']);
  });

  test('with debug logging on, nothing secret is printed either', async () => {
    const { main, post } = await runAction(h.options({}, { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' }));
    expectExit(main, 0);
    expectExit(post, 0);
    expectNothingLeaked(h, [main, post], secretForms(main.outputs.username, main.outputs.secret));
  });

  test.each([
    ['legacy API (flat response, body-only request form)', { generation: 'legacy' as const }],
    ['current API without username in the response', { omitUsername: true }],
  ])('works against the %s', async (_name, sandboxOptions) => {
    const other = await startHarness(sandboxOptions);
    try {
      const options = other.options({ scopes: 'self-hosted:product:api, self-hosted:product:engine' });
      const main = await runStep(options);
      expectExit(main, 0);
      const [issued] = other.sandbox.credentials();
      expect(main.outputs.username).toBe(`deepgram+${issued.id}`);
      expect(main.outputs.secret).toBe(issued.secret);
      expect(issued.scopes).toEqual(['self-hosted:product:api', 'self-hosted:product:engine']);
      const post = await runStep(options, main.state);
      expectExit(post, 0);
      expect(other.sandbox.credentials()).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe('inputs that change what happens', () => {
  test('login: false creates and outputs without touching docker; post only revokes', async () => {
    const main = await runStep(h.options({ login: 'false' }));
    expectExit(main, 0);
    expect(main.outputs['credentials-id']).toBe(h.sandbox.credentials()[0].id);
    const post = await runStep(h.options({ login: 'false' }), main.state);
    expectExit(post, 0);
    expect(h.dockerArgv()).toEqual([]);
    expect(h.sandbox.credentials()).toEqual([]);
  });

  test('revoke: false keeps the credentials but still logs out', async () => {
    const { main, post } = await runAction(h.options({ revoke: 'false' }));
    expectExit(main, 0);
    expect(main.summary).toContain('kept');
    expectExit(post, 0);
    expect(h.sandbox.credentials().map((c) => c.id)).toEqual([main.outputs['credentials-id']]);
    expect(post.visibleLog).toContain('Keeping distribution credentials');
    expect(h.dockerArgv().at(-1)).toBe(`logout -- ${h.sandbox.registryHost}`);
  });

  test('logout: false leaves docker logged in', async () => {
    const { post } = await runAction(h.options({ logout: 'false' }));
    expectExit(post, 0);
    expect(h.dockerArgv().filter((argv) => argv.startsWith('logout'))).toEqual([]);
    expect(h.dockerConfig().auths?.[h.sandbox.registryHost]).toBeDefined();
  });

  test('a custom comment and scopes from several lines are sent; an unknown scope warns', async () => {
    const main = await runStep(
      h.options({ login: 'false', comment: 'nightly build', scopes: 'self-hosted:product:api,\n\nself-hosted:product:brand-new\n' }),
    );
    expectExit(main, 0);
    const [issued] = h.sandbox.credentials();
    expect(issued.comment).toMatch(/^nightly build \[dg-action:[0-9a-f]{12} job\]$/);
    expect(issued.scopes).toEqual(['self-hosted:product:api', 'self-hosted:product:brand-new']);
    expect(main.visibleLog).toContain('::warning::Scope "self-hosted:product:brand-new" is not one Deepgram documents');
    await runStep(h.options({ login: 'false' }), main.state);
  });

  test('two uses in one job each revoke only their own credentials', async () => {
    const first = await runStep(h.options());
    const second = await runStep(h.options({ login: 'false' }));
    expect(h.sandbox.credentials()).toHaveLength(2);
    await runStep(h.options(), first.state);
    expect(h.sandbox.credentials().map((c) => c.id)).toEqual([second.outputs['credentials-id']]);
    await runStep(h.options({ login: 'false' }), second.state);
    expect(h.sandbox.credentials()).toEqual([]);
  });
});

describe('bad input fails the step before any request', () => {
  test.each([
    ['api-key', { 'api-key': '' }],
    ['project-id', { 'project-id': 'my-project' }],
    ['scopes', { scopes: 'self-hosted:product:api, self hosted' }],
    ['provider', { provider: 'ecr' }],
    ['login', { login: 'yes' }],
    ['logout', { logout: '1' }],
    ['revoke', { revoke: 'no' }],
    ['request-timeout', { 'request-timeout': '0' }],
    ['request-timeout', { 'request-timeout': 'soon' }],
    // Past setTimeout's range every attempt "timed out" at once; under 1 s it rounded to 0 ms.
    ['request-timeout', { 'request-timeout': '3000000' }],
    ['request-timeout', { 'request-timeout': '0.0004' }],
    ['max-attempts', { 'max-attempts': '11' }],
    ['max-attempts', { 'max-attempts': '0' }],
    ['api-url', { 'api-url': 'ftp://api.deepgram.com' }],
    ['api-url', { 'api-url': 'http://api.deepgram.com' }],
    ['registry', { registry: 'https://quay.io/deepgram' }],
  ])('%s: %j', async (input, inputs) => {
    const { main, post } = await runAction(h.options(inputs));
    expectExit(main, 1);
    expect(main.visibleLog).toContain(`::error::Input "${input}"`);
    // The post step after an early failure does nothing, and succeeds.
    expectExit(post, 0);
    expect(post.visibleLog).toContain('Nothing to clean up');
    expect(h.sandbox.requests).toEqual([]);
    expect(h.dockerArgv()).not.toContain(expect.stringContaining('login'));
  });

  test('an api-url with user info: refused, printing neither the user name nor the password', async () => {
    const { main, post } = await runAction(h.options({ 'api-url': 'https://ci-robot:Hunter2-pw@api.deepgram.com' }));
    expectExit(main, 1);
    expect(main.visibleLog).toContain(
      '::error::Input "api-url": "https://***@api.deepgram.com" carries a user name or password (not shown here); they are not accepted.',
    );
    for (const step of [main, post]) expect(step.log).not.toMatch(/ci-robot|Hunter2-pw/);
    expect(h.sandbox.requests).toEqual([]);
  });

  test('an api-key with a control character: refused without quoting it, before any request', async () => {
    const key = `${h.apiKey}\u001b[0m`;
    const { main, post } = await runAction(h.options({ 'api-key': key }));
    expectExit(main, 1);
    expect(main.visibleLog).toContain('::error::Input "api-key": contains a control character');
    expect(main.visibleLog).not.toContain(h.apiKey);
    expectExit(post, 0);
    expect(h.sandbox.requests).toEqual([]);
  });

  test('no docker or podman CLI with login: true fails before creating anything, pointing at login: false', async () => {
    const options = h.options({}, { PATH: '/nonexistent' });
    const { main, post } = await runAction(options);
    expectExit(main, 1);
    expect(main.visibleLog).toMatch(/::error::Neither the docker nor the podman CLI was found on PATH.*login: false/);
    expectExit(post, 0);
    expect(h.sandbox.requests).toEqual([]);
  });
});

describe("failures carry Deepgram's words and leave nothing behind", () => {
  test('401: code, message, status, request ID and a hint about the key', async () => {
    const main = await runStep(h.options({ 'api-key': 'not-a-real-key' }));
    expectExit(main, 1);
    expect(main.visibleLog).toMatch(
      /::error::Deepgram API: create distribution credentials failed with HTTP 401 INVALID_AUTH: Invalid credentials\. \(request ID [0-9a-f-]{36}\)\. Check that api-key/,
    );
    expect(h.sandbox.requests.filter((r) => r.op === 'create')).toHaveLength(1);
  });

  test('404: a project the key cannot see gets a hint about project-id and self-hosted access', async () => {
    const main = await runStep(h.options({ 'project-id': '00000000-0000-4000-8000-000000000000' }));
    expectExit(main, 1);
    expect(main.visibleLog).toMatch(/HTTP 404 PROJECT_NOT_FOUND: Project not found\..*Check project-id/);
  });

  test('403 in the category/message error form: a member key gets the permissions hint', async () => {
    const memberKey = 'member-key-0123456789';
    const sandbox = await startHarness({ errorStyle: 'category', keys: { [memberKey]: { role: 'member' } } });
    try {
      const main = await runStep(sandbox.options({ 'api-key': memberKey, login: 'false' }));
      expectExit(main, 1);
      expect(main.visibleLog).toMatch(
        /failed with HTTP 403 \w+: .*\(request ID [0-9a-f-]{36}\).*owner or admin role, or the keys:write scope/,
      );
      expect(sandbox.sandbox.credentials()).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });

  test('a 200 whose body is not JSON is an error', async () => {
    h.sandbox.addFault({ op: 'create', status: 200, body: '<html>maintenance</html>' });
    const main = await runStep(h.options({ login: 'false' }));
    expectExit(main, 1);
    expect(main.visibleLog).toContain('returned an unexpected response: HTTP 200 with a body that is not JSON: <html>maintenance</html>');
  });

  test('a create response without a secret fails, and the credentials it made are deleted', async () => {
    h.sandbox.addFault({
      op: 'create',
      status: 200,
      afterAction: true,
      body: { distribution_credentials: { distribution_credentials_id: '5b7e1c0a-3f7a-4f4e-9a0e-6d2a1b3c4d5e', comment: 'x' } },
    });
    const main = await runStep(h.options({ login: 'false' }));
    expectExit(main, 1);
    expect(main.visibleLog).toContain(
      '::error::Deepgram API: create distribution credentials answered with credentials that cannot be used: no secret',
    );
    // The fault answered with a made-up id, which the action deleted; the set really created carries
    // the execution's tag, and the sweep that follows found and deleted it.
    expect(h.sandbox.requests.some((r) => r.op === 'delete' && r.path.endsWith('5b7e1c0a-3f7a-4f4e-9a0e-6d2a1b3c4d5e'))).toBe(true);
    expect(h.sandbox.credentials()).toEqual([]);
  });

  test("a failed docker login deletes the new credentials and fails with docker's reason", async () => {
    const { main, post } = await runAction(h.options({ registry: '127.0.0.1:9' }));
    expectExit(main, 1);
    expect(main.visibleLog).toMatch(/::error::docker login to 127\.0\.0\.1:9 failed: .*connection refused/);
    expect(main.visibleLog).not.toContain('level=info');
    expect(h.sandbox.credentials()).toEqual([]);
    expectExit(post, 0);
    // Main took them back already, so post does not delete again. The failed login wrote nothing:
    // post finds no login of this job's to log out of, says so, and runs no logout (which could
    // remove a login another job or tool made).
    expect(h.sandbox.requests.filter((r) => r.op === 'delete')).toHaveLength(1);
    expect(post.visibleLog).toMatch(/holds no login to 127\.0\.0\.1:9 any more: nothing to log out of\.$/m);
    expect(h.dockerArgv().filter((argv) => argv.startsWith('logout'))).toEqual([]);
    expect(h.dockerConfig().auths?.['127.0.0.1:9']).toBeUndefined();
  });
});
