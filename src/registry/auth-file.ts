/**
 * Reading and writing a registry CLI's auth file (docker's config.json, podman's auth.json), for
 * the modules that keep a job's own config and those that share the usual one: the file's shape,
 * an atomic write, and masking what a login entry holds.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { protectSecret } from '../runner/secrets.js';

export type AuthEntry = Record<string, unknown>;
export interface AuthFile {
  auths?: Record<string, AuthEntry>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
  [setting: string]: unknown;
}

/**
 * A map keyed by text from a file, an input or the API: no prototype, so that a key such as
 * `constructor` or `__proto__` is only ever an entry of its own.
 */
export const dict = <T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> => {
  const map = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) map[key] = value;
  return map;
};

/** `map[key]` when the map itself holds that key; never what an object inherits. */
export const own = <T>(map: Record<string, T> | undefined, key: string): T | undefined =>
  map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;

/** JSON.parse, with every object in it prototype-free (see dict). */
export const parseJson = (text: string): unknown =>
  JSON.parse(text, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? dict(Object.entries(value)) : value,
  );

/** The file as JSON, or undefined when it is missing or not a JSON object (the CLI would refuse it too). */
export function readAuthFile(file: string): AuthFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = parseJson(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as AuthFile) : undefined;
  } catch {
    return undefined;
  }
}

/** The entry holds the login itself, not a pointer to a credential store. */
export function isInline(entry: unknown): entry is AuthEntry {
  return typeof entry === 'object' && entry !== null && Object.values(entry).some((value) => typeof value === 'string' && value);
}

/** The credential helper that holds logins to `registry` in this file, if any. */
export function helperFor(config: AuthFile | undefined, registry: string): string | undefined {
  const entry = own(config?.auths, registry);
  const helper = own(config?.credHelpers, registry);
  if (typeof helper === 'string' && helper) return helper;
  return entry !== undefined && !isInline(entry) && typeof config?.credsStore === 'string' ? config.credsStore : undefined;
}

/** Every string of a login entry, and the password inside base64 user:password, is masked. */
export function protectEntry(entry: AuthEntry): void {
  for (const value of Object.values(entry)) {
    if (typeof value !== 'string' || !value) continue;
    protectSecret(value);
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0 && Buffer.from(decoded).toString('base64') === value) protectSecret(decoded.slice(colon + 1));
  }
}

/** A folder only the runner's user can enter; an existing one must be a real folder of ours. */
export function ownDir(dir: string): void {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    const stats = lstatSync(dir, { throwIfNoEntry: false });
    if (!stats?.isDirectory() || (process.getuid !== undefined && stats.uid !== process.getuid())) throw error;
    chmodSync(dir, 0o700);
  }
}

/** Replaces `file` whole (a reader never sees half of it), keeping its permissions (0600 when new). */
export function writeAtomically(target: string, text: string): void {
  // Through a symlink to where the config really is, as docker itself writes it.
  const file = existsSync(target) ? realpathSync(target) : target;
  const mode = statSync(file, { throwIfNoEntry: false })?.mode ?? 0o600;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.dg-action-${process.pid}`;
  writeFileSync(temporary, text, { mode: mode & 0o777 });
  renameSync(temporary, file);
}

export const authFileText = (config: AuthFile): string => JSON.stringify(config, null, '\t');
