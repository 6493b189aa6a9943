/**
 * Reads every input the runner passes and validates it into one typed Settings object, so that
 * bad input fails the step with a message naming the input, before any request is sent.
 */
import { InputError } from './input-error.js';
import { KEEP_NAME } from './tags.js';

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
const REGISTRY_SHAPE = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:\d{1,5})?$/i;

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
  if (!REGISTRY_SHAPE.test(registry) || Number(/:(\d+)$/.exec(registry)?.[1] ?? 0) > 65535) {
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

  return {
    settings: {
      ...api,
      scopes,
      comment: getInput('comment') || defaultComment(env),
      provider,
      registry,
      login: parseBoolean('login', getInput('login'), true),
      logout: parseBoolean('logout', getInput('logout'), true),
      revoke,
      keep,
    },
    warnings,
    notes,
  };
}

/** The inputs every step that talks to the API shares, validated the same way everywhere. */
export function readApiSettings(getInput: GetInput): ApiSettings {
  const apiKey = getInput('api-key');
  if (!apiKey) throw new InputError('api-key', 'is required: pass a Deepgram API key, e.g. ${{ secrets.DEEPGRAM_API_KEY }}.');
  if (/\s/.test(apiKey)) throw new InputError('api-key', 'contains whitespace; a Deepgram API key is a single token.');

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

function parseBoolean(input: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback;
  const value = raw.toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InputError(input, `"${raw}" is not a boolean; use true or false.`);
}

function parseTimeout(raw: string): number {
  const seconds = raw === '' ? 30 : /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
  if (!(seconds > 0)) {
    throw new InputError('request-timeout', `"${raw}" is not a positive number of seconds (such as 30).`);
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
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError('api-url', `"${raw}" is not a URL; use an https:// URL such as https://api.deepgram.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('api-url', `"${raw}" is not an http(s) URL; use an https:// URL such as https://api.deepgram.com.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InputError(
      'api-url',
      `"${raw}" uses plain http to a host that is not loopback; the API key would cross the network in clear text. Use https://.`,
    );
  }
  if (url.username || url.password || /[?#]/.test(raw)) {
    throw new InputError('api-url', `"${raw}" must be a base URL without credentials, query or fragment.`);
  }
  return url.href.replace(/\/+$/, '');
}

export function isLoopbackHost(hostname: string): boolean {
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
