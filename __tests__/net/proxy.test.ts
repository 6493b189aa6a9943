import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { proxyFor, proxyWarnings } from '../../src/net/proxy.js';

const VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'];
const API = 'https://api.deepgram.com';
let saved: Record<string, string | undefined>;
beforeEach(() => {
  saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of VARIABLES) delete process.env[name];
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const through = (url = API) => {
  const proxy = proxyFor(new URL(url));
  return proxy && { host: proxy.host, protocol: proxy.protocol, username: proxy.username, password: proxy.password };
};

describe('values @actions/http-client takes: taken as it takes them, no warning', () => {
  test.each([
    ['http://proxy.corp:3128', { host: 'proxy.corp:3128', protocol: 'http:', username: '', password: '' }],
    ['http://bot:p%40ss@proxy.corp:3128', { host: 'proxy.corp:3128', protocol: 'http:', username: 'bot', password: 'p@ss' }],
    ['10.1.2.3:3128', { host: '10.1.2.3:3128', protocol: 'http:', username: '', password: '' }],
  ])('%s', (value, expected) => {
    process.env.HTTPS_PROXY = value;
    expect(through()).toEqual(expected);
    expect(proxyWarnings(API)).toEqual([]);
  });

  test('no variable, or a loopback API, or NO_PROXY naming the host: direct, no warning', () => {
    expect(through()).toBeUndefined();
    process.env.HTTPS_PROXY = 'proxy.corp:3128';
    expect(through('http://127.0.0.1:8080')).toBeUndefined();
    expect(proxyWarnings('http://127.0.0.1:8080')).toEqual([]);
    process.env.NO_PROXY = '.deepgram.com';
    expect(through()).toBeUndefined();
    expect(proxyWarnings(API)).toEqual([]);
  });
});

describe('values it drops without a word: used as curl and docker read them, with one warning', () => {
  test('a host name without a scheme is http://', () => {
    process.env.https_proxy = 'proxy.corp:3128';
    expect(through()).toEqual({ host: 'proxy.corp:3128', protocol: 'http:', username: '', password: '' });
    expect(proxyWarnings(API)).toEqual([
      'https_proxy cannot be used as written (no scheme: read as http://): requests to api.deepgram.com go through http://proxy.corp:3128.',
    ]);
  });

  test('a % that starts no escape is sent as written, and the password is named nowhere', () => {
    process.env.HTTPS_PROXY = 'http://bot:50%off-to%25day@proxy.corp:3128';
    expect(through()).toEqual({ host: 'proxy.corp:3128', protocol: 'http:', username: 'bot', password: '50%off-to%day' });
    const warnings = proxyWarnings(API);
    expect(warnings).toEqual([
      'HTTPS_PROXY cannot be used as written (a % in its user name or password starts no %XX escape: sent as written (write it as %25)): ' +
        'requests to api.deepgram.com go through http://proxy.corp:3128.',
    ]);
    expect(warnings.join()).not.toMatch(/50|off|day/);
  });

  test('both at once: one warning', () => {
    process.env.HTTPS_PROXY = 'bot:100%@proxy.corp:3128';
    expect(through()?.password).toBe('100%');
    expect(proxyWarnings(API)).toHaveLength(1);
    expect(proxyWarnings(API)[0]).toMatch(/^HTTPS_PROXY cannot be used as written \(no scheme: read as http:\/\/; a % in its user name/);
  });

  test('a value that names no host: direct, and the warning says so', () => {
    process.env.HTTPS_PROXY = 'http://';
    expect(through()).toBeUndefined();
    expect(proxyWarnings(API)).toEqual([
      'HTTPS_PROXY is set but names no proxy host (expected http://host:port): requests to api.deepgram.com go direct, not through a proxy.',
    ]);
  });
});

describe('NO_PROXY entries it does not understand', () => {
  test('address ranges, wildcards and trailing dots: ignored, as http-client does, and named in one warning', () => {
    process.env.HTTPS_PROXY = 'http://proxy.corp:3128';
    process.env.no_proxy = 'localhost, 10.0.0.0/8,*.deepgram.com,api.deepgram.com.,.internal,*';
    // `*` alone is understood: nothing is proxied.
    expect(through()).toBeUndefined();
    process.env.no_proxy = 'localhost, 10.0.0.0/8,*.deepgram.com,api.deepgram.com.,.internal';
    expect(through()?.host).toBe('proxy.corp:3128');
    expect(proxyWarnings(API)).toEqual([
      'no_proxy entries 10.0.0.0/8, *.deepgram.com, api.deepgram.com. are not understood (address ranges, * wildcards and trailing dots are not supported) ' +
        'and were ignored: requests to api.deepgram.com go through http://proxy.corp:3128. Name hosts and domains as they are (example.com, .example.com).',
    ]);
  });

  test('no proxy set for the API: NO_PROXY does not matter, no warning', () => {
    process.env.http_proxy = 'http://proxy.corp:3128';
    process.env.NO_PROXY = '10.0.0.0/8';
    expect(proxyWarnings(API)).toEqual([]);
  });
});
