/**
 * The file the registry CLI keeps its logins in (docker's config.json, podman's auth.json), and
 * what this action does to it beyond login and logout:
 *
 * - `docker-config: job`: a config of this job's own under RUNNER_TEMP, seeded from the usual one
 *   but without credential stores or helpers, exported to the job's later steps and removed at
 *   job end, so that jobs sharing a self-hosted runner do not overwrite or log out each other.
 * - otherwise, an earlier login to the registry that the file held inline is kept aside in main
 *   and put back after the logout in post. It is a secret: it waits in a file only the runner's
 *   user can read, in this execution's folder under RUNNER_TEMP, never in state or the log.
 */
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { exportVariable } from '../runner/file-commands.js';
import type { RegistryCli } from './cli.js';
import { podmanAuthFile } from './podman.js';
import { protectSecret } from '../runner/secrets.js';
import * as log from '../runner/log.js';

type AuthEntry = Record<string, unknown>;
interface AuthFile {
  auths?: Record<string, AuthEntry>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
  [setting: string]: unknown;
}

/** What main kept aside for post: where, which registry, and the entry itself. */
interface EarlierLogin {
  file: string;
  registry: string;
  entry: AuthEntry;
}

const EARLIER_LOGIN = 'earlier-login.json';

/** Where `cli` keeps its logins, as it finds the file itself. */
export function authFilePath(cli: RegistryCli['name'], env: NodeJS.ProcessEnv = process.env): string {
  if (cli === 'docker') return join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json');
  // The same file the CLI is told to use (--authfile) on every podman login and logout.
  return podmanAuthFile(env);
}

/**
 * This execution's own folder: named after its marker, under RUNNER_TEMP (which the runner
 * empties at job end). Undefined for a marker that is not one main makes (it comes from state).
 */
export function executionDir(marker: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const hex = /^dg-action:([0-9a-f]{12})$/.exec(marker)?.[1];
  return hex === undefined ? undefined : join(env.RUNNER_TEMP || tmpdir(), `dg-action-${hex}`);
}

/** Main, before the login: a job config of its own, or the earlier login kept aside. */
export function prepareAuthFile(cli: RegistryCli, registry: string, jobConfig: boolean, marker: string): void {
  const dir = executionDir(marker);
  if (dir === undefined) throw new Error(`Not an execution marker: ${marker}`);
  if (jobConfig) useJobConfig(cli, dir);
  else keepEarlierLogin(cli, registry, dir);
}

function useJobConfig(cli: RegistryCli, dir: string): void {
  const seed = readAuthFile(authFilePath(cli.name)) ?? {};
  // No store or helper: the secret would land in a store every job on the runner shares.
  delete seed.credsStore;
  delete seed.credHelpers;
  // Entries that only say "the store has it" mean nothing without the store.
  for (const [registry, entry] of Object.entries(seed.auths ?? {})) {
    if (!isInline(entry)) delete seed.auths![registry];
  }
  ownDir(dir);
  const file = join(dir, cli.name === 'docker' ? 'config.json' : 'auth.json');
  writeFileSync(file, JSON.stringify(seed, null, '\t'), { mode: 0o600 });
  // Exported: this step's CLI and the job's later steps use it (exportVariable sets process.env too).
  if (cli.name === 'docker') exportVariable('DOCKER_CONFIG', dir);
  else exportVariable('REGISTRY_AUTH_FILE', file);
  log.info(`Using a ${cli.name} config of this job's own (docker-config: job), removed at job end: ${file}`);
}

function keepEarlierLogin(cli: RegistryCli, registry: string, dir: string): void {
  const file = authFilePath(cli.name);
  const config = readAuthFile(file);
  const entry = config?.auths?.[registry];
  if (entry !== undefined && isInline(entry)) {
    protectEntry(entry);
    ownDir(dir);
    const earlier: EarlierLogin = { file, registry, entry };
    writeFileSync(join(dir, EARLIER_LOGIN), JSON.stringify(earlier), { mode: 0o600 });
    return;
  }
  const helper = config?.credHelpers?.[registry] ?? (entry !== undefined ? config?.credsStore : undefined);
  if (helper) {
    log.warning(
      `${file} keeps logins to ${registry} in a credential helper (${cli.name}-credential-${helper}): ` +
        `an earlier login there is replaced now, and removed by the logout at job end; the action cannot put it back. ` +
        'Use `docker-config: job` to leave it alone.',
    );
  }
}

/** Post, after the logout: the earlier login main kept aside goes back where it was. */
export function restoreEarlierLogin(marker: string): void {
  const dir = executionDir(marker);
  const kept = dir === undefined ? undefined : join(dir, EARLIER_LOGIN);
  if (kept === undefined || !existsSync(kept)) return;
  const earlier = readEarlierLogin(kept);
  protectEntry(earlier.entry);
  const config = readAuthFile(earlier.file) ?? {};
  config.auths = { ...config.auths, [earlier.registry]: earlier.entry };
  writeAtomically(earlier.file, JSON.stringify(config, null, '\t'));
  log.info(`Put back the login to ${earlier.registry} that ${earlier.file} held before this job.`);
}

/** What main wrote; a parse error's message would quote the secret, so it is not passed on. */
function readEarlierLogin(file: string): EarlierLogin {
  let earlier: Partial<EarlierLogin> | undefined;
  try {
    earlier = JSON.parse(readFileSync(file, 'utf8')) as Partial<EarlierLogin>;
  } catch {
    earlier = undefined;
  }
  if (typeof earlier?.file !== 'string' || typeof earlier.registry !== 'string' || !isInline(earlier.entry)) {
    throw new Error(`${file} is not what the main step wrote`);
  }
  return earlier as EarlierLogin;
}

/** Post: this execution's folder (job config, earlier login) goes, whatever else happened. */
export function removeExecutionDir(marker: string): boolean {
  const dir = executionDir(marker);
  if (dir === undefined || !existsSync(dir)) return false;
  rmSync(dir, { recursive: true, force: true });
  return true;
}

/** The entry holds the login itself, not a pointer to a credential store. */
function isInline(entry: unknown): entry is AuthEntry {
  return typeof entry === 'object' && entry !== null && Object.values(entry).some((value) => typeof value === 'string' && value);
}

/** Every string of an earlier login, and the password inside base64 user:password, is masked. */
function protectEntry(entry: AuthEntry): void {
  for (const value of Object.values(entry)) {
    if (typeof value !== 'string' || !value) continue;
    protectSecret(value);
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0 && Buffer.from(decoded).toString('base64') === value) protectSecret(decoded.slice(colon + 1));
  }
}

function readAuthFile(file: string): AuthFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as AuthFile) : undefined;
  } catch {
    // Not JSON: the CLI would refuse it too; nothing here can be kept or seeded from it.
    return undefined;
  }
}

/** A folder only the runner's user can enter; an existing one must be a real folder of ours. */
function ownDir(dir: string): void {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    const stats = lstatSync(dir, { throwIfNoEntry: false });
    if (!stats?.isDirectory() || (process.getuid !== undefined && stats.uid !== process.getuid())) throw error;
    chmodSync(dir, 0o700);
  }
}

/** Replaces `file` whole (a reader never sees half of it), keeping its permissions. */
function writeAtomically(target: string, text: string): void {
  // Through a symlink to where the config really is, as docker itself writes it.
  const file = existsSync(target) ? realpathSync(target) : target;
  const mode = statSync(file, { throwIfNoEntry: false })?.mode ?? 0o600;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.dg-action-${process.pid}`;
  writeFileSync(temporary, text, { mode: mode & 0o777 });
  renameSync(temporary, file);
}
