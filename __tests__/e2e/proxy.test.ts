/**
 * The Deepgram API behind a proxy, end to end on the built bundle. With https_proxy set, the API
 * requests go through the proxy (CONNECT, with the proxy credentials); no_proxy, a loopback API
 * and an http_proxy (which does not apply to https) leave them direct, as @actions/http-client
 * decides. Without a proxy the bundle never loads http-client; with one it must, so this suite
 * is what shows that path still works.
 *
 * Everything stays on 127.0.0.1. The API URL is https://api.deepgram.example:<port>, served by a
 * TLS front (a throwaway certificate, trusted through NODE_EXTRA_CA_CERTS) that hands the
 * decrypted stream to the sandbox. The proxy tunnels every CONNECT to that front, whatever host
 * it names, and a preload in the action's process resolves *.example to 127.0.0.1 and refuses
 * every other name, so no lookup or connection can leave the machine. http-client never proxies
 * loopback hosts, and the action accepts plain http only for loopback, hence https here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { freePort } from './network.js';
import { expectNothingLeaked, runAction, secretForms, startHarness, type Harness } from './fixtures.js';

jest.setTimeout(60_000);

const HOST = 'api.deepgram.example';
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'];

/** Loaded into the action's process (NODE_OPTIONS=--require): *.example is 127.0.0.1, nothing else resolves. */
const PIN_DNS = `
const dns = require('node:dns');
const net = require('node:net');
dns.lookup = function lookup(hostname, options, callback) {
  if (typeof options === 'function') [callback, options] = [options, {}];
  if (typeof options === 'number') options = { family: options };
  const address = net.isIP(hostname) ? hostname : hostname === 'localhost' || /\\.example$/i.test(hostname) ? '127.0.0.1' : undefined;
  if (!address) {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND ' + hostname + ' (this test resolves nothing beyond loopback)'), { code: 'ENOTFOUND', hostname });
    return process.nextTick(callback, error);
  }
  const family = net.isIP(address);
  if (options && options.all) process.nextTick(callback, null, [{ address, family }]);
  else process.nextTick(callback, null, address, family);
};
`;

let h: Harness;
let front: TlsServer;
let proxy: Server;
let apiUrl: string;
let proxyUrl: string;
let env: Record<string, string>;
/** Each CONNECT the proxy saw: "host:port" and the Proxy-Authorization it carried, if any. */
let tunnels: string[] = [];
/** Every socket the front and the proxy opened, so that the end of the suite can close them all. */
const sockets = new Set<Socket>();
const track = <T extends Socket>(socket: T): T => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  return socket;
};

beforeAll(async () => {
  h = await startHarness();
  const key = join(h.workdir, 'key.pem');
  const cert = join(h.workdir, 'cert.pem');
  // A throwaway certificate for the API host, which the action trusts through NODE_EXTRA_CA_CERTS.
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key];
  const subject = ['-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`];
  execFileSync('openssl', ['req', '-x509', '-days', '1', ...newKey, '-out', cert, ...subject], { stdio: 'ignore' });

  // TLS in front of the sandbox: what api.deepgram.example:<port> is in this test.
  front = createTlsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (socket) => {
    track(socket);
    const upstream = track(connect(h.sandbox.port, '127.0.0.1'));
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  apiUrl = `https://${HOST}:${(front.address() as AddressInfo).port}`;

  // A CONNECT proxy that only ever connects to the TLS front.
  proxy = createServer((_req, res) => res.writeHead(405).end('CONNECT only'));
  proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.push([req.url, req.headers['proxy-authorization']].filter(Boolean).join(' '));
    track(client);
    const upstream = track(
      connect((front.address() as AddressInfo).port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      }),
    );
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  const pin = join(h.workdir, 'pin-dns.cjs');
  writeFileSync(pin, PIN_DNS);
  env = {
    NODE_OPTIONS: `--require ${pin}`,
    NODE_EXTRA_CA_CERTS: cert,
    // Whatever the machine running the tests has set, each test says exactly which apply.
    ...Object.fromEntries(PROXY_VARIABLES.map((name) => [name, ''])),
  };
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await new Promise((resolve) => front.close(resolve));
  await h.close();
});

beforeEach(() => {
  h.reset();
  tunnels = [];
});

const apiRequests = () => h.sandbox.requests.filter((r) => r.op !== 'registry').map((r) => r.op);
/** What the proxy sees for one API request: CONNECT to the API's host and port. */
const tunnel = (): string => `${HOST}:${new URL(apiUrl).port}`;

describe('an https API behind a proxy', () => {
  test('https_proxy: create and delete go through the proxy; login, logout and masking as ever', async () => {
    const { main, post } = await runAction(h.options({ 'api-url': apiUrl }, { ...env, https_proxy: proxyUrl }));
    expect(main.exitCode).toBe(0);
    expect(post.exitCode).toBe(0);
    expect(tunnels).toEqual([tunnel(), tunnel(), tunnel()]); // create; then delete and the list for pruning
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
    expect(tunnels).toEqual([`${tunnel()} ${basic}`, `${tunnel()} ${basic}`, `${tunnel()} ${basic}`]);
    expect(main.visibleLog).not.toContain('pr@xy-pass');
  });

  test('no_proxy naming the API host: direct, the proxy sees nothing', async () => {
    const { main, post } = await runAction(
      h.options({ 'api-url': apiUrl }, { ...env, https_proxy: proxyUrl, no_proxy: `localhost,${HOST}` }),
    );
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    expect(tunnels).toEqual([]);
    expect(apiRequests().sort()).toEqual(['create', 'delete', 'list']);
  });

  test('only http_proxy: it does not apply to an https API, so direct', async () => {
    const { main, post } = await runAction(h.options({ 'api-url': apiUrl, login: 'false' }, { ...env, http_proxy: proxyUrl }));
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    expect(tunnels).toEqual([]);
    expect(apiRequests().sort()).toEqual(['create', 'delete', 'list']);
  });

  test('the proxy down: the create is retried, then fails naming the cause; nothing is left behind', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const { main, post } = await runAction(
      h.options({ 'api-url': apiUrl, login: 'false', 'max-attempts': '2' }, { ...env, https_proxy: down }),
    );
    expect(main.exitCode).toBe(1);
    expect(main.visibleLog).toMatch(
      /Attempt 1 of 2 to create distribution credentials failed: .*tunneling socket could not be established/,
    );
    expect(main.visibleLog).toMatch(/::error::Deepgram API: create distribution credentials failed: could not get a response/);
    expect(post.exitCode).toBe(0);
    expect(h.sandbox.credentials()).toEqual([]);
  });
});

test('a loopback API is never proxied, whatever the variables say', async () => {
  const { main, post } = await runAction(h.options({}, { ...env, https_proxy: proxyUrl, http_proxy: proxyUrl, HTTP_PROXY: proxyUrl }));
  expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
  expect(tunnels).toEqual([]);
  expect(apiRequests().sort()).toEqual(['create', 'delete', 'list']);
});
