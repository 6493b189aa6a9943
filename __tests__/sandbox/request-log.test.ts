// sandbox/request-log.js: what the sandbox's request log keeps of a request, and the line the
// `log` option receives (the CLI prints it on stderr). The log as tests read it over HTTP is
// exercised in __tests__/sandbox/server.test.ts.
import { describe, expect, test } from '@jest/globals';
import { logEntry, loggedBody, logLine, snapshot } from '../../sandbox/request-log.js';

const API_KEY = 'dg-key-that-must-not-be-logged';

describe('logEntry', () => {
  test('keeps the method, path, query and headers, but neither authorization header, only its scheme', () => {
    const req = {
      method: 'POST',
      headers: { authorization: `Token ${API_KEY}`, 'proxy-authorization': `Basic ${API_KEY}`, 'user-agent': 'ua/1' },
    };
    const entry = logEntry(req, new URL('http://127.0.0.1/v1/projects/p/self-hosted/distribution/credentials?provider=quay'));
    expect(entry).toMatchObject({
      method: 'POST',
      path: '/v1/projects/p/self-hosted/distribution/credentials',
      query: { provider: 'quay' },
      body: null,
      op: 'unknown',
      status: null,
      headers: { 'user-agent': 'ua/1' },
      auth: 'token',
    });
    expect(JSON.stringify(entry)).not.toContain(API_KEY);
    // The request's own headers are left as they were: the API still reads the key.
    expect(req.headers.authorization).toBe(`Token ${API_KEY}`);
  });

  test('a repeated query key becomes an array, in order', () => {
    const entry = logEntry({ method: 'POST', headers: {} }, new URL('http://127.0.0.1/x?scopes=a&scopes=b&scopes=c&one=1'));
    expect(entry.query).toEqual({ scopes: ['a', 'b', 'c'], one: '1' });
    expect(entry.auth).toBeNull();
  });
});

describe('loggedBody', () => {
  test.each([
    ['', null],
    ['{"comment":"x"}', { comment: 'x' }],
    ['not json', 'not json'],
  ])('%j is logged as %j', (raw, logged) => {
    expect(loggedBody(raw)).toEqual(logged);
  });
});

describe('logLine', () => {
  const entry = logEntry({ method: 'DELETE', headers: {} }, new URL('http://127.0.0.1/v1/p/c/1'));

  test('the method, path, op and status', () => {
    expect(logLine({ ...entry, op: 'delete', status: 200 })).toBe('DELETE /v1/p/c/1 [delete] -> 200');
  });

  test('a destroyed socket, the fault and a client that left are said', () => {
    expect(logLine({ ...entry, op: 'delete', fault: 'reset-before' })).toBe(
      'DELETE /v1/p/c/1 [delete] -> socket destroyed (fault reset-before)',
    );
    expect(logLine({ ...entry, op: 'delete', status: 200, fault: 'delay', clientGone: true })).toBe(
      'DELETE /v1/p/c/1 [delete] -> 200 (fault delay, client gone)',
    );
  });
});

test('snapshot: a copy that later changes to the log do not reach', () => {
  const log = [logEntry({ method: 'GET', headers: {} }, new URL('http://127.0.0.1/v2/'))];
  const copy = snapshot(log);
  log[0]!.status = 401;
  log.push(logEntry({ method: 'GET', headers: {} }, new URL('http://127.0.0.1/v2/')));
  expect(copy).toHaveLength(1);
  expect(copy[0]!.status).toBeNull();
});
