/**
 * src/net/tunnel.ts: openTunnel against a CONNECT proxy on 127.0.0.1: what it asks the proxy,
 * the socket it hands back, and how a proxy that gives no tunnel fails (PROXY_FAILED or
 * PROXY_REFUSED). Requests sent through the tunnel, end to end: http.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { openTunnel } from '../../src/net/tunnel.js';
import { Attempt } from '../../src/net/connection.js';
import { ProxyTunnelError } from '../../src/net/http-errors.js';
import { freePort, startBlackhole } from '../../__fixtures__/network.js';
import { failure } from '../../__fixtures__/failure.js';
import { until } from '../../__fixtures__/until.js';

const API = new URL('http://api.deepgram.invalid:8080/v1/things');
const LIMITS = { timeoutMs: 5_000 };

let proxy: Server;
let proxyUrl: string;
/** Each CONNECT the proxy got: its target, Host header and Proxy-Authorization. */
const connects: Array<{ target: string; host: string; auth: string }> = [];
/** The proxy's side of each connection from openTunnel that is still open, and what came through it. */
const clients = new Set<Socket>();
let received = '';
const openTo = (client: Socket) => {
  client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
};
let onConnect: (client: Socket) => void = openTo;
let attempt = new Attempt();

beforeAll(async () => {
  proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req: IncomingMessage, client: Socket) => {
    connects.push({ target: req.url ?? '', host: req.headers.host ?? '', auth: req.headers['proxy-authorization'] ?? '' });
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.on('error', () => undefined);
    client.on('data', (chunk: Buffer) => (received += chunk.toString()));
    // The server keeps a socket half-open after the client's end: close it then, as a proxy would.
    client.on('end', () => client.destroy());
    onConnect(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
});

afterEach(async () => {
  // What a test's attempt opened ends with it, as sendRequest ends it.
  attempt.end();
  attempt = new Attempt();
  for (const client of clients) client.destroy();
  await until(() => clients.size === 0);
  connects.length = 0;
  received = '';
  onConnect = openTo;
});

const tunnel = (url = API, through = new URL(proxyUrl)) => openTunnel(LIMITS, url, through, attempt);

describe('a tunnel the proxy opens', () => {
  test("CONNECT to the API's host and port, named in the Host header too; the socket is the proxy's connection", async () => {
    const socket = await tunnel();
    expect(connects).toEqual([{ target: 'api.deepgram.invalid:8080', host: 'api.deepgram.invalid:8080', auth: '' }]);
    socket.write('through the tunnel');
    await until(() => received === 'through the tunnel');
  });

  test('the default port of the scheme when the URL names none', async () => {
    await tunnel(new URL('https://api.deepgram.invalid/v1'));
    await tunnel(new URL('http://api.deepgram.invalid/v1'));
    expect(connects.map((c) => c.target)).toEqual(['api.deepgram.invalid:443', 'api.deepgram.invalid:80']);
  });

  test("the proxy URL's user and password go to the proxy as Basic Proxy-Authorization, and none without them", async () => {
    await tunnel(API, new URL(proxyUrl.replace('http://', 'http://ci-bot:s3cret@')));
    await tunnel(API, new URL(proxyUrl.replace('http://', 'http://:only-password@')));
    await tunnel();
    expect(connects.map((c) => c.auth)).toEqual([
      `Basic ${Buffer.from('ci-bot:s3cret').toString('base64')}`,
      `Basic ${Buffer.from(':only-password').toString('base64')}`,
      '',
    ]);
  });

  test("bytes the proxy sent past its answer are the first the tunnel's reader gets", async () => {
    onConnect = (client) => client.write('HTTP/1.1 200 Connection Established\r\n\r\nearly bytes');
    const socket = await tunnel();
    let first = '';
    socket.on('data', (chunk: Buffer) => (first += chunk.toString()));
    await until(() => first === 'early bytes');
  });

  test('ending the attempt closes the tunnel', async () => {
    await tunnel();
    expect(clients.size).toBe(1);
    attempt.end();
    await until(() => clients.size === 0);
  });

  test('an attempt already over opens nothing', async () => {
    attempt.end();
    const error = await failure(tunnel());
    expect(error.message).toBe('the attempt is over');
    expect(error).not.toBeInstanceOf(ProxyTunnelError);
    expect(connects).toEqual([]);
  });
});

describe('no tunnel: a ProxyTunnelError, since nothing reached the API', () => {
  test('a proxy that is not there: PROXY_FAILED, naming the proxy and the cause, not its credentials', async () => {
    const error = await failure(tunnel(API, new URL(`http://ci-bot:s3cret@127.0.0.1:${await freePort()}`)));
    expect(error).toBeInstanceOf(ProxyTunnelError);
    expect(error.code).toBe('PROXY_FAILED');
    expect(error.message).toMatch(/^could not open a tunnel through the proxy 127\.0\.0\.1:\d+: connect ECONNREFUSED/);
    expect(error.message).not.toMatch(/ci-bot|s3cret/);
  });

  test('a proxy whose connection never opens: PROXY_FAILED at the connect timeout', async () => {
    const blackhole = await startBlackhole();
    try {
      const error = await failure(
        openTunnel({ timeoutMs: 20_000, connectTimeoutMs: 300 }, API, new URL(`http://127.0.0.1:${blackhole.port}`), attempt),
      );
      expect(error).toBeInstanceOf(ProxyTunnelError);
      expect(error.code).toBe('PROXY_FAILED');
      expect(error.message).toBe(`could not open a tunnel through the proxy 127.0.0.1:${blackhole.port}: could not connect within 0.3 s`);
    } finally {
      await blackhole.stop();
    }
  });

  test('a proxy that drops the CONNECT: PROXY_FAILED', async () => {
    onConnect = (client) => client.destroy();
    expect((await failure(tunnel())).code).toBe('PROXY_FAILED');
  });

  test.each([
    [407, 'PROXY_REFUSED', / with HTTP 407 \(proxy authentication required: check the user and password in the proxy variable\)$/],
    [403, 'PROXY_REFUSED', / with HTTP 403$/],
    [503, 'PROXY_FAILED', / with HTTP 503$/],
    [502, 'PROXY_FAILED', / with HTTP 502$/],
  ])('a proxy that answers the CONNECT with %i: %s', async (status, code, message) => {
    onConnect = (client) => client.end(`HTTP/1.1 ${status} No\r\ncontent-length: 0\r\n\r\n`);
    const error = await failure(tunnel());
    expect(error).toBeInstanceOf(ProxyTunnelError);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(
      new RegExp(`^the proxy 127\\.0\\.0\\.1:\\d+ refused a tunnel to api\\.deepgram\\.invalid:8080${message.source}`),
    );
  });
});
