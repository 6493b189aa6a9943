/**
 * Reads every input the runner passes and validates it into one typed Settings object, so that
 * bad input fails the step with a message naming the input, before any request is sent.
 */
import { parseDuration } from '../inputs/duration.js';
import { InputError } from '../inputs/input-error.js';
import { KEEP_NAME } from '../deepgram/tags.js';

/** Product scopes Deepgram documents today; others are sent with a warning (new products appear). */
export const KNOWN_SCOPES: readonly string[] = [
  'self-hosted:products',
  'self-hosted:product:api',
  'self-hosted:product:engine',
  'self-hosted:product:license-proxy',
  'self-hosted:product:dgtools',
  'self-hosted:product:billing',
  'self-hosted:product:hotpepper',
  'self-hosted:product:metrics-server',
  'onprem:products',
  'onprem:product:api',
  'onprem:product:engine',
  'onprem:product:license-proxy',
  'onprem:product:dgtools',
  'onprem:product:billing',
  'onprem:product:hotpepper',
  'onprem:product:metrics-server',
];

export const MAX_ATTEMPTS_LIMIT = 10;

/** What every step that talks to the API needs (the main action's and the retire action's). */
export interface ApiSettings {
  apiKey: string;
  projectId: string;
  /** Base URL without a trailing slash. */
  apiUrl: string;
  requestTimeoutMs: number;
  maxAttempts: number;
}

export interface Settings extends ApiSettings {
  scopes: string[];
  /** The user's comment, or one generated from the workflow run; the marker is added later. */
  comment: string;
  provider: string;
  registry: string;
  login: boolean;
  logout: boolean;
  /** Revoke at job end: the effective decision, false whenever `keep` is set. */
  revoke: boolean;
  /** Job sets older than this are pruned at job end; 0 when pruning is off. */
  pruneAfterMs: number;
  /** The registry CLI: docker where it is on PATH, else podman (auto), or the one named. */
  cli: 'auto' | 'docker' | 'podman';
  /** default: the CLI's usual config; job: a config of this job's own under RUNNER_TEMP. */
  dockerConfig: 'default' | 'job';
  /** dockerConfig is what `auto` chose: job on a self-hosted runner, default elsewhere. */
  dockerConfigAuto: boolean;
  /** The name the set is kept under ('' when it is a job's set). */
  keep: string;
}

export { InputError };

export type GetInput = (name: string) => string;

export interface ReadResult {
  settings: Settings;
  warnings: string[];
  /** Worth a line in the log, not a warning. */
  notes: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A scope is a colon-separated name such as self-hosted:product:api; nothing outside this set.
const SCOPE_SHAPE = /^[a-z0-9][a-z0-9._-]*(:[a-z0-9][a-z0-9._-]*)+$/i;
// A registry host with an optional port, as docker accepts it (no scheme, no path).
const REGISTRY_SHAPE = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:(?<port>\d{1,5}))?$/i;

/**
 * @param getInput returns an input's value as the runner gives it (core.getInput trims it).
 * @param env the process environment, for the generated comment.
 */
export function readSettings(getInput: GetInput, env: NodeJS.ProcessEnv = process.env): ReadResult {
  const warnings: string[] = [];
  const notes: string[] = [];
  const api = readApiSettings(getInput);

  const scopes = parseScopes(getInput('scopes'));
  for (const scope of scopes) {
    if (!KNOWN_SCOPES.includes(scope)) {
      warnings.push(`Scope "${scope}" is not one Deepgram documents; sending it anyway (new products get new scopes).`);
    }
  }

  const provider = getInput('provider') || 'quay';
  if (provider !== 'quay')
    throw new InputError('provider', `"${provider}" is not accepted; the only provider Deepgram supports is "quay".`);

  const registry = getInput('registry') || 'quay.io';
  if (!isRegistryHost(registry)) {
    throw new InputError(
      'registry',
      `"${registry}" is not a registry host; expected a host name with an optional port, such as quay.io (no scheme or path).`,
    );
  }

  const keep = parseKeep(getInput('keep'));
  let revoke = parseBoolean('revoke', getInput('revoke'), true);
  if (keep && revoke) {
    notes.push(`keep: the credentials are kept as "${keep}" at job end, so revoke: true does not apply.`);
    revoke = false;
  }

  const dockerConfigInput = parseChoice('docker-config', getInput('docker-config'), ['auto', 'default', 'job']);
  // A self-hosted runner's jobs share its user's home, often several at a time; a GitHub-hosted
  // runner is one job's machine, where the usual config is what later steps expect.
  const dockerConfig = dockerConfigInput === 'auto' ? (env.RUNNER_ENVIRONMENT === 'self-hosted' ? 'job' : 'default') : dockerConfigInput;
  const login = parseBoolean('login', getInput('login'), true);
  const logout = parseBoolean('logout', getInput('logout'), true);
  if (login && !logout && revoke && dockerConfig === 'default') {
    warnings.push(
      "logout: false with revoke: true leaves a login to credentials that are revoked at job end in the registry CLI's usual " +
        `config, in place of any login to ${registry} it held before: later pulls there fail until someone logs in again. ` +
        'Use keep: <name> (or revoke: false) for credentials that stay valid after the job, or logout: true to put the earlier login back.',
    );
  }

  return {
    settings: {
      ...api,
      scopes,
      comment: parseComment(getInput('comment')) || defaultComment(env),
      provider,
      registry,
      login,
      logout,
      revoke,
      keep,
      pruneAfterMs: parsePruneAfter(getInput('prune-after'), warnings),
      cli: parseChoice('cli', getInput('cli'), ['auto', 'docker', 'podman']),
      dockerConfig,
      dockerConfigAuto: dockerConfigInput === 'auto',
    },
    warnings,
    notes,
  };
}

