/**
 * The one door to the network: a single HTTP request, bounded as a whole by a deadline so a
 * stalled server cannot hang the job.
 *
 * A request pays only for what it needs. Without a proxy it goes straight out through node:http,
 * or node:https for an https URL (TLS is loaded only then). When a proxy applies to the URL it is
 * sent by @actions/http-client, loaded only then. Whether a proxy applies is decided by
 * http-client's own getProxyUrl (https_proxy / HTTPS_PROXY, http_proxy / HTTP_PROXY, no_proxy /
 * NO_PROXY, loopback never proxied), so the variables mean exactly what they mean there.
 */
import { getProxyUrl } from '@actions/http-client/lib/proxy';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** How long the connection may take to open; default CONNECT_TIMEOUT_MS, never past timeoutMs. */
  connectTimeoutMs?: number;
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

/** Undoes what a request left open (its socket, its client), whether it finished or not. */
type Cleanup = Array<() => void>;

export const sendRequest: Transport = async (request) => {
  const cleanup: Cleanup = [];
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RequestTimeoutError(request.timeoutMs)), request.timeoutMs);
  });
  const exchange = (async () => {
    const url = new URL(request.url);
    return usesProxy(url) ? throughProxy(request, cleanup) : direct(request, url, cleanup);
  })();
  // Whichever loses the race must not surface later as an unhandled rejection.
  exchange.catch(() => undefined);
  try {
    return await Promise.race([exchange, deadline]);
  } catch (error) {
    // http-client reports its own socket timeout as a plain Error("Request timeout: <path>").
    if (error instanceof Error && error.message.startsWith('Request timeout')) throw new RequestTimeoutError(request.timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
    // Destroying the request (or disposing the client) is how a late one is cut off.
    for (const undo of cleanup) undo();
  }
};

/** True when @actions/http-client would send a request for `url` through a proxy. */
export function usesProxy(url: URL): boolean {
  // The same test http-client applies before it builds a tunnelling agent.
  return Boolean(getProxyUrl(url)?.hostname);
}

/** No proxy: one request on a fresh connection that closes after the reply. */
async function direct(request: HttpRequest, url: URL, cleanup: Cleanup): Promise<HttpResponse> {
  const { request: send } = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  const headers: Record<string, string | number> = { ...request.headers, 'user-agent': USER_AGENT };
  if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body, 'utf8');
  return new Promise((resolve, reject) => {
    // agent: false is a one-off agent without keep-alive, as http-client's keepAlive: false was.
    const req = send(url, { method: request.method, headers, agent: false });
    cleanup.push(() => req.destroy());
    req.on('error', reject);
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const connectTimeoutMs = Math.min(request.connectTimeoutMs ?? CONNECT_TIMEOUT_MS, request.timeoutMs);
      const timer = setTimeout(() => req.destroy(new ConnectTimeoutError(connectTimeoutMs)), connectTimeoutMs);
      socket.once('connect', () => clearTimeout(timer));
      cleanup.push(() => clearTimeout(timer));
    });
    req.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.end(request.body);
  });
}

/** Through a proxy: @actions/http-client, with its tunnelling agent and proxy authentication. */
async function throughProxy(request: HttpRequest, cleanup: Cleanup): Promise<HttpResponse> {
  const { HttpClient } = await import('@actions/http-client');
  const client = new HttpClient(USER_AGENT, [], {
    socketTimeout: request.timeoutMs,
    allowRedirects: false,
    allowRetries: false,
    keepAlive: false,
  });
  cleanup.push(() => client.dispose());
  const response = await client.request(request.method, request.url, request.body ?? null, request.headers);
  const body = await response.readBody();
  return { status: response.message.statusCode ?? 0, headers: response.message.headers, body };
}
