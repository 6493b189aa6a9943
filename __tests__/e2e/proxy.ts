/**
 * The Deepgram API behind a proxy, all on 127.0.0.1, for the suites that run the bundle through
 * one. The API URL is https://api.deepgram.example:<port>, served by a TLS front (a throwaway
 * certificate, trusted through NODE_EXTRA_CA_CERTS) that hands the decrypted stream to the
 * sandbox. The proxy tunnels every CONNECT to that front, whatever host it names, and a preload in
 * the action's process resolves *.example to 127.0.0.1 and refuses every other name, so no lookup
 * or connection can leave the machine. http-client never proxies loopback hosts, and the action
 * accepts plain http only for loopback, hence https here. The proxy also listens over TLS, as
 * https://proxy.example:<port> with a certificate of its own, and once more showing the API's
 * certificate instead (an impostor, which the action must refuse).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals';
import { startHarness, type Harness } from './fixtures.js';
import { allGone } from './processes.js';

export const API_HOST = 'api.deepgram.example';
/** The name of the proxy that speaks TLS itself (an https:// proxy URL). */
export const SECURE_PROXY_HOST = 'proxy.example';
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

/** What the proxy does with a CONNECT: `tunnel()` opens the tunnel to the API as a proxy would. */
export type ConnectHandler = (client: Socket, tunnel: () => void) => void;

export interface ApiBehindProxy {
  /** https://api.deepgram.example:<port> */
  apiUrl: string;
  /** http://127.0.0.1:<port> of the proxy */
  proxyUrl: string;
  /** https://proxy.example:<port>: the same proxy, spoken to over TLS, with a certificate of its own (trusted too) */
  secureProxyUrl: string;
  /** https://proxy.example:<port>: the same proxy over TLS, but showing the API's certificate, not one for its own name */
  impostorProxyUrl: string;
  /** For the action's process: the DNS pin, the CA, and every proxy variable empty (a test sets its own). */
  env: Record<string, string>;
  /** Each CONNECT the proxy saw: "host:port", and the Proxy-Authorization it carried, if any. */
  tunnels: string[];
  /** What the proxy sees for one API request: CONNECT to the API's host and port. */
  target: string;
  /** Replaces what the proxy does with the next CONNECTs (until reset). */
  onConnect(handler: ConnectHandler): void;
  /** No CONNECT seen, and the proxy tunnels again. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * For a test file: a harness and the API behind the proxy, started before its tests and closed
 * after them, both reset before each test, and each test ended once its processes are gone.
 */
export function useApiBehindProxy(): { h: Harness; api: ApiBehindProxy } {
  const h = {} as Harness;
  const api = {} as ApiBehindProxy;
  beforeAll(async () => {
    Object.assign(h, await startHarness());
    Object.assign(api, await startApiBehindProxy(h));
  });
  afterAll(async () => {
    await api.close();
    await h.close();
  });
  beforeEach(() => {
    h.reset();
    api.reset();
  });
  // A test ends once the processes it started are gone: none can reach the next test's API.
  afterEach(() => allGone(h.workdir));
  return { h, api };
}

export async function startApiBehindProxy(h: Harness): Promise<ApiBehindProxy> {
  // Throwaway certificates for the API host and for the proxy's, which the action trusts through
  // NODE_EXTRA_CA_CERTS (both in one file).
  const certificate = (name: string) => {
    const key = join(h.workdir, `${name}.key.pem`);
    const cert = join(h.workdir, `${name}.cert.pem`);
    const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key];
    const subject = ['-subj', `/CN=${name}`, '-addext', `subjectAltName=DNS:${name}`];
    execFileSync('openssl', ['req', '-x509', '-days', '1', ...newKey, '-out', cert, ...subject], { stdio: 'ignore' });
    return { key: readFileSync(key), cert: readFileSync(cert) };
  };
  const apiCertificate = certificate(API_HOST);
  const proxyCertificate = certificate(SECURE_PROXY_HOST);
  const trusted = join(h.workdir, 'trusted.pem');
  writeFileSync(trusted, Buffer.concat([apiCertificate.cert, proxyCertificate.cert]));

  // Every socket the front and the proxy opened, so that close() can close them all.
  const sockets = new Set<Socket>();
  const track = <T extends Socket>(socket: T): T => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    return socket;
  };

  // TLS in front of the sandbox: what api.deepgram.example:<port> is in these tests.
  const front: TlsServer = createTlsServer(apiCertificate, (socket) => {
    track(socket);
    const upstream = track(connect(h.sandbox.port, '127.0.0.1'));
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const frontPort = (front.address() as AddressInfo).port;

  const tunnels: string[] = [];
  let handler: ConnectHandler | undefined;
  // A CONNECT proxy that only ever connects to the TLS front; the same one over TLS, with its own
  // certificate, and with the API's.
  const onlyConnect = (_req: IncomingMessage, res: ServerResponse) => res.writeHead(405).end('CONNECT only');
  const proxy: Server = createServer(onlyConnect);
  const secureProxy: HttpsServer = createHttpsServer(proxyCertificate, onlyConnect);
  const impostorProxy: HttpsServer = createHttpsServer(apiCertificate, onlyConnect);
  const onConnect = (req: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.push([req.url, req.headers['proxy-authorization']].filter(Boolean).join(' '));
    track(client);
    client.on('error', () => undefined);
    const tunnel = () => {
      const upstream = track(
        connect(frontPort, '127.0.0.1', () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          if (head.length > 0) upstream.write(head);
          upstream.pipe(client).pipe(upstream);
        }),
      );
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
    };
    if (handler) handler(client, tunnel);
    else tunnel();
  };
  for (const server of [proxy, secureProxy, impostorProxy]) {
    server.on('connect', onConnect);
    server.on('connection', track);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  }
  const portOf = (server: Server | HttpsServer) => (server.address() as AddressInfo).port;

  const pin = join(h.workdir, 'pin-dns.cjs');
  writeFileSync(pin, PIN_DNS);
  return {
    apiUrl: `https://${API_HOST}:${frontPort}`,
    proxyUrl: `http://127.0.0.1:${portOf(proxy)}`,
    secureProxyUrl: `https://${SECURE_PROXY_HOST}:${portOf(secureProxy)}`,
    impostorProxyUrl: `https://${SECURE_PROXY_HOST}:${portOf(impostorProxy)}`,
    env: {
      NODE_OPTIONS: `--require ${pin}`,
      NODE_EXTRA_CA_CERTS: trusted,
      // Whatever the machine running the tests has set, each test says exactly which apply.
      ...Object.fromEntries(PROXY_VARIABLES.map((name) => [name, ''])),
    },
    tunnels,
    target: `${API_HOST}:${frontPort}`,
    onConnect: (next) => {
      handler = next;
    },
    reset: () => {
      tunnels.length = 0;
      handler = undefined;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      for (const server of [proxy, secureProxy, impostorProxy]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
      await new Promise((resolve) => front.close(resolve));
    },
  };
}
