/**
 * Which proxy an API request goes through, and what the step says about proxy variables it cannot
 * take as written.
 *
 * @actions/http-client's getProxyUrl and checkBypass decide (https_proxy / HTTPS_PROXY,
 * http_proxy / HTTP_PROXY, no_proxy / NO_PROXY, loopback never proxied), so the variables mean
 * what they mean there. But where it finds a variable set and still goes direct, it does so
 * without a word: a host without a scheme (`proxy.corp:3128` reads as a URL of scheme
 * `proxy.corp:`), or a user name or password with a `%` that starts no %XX escape (decoding it
 * throws). Such a value still names a proxy, and a runner that sets one usually has no other way
 * out: it is used as curl and docker read it (http://, the `%` as written), and one warning says
 * so. A value that names no host at all is left as http-client leaves it (direct), with a warning.
 * NO_PROXY entries http-client does not understand (address ranges, `*.` wildcards, a trailing
 * dot) are ignored, as there, and one warning names them. Never the password.
 */
import { checkBypass, getProxyUrl } from '@actions/http-client/lib/proxy';

/** The proxy for `url`, or undefined for a direct request. */
export function proxyFor(url: URL): URL | undefined {
  const proxy = getProxyUrl(url);
  // The same test http-client applies before it builds a tunnelling agent.
  if (proxy?.hostname) return proxy;
  return checkBypass(url) ? undefined : repaired(url)?.proxy;
}

/** One warning per proxy variable that cannot be used as written, for requests to `apiUrl`. */
export function proxyWarnings(apiUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    return [];
  }
  if (checkBypass(url)) return [];
  const variable = proxyVariable(url);
  if (variable === undefined) return [];
  const warnings: string[] = [];
  const proxy = getProxyUrl(url);
  let through = proxy?.hostname ? `${proxy.protocol}//${proxy.host}` : undefined;
  if (through === undefined) {
    const fixed = repaired(url);
    if (fixed?.proxy) {
      through = `${fixed.proxy.protocol}//${fixed.proxy.host}`;
      warnings.push(
        `${variable.name} cannot be used as written (${fixed.problems.join('; ')}): requests to ${url.host} go through ${through}.`,
      );
    } else {
      warnings.push(
        `${variable.name} is set but names no proxy host (expected http://host:port): requests to ${url.host} go direct, not through a proxy.`,
      );
    }
  }
  const noProxy = noProxyVariable();
  const unknown = noProxy
    ? noProxy.value
        .split(',')
        .map((entry) => entry.trim())
        .filter(notUnderstood)
    : [];
  if (through !== undefined && noProxy && unknown.length > 0) {
    warnings.push(
      `${noProxy.name} entries ${unknown.join(', ')} are not understood (address ranges, * wildcards and trailing dots are not supported) and were ignored: ` +
        `requests to ${url.host} go through ${through}. Name hosts and domains as they are (example.com, .example.com).`,
    );
  }
  return warnings;
}

/** The variable http-client reads for `url`, lower case first. */
function proxyVariable(url: URL): { name: string; value: string } | undefined {
  const names = url.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const name = names.find((candidate) => process.env[candidate]);
  return name === undefined ? undefined : { name, value: process.env[name]! };
}

function noProxyVariable(): { name: string; value: string } | undefined {
  const name = ['no_proxy', 'NO_PROXY'].find((candidate) => process.env[candidate]);
  return name === undefined ? undefined : { name, value: process.env[name]! };
}

/** A form http-client's NO_PROXY matching never matches (it compares names, and `*` alone). */
function notUnderstood(entry: string): boolean {
  return entry !== '' && entry !== '*' && (entry.includes('/') || entry.includes('*') || entry.endsWith('.'));
}

/** The proxy a variable http-client could not use still names, and what had to be read differently. */
function repaired(url: URL): { proxy?: URL; problems: string[] } | undefined {
  const variable = proxyVariable(url);
  if (variable === undefined) return undefined;
  const problems: string[] = [];
  let text = variable.value.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    text = `http://${text}`;
    problems.push('no scheme: read as http://');
  }
  let proxy: URL;
  try {
    proxy = new URL(text);
  } catch {
    return { problems };
  }
  if (!proxy.hostname || (proxy.protocol !== 'http:' && proxy.protocol !== 'https:')) return { problems };
  const username = decodeLeniently(proxy.username);
  const password = decodeLeniently(proxy.password);
  if (username.lenient || password.lenient)
    problems.push('a % in its user name or password starts no %XX escape: sent as written (write it as %25)');
  return { proxy: withCredentials(proxy, username.text, password.text), problems };
}

/** %XX escapes decoded; a % that starts none is kept as it is. */
function decodeLeniently(text: string): { text: string; lenient: boolean } {
  try {
    return { text: decodeURIComponent(text), lenient: false };
  } catch {
    const decoded = text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run; // bytes that are not UTF-8: as written
      }
    });
    return { text: decoded, lenient: true };
  }
}

/** The URL with its user name and password read as decoded text, as http-client's own proxy URL gives them. */
function withCredentials(proxy: URL, username: string, password: string): URL {
  return Object.defineProperties(proxy, {
    username: { get: () => username },
    password: { get: () => password },
  });
}
