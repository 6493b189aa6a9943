/**
 * The record beside a shared config (see shared-config.ts): its format, where it lives, and reading
 * and writing it, with no lock of its own (its callers hold record-lock.ts's around both). For
 * each registry: the login the config held before any of this action's jobs, and each running
 * job's own login (its marker, the exact `auth` value it wrote, and when). Whatever in the file is not in the shape main writes is dropped, and every
 * secret in it is masked: the file is only as trusted as the config beside it.
 */
import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { dict, isInline, own, parseJson, protectEntry, writeAtomically, type AuthEntry } from './auth-file.js';

/** One job's login, as main recorded it before the CLI wrote it. */
export interface JobLogin {
  marker: string;
  auth: string;
  since: number;
}
export interface RegistryRecord {
  /** What the config held before the first of the jobs on record, by key (every form a logout removes). */
  earlier: Record<string, AuthEntry>;
  /** Oldest first. */
  logins: JobLogin[];
}
/** By registry: a map without prototype (a registry may be named `constructor`). */
export type Records = Record<string, RegistryRecord>;

/** The longest a job runs (on a self-hosted runner): a login on record longer than that has lost its job. */
const LONGEST_JOB_MS = 5 * 24 * 3_600_000;
const MARKER = /^dg-action:[0-9a-f]{12}$/;

/** The record beside `file`: hidden, named after it. */
export const recordPath = (file: string): string => join(dirname(file), `.${basename(file)}.dg-action-logins`);

/**
 * The keys a logout of `registry` removes (docker also erases the https:// and http:// forms), so
 * each is kept aside and put back.
 */
export const loginForms = (registry: string): string[] => [registry, `https://${registry}`, `http://${registry}`];

export const mayBeRunning = (login: JobLogin): boolean => Date.now() - login.since < LONGEST_JOB_MS;

/** A login in the shape main writes: a marker, a login's `auth`, and a time (Number.isFinite takes numbers only). */
const isJobLogin = (login: unknown): login is JobLogin =>
  isObject(login) &&
  typeof login.marker === 'string' &&
  MARKER.test(login.marker) &&
  typeof login.auth === 'string' &&
  login.auth !== '' &&
  Number.isFinite(login.since);

/** The record, with whatever is not in the shape main writes dropped; every secret in it masked. */
export function readRecords(file: string): Records {
  const records = dict<RegistryRecord>();
  let parsed: unknown;
  try {
    // Stryker disable next-line StringLiteral: JSON.parse reads a Buffer as its UTF-8 text too.
    parsed = parseJson(readFileSync(recordPath(file), 'utf8'));
  } catch {
    // No record yet, or not JSON: no records.
  }
  const registries = isObject(parsed) && isObject(parsed.registries) ? parsed.registries : dict();
  for (const [registry, value] of Object.entries(registries)) {
    if (!isObject(value)) continue;
    const earlier = dict<AuthEntry>();
    for (const key of loginForms(registry)) {
      const entry = isObject(value.earlier) ? own(value.earlier, key) : undefined;
      if (isInline(entry)) earlier[key] = entry;
    }
    const logins = Array.isArray(value.logins) ? (value.logins as unknown[]).filter(isJobLogin) : [];
    Object.values(earlier).forEach(protectEntry);
    logins.forEach((login) => protectEntry({ auth: login.auth }));
    records[registry] = { earlier, logins: logins.map(({ marker, auth, since }) => ({ marker, auth, since })) };
  }
  return records;
}

export function writeRecords(file: string, records: Records): void {
  if (Object.keys(records).length === 0) rmSync(recordPath(file), { force: true });
  else writeAtomically(recordPath(file), JSON.stringify({ registries: records }));
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
