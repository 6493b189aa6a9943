/**
 * The proxy tunnel: an HTTP CONNECT to the proxy for the API's host and port, with the credentials
 * in the proxy variable as Proxy-Authorization, as @actions/http-client's tunnel agent does.
 */
import type { IncomingMessage } from 'node:http';
import { isIP, type Socket } from 'node:net';
import { TRANSIENT_STATUSES } from './retry.js';
import { bareHost, limitConnect, type Attempt, type ConnectLimits } from './connection.js';
import { ProxyTunnelError } from './http-errors.js';

/**
 * Asks the proxy for a tunnel to the API's host and port, and resolves to it once the proxy says
 * 200. Until then nothing has gone to the API, so every failure here is a ProxyTunnelError.
 */
export async function openTunnel(request: ConnectLimits, url: URL, proxy: URL, attempt: Attempt): Promise<Socket> {
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