/**
 * A registry host with an optional port, as docker and podman accept it: what the `registry`
 * input must be, and what the post step checks a registry from saved state against.
 */
export function isRegistryHost(registry: string): boolean {
  // The port as the shape matched it: a ":digits" inside an IPv6 address's brackets is not one.
  const match = REGISTRY_SHAPE.exec(registry);
  return match !== null && Number(match.groups!.port ?? 0) <= 65535;
}

/** One of `choices`; empty means the first. */
function parseChoice<T extends string>(input: string, raw: string, choices: readonly T[]): T {
  if (raw === '') return choices[0]!;
  const value = choices.find((choice) => choice === raw.toLowerCase());
  if (value === undefined)
    throw new InputError(input, `"${raw}" is not accepted; use ${choices.join(', ').replace(/, ([^,]*)$/, ' or $1')}.`);
  return value;
}

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

/** A name to keep the set under: '' (not kept by name), or 1 to 63 of a-z, 0-9 and '-'. */
export function parseKeep(raw: string): string {
  if (raw === '' || KEEP_NAME.test(raw)) return raw;
  throw new InputError(
    'keep',
    `"${raw}" is not a name to keep credentials under; use 1 to 63 of a-z, 0-9 and '-' (such as prod-pull-secret).`,
  );
}

/** Comma- and/or newline-separated scopes; empty parts are skipped, the default is all products. */
export function parseScopes(raw: string): string[] {
  const scopes: string[] = [];
  for (const part of raw.split(/[,\n]/)) {
    const scope = part.trim();
    if (!scope) continue;
    if (!SCOPE_SHAPE.test(scope)) {
      throw new InputError(
        'scopes',
        `"${scope}" is not a scope; scopes look like self-hosted:product:api and are separated by commas or newlines.`,
      );
    }
    if (!scopes.includes(scope)) scopes.push(scope);
  }
  return scopes.length > 0 ? scopes : ['self-hosted:products'];
}

/** The action's own tag goes at the end of every comment; a comment that forged one could pass for another kind of set. */
function parseComment(raw: string): string {
  if (raw.includes('[dg-action:')) {
    throw new InputError('comment', 'contains "[dg-action:", which the action keeps for the tag it adds itself; leave it out.');
  }
  return raw;
}

/** Default 5d: the longest a GitHub job can run, so an older job set has lost its post step. The audit reads it the same way. */
export function parsePruneAfter(raw: string, warnings: string[]): number {
  const ms = parseDuration('prune-after', raw === '' ? '5d' : raw, { allowOff: true });
  if (ms > 0 && ms < SIX_HOURS_MS) {
    warnings.push(
      `prune-after is ${raw}: a job of this action that is still running after that long (jobs on GitHub-hosted runners may run 6 h, on self-hosted ones 5 d) loses its credentials to another job's pruning.`,
    );
  }
  return ms;
}

const SIX_HOURS_MS = 6 * 3_600_000;

function parseBoolean(input: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback;
  const value = raw.toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InputError(input, `"${raw}" is not a boolean; use true or false.`);
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

/** Names the run that made the credentials, so a person reading the project's list knows whose they are. */
export function defaultComment(env: NodeJS.ProcessEnv): string {
  const repository = env.GITHUB_REPOSITORY || 'unknown repository';
  const workflow = env.GITHUB_WORKFLOW || 'unknown workflow';
  const runId = env.GITHUB_RUN_ID || 'local';
  const attempt = env.GITHUB_RUN_ATTEMPT || '1';
  return `GitHub Actions: ${repository} / ${workflow} run ${runId} attempt ${attempt}`;
}
