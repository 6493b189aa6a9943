/**
 * What a job's own config (job-config.ts) carries of the runner user's logins to other registries,
 * so that the job's later steps still push and pull there: every way the user's docker (or
 * podman) finds them, except a way that would make this action's login land outside the job's
 * config.
 *
 * - `auths`: inline logins to other registries are copied (into a 0600 file in a 0700 folder,
 *   masked in the log; post takes every login out of the job's config).
 * - `credHelpers`: kept for other registries; they name programs, not secrets.
 * - `credsStore` (docker): cannot stay, or docker would write this job's login into the store every
 *   job of the runner shares. So each registry the store holds a login to (`docker-credential-<store>
 *   list`, and every `auths` entry that points at the store) gets a `credHelpers` entry naming the
 *   store. A store that cannot list gets one warning.
 *
 * The action's registry never gets a helper, so its login is written inline in the job's config.
 * Nothing here calls a helper's `store` or `erase`, or writes the user's config.
 */
import { dict, isInline, protectEntry, type AuthEntry, type AuthFile } from './auth-file.js';
import { runChild } from './child.js';
import type { RegistryCli } from './cli.js';
import * as log from '../runner/log.js';

/** The bound on `docker-credential-<store> list`: a store on a headless host may wait on a keyring for ever. */
export const STORE_LIST_TIMEOUT_MS = 5000;
/** A store or helper name docker would run as docker-credential-<name>; anything else is never run. */
const PROGRAM_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** Docker Hub's key: docker looks its logins up under this URL, every other registry under its host. */
const DOCKER_HUB = 'https://index.docker.io/v1/';

export interface CarriedLogins {
  auths: Record<string, AuthEntry>;
  credHelpers: Record<string, string>;
}

/**
 * The logins of `user` (the user's usual file) that the job's config for `registry` carries.
 * `ownJob`: the usual file is already a job config of this action's (a second use in the job):
 * all its inline logins are this job's own, the registry's included, and carry on.
 */
export async function carriedLogins(cli: RegistryCli, user: AuthFile, registry: string, ownJob: boolean): Promise<CarriedLogins> {
  const auths = dict<AuthEntry>();
  const credHelpers = dict<string>();
  const other = (key: string): boolean => ownJob || hostOf(key) !== registry;
  for (const [key, entry] of Object.entries(isMap(user.auths) ? user.auths : {})) {
    if (!isInline(entry) || !other(key)) continue;
    protectEntry(entry);
    auths[key] = entry;
  }
  for (const [key, helper] of Object.entries(isMap(user.credHelpers) ? user.credHelpers : {})) {
    if (typeof helper === 'string' && helper && hostOf(key) !== registry) credHelpers[key] = helper;
  }
  const store = user.credsStore;
  if (cli.name === 'docker' && typeof store === 'string' && store) {
    // docker looks a registry up in credHelpers by the key it stores logins under; an explicit helper wins.
    const pointing = Object.entries(isMap(user.auths) ? user.auths : {}).filter(([, entry]) => !isInline(entry));
    const listed = await listStore(store);
    for (const key of [...pointing.map(([key]) => key), ...listed]) {
      const lookup = helperKey(key);
      if (hostOf(lookup) !== registry && !Object.hasOwn(credHelpers, lookup) && !Object.hasOwn(auths, lookup)) credHelpers[lookup] = store;
    }
  }
  return { auths, credHelpers };
}

/** The server URLs the store holds logins for; none, with one warning, when it cannot say. */
async function listStore(store: string): Promise<string[]> {
  const program = `docker-credential-${store}`;
  const lacking =
    `the job's later docker steps have no login the store holds, but for the registries the usual config names in \`auths\`. ` +
    'Log in to the others in the job, or name them in the usual config under `credHelpers`.';
  if (!PROGRAM_NAME.test(store)) {
    log.warning(`The usual docker config names a credential store (credsStore) that is not a program name; it is not run: ${lacking}`);
    return [];
  }
  const result = await runChild(program, ['list'], { timeoutMs: STORE_LIST_TIMEOUT_MS });
  let problem: string | undefined;
  let urls: string[] = [];
  if (result.timedOut) problem = `it did not answer within ${STORE_LIST_TIMEOUT_MS / 1000} s`;
  else if (result.exitCode !== 0) problem = result.exitCode === -1 ? 'it could not be run' : `it exited with code ${result.exitCode}`;
  else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(result.output);
    } catch {
      // Not JSON: not the object either.
    }
    if (isMap(parsed)) urls = Object.keys(parsed);
    else problem = 'its answer was not the JSON object `list` gives';
  }
  if (problem !== undefined) {
    log.warning(
      `The usual docker config keeps logins in the credential store ${program}, which could not list them (${problem}): ${lacking}`,
    );
  }
  return urls;
}

/** The key docker looks a server URL's logins up under: Docker Hub's URL, or else the host. */
function helperKey(serverUrl: string): string {
  return serverUrl === DOCKER_HUB ? serverUrl : hostOf(serverUrl);
}

/** The registry host of an auth-file key: `https://ghcr.io/v1/` and podman's `quay.io/org/repo` alike. */
export function hostOf(key: string): string {
  return key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0]!;
}

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
