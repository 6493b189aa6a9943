/**
 * `docker-config: job` (the default on self-hosted runners): a config of this job's own in its
 * execution folder under RUNNER_TEMP, exported to the job's later steps as DOCKER_CONFIG (podman:
 * REGISTRY_AUTH_FILE), so that jobs sharing a runner's home never overwrite or log out each
 * other's logins.
 *
 * It is a whole docker config, not only a place for one login: a runner's docker is often
 * customised (a current context that is not `default` for rootless docker or a remote host,
 * per-user CLI plugins such as buildx and compose, buildx builders), and a config without them
 * makes the login fail ("context not found") and hides them from the job's later steps. So the
 * job's config.json carries every setting of the user's but its logins (`auths`, `credsStore`,
 * `credHelpers`: no secret of the user's is copied), and links to the user's `contexts/`,
 * `cli-plugins/` and `buildx/` folders, which are used in place and never changed by the action.
 *
 * At job end the folder stays: the post steps of actions that ran before this one run after this
 * one's (post steps run in reverse order) with DOCKER_CONFIG still set, and
 * docker/setup-buildx-action's removes its builder there. Post only takes the logins out of it; the
 * runner empties RUNNER_TEMP when the job ends.
 */
import { existsSync, lstatSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { exportVariable } from '../runner/file-commands.js';
import * as log from '../runner/log.js';
import { authFileText, isInline, ownDir, protectEntry, readAuthFile, writeAtomically, type AuthFile } from './auth-file.js';
import type { RegistryCli } from './cli.js';

/** The folders of the user's docker config that the job's config reaches through a link. */
const SHARED_FOLDERS = ['contexts', 'cli-plugins', 'buildx'] as const;
const JOB_FILES = ['config.json', 'auth.json'] as const;
/** The name of an execution folder (see executionDir in config.ts). */
const EXECUTION_FOLDER = /^dg-action-[0-9a-f]{12}$/;

/**
 * Main: the job's own config in `dir`, seeded from `userFile` (the CLI's usual file, found before
 * DOCKER_CONFIG is changed), and exported.
 */
export function useJobConfig(cli: RegistryCli, dir: string, userFile: string, how: string): void {
  const user = readAuthFile(userFile) ?? {};
  const seed: AuthFile = { ...user };
  delete seed.auths;
  // No store or helper: the secret would land in a store every job on the runner shares.
  delete seed.credsStore;
  delete seed.credHelpers;
  // An earlier use of this action in the same job made the usual config a job config already: its
  // logins are this job's own (taken out at job end), so they carry on rather than vanish.
  const userDir = dirname(userFile);
  if (isExecutionFolder(userDir)) seed.auths = inlineLogins(user);
  ownDir(dir);
  const file = join(dir, cli.name === 'docker' ? 'config.json' : 'auth.json');
  writeFileSync(file, authFileText(seed), { mode: 0o600 });
  if (cli.name === 'docker') linkSharedFolders(userDir, dir);
  // Exported: this step's CLI and the job's later steps use it (exportVariable sets process.env too).
  if (cli.name === 'docker') exportVariable('DOCKER_CONFIG', dir);
  else exportVariable('REGISTRY_AUTH_FILE', file);
  log.info(`Using a ${cli.name} config of this job's own (${how}), its logins taken out at job end: ${file}`);
}

/** Links to the user's folders that exist; a folder that does not is left for the job to make as its own. */
function linkSharedFolders(userDir: string, dir: string): void {
  for (const name of SHARED_FOLDERS) {
    // Absolute: a DOCKER_CONFIG given relative to the workspace must not make a link relative to RUNNER_TEMP.
    const target = resolve(userDir, name);
    const link = join(dir, name);
    if (!existsSync(target) || lstatSync(link, { throwIfNoEntry: false })) continue;
    symlinkSync(target, link, 'dir');
  }
}

function inlineLogins(config: AuthFile): Record<string, Record<string, unknown>> {
  const auths: Record<string, Record<string, unknown>> = {};
  for (const [registry, entry] of Object.entries(config.auths ?? {})) {
    if (!isInline(entry)) continue;
    protectEntry(entry);
    auths[registry] = entry;
  }
  return auths;
}

const isExecutionFolder = (dir: string): boolean =>
  EXECUTION_FOLDER.test(basename(dir)) && dirname(dir) === (process.env.RUNNER_TEMP || tmpdir());

/**
 * Post: the logins go out of the job's config in `dir` (this step's and any a later step made
 * there); its settings and links stay for the post steps still to come. False when `dir` holds no
 * config of the job's own.
 */
export function closeJobConfig(dir: string): boolean {
  if (!existsSync(dir)) return false;
  const present = readdirSync(dir).filter((name) => (JOB_FILES as readonly string[]).includes(name));
  for (const name of present) {
    const file = join(dir, name);
    const config = readAuthFile(file) ?? {};
    delete config.auths;
    writeAtomically(file, authFileText(config));
  }
  return present.length > 0;
}
