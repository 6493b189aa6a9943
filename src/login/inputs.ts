/**
 * The main action's inputs (action.yml), read and validated into one typed Settings object, so
 * that bad input fails the step with a message naming the input, before any request is sent. The
 * post step reads them again the same way.
 */
import { readApiSettings, type ApiSettings, type GetInput } from '../inputs/api.js';
import { InputError } from '../inputs/input-error.js';
import { parseKeep } from '../inputs/keep.js';
import { parseBoolean, parseChoice, splitList } from '../inputs/parse.js';
import { parsePruneAfter } from '../inputs/prune-after.js';
import { isRegistryHost } from '../inputs/registry-host.js';
import { KNOWN_SCOPES, SCOPE_SHAPE } from '../deepgram/scopes.js';

export interface Settings extends ApiSettings {
  /** The registry host, with an optional port (inputs/registry-host.ts). */
  registry: string;
  /** Log out at job end (and put back the login this one replaced). */
  logout: boolean;
  /** The registry CLI: docker where it is on PATH, else podman (auto), or the one named. */
  cli: 'auto' | 'docker' | 'podman';
  /** default: the CLI's usual config; job: a config of this job's own under RUNNER_TEMP. */
  dockerConfig: 'default' | 'job';
  /** dockerConfig is what `auto` chose: job on a self-hosted runner, default elsewhere. */
  dockerConfigAuto: boolean;
  scopes: string[];
  /** The user's comment, or one generated from the workflow run; the marker is added later. */
  comment: string;
  provider: string;
  login: boolean;
  /** Revoke at job end: the effective decision, false whenever `keep` is set. */
  revoke: boolean;
  /** Job sets older than this are pruned at job end; 0 when pruning is off. */
  pruneAfterMs: number;
  /** The name the set is kept under ('' when it is a job's set). */
  keep: string;
}

export interface ReadResult {
  settings: Settings;
  warnings: string[];
  /** Worth a line in the log, not a warning. */
  notes: string[];
}

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

/** Comma- and/or newline-separated scopes; empty parts are skipped, the default is all products. */
export function parseScopes(raw: string): string[] {
  const scopes: string[] = [];
  for (const scope of splitList(raw)) {
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

/** Names the run that made the credentials, so a person reading the project's list knows whose they are. */
export function defaultComment(env: NodeJS.ProcessEnv): string {
  const repository = env.GITHUB_REPOSITORY || 'unknown repository';
  const workflow = env.GITHUB_WORKFLOW || 'unknown workflow';
  const runId = env.GITHUB_RUN_ID || 'local';
  const attempt = env.GITHUB_RUN_ATTEMPT || '1';
  return `GitHub Actions: ${repository} / ${workflow} run ${runId} attempt ${attempt}`;
}
