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
import { join } from 'node:path';
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

/** Main, before the login: a job config of its own, or the shared one with this job's login on record. */
export async function prepareAuthFile(cli: RegistryCli, registry: string, jobConfig: string | undefined, marker: string, auth: string) {
  const dir = executionDir(marker);
  if (dir === undefined) throw new Error(`Not an execution marker: ${marker}`);
  // Found before a job config changes DOCKER_CONFIG: the user's config, which a job config is seeded from.
  const file = authFilePath(cli.name);
  if (jobConfig !== undefined) await useJobConfig(cli, dir, file, registry, jobConfig);
  else await recordLogin(cli, file, registry, marker, auth);
}
