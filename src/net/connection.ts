/**
 * What every connection of one request shares, direct or through a proxy tunnel: the attempt that
 * owns and ends everything it opened, the connect timeout, and a host as sockets want it.
 */
import type { ClientRequest } from 'node:http';
import { ConnectTimeoutError } from './http-errors.js';

/**
 * How long a TCP connection may take to open, within the request's own deadline. A host that
 * drops packets would otherwise hold each attempt for the whole request-timeout (30 s, 2 min over
 * four attempts); a connection that never opened sent nothing, so it is safe to retry at once.
 */
export const CONNECT_TIMEOUT_MS = 10_000;

/** The time limits of one request that bear on opening its connection (HttpRequest's fields). */
export interface ConnectLimits {
  timeoutMs: number;
  connectTimeoutMs?: number;
}

/**
 * What one attempt opened, to be undone when it ends, whichever way. Something opened after the
 * end (an import that resolved late) is undone at once, so a lost race cannot leave it open.
 */
export class Attempt {
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

/** Fails the request with ConnectTimeoutError when its TCP connection does not open in time. */
export function limitConnect(req: ClientRequest, request: ConnectLimits): void {
  req.on('socket', (socket) => {
    if (!socket.connecting) return;
    const connectTimeoutMs = Math.min(request.connectTimeoutMs ?? CONNECT_TIMEOUT_MS, request.timeoutMs);
    const timer = setTimeout(() => req.destroy(new ConnectTimeoutError(connectTimeoutMs)), connectTimeoutMs);
    socket.once('connect', () => clearTimeout(timer));
    req.once('close', () => clearTimeout(timer));
  });
}

/** An IPv6 literal as sockets want it: without the brackets a URL puts around it. */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1');
}
