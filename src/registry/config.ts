/**
 * The file the registry CLI keeps its logins in (docker's config.json, podman's auth.json), and
 * which of two ways this action uses it (see job-config.ts and shared-config.ts):
 *
 * - `docker-config: job`: a whole config of this job's own under RUNNER_TEMP, exported to the
 *   job's later steps; its logins are taken out at job end.
 * - `docker-config: default`: the usual config, shared with every other job of the runner's user;
 *   an earlier login to the registry is kept aside and put back, in whatever order jobs overlap.
 */
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { RegistryConfig } from '../runner/state.js';
import type { RegistryCli } from './cli.js';
import { useJobConfig } from './job-config.js';
import { recordLogin } from './shared-config.js';
import { podmanAuthFile } from './podman.js';

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

/** Where main logs in, chosen once: what post finds recorded in state, and where a job config is seeded from. */
export interface ConfigTarget extends RegistryConfig {
  /** The CLI's usual file, found before a job config changes DOCKER_CONFIG: a job config is seeded from it. */
  userFile: string;
  /** The mode is what `docker-config: auto` chose (said in the log). */
  auto: boolean;
}

/**
 * Main, before anything is written: the file this job's login goes to, by `mode`. Paths are made
 * absolute now, so that post (which may run in another folder) finds the same file.
 */
export function chooseConfig(cli: RegistryCli['name'], mode: RegistryConfig['mode'], auto: boolean, marker: string): ConfigTarget {
  const dir = executionDir(marker);
  if (dir === undefined) throw new Error(`Not an execution marker: ${marker}`);
  const userFile = resolve(authFilePath(cli));
  const file = mode === 'job' ? resolve(dir, cli === 'docker' ? 'config.json' : 'auth.json') : userFile;
  return { mode, cli, file, userFile, auto };
}

/** Main, before the login: a job config of its own, or the shared one with this job's login on record. */
export async function prepareAuthFile(cli: RegistryCli, target: ConfigTarget, registry: string, marker: string, auth: string) {
  if (target.mode === 'job') await useJobConfig(cli, dirname(target.file), target.userFile, registry, target.auto);
  else await recordLogin(cli, target.file, registry, marker, auth);
}
