/**
 * The Deepgram API behind a proxy, end to end on the built bundle. With https_proxy set, the API
 * requests go through the proxy (CONNECT, with the proxy credentials); no_proxy, a loopback API
 * and an http_proxy (which does not apply to https) leave them direct, as @actions/http-client's
 * rules decide. A proxy that gives no tunnel sent nothing to the API, so nothing is swept for.
 * The setup (a TLS front for the sandbox, a CONNECT proxy, names pinned to loopback) is in proxy.ts.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { freePort } from '../../__fixtures__/network.js';
import { expectExit, expectNothingLeaked, runAction, runStep, secretForms, type StepResult } from './fixtures.js';
import { API_HOST, SECURE_PROXY_HOST, useApiBehindProxy } from './proxy.js';

const { h, api } = useApiBehindProxy();
let apiUrl: string;
let proxyUrl: string;
let env: Record<string, string>;
beforeAll(() => {
  ({ apiUrl, proxyUrl, env } = api);
});

const apiRequests = () => h.sandbox.requests.filter((r) => r.op !== 'registry').map((r) => r.op);
const tunnels = () => api.tunnels;
/** What the proxy sees for one API request: CONNECT to the API's host and port. */
const tunnel = (): string => api.target;

describe('an https API behind a proxy', () => {
  test('https_proxy: create and delete go through the proxy; login, logout and masking as ever', async () => {
    const { main, post } = await runAction(h.options({ 'api-url': apiUrl }, { ...env, https_proxy: proxyUrl }));
    expectExit(main, 0);
    expectExit(post, 0);
    expect(tunnels()).toEqual([tunnel(), tunnel(), tunnel()]); // create; then delete and the list for pruning
    expect(apiRequests().sort()).toEqual(['create', 'delete', 'list']);
    expect(h.dockerArgv().map((argv) => argv.split(' ')[0])).toEqual(['login', 'logout']);
    expect(h.sandbox.credentials()).toEqual([]);
    expectNothingLeaked(h, [main, post], secretForms(main.outputs.username, main.outputs.secret));
  });

  test('HTTPS_PROXY with credentials: the proxy gets them as Proxy-Authorization', async () => {
    const withCredentials = proxyUrl.replace('http://', 'http://ci-bot:pr%40xy-pass@');
    const { main, post } = await runAction(h.options({ 'api-url': apiUrl, login: 'false' }, { ...env, HTTPS_PROXY: withCredentials }));
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    const basic = `Basic ${Buffer.from('ci-bot:pr@xy-pass').toString('base64')}`;
    expect(tunnels()).toEqual([`${tunnel()} ${basic}`, `${tunnel()} ${basic}`, `${tunnel()} ${basic}`]);
    expect(main.visibleLog).not.toContain('pr@xy-pass');
  });

  test('no_proxy naming the API host: direct, the proxy sees nothing', async () => {
    const { main, post } = await runAction(
      h.options({ 'api-url': apiUrl }, { ...env, https_proxy: proxyUrl, no_proxy: `localhost,${API_HOST}` }),
    );
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    expect(tunnels()).toEqual([]);
    expect(apiRequests().sort()).toEqual(['create', 'delete', 'list']);
  });

  test('only http_proxy: it does not apply to an https API, so direct', async () => {
    const { main, post } = await runAction(h.options({ 'api-url': apiUrl, login: 'false' }, { ...env, http_proxy: proxyUrl }));
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    expect(tunnels()).toEqual([]);
    expect(apiRequests().sort()).toEqual(['create', 'delete', 'list']);
  });

  test('an https:// proxy: the CONNECT goes to it over TLS, and the API inside the tunnel over TLS again', async () => {
    const { main, post } = await runAction(h.options({ 'api-url': apiUrl }, { ...env, https_proxy: api.secureProxyUrl }));
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    expect(tunnels()).toEqual([tunnel(), tunnel(), tunnel()]);
    expect(apiRequests().sort()).toEqual(['create', 'delete', 'list']);
    expect(h.sandbox.credentials()).toEqual([]);
    expectNothingLeaked(h, [main, post], secretForms(main.outputs.username, main.outputs.secret));
  });

  test.each([
    // Its certificate names proxy.example; reached by its address, that is not the name asked for.
    [
      'reached by an address its certificate does not name',
      () => api.secureProxyUrl.replace(SECURE_PROXY_HOST, '127.0.0.1'),
      /IP: 127\.0\.0\.1 is not in the cert's list/,
    ],
    // A certificate good for the API's name is not the proxy's: the proxy must prove its own.
    [
      "showing the API's certificate instead of its own",
      () => api.impostorProxyUrl,
      /Host: proxy\.example\. is not in the cert's altnames: DNS:api\.deepgram\.example/,
    ],
  ])('an https:// proxy %s: no tunnel, nothing sent', async (_case, proxyUrlFor, why) => {
    const { main, post } = await runAction(
      h.options({ 'api-url': apiUrl, login: 'false', 'max-attempts': '1' }, { ...env, https_proxy: proxyUrlFor() }),
    );
    expectExit(main, 1);
    expect(main.visibleLog).toMatch(/::error::.*could not open a tunnel through the proxy [\w.]+:\d+: Hostname\/IP does not match/);
    expect(main.visibleLog).toMatch(why);
    expect(tunnels()).toEqual([]);
    expectExit(post, 0);
    expect(h.sandbox.requests).toEqual([]);
    expect(h.sandbox.credentials()).toEqual([]);
  });

  /** Nothing reached the API, so main neither swept nor asked post to: no list tried, no sweep flag, no warning. */
  function expectNoSweep(main: StepResult) {
    expect(main.visibleLog).not.toContain('list distribution credentials');
    expect(main.visibleLog).not.toContain('::warning::');
    expect(main.state.sweep).toBeUndefined();
  }

  test('the proxy down: the create is retried, then fails naming the proxy; nothing was sent, so nothing is swept', async () => {
    const down = `http://ci-bot:pr0xy-pass@127.0.0.1:${await freePort()}`;
    const { main, post } = await runAction(
      h.options({ 'api-url': apiUrl, login: 'false', 'max-attempts': '2' }, { ...env, https_proxy: down }),
    );
    expectExit(main, 1);
    expect(main.visibleLog).toMatch(
      /Attempt 1 of 2 to create distribution credentials failed: .*could not open a tunnel through the proxy 127\.0\.0\.1:\d+: connect ECONNREFUSED/,
    );
    expect(main.visibleLog).toMatch(/::error::Deepgram API: create distribution credentials failed: could not get a response/);
    expect(main.visibleLog).not.toMatch(/ci-bot|pr0xy-pass/);
    expectNoSweep(main);
    expectExit(post, 0);
    expect(h.sandbox.requests).toEqual([]);
    expect(h.sandbox.credentials()).toEqual([]);
  });

  test.each([
    [407, 'Proxy Authentication Required'],
    [403, 'Forbidden'],
  ])('the proxy refuses the tunnel with %i: one attempt, a clear error, nothing swept', async (status, reason) => {
    api.onConnect((client) => client.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-length: 0\r\n\r\n`));
    const { main, post } = await runAction(
      h.options({ 'api-url': apiUrl, login: 'false', 'max-attempts': '3', 'prune-after': 'off' }, { ...env, https_proxy: proxyUrl }),
    );
    expectExit(main, 1);
    expect(main.visibleLog).toMatch(
      new RegExp(`::error::.*the proxy 127\\.0\\.0\\.1:\\d+ refused a tunnel to ${tunnel().replace(/\./g, '\\.')} with HTTP ${status}`),
    );
    expect(main.visibleLog).not.toContain('Attempt 1 of 3');
    expect(tunnels()).toHaveLength(1);
    expectNoSweep(main);
    expectExit(post, 0);
    expect(h.sandbox.requests).toEqual([]);
    expect(h.sandbox.credentials()).toEqual([]);
  });

  test('the proxy answers the CONNECT with 503 once: retried without a sweep, then created and revoked through it', async () => {
    let refused = 0;
    api.onConnect((client, open) => {
      if (refused++ === 0) client.end('HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n');
      else open();
    });
    const { main, post } = await runAction(
      h.options({ 'api-url': apiUrl, login: 'false', 'prune-after': 'off' }, { ...env, https_proxy: proxyUrl }),
    );
    expectExit(main, 0);
    expect(main.visibleLog).toMatch(/Attempt 1 of 4 to create distribution credentials failed: .*refused a tunnel .* with HTTP 503/);
    expectNoSweep(main);
    expectExit(post, 0);
    expect(apiRequests()).toEqual(['create', 'delete']);
    expect(h.sandbox.credentials()).toEqual([]);
  });

  test('the proxy opens the tunnel and then drops it: that may have reached the API, so it is swept', async () => {
    api.onConnect((client) => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      client.once('data', () => client.destroy());
    });
    const options = h.options({ 'api-url': apiUrl, login: 'false', 'max-attempts': '1' }, { ...env, https_proxy: proxyUrl });
    const main = await runStep(options);
    expectExit(main, 1);
    expect(main.state.sweep).toBe('true');
    api.reset();
    const post = await runStep(options, main.state);
    expectExit(post, 0);
    expect(apiRequests()).toEqual(['list']);
    expect(h.sandbox.credentials()).toEqual([]);
  });
});

describe('proxy variables set but not usable as written: one warning each, never the password', () => {
  /** The warnings as the runner shows them: a workflow command's data has each % escaped as %25. */
  const warnings = (step: StepResult) =>
    step.visibleLog
      .split('\n')
      .filter((line) => line.startsWith('::warning::'))
      .map((line) => line.replace(/%25/g, '%'));

  test('a host name without a scheme, and a password with a bare %: the proxy is used, with the password as written', async () => {
    const port = new URL(proxyUrl).port;
    const { main, post } = await runAction(
      h.options({ 'api-url': apiUrl, login: 'false' }, { ...env, HTTPS_PROXY: `ci-bot:50%off@plainproxy.example:${port}` }),
    );
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    const basic = `Basic ${Buffer.from('ci-bot:50%off').toString('base64')}`;
    expect(tunnels()).toEqual([`${tunnel()} ${basic}`, `${tunnel()} ${basic}`, `${tunnel()} ${basic}`]);
    for (const step of [main, post]) {
      expect(warnings(step)).toEqual([
        `::warning::HTTPS_PROXY cannot be used as written (no scheme: read as http://; a % in its user name or password starts no %XX escape: ` +
          `sent as written (write it as %25)): requests to ${new URL(apiUrl).host} go through http://plainproxy.example:${port}.`,
      ]);
      expect(step.log).not.toContain('50%off');
    }
  });

  test('NO_PROXY entries it does not understand: named in one warning, and the API goes through the proxy', async () => {
    const { main, post } = await runAction(
      h.options(
        { 'api-url': apiUrl, login: 'false' },
        { ...env, https_proxy: proxyUrl, NO_PROXY: `localhost,10.0.0.0/8,*.deepgram.example,${API_HOST}.` },
      ),
    );
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    expect(tunnels()).toHaveLength(3);
    for (const step of [main, post]) {
      expect(warnings(step)).toEqual([
        `::warning::NO_PROXY entries 10.0.0.0/8, *.deepgram.example, ${API_HOST}. are not understood (address ranges, * wildcards and ` +
          `trailing dots are not supported) and were ignored: requests to ${new URL(apiUrl).host} go through ${proxyUrl}. ` +
          'Name hosts and domains as they are (example.com, .example.com).',
      ]);
    }
  });
});

test('a loopback API is never proxied, whatever the variables say', async () => {
  const { main, post } = await runAction(h.options({}, { ...env, https_proxy: proxyUrl, http_proxy: proxyUrl, HTTP_PROXY: proxyUrl }));
  expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
  expect(tunnels()).toEqual([]);
  expect(apiRequests().sort()).toEqual(['create', 'delete', 'list']);
});
