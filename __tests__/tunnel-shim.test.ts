/**
 * The bundle's stand-in for tunnel (src/shims/tunnel.ts): the same CONNECT request as tunnel's own
 * agents, with the proxy's credentials encoded by Buffer.from instead of the deprecated new Buffer().
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- tunnel ships no types. The package itself, the reference the stand-in must
// match (by path: for tsc, "paths" makes the name the stand-in).
import * as realTunnel from '../node_modules/tunnel/index.js';
import * as shim from '../src/shims/tunnel.js';

let proxy: Server;
let port: number;
const connects: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  // A proxy that records each CONNECT request's headers and refuses it.
  proxy = createServer();
  proxy.on('connect', (req, socket) => {
    connects.push(req.headers);
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  port = (proxy.address() as AddressInfo).port;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
});

/** One GET through `agent`, which the proxy refuses: the CONNECT request's headers. */
async function connectHeaders(agent: unknown): Promise<IncomingHttpHeaders> {
  connects.length = 0;
  const error = await new Promise<Error>((resolve) => {
    request({ host: 'api.example', port: 443, path: '/', agent: agent as never })
      .on('error', resolve)
      .end();
  });
  expect(error.message).toContain('statusCode=403');
  expect(connects).toHaveLength(1);
  return connects[0];
}

test.each(['httpOverHttp', 'httpsOverHttp'] as const)(
  '%s sends the credentials tunnel sends, Basic base64(user:password)',
  async (name) => {
    const proxyAuth = 'user:pä ss:wörd';
    const ours = await connectHeaders(shim[name]({ proxy: { host: '127.0.0.1', port, proxyAuth } }));
    expect(ours['proxy-authorization']).toBe(`Basic ${Buffer.from(proxyAuth).toString('base64')}`);
    expect(ours.host).toBe('api.example:443');
    const theirs = await connectHeaders(realTunnel[name]({ proxy: { host: '127.0.0.1', port, proxyAuth } }));
    expect(ours).toEqual(theirs);
  },
);

test('without credentials, no Proxy-Authorization', async () => {
  const headers = await connectHeaders(shim.httpOverHttp({ proxy: { host: '127.0.0.1', port } }));
  expect(headers['proxy-authorization']).toBeUndefined();
});
