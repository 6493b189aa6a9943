/**
 * The one door to the network: a single HTTP request through @actions/http-client (which honours
 * https_proxy / no_proxy), bounded as a whole by a deadline so a stalled server cannot hang the job.
 */
import { HttpClient } from '@actions/http-client';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
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

export const sendRequest: Transport = async (request) => {
  // A client per request: disposing it destroys its sockets, which is how a late request is cut off.
  const client = new HttpClient(USER_AGENT, [], {
    socketTimeout: request.timeoutMs,
    allowRedirects: false,
    allowRetries: false,
    keepAlive: false,
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RequestTimeoutError(request.timeoutMs)), request.timeoutMs);
  });
  const exchange = (async (): Promise<HttpResponse> => {
    const response = await client.request(request.method, request.url, request.body ?? null, request.headers);
    const body = await response.readBody();
    return { status: response.message.statusCode ?? 0, headers: response.message.headers, body };
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
    client.dispose();
  }
};
