/**
 * The inputs every action that talks to the API reads (api-key, project-id, api-url,
 * request-timeout, max-attempts), validated the same way everywhere, before any request is sent.
 */
import { InputError } from './input-error.js';

/** Returns an input's value as the runner gives it (core.getInput trims it). */
export type GetInput = (name: string) => string;

export const MAX_ATTEMPTS_LIMIT = 10;

/** What every step that talks to the API needs (each of the three actions). */
export interface ApiSettings {
  apiKey: string;
  projectId: string;
  /** Base URL without a trailing slash. */
  apiUrl: string;
  requestTimeoutMs: number;
  maxAttempts: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The inputs every step that talks to the API shares, validated the same way everywhere. */
export function readApiSettings(getInput: GetInput): ApiSettings {
  const apiKey = getInput('api-key');
  if (!apiKey) throw new InputError('api-key', 'is required: pass a Deepgram API key, e.g. ${{ secrets.DEEPGRAM_API_KEY }}.');
  if (/\s/.test(apiKey)) throw new InputError('api-key', 'contains whitespace; a Deepgram API key is a single token.');
  // The key itself is never quoted: a message goes to the log, and the key may not be masked yet.
  if (/\p{Cc}/u.test(apiKey)) {
    throw new InputError('api-key', 'contains a control character; a Deepgram API key is a single token of printable characters.');
  }
  // A header carries only visible ASCII: a pasted en dash fails in Node before the request leaves,
  // and an accented letter reaches the API as bytes no key has. Neither is a key.
  const foreign = /[^\x21-\x7e]/u.exec(apiKey)?.[0];
  if (foreign !== undefined) {
    throw new InputError(
      'api-key',
      `contains ${codePoint(foreign)} at character ${[...apiKey.slice(0, apiKey.indexOf(foreign))].length + 1}, which is not visible ASCII ` +
        '(an en dash, a zero-width space or an accented letter pasted with the key); a Deepgram API key is letters, digits and ASCII punctuation only.',
    );
  }

  const projectId = getInput('project-id');
  if (!projectId) throw new InputError('project-id', 'is required: pass the Deepgram project ID (a UUID).');
  if (!UUID.test(projectId)) {
    throw new InputError('project-id', `"${projectId}" is not a UUID; expected the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.`);
  }

  return {
    apiKey,
    projectId,
    apiUrl: parseApiUrl(getInput('api-url') || 'https://api.deepgram.com'),
    requestTimeoutMs: parseTimeout(getInput('request-timeout')),
    maxAttempts: parseMaxAttempts(getInput('max-attempts')),
  };
}

/** U+2013, as a person looks a character up (the character itself may be invisible). */
function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The longest request-timeout: an attempt longer than 10 minutes is a hang, not a slow link. */
export const MAX_REQUEST_TIMEOUT_S = 600;

function parseTimeout(raw: string): number {
  const seconds = raw === '' ? 30 : /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
  // Under 1 s no real API call completes (0.0004 would round to 0 ms); far above, setTimeout
  // overflows its 32-bit range and fires at once, so every attempt would "time out" immediately.
  if (!(seconds >= 1 && seconds <= MAX_REQUEST_TIMEOUT_S)) {
    throw new InputError(
      'request-timeout',
      `"${raw}" is not accepted; use a number of seconds from 1 to ${MAX_REQUEST_TIMEOUT_S} (such as 30; decimals allowed).`,
    );
  }
  return Math.round(seconds * 1000);
}

function parseMaxAttempts(raw: string): number {
  const attempts = raw === '' ? 4 : /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(attempts >= 1 && attempts <= MAX_ATTEMPTS_LIMIT)) {
    throw new InputError('max-attempts', `"${raw}" is not accepted; use a whole number from 1 to ${MAX_ATTEMPTS_LIMIT}.`);
  }
  return attempts;
}

/** The API key must never cross a network in clear text: plain http is for loopback only. */
function parseApiUrl(raw: string): string {
  // Messages quote the URL without any user info in it: a password there must not reach the log.
  const shown = withoutUserInfo(raw);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError('api-url', `"${shown}" is not a URL; use an https:// URL such as https://api.deepgram.com.`);
  }
  if (url.username || url.password) {
    throw new InputError(
      'api-url',
      `"${shown}" carries a user name or password (not shown here); they are not accepted. ` +
        'Use the base URL alone, such as https://api.deepgram.com: the API key goes in api-key.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('api-url', `"${shown}" is not an http(s) URL; use an https:// URL such as https://api.deepgram.com.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InputError(
      'api-url',
      `"${shown}" uses plain http to a host that is not loopback; the API key would cross the network in clear text. Use https://.`,
    );
  }
  if (/[?#]/.test(raw)) {
    throw new InputError('api-url', `"${shown}" must be a base URL without a query or fragment, such as https://api.deepgram.com.`);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * `raw` with anything that may be user info cut out: all from the scheme to the last "@"
 * ("https://u:p@host" -> "https://***@host"). Cruder than a URL parser on purpose: it must also
 * hide a password in something that does not parse ("https://u:pa/ss@host").
 */
function withoutUserInfo(raw: string): string {
  const at = raw.lastIndexOf('@');
  if (at === -1) return raw;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? '';
  return `${scheme}***${raw.slice(at)}`;
}

export function isLoopbackHost(hostname: string): boolean {
  // Its one caller passes URL.hostname, which brackets an IPv6 address at both ends and has no
  // bracket anywhere else: either anchor alone gives the same host.
  // Stryker disable next-line Regex: equivalent, as above
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
