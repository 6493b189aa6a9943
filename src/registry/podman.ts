/**
 * The file podman keeps its logins in. podman 4.3 chooses it itself, in an order that depends on
 * the environment and on whether it runs as root, and it is easy to look in one place while
 * podman writes to another (a login left behind, an earlier login never kept aside). So the
 * action works this file out once, the way `podman login` does, and names it on every podman
 * login and logout (`--authfile`): the file the action reads and keeps aside is always the one
 * podman writes, and the one the job's later `podman pull` finds without being told.
 */
import { statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** podman login's own choice: REGISTRY_AUTH_FILE, else $DOCKER_CONFIG/config.json, else auth.json in its runtime folder. */
export function podmanAuthFile(env: NodeJS.ProcessEnv = process.env, uid = process.geteuid?.() ?? 0): string {
  if (env.REGISTRY_AUTH_FILE) return env.REGISTRY_AUTH_FILE;
  if (env.DOCKER_CONFIG) return join(env.DOCKER_CONFIG, 'config.json');
  if (env.XDG_RUNTIME_DIR) return join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json');
  if (uid === 0) return '/run/containers/0/auth.json';
  return join(rootlessRuntimeDir(env, uid), 'containers', 'auth.json');
}

/**
 * Rootless podman without XDG_RUNTIME_DIR takes the first of these that is (or can be made) a
 * folder of the user's own that no one else may read or write: /run/user/<uid> (a login session's),
 * then $TMPDIR/podman-run-<uid>, then ~/rundir.
 */
function rootlessRuntimeDir(env: NodeJS.ProcessEnv, uid: number): string {
  const candidates = [join('/run/user', String(uid)), join(env.TMPDIR || tmpdir(), `podman-run-${uid}`)];
  return candidates.find((dir) => usableRuntimeDir(dir, uid)) ?? join(env.HOME || homedir(), 'rundir');
}

function usableRuntimeDir(dir: string, uid: number): boolean {
  const stats = statSync(dir, { throwIfNoEntry: false });
  if (stats === undefined) return writableBy(dirname(dir), uid);
  return stats.isDirectory() && stats.uid === uid && (stats.mode & 0o700) === 0o700 && (stats.mode & 0o066) === 0;
}

/** podman, as `uid`, could make a folder in `parent` (its own, or one anyone may write, as /tmp). */
function writableBy(parent: string, uid: number): boolean {
  const stats = statSync(parent, { throwIfNoEntry: false });
  return (
    stats !== undefined && stats.isDirectory() && ((stats.uid === uid && (stats.mode & 0o300) === 0o300) || (stats.mode & 0o003) === 0o003)
  );
}
