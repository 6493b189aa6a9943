/**
 * src/net/http.ts: the transport over real sockets on 127.0.0.1: what it sends, what it gives
 * back, the deadline, the error codes the retry loop classifies, and when a proxy is used
 * (http-client's own rules). Its parts have their own tests: connection.test.ts, tunnel.test.ts,
 * http-errors.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { MAX_RESPONSE_BYTES, sendRequest, usesProxy, type HttpRequest } from '../../src/net/http.js';
import { ConnectTimeoutError, ProxyTunnelError, RequestTimeoutError, ResponseTooLargeError } from '../../src/net/http-errors.js';
import { freePort, startBlackhole } from '../../__fixtures__/network.js';
import { failure } from '../../__fixtures__/failure.js';
import { until } from '../../__fixtures__/until.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
let seen: Seen[] = [];
let handler: (req: IncomingMessage, res: ServerResponse, body: string) => void;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  seen = [];
});

const request = (overrides: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  url: `${base}/v1/things`,
  headers: { Accept: 'application/json' },
  timeoutMs: 5_000,
  ...overrides,
});

/** Resolves when the socket closes, however it ends (a reset, not only a clean close). */
const closeOf = (socket: Socket): Promise<void> => new Promise((resolve) => socket.once('close', () => resolve()));

describe('without a proxy', () => {
  test('sends method, path and query, headers and body, and returns status, headers and body', async () => {
    handler = (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'dg-request-id': 'r-1' });
      res.end('{"ok":true,"text":"grüße"}');
    };
    const response = await sendRequest(
      request({
        method: 'POST',
        url: `${base}/v1/things?scopes=a%3Ab&scopes=c&provider=quay`,
        headers: { Authorization: 'Token k', 'Content-Type': 'application/json' },
        body: '{"comment":"grüße"}',
      }),
    );
    expect(response).toEqual({
      status: 201,
      headers: expect.objectContaining({ 'dg-request-id': 'r-1' }),
      body: '{"ok":true,"text":"grüße"}',
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/things?scopes=a%3Ab&scopes=c&provider=quay', body: '{"comment":"grüße"}' });
    expect(seen[0]!.headers).toMatchObject({
      authorization: 'Token k',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength('{"comment":"grüße"}')),
      'user-agent': 'deepgram-self-hosted-login-action',
      // One request on its own connection: nothing is kept open to hold the step up at its end.
      connection: 'close',
    });
  });

  test('a request without a body sends no body', async () => {
    handler = (_req, res) => res.writeHead(204).end();
    const response = await sendRequest(request({ method: 'DELETE' }));
    expect(response.status).toBe(204);
    expect(response.body).toBe('');
    expect(seen[0]!.body).toBe('');
    expect(seen[0]!.headers['transfer-encoding']).toBeUndefined();
  });

  test('an error status is an answer, not an error', async () => {
    handler = (_req, res) => res.writeHead(503, { 'retry-after': '2' }).end('busy');
    await expect(sendRequest(request())).resolves.toMatchObject({ status: 503, body: 'busy', headers: { 'retry-after': '2' } });
  });

  test('no complete answer within the deadline: RequestTimeoutError (REQUEST_TIMEOUT), and the connection is cut', async () => {
    let closed!: Promise<unknown>;
    handler = (req) => (closed = closeOf(req.socket)); // never answers
    const error = await failure(sendRequest(request({ timeoutMs: 300 })));
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error.code).toBe('REQUEST_TIMEOUT');
    expect(error.message).toBe('no response within 0.3 s (request-timeout)');
    // The server sees the connection close: the client cut it (nothing else would, before the suite ends).
    await closed;
  });

  test('the deadline covers the whole answer, not just its start', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': '10' });
      res.write('12345'); // and the rest never comes
    };
    expect(await failure(sendRequest(request({ timeoutMs: 300 })))).toBeInstanceOf(RequestTimeoutError);
  });

  test('nothing listening: the error carries ECONNREFUSED for the retry loop', async () => {
    const port = await freePort();
    const error = await failure(sendRequest(request({ url: `http://127.0.0.1:${port}/v1/things` })));
    expect(error.code).toBe('ECONNREFUSED');
  });

  test('a connection that never opens: ConnectTimeoutError (CONNECT_TIMEOUT) well before the deadline', async () => {
    const blackhole = await startBlackhole();
    try {
      const error = await failure(
        sendRequest(request({ url: `http://127.0.0.1:${blackhole.port}/v1/things`, timeoutMs: 20_000, connectTimeoutMs: 300 })),
      );
      expect(error).toBeInstanceOf(ConnectTimeoutError);
      expect(error.code).toBe('CONNECT_TIMEOUT');
      // Its own error, not the 20 s deadline's RequestTimeoutError: it gave up on the connection first.
      expect(error.message).toBe('could not connect within 0.3 s');
    } finally {
      await blackhole.stop();
    }
  });

  test('the server drops the connection: ECONNRESET', async () => {
    handler = (req) => req.socket.destroy();
    expect((await failure(sendRequest(request()))).code).toBe('ECONNRESET');
  });

  test('the connection drops half-way through the answer: an error, not a hang', async () => {
    handler = (req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial', () => req.socket.destroy());
    };
    const error = await failure(sendRequest(request({ timeoutMs: 5_000 })));
    expect(error).not.toBeInstanceOf(RequestTimeoutError);
    expect(error.code).toBe('ECONNRESET');
  });
});

