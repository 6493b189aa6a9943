/**
 * src/net/connection.ts: what every connection of a request shares: the Attempt that undoes what
 * it opened, the connect timeout (limitConnect) and bareHost. limitConnect is driven here through
 * stand-ins for a request and its socket, on jest's fake clock; over real sockets (a port that
 * never answers), http.test.ts and tunnel.test.ts.
 */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { ClientRequest } from 'node:http';
import { Attempt, bareHost, CONNECT_TIMEOUT_MS, limitConnect } from '../../src/net/connection.js';
import { ConnectTimeoutError } from '../../src/net/http-errors.js';

describe('Attempt', () => {
  test('ending it undoes what it owns, once each', () => {
    const attempt = new Attempt();
    const undone: string[] = [];
    attempt.own(() => undone.push('request'));
    attempt.own(() => undone.push('socket'));
    expect(undone).toEqual([]);
    attempt.end();
    expect(undone).toEqual(['request', 'socket']);
    attempt.end();
    expect(undone).toEqual(['request', 'socket']);
  });

  test('what it is given after its end is undone at once', () => {
    const attempt = new Attempt();
    attempt.end();
    const undo = jest.fn();
    attempt.own(undo);
    expect(undo).toHaveBeenCalledTimes(1);
  });

  test('stillOn throws once it is over, and only then', () => {
    const attempt = new Attempt();
    expect(() => attempt.stillOn()).not.toThrow();
    attempt.end();
    expect(() => attempt.stillOn()).toThrow('the attempt is over');
  });
});

describe('bareHost', () => {
  test.each([
    ['[::1]', '::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['127.0.0.1', '127.0.0.1'],
    ['api.deepgram.com', 'api.deepgram.com'],
  ])('%s is %s', (hostname, bare) => {
    expect(bareHost(hostname)).toBe(bare);
  });
});

describe('limitConnect', () => {
  /** A request and its socket as far as limitConnect sees them: events, and destroy(error). */
  function requestOn(connecting: boolean) {
    const socket = Object.assign(new EventEmitter(), { connecting });
    const destroyed: Error[] = [];
    const req = Object.assign(new EventEmitter(), { destroy: (error: Error) => void destroyed.push(error) });
    const start = (limits: { timeoutMs: number; connectTimeoutMs?: number }) => {
      limitConnect(req as unknown as ClientRequest, limits);
      req.emit('socket', socket);
    };
    return { socket, req, destroyed, start };
  }

  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  test('a connection still opening at the connect timeout: the request fails with ConnectTimeoutError', () => {
    const { destroyed, start } = requestOn(true);
    start({ timeoutMs: 20_000, connectTimeoutMs: 300 });
    jest.advanceTimersByTime(299);
    expect(destroyed).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(destroyed).toHaveLength(1);
    expect(destroyed[0]).toBeInstanceOf(ConnectTimeoutError);
    expect(destroyed[0]!.message).toBe('could not connect within 0.3 s');
  });

  test('by default the connect timeout is CONNECT_TIMEOUT_MS (10 s)', () => {
    expect(CONNECT_TIMEOUT_MS).toBe(10_000);
    const { destroyed, start } = requestOn(true);
    start({ timeoutMs: 30_000 });
    jest.advanceTimersByTime(9_999);
    expect(destroyed).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(destroyed[0]!.message).toBe('could not connect within 10 s');
  });

  test("never past the request's own deadline", () => {
    const { destroyed, start } = requestOn(true);
    start({ timeoutMs: 250, connectTimeoutMs: 10_000 });
    jest.advanceTimersByTime(250);
    expect(destroyed[0]!.message).toBe('could not connect within 0.25 s');
  });

  test('a connection that opens in time, or a request that closes first, stops the clock', () => {
    const opened = requestOn(true);
    opened.start({ timeoutMs: 20_000, connectTimeoutMs: 300 });
    opened.socket.emit('connect');
    const closed = requestOn(true);
    closed.start({ timeoutMs: 20_000, connectTimeoutMs: 300 });
    closed.req.emit('close');
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(1_000);
    expect([...opened.destroyed, ...closed.destroyed]).toEqual([]);
  });

  test('a socket already connected (a tunnel, a reused socket) gets no clock', () => {
    const { destroyed, start } = requestOn(false);
    start({ timeoutMs: 20_000, connectTimeoutMs: 300 });
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(1_000);
    expect(destroyed).toEqual([]);
  });
});
