/**
 * A loopback HTTP proxy in front of the e2e registry that can fail a chosen number of login
 * attempts: the first `times` requests that carry credentials (the one request of a login that
 * checks them) are answered 502, stalled (held open, never answered) or passed on a minute late, and
 * the rest are passed through. The unauthenticated ping before them always passes, so each faulted request is one
 * failed login attempt, for docker and for podman alike.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** 502 at once; stall: never answered; delay: passed through a minute late (a slow registry). */
export type Fault = '502' | 'stall' | 'delay';

// Longer than allGone's bound: a CLI that outlived its stopped step is still waiting when it looks.
const DELAY_MS = 60_000;

export interface RegistryProxy {
  host: string;
  /** Fault the next `times` credential checks; the ones after pass through. */
  fail: (fault: Fault, times: number) => void;
  /** How many credential checks reached the proxy (faulted or not). */
  credentialChecks: () => number;
  stop: () => Promise<void>;
}

export async function startRegistryProxy(upstream: string): Promise<RegistryProxy> {
  let fault: Fault = '502';
  let remaining = 0;
  let checks = 0;
  const sockets = new Set<Socket>();
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (incoming.headers.authorization) {
      checks++;
      if (remaining > 0) {
        remaining--;
        if (fault === 'stall') return; // never answered: the client's own bound has to end it
        if (fault === 'delay') {
          const timer = setTimeout(() => forward(incoming, outgoing), DELAY_MS);
          delays.add(timer);
          return;
        }
        outgoing.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>\n');
        return;
      }
    }
    forward(incoming, outgoing);
  });
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse): void => {
    if (outgoing.destroyed) return; // the client left meanwhile
    const upstreamRequest = request(
      `http://${upstream}${incoming.url}`,
      { method: incoming.method, headers: { ...incoming.headers, host: upstream } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstreamRequest.on('error', () => outgoing.destroy());
    incoming.pipe(upstreamRequest);
  };
  const delays = new Set<NodeJS.Timeout>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    fail: (kind, times) => {
      fault = kind;
      remaining = times;
    },
    credentialChecks: () => checks,
    stop: async () => {
      for (const timer of delays) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