describe('the size of an answer', () => {
  /** An answer that never ends, written as fast as the client reads it; resolves when the client left. */
  function endless(res: ServerResponse, headers: Record<string, string> = {}): Promise<number> {
    return new Promise((resolve) => {
      let sent = 0;
      const chunk = Buffer.alloc(64 * 1024, 'x');
      res.writeHead(200, { 'content-type': 'application/json', ...headers });
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length;
      };
      res.on('drain', pump);
      res.on('close', () => resolve(sent));
      pump();
    });
  }

  test('an endless answer: ResponseTooLargeError (RESPONSE_TOO_LARGE) once past 1 MiB, and the connection is cut', async () => {
    let sent: Promise<number> = Promise.resolve(0);
    handler = (_req, res) => (sent = endless(res));
    const error = await failure(sendRequest(request({ timeoutMs: 20_000 })));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.code).toBe('RESPONSE_TOO_LARGE');
    expect(error.message).toBe('the answer was larger than 1 MiB, the most this action reads; the connection was closed');
    // The server saw the client leave (the answer stopped), having sent little past the cap.
    expect(await sent).toBeLessThan(MAX_RESPONSE_BYTES * 8);
  });

  test('a declared Content-Length past the cap fails before the body is read', async () => {
    let closed!: Promise<unknown>;
    handler = (req, res) => {
      closed = closeOf(req.socket);
      res.writeHead(200, { 'content-length': String(MAX_RESPONSE_BYTES + 1) });
      res.write('{'); // and the rest never comes: only the header can have failed it
    };
    expect(await failure(sendRequest(request({ timeoutMs: 20_000 })))).toBeInstanceOf(ResponseTooLargeError);
    await closed;
  });

  test('an answer of exactly 1 MiB is read whole', async () => {
    const body = 'y'.repeat(MAX_RESPONSE_BYTES);
    handler = (_req, res) => res.writeHead(200).end(body);
    const response = await sendRequest(request());
    expect(response.body.length).toBe(MAX_RESPONSE_BYTES);
  });
});

describe('an answer read into a sink (a list)', () => {
  /** A sink that keeps what it is given, with its own cap. */
  function sink(maxBytes: number, refuseAt = Infinity) {
    const chunks: Buffer[] = [];
    let size = 0;
    return {
      maxBytes,
      write(chunk: Buffer) {
        size += chunk.length;
        if (size > refuseAt) throw new Error('the sink refused it');
        chunks.push(chunk);
      },
      text: () => Buffer.concat(chunks).toString('utf8'),
    };
  }

  test('a 2xx answer past 1 MiB goes whole to the sink, and none of it into the body', async () => {
    const text = 'z'.repeat(3 * MAX_RESPONSE_BYTES);
    handler = (_req, res) => res.writeHead(200).end(text);
    const into = sink(4 * MAX_RESPONSE_BYTES);
    const response = await sendRequest(request({ stream: into }));
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    expect(into.text()).toBe(text);
  });

  test("past the sink's own cap: ResponseTooLargeError naming that cap, and the connection is cut", async () => {
    let closed!: Promise<unknown>;
    handler = (req, res) => {
      closed = closeOf(req.socket);
      res.writeHead(200);
      res.write('a'.repeat(3 * 1024 * 1024)); // and more never comes: only the cap can have ended it
    };
    const error = await failure(sendRequest(request({ timeoutMs: 20_000, stream: sink(2 * 1024 * 1024) })));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.message).toBe('the answer was larger than 2 MiB, the most this action reads; the connection was closed');
    await closed;
  });

  test('a sink that throws fails the request with its error, and the connection is cut', async () => {
    let closed!: Promise<unknown>;
    handler = (req, res) => {
      closed = closeOf(req.socket);
      res.writeHead(200);
      res.write('b'.repeat(64 * 1024));
    };
    const error = await failure(sendRequest(request({ timeoutMs: 20_000, stream: sink(MAX_RESPONSE_BYTES, 10) })));
    expect(error.message).toBe('the sink refused it');
    await closed;
  });

  test("an error answer is not the sink's: it is kept as the body", async () => {
    handler = (_req, res) => res.writeHead(503).end('{"err_code":"SERVICE_UNAVAILABLE"}');
    const into = sink(MAX_RESPONSE_BYTES);
    const response = await sendRequest(request({ stream: into }));
    expect(response.status).toBe(503);
    expect(response.body).toBe('{"err_code":"SERVICE_UNAVAILABLE"}');
    expect(into.text()).toBe('');
  });
});

