/**
 * The bundle's stand-in for @actions/http-client (src/shims/http-client.ts): the package's own
 * HttpClient behind it, loaded on first use, for what this action and @actions/core call.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import * as realPackage from '@actions/http-client';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient, loadHttpClient } from '../../src/shims/http-client.js';

let server: Server;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers['user-agent']}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"value":"ok"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('it loads the package itself, once', async () => {
  const loaded = await loadHttpClient();
  expect(loaded.HttpClient).toBe(realPackage.HttpClient);
  expect(loadHttpClient()).toBe(loadHttpClient());
});

test('request() is the package client request, with the same options', async () => {
  const client = new HttpClient('shim-test', [], { allowRetries: false, keepAlive: false });
  const response = await client.request('POST', `${base}/a?b=c`, '{}', { 'content-type': 'application/json' });
  expect(response.message.statusCode).toBe(200);
  expect(await response.readBody()).toBe('{"value":"ok"}');
  expect(seen.at(-1)).toBe('POST /a?b=c shim-test');
  client.dispose();
});

test('getJson() (what @actions/core uses for OIDC tokens) works through it too', async () => {
  const client = new HttpClient('oidc-test');
  await expect(client.getJson<{ value: string }>(`${base}/token`)).resolves.toMatchObject({ statusCode: 200, result: { value: 'ok' } });
  client.dispose();
});

test('dispose() before any request is harmless', async () => {
  const client = new HttpClient('unused');
  expect(() => client.dispose()).not.toThrow();
  await loadHttpClient();
});
