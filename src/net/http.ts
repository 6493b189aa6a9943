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
 * (proxy.ts). The proxy is then asked for a tunnel (HTTP
 * CONNECT, with the credentials in the variable as Proxy-Authorization), as http-client's tunnel
 * agent does; node:tls and node:https are loaded only for an https URL or proxy.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import { isIP, type Socket } from 'node:net';
import { proxyFor } from './proxy.js';
import { TRANSIENT_STATUSES } from './retry.js';

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

/** Raised when no complete response arrived within the request's deadline. */
export class RequestTimeoutError extends Error {
  readonly code = 'REQUEST_TIMEOUT';
  constructor(timeoutMs: number) {
    super(`no response within ${timeoutMs / 1000} s (request-timeout)`);
    this.name = 'RequestTimeoutError';
  }
}

/**
 * How long a TCP connection may take to open, within the request's own deadline. A host that
 * drops packets would otherwise hold each attempt for the whole request-timeout (30 s, 2 min over
 * four attempts); a connection that never opened sent nothing, so it is safe to retry at once.
 */
export const CONNECT_TIMEOUT_MS = 10_000;

/** Raised when the connection to the server did not open in time: nothing was sent. */
export class ConnectTimeoutError extends Error {
  readonly code = 'CONNECT_TIMEOUT';
  constructor(timeoutMs: number) {
    super(`could not connect within ${timeoutMs / 1000} s`);
    this.name = 'ConnectTimeoutError';
  }
}

/**
 * The most of an answer this action keeps. The API's answers are a few hundred bytes; anything
 * near this is not the API speaking (a portal page, a misrouted URL, a broken server), and an
 * answer without end would otherwise grow in memory until the runner dies (1.6 GB in 8 s). A list,
 * whose answer grows with the project, is not kept but read into a sink with a cap of its own.
 */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** Raised when the answer is larger than MAX_RESPONSE_BYTES: reading stopped, the connection was closed. */
export class ResponseTooLargeError extends Error {
  readonly code = 'RESPONSE_TOO_LARGE';
  constructor(limit: number) {
    super(`the answer was larger than ${limit / 1024 / 1024} MiB, the most this action reads; the connection was closed`);
    this.name = 'ResponseTooLargeError';
  }
}

/**
 * Raised when the proxy gave no tunnel to the API: it could not be reached, dropped the
 * connection, or answered the CONNECT with an error. Nothing reached the API either way.
 * PROXY_FAILED is worth another attempt (the proxy down, timing out or overloaded: 408, 429,
 * 5xx); PROXY_REFUSED is the proxy's decision (407 authentication, 403 a host it does not allow).
 */
export class ProxyTunnelError extends Error {
  constructor(
    readonly code: 'PROXY_FAILED' | 'PROXY_REFUSED',
    message: string,
  ) {
    super(message);
    this.name = 'ProxyTunnelError';
  }
}

/**
 * What one attempt opened, to be undone when it ends, whichever way. Something opened after the
 * end (an import that resolved late) is undone at once, so a lost race cannot leave it open.
 */
class Attempt {
  private readonly undo: Array<() => void> = [];
  private over = false;

  own(undo: () => void): void {
    if (this.over) undo();
    else this.undo.push(undo);
  }

  end(): void {
    this.over = true;
    for (const undo of this.undo.splice(0)) undo();
  }

  /** Stops a step that would open something after the end (it lost the race with the deadline). */
  stillOn(): void {
    if (this.over) throw new Error('the attempt is over');
  }
}

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

/** Fails the request with ConnectTimeoutError when its TCP connection does not open in time. */
function limitConnect(req: ClientRequest, request: HttpRequest): void {
  req.on('socket', (socket) => {
    if (!socket.connecting) return;
    const connectTimeoutMs = Math.min(request.connectTimeoutMs ?? CONNECT_TIMEOUT_MS, request.timeoutMs);
    const timer = setTimeout(() => req.destroy(new ConnectTimeoutError(connectTimeoutMs)), connectTimeoutMs);
    socket.once('connect', () => clearTimeout(timer));
    req.once('close', () => clearTimeout(timer));
  });
}

/**
 * Asks the proxy for a tunnel to the API's host and port, and resolves to it once the proxy says
 * 200. Until then nothing has gone to the API, so every failure here is a ProxyTunnelError.
 */
async function openTunnel(request: HttpRequest, url: URL, proxy: URL, attempt: Attempt): Promise<Socket> {
  const { request: send } = proxy.protocol === 'https:' ? await import('node:https') : await import('node:http');
  attempt.stillOn();
  const target = `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
  // The proxy's address without its user info: it goes into error messages.
  const where = `the proxy ${proxy.host}`;
  const headers: Record<string, string> = { host: target };
  if (proxy.username || proxy.password) {
    headers['proxy-authorization'] = `Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')}`;
  }
  const host = bareHost(proxy.hostname);
  return new Promise((resolve, reject) => {
    const connectReq = send({
      host,
      port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: target,
      headers,
      // An https proxy proves it is the proxy: without this, node:https takes the name to check its
      // certificate against (and to send as SNI) from the Host header, which names the API.
      servername: isIP(host) ? '' : host,
      agent: false,
    });
    attempt.own(() => connectReq.destroy());
    limitConnect(connectReq, request);
    connectReq.on('error', (cause) =>
      reject(new ProxyTunnelError('PROXY_FAILED', `could not open a tunnel through ${where}: ${cause.message}`)),
    );
    connectReq.on('connect', (response: IncomingMessage, socket: Socket, head: Buffer) => {
      attempt.own(() => socket.destroy());
      // A socket error after the hand-over reaches the request on it; this one keeps it from being unhandled.
      socket.on('error', reject);
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 299) {
        socket.destroy();
        const code = TRANSIENT_STATUSES.includes(status) ? 'PROXY_FAILED' : 'PROXY_REFUSED';
        const hint = status === 407 ? ' (proxy authentication required: check the user and password in the proxy variable)' : '';
        reject(new ProxyTunnelError(code, `${where} refused a tunnel to ${target} with HTTP ${status}${hint}`));
        return;
      }
      // Bytes the proxy passed on past its answer belong to the stream inside the tunnel.
      if (head.length > 0) socket.unshift(head);
      resolve(socket);
    });
    connectReq.end();
  });
}

/** An IPv6 literal as sockets want it: without the brackets a URL puts around it. */
function bareHost(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1');
}