describe("usesProxy: the proxy decision is @actions/http-client's", () => {
  const names = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'];
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const name of names) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });
  const set = (env: Record<string, string>) => {
    for (const name of names) delete process.env[name];
    Object.assign(process.env, env);
  };
  const proxied = (url: string) => usesProxy(new URL(url));

  test.each([
    ['no proxy variables', {}, 'https://api.deepgram.com', false],
    ['https_proxy for an https URL', { https_proxy: 'http://proxy.internal:3128' }, 'https://api.deepgram.com', true],
    ['HTTPS_PROXY for an https URL', { HTTPS_PROXY: 'http://proxy.internal:3128' }, 'https://api.deepgram.com', true],
    ['a proxy address without a scheme', { https_proxy: '10.0.0.1:3128' }, 'https://api.deepgram.com', true],
    // "host:port" parses as a URL with the scheme "proxy.internal:" and no host: http-client would go
    // direct without a word; it is read as http://, as curl and docker read it (with a warning: proxy.ts).
    ['a proxy name without a scheme, read as http://', { https_proxy: 'proxy.internal:3128' }, 'https://api.deepgram.com', true],
    ['only http_proxy for an https URL', { http_proxy: 'http://proxy.internal:3128' }, 'https://api.deepgram.com', false],
    ['no_proxy naming the host', { https_proxy: 'http://p:3128', no_proxy: 'api.deepgram.com' }, 'https://api.deepgram.com', false],
    ['no_proxy naming a parent domain', { https_proxy: 'http://p:3128', NO_PROXY: 'deepgram.com' }, 'https://api.deepgram.com', false],
    ['no_proxy with host:port', { https_proxy: 'http://p:3128', no_proxy: 'api.deepgram.com:443' }, 'https://api.deepgram.com', false],
    ['no_proxy *', { https_proxy: 'http://p:3128', no_proxy: '*' }, 'https://api.deepgram.com', false],
    ['no_proxy for another host', { https_proxy: 'http://p:3128', no_proxy: 'example.com' }, 'https://api.deepgram.com', true],
    ['loopback is never proxied', { http_proxy: 'http://p:3128', https_proxy: 'http://p:3128' }, 'http://127.0.0.1:8080', false],
    ['localhost is never proxied', { http_proxy: 'http://p:3128' }, 'http://localhost:8080', false],
  ])('%s', (_name, env, url, expected) => {
    set(env);
    expect(proxied(url)).toBe(expected);
  });
});

