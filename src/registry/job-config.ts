/**
 * `docker-config: job` (the default on self-hosted runners): a config of this job's own in its
 * execution folder under RUNNER_TEMP, exported to the job's later steps as DOCKER_CONFIG (podman:
 * REGISTRY_AUTH_FILE), so that jobs sharing a runner's home never overwrite or log out each
 * other's logins.
 *
 * It is a whole docker config, not only a place for one login: a runner's docker is often
 * customised (a current context that is not `default` for rootless docker or a remote host,
 * per-user CLI plugins such as buildx and compose, buildx builders, logins to other registries),
 * and a config without them makes the login fail ("context not found") and the job's later steps
 * fail to push or pull elsewhere. So the job's config.json carries every setting of the user's,
 * the user's logins to other registries (carried-logins.ts says how), and links to the user's
 * `contexts/`, `cli-plugins/` and `buildx/` folders (junctions on Windows, which needs no
 * privilege for them), which are used in place and never changed by the action.
 *
 * At job end the folder stays: the post steps of actions that ran before this one run after this
 * one's (post steps run in reverse order) with DOCKER_CONFIG still set, and
 * docker/setup-buildx-action's removes its builder there. Post only takes the logins out of it; the
 * runner empties RUNNER_TEMP when the job ends.
 */
import { existsSync, lstatSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { carriedLogins } from './carried-logins.js';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { exportVariable } from '../runner/file-commands.js';
import * as log from '../runner/log.js';
import { authFileText, dict, ownDir, readAuthFile, writeAtomically, type AuthFile } from './auth-file.js';
import type { RegistryCli } from './cli.js';

/** The folders of the user's docker config that the job's config reaches through a link. */
const SHARED_FOLDERS = ['contexts', 'cli-plugins', 'buildx'] as const;
const JOB_FILES = ['config.json', 'auth.json'] as const;
/** The name of an execution folder (see executionDir in config.ts). */
const EXECUTION_FOLDER = /^dg-action-[0-9a-f]{12}$/;

/**
 * Main: the job's own config in `dir`, seeded from `userFile` (the CLI's usual file, found before
 * DOCKER_CONFIG is changed), and exported. `registry` is the one this action logs in to; `auto`:
 * `docker-config: auto` chose this mode (the log says so).
 */
export async function useJobConfig(cli: RegistryCli, dir: string, userFile: string, registry: string, auto: boolean): Promise<void> {
  const user = readAuthFile(userFile) ?? dict();
  const seed: AuthFile = dict(Object.entries(user));
  delete seed.auths;
  // No store: this job's login would land in a store every job on the runner shares.
  delete seed.credsStore;
  delete seed.credHelpers;
  // An earlier use of this action in the same job made the usual config a job config already: its
  // logins are this job's own (taken out at job end), so they carry on rather than vanish.
  const userDir = dirname(userFile);
  const { auths, credHelpers } = await carriedLogins(cli, user, registry, isExecutionFolder(userDir));
  if (Object.keys(auths).length > 0 || isExecutionFolder(userDir)) seed.auths = auths;
  if (Object.keys(credHelpers).length > 0) seed.credHelpers = credHelpers;
  ownDir(dir);
  const file = join(dir, cli.name === 'docker' ? 'config.json' : 'auth.json');
  writeFileSync(file, authFileText(seed), { mode: 0o600 });
  if (cli.name === 'docker') linkSharedFolders(userDir, dir);
  // Exported: this step's CLI and the job's later steps use it (exportVariable sets process.env too).
  if (cli.name === 'docker') exportVariable('DOCKER_CONFIG', dir);
  else exportVariable('REGISTRY_AUTH_FILE', file);
  const how = auto ? 'docker-config: auto, on a self-hosted runner' : 'docker-config: job';
  log.info(`Using a ${cli.name} config of this job's own (${how}), its logins taken out at job end: ${file}`);
}

/** Links to the user's folders that exist; a folder that does not is left for the job to make as its own. */
function linkSharedFolders(userDir: string, dir: string): void {
  for (const name of SHARED_FOLDERS) {
    // Absolute: a DOCKER_CONFIG given relative to the workspace must not make a link relative to RUNNER_TEMP.
    const target = resolve(userDir, name);
    const link = join(dir, name);
    if (!existsSync(target) || lstatSync(link, { throwIfNoEntry: false })) continue;
    linkFolder(target, link);
  }
}

/**
 * A link to a folder: a junction on Windows, where a directory symlink needs a privilege runners
 * seldom have (a junction needs none, and an absolute target is all it takes); a symlink elsewhere.
 * A link that cannot be made is a warning, not a failed step: the job's docker then lacks that
 * folder of the user's. `platform` and `symlink` are for tests.
 */
export function linkFolder(target: string, link: string, platform: NodeJS.Platform = process.platform, symlink = symlinkSync): boolean {
  try {
    symlink(target, link, platform === 'win32' ? 'junction' : 'dir');
    return true;
  } catch (error) {
    log.warning(
      `Could not link the job's ${link} to the user's ${target} (${(error as Error).message}): ` +
        `the job's docker steps do not see the user's ${basename(target)}.`,
    );
    return false;
  }
}

const isExecutionFolder = (dir: string): boolean =>
  EXECUTION_FOLDER.test(basename(dir)) && dirname(dir) === (process.env.RUNNER_TEMP || tmpdir());

/**
 * Post: the logins go out of the job's config in `dir` (this step's and any a later step made
 * there); its settings and links stay for the post steps still to come. False when `dir` holds no
 * config of the job's own.
 *
 * A link is never written through: a later step that replaced the job's config (or its folder)
 * with a link to the user's would otherwise have every login of the user's taken out. It is left
 * as it is, with a warning.
 */
export function closeJobConfig(dir: string): boolean {
  const folder = lstatSync(dir, { throwIfNoEntry: false });
  if (folder === undefined) return false;
  if (!folder.isDirectory()) {
    log.warning(`${dir} is no longer the folder this job's config was made in (a link?): it is left as it is, logins and all.`);
    return false;
  }
  const present = readdirSync(dir).filter((name) => (JOB_FILES as readonly string[]).includes(name));
  for (const name of present) {
    const file = join(dir, name);
    if (!lstatSync(file).isFile()) {
      log.warning(`${file} is no longer the file this job's config was made as (a link?): it is left as it is, logins and all.`);
      continue;
    }
    const config = readAuthFile(file) ?? dict();
    delete config.auths;
    writeAtomically(file, authFileText(config));
  }
  return present.length > 0;
}
