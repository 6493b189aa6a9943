/**
 * The one door to the network: a single HTTP request, bounded as a whole by a deadline so a
 * stalled server cannot hang the job, and in size so an endless answer cannot fill the memory.
 *
 * Every request runs on sockets this module opens itself, direct or through a proxy, so that
 * the deadline, the connect timeout and the size cap hold the same way on both paths, and the end
 * of an attempt destroys everything it opened: nothing is left to keep the process alive.
 *
 * Whether a proxy applies is decided by @actions/http-client's own getProxyUrl (https_proxy /
 * HTTPS_PROXY, http_proxy / HTTP_PROXY, no_proxy / NO_PROXY, loopback never proxied), so the
 * variables mean exactly what they mean there, but for values it would drop without a word
 * (proxy.ts). The proxy is then asked for a tunnel (tunnel.ts); node:tls and node:https are loaded
 * only for an https URL or proxy. What every connection shares (the attempt that ends it, the
 * connect timeout) is connection.ts; how a request fails, http-errors.ts.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import { isIP, type Socket } from 'node:net';
import { proxyFor } from './proxy.js';
import { Attempt, bareHost, limitConnect } from './connection.js';
import { RequestTimeoutError, ResponseTooLargeError } from './http-errors.js';
import { openTunnel } from './tunnel.js';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** How long the connection may take to open; default CONNECT_TIMEOUT_MS, never past timeoutMs. */
  connectTimeoutMs?: number;
  /**
   * Where a 2xx answer's body goes as it arrives, in place of being kept whole: a list, which may
   * be long. Other answers (an error) are kept and capped at MAX_RESPONSE_BYTES as usual.
   */
  stream?: BodySink;
}

/** Takes an answer's body chunk by chunk; `write` may throw to stop reading (the request fails with that error). */
export interface BodySink {
  /** The most of the body read into the sink; past it the request fails with ResponseTooLargeError. */
  readonly maxBytes: number;
  write(chunk: Buffer): void;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

const USER_AGENT = 'deepgram-self-hosted-login-action';

/**
 * The most of an answer this action keeps. The API's answers are a few hundred bytes; anything
 * near this is not the API speaking (a portal page, a misrouted URL, a broken server), and an
 * answer without end would otherwise grow in memory until the runner dies (1.6 GB in 8 s). A list,
 * whose answer grows with the project, is not kept but read into a sink with a cap of its own.
 */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

export const sendRequest: Transport = async (request) => {
  const attempt = new Attempt();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RequestTimeoutError(request.timeoutMs)), request.timeoutMs);
  });
  const exchange = (async () => {
    const url = new URL(request.url);
    const proxy = proxyFor(url);
    const tunnel = proxy ? await openTunnel(request, url, proxy, attempt) : undefined;
    return exchangeOn(request, url, tunnel, attempt);
  })();
  // Whichever loses the race must not surface later as an unhandled rejection.
  exchange.catch(() => undefined);
  try {
    return await Promise.race([exchange, deadline]);
  } finally {
    clearTimeout(timer);
    // Destroying every request and socket is how a late or endless answer is cut off.
    attempt.end();
  }
};

/** True when @actions/http-client would send a request for `url` through a proxy. */
export function usesProxy(url: URL): boolean {
  return proxyFor(url) !== undefined;
}

/** The request itself, on a fresh connection (or the tunnel) that closes after the answer. */
async function exchangeOn(request: HttpRequest, url: URL, tunnel: Socket | undefined, attempt: Attempt): Promise<HttpResponse> {
  const secure = url.protocol === 'https:';
  const { request: send } = secure ? await import('node:https') : await import('node:http');
  const tls = tunnel && secure ? await import('node:tls') : undefined;
  attempt.stillOn();
  let connection = tunnel;
  if (tunnel && tls) {
    const host = bareHost(url.hostname);
    // TLS to the API inside the tunnel; `host` is what the certificate is checked against.
    const secured = tls.connect({ socket: tunnel, host, servername: isIP(host) ? undefined : host });
    attempt.own(() => secured.destroy());
    connection = secured;
  }
  const headers: Record<string, string | number> = { ...request.headers, 'user-agent': USER_AGENT };
  if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body, 'utf8');
  return new Promise((resolve, reject) => {
    // agent: false is a one-off agent without keep-alive; a tunnel is one connection of its own.
    const req = connection
      ? send(url, { method: request.method, headers, createConnection: () => connection })
      : send(url, { method: request.method, headers, agent: false });
    attempt.own(() => req.destroy());
    req.on('error', reject);
    if (!connection) limitConnect(req, request);
    req.on('response', (response) => readAnswer(req, response, request.stream, resolve, reject));
    req.end(request.body);
  });
}

/**
 * Reads the answer up to MAX_RESPONSE_BYTES (a 2xx answer to a request with a sink: into the sink,
 * up to its own cap); past that it stops and closes the connection.
 */
function readAnswer(
  req: ClientRequest,
  response: IncomingMessage,
  stream: BodySink | undefined,
  resolve: (response: HttpResponse) => void,
  reject: (error: Error) => void,
): void {
  const status = response.statusCode ?? 0;
  const sink = status >= 200 && status <= 299 ? stream : undefined;
  const limit = sink?.maxBytes ?? MAX_RESPONSE_BYTES;
  let stopped = false;
  const stop = (error: Error) => {
    stopped = true;
    reject(error);
    req.destroy();
  };
  // A declared length past the cap fails before a byte of the body is read.
  if (Number(response.headers['content-length']) > limit) return stop(new ResponseTooLargeError(limit));
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    if (stopped) return;
    size += chunk.length;
    if (size > limit) return stop(new ResponseTooLargeError(limit));
    if (!sink) return void chunks.push(chunk);
    try {
      sink.write(chunk);
    } catch (error) {
      stop(error instanceof Error ? error : new Error(String(error)));
    }
  });
  response.on('error', reject);
  response.on('end', () => resolve({ status, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
}