describe('through a proxy', () => {
  // A CONNECT proxy on 127.0.0.1 that tunnels every request to the test server, whatever host it
  // names, so a name that resolves nowhere still reaches it and nothing leaves the machine.
  // `onConnect` decides what it does with a CONNECT; by default it opens the tunnel.
  let proxy: Server;
  let proxyUrl: string;
  const tunnels: string[] = [];
  /** Sockets of the proxy's clients (the action's side) that are still open. */
  const clients = new Set<Socket>();
  const saved = process.env.http_proxy;
  const tunnelTo = (client: Socket) => {
    const upstream = connect((server.address() as AddressInfo).port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  };
  let onConnect: (client: Socket) => void = tunnelTo;

  beforeAll(async () => {
    proxy = createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: IncomingMessage, client: Socket) => {
      tunnels.push(`${req.url} ${req.headers['proxy-authorization'] ?? ''}`.trim());
      clients.add(client);
      client.on('close', () => clients.delete(client));
      client.on('error', () => undefined);
      // The server keeps a socket half-open after the client's end: close it then, as a proxy would.
      client.on('end', () => client.destroy());
      onConnect(client);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (saved === undefined) delete process.env.http_proxy;
    else process.env.http_proxy = saved;
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });

  afterEach(() => {
    tunnels.length = 0;
    onConnect = tunnelTo;
    for (const client of clients) client.destroy();
  });

  const viaProxy = (overrides: Partial<HttpRequest> = {}) => {
    process.env.http_proxy = proxyUrl;
    return sendRequest(request({ url: 'http://api.deepgram.invalid:8080/v1/things', ...overrides }));
  };
  /** Resolves once the proxy holds no connection from us: the client closed them all (until() bounds the wait). */
  const proxyConnectionsClosed = () => until(() => clients.size === 0);

  test('a request for a host the proxy applies to goes through it, and the answer comes back', async () => {
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"via":"proxy"}');
    const response = await viaProxy({
      method: 'POST',
      url: 'http://api.deepgram.invalid:8080/v1/things?x=1',
      headers: { Authorization: 'Token k' },
      body: '{}',
    });
    expect(response).toMatchObject({ status: 200, body: '{"via":"proxy"}' });
    expect(tunnels).toEqual(['api.deepgram.invalid:8080']);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/things?x=1', body: '{}' });
    expect(seen[0]!.headers).toMatchObject({ authorization: 'Token k', 'user-agent': 'deepgram-self-hosted-login-action' });
  });

  test('proxy credentials in the variable are sent to the proxy', async () => {
    process.env.http_proxy = proxyUrl.replace('http://', 'http://ci%20user:p%40ss@');
    handler = (_req, res) => res.writeHead(204).end();
    await sendRequest(request({ url: 'http://api.deepgram.invalid:8080/v1/things' }));
    expect(tunnels).toEqual([`api.deepgram.invalid:8080 Basic ${Buffer.from('ci user:p@ss').toString('base64')}`]);
  });

  test('the deadline holds through a proxy too, and the tunnel is closed', async () => {
    handler = () => undefined; // never answers
    const error = await failure(viaProxy({ timeoutMs: 300 }));
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error.code).toBe('REQUEST_TIMEOUT');
    await proxyConnectionsClosed();
  });

  test('an answer that trickles in through the proxy ends at the deadline, and the tunnel is closed', async () => {
    let trickle: NodeJS.Timeout | undefined;
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      trickle = setInterval(() => res.write(' '), 50); // forever, unless the client goes
      res.on('close', () => clearInterval(trickle));
    };
    expect(await failure(viaProxy({ timeoutMs: 500 }))).toBeInstanceOf(RequestTimeoutError);
    await proxyConnectionsClosed();
    clearInterval(trickle);
  });

  test('an endless answer through the proxy: ResponseTooLargeError, and the tunnel is closed', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    handler = (_req, res) => {
      res.writeHead(200);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    };
    expect(await failure(viaProxy({ timeoutMs: 20_000 }))).toBeInstanceOf(ResponseTooLargeError);
    await proxyConnectionsClosed();
  });

  test('a proxy that never answers the CONNECT: the deadline, and the connection to it is closed', async () => {
    onConnect = () => undefined;
    expect(await failure(viaProxy({ timeoutMs: 300 }))).toBeInstanceOf(RequestTimeoutError);
    await proxyConnectionsClosed();
  });

  test.each([
    [407, 'PROXY_REFUSED'],
    [403, 'PROXY_REFUSED'],
    [503, 'PROXY_FAILED'],
    [502, 'PROXY_FAILED'],
  ])(
    'a proxy that answers the CONNECT with %i: its ProxyTunnelError (%s; its words: tunnel.test.ts), and nothing reaches the server',
    async (status, code) => {
      onConnect = (client) => client.end(`HTTP/1.1 ${status} No\r\ncontent-length: 0\r\n\r\n`);
      const error = await failure(viaProxy());
      expect(error).toBeInstanceOf(ProxyTunnelError);
      expect(error.code).toBe(code);
      expect(seen).toEqual([]);
    },
  );

  test('a proxy that opens the tunnel and then drops it: ECONNRESET (the request may have gone through)', async () => {
    onConnect = (client) => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      client.once('data', () => client.destroy());
    };
    const error = await failure(viaProxy());
    expect(error).not.toBeInstanceOf(ProxyTunnelError);
    expect(error.code).toBe('ECONNRESET');
  });
});
