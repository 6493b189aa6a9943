import { afterAll, describe, expect, test } from '@jest/globals';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { podmanAuthFile } from '../../src/registry/podman.js';

// A folder like /tmp: anyone may make a folder in it, and only remove their own.
const work = mkdtempSync(join(tmpdir(), 'dg-podman-unit-'));
chmodSync(work, 0o1777);
afterAll(() => rmSync(work, { recursive: true, force: true }));
// A uid no folder here belongs to: rootless podman, whose /run/user/<uid> does not exist.
const OTHER = 54321;
/** A rootless user whose folders this test can make: this one, or (run as root) OTHER. */
const me = process.geteuid!() === 0 ? OTHER + 2 : process.geteuid!();
function ownFolder(dir: string, mode: number): void {
  mkdirSync(dir, { recursive: true });
  if (process.geteuid!() === 0) chownSync(dir, me, me);
  chmodSync(dir, mode);
}

describe('podmanAuthFile: the file `podman login` itself chooses (podman 4.3)', () => {
  test('REGISTRY_AUTH_FILE first, over DOCKER_CONFIG and XDG_RUNTIME_DIR', () => {
    expect(podmanAuthFile({ REGISTRY_AUTH_FILE: '/a/auth.json', DOCKER_CONFIG: '/d', XDG_RUNTIME_DIR: '/x' }, OTHER)).toBe('/a/auth.json');
  });

  test("then DOCKER_CONFIG's config.json, over XDG_RUNTIME_DIR", () => {
    expect(podmanAuthFile({ DOCKER_CONFIG: '/d', XDG_RUNTIME_DIR: '/x' }, OTHER)).toBe('/d/config.json');
  });

  test('then the runtime folder XDG_RUNTIME_DIR names', () => {
    expect(podmanAuthFile({ XDG_RUNTIME_DIR: '/x' }, OTHER)).toBe('/x/containers/auth.json');
  });

  test('root without any of them: /run/containers/0', () => {
    expect(podmanAuthFile({}, 0)).toBe('/run/containers/0/auth.json');
  });

  test('rootless without XDG_RUNTIME_DIR: $TMPDIR/podman-run-<uid>, which podman makes if it is not there', () => {
    expect(podmanAuthFile({ TMPDIR: work }, OTHER)).toBe(join(work, `podman-run-${OTHER}`, 'containers', 'auth.json'));
  });

  test("rootless: a podman-run folder others may write, or someone else's, is passed over for ~/rundir", () => {
    const run = join(work, `podman-run-${me}`);
    ownFolder(run, 0o777);
    expect(podmanAuthFile({ TMPDIR: work, HOME: '/home/u' }, me)).toBe('/home/u/rundir/containers/auth.json');
    chmodSync(run, 0o700);
    expect(podmanAuthFile({ TMPDIR: work, HOME: '/home/u' }, me)).toBe(join(run, 'containers', 'auth.json'));
    const theirs = join(work, `podman-run-${OTHER + 1}`);
    ownFolder(theirs, 0o700);
    expect(podmanAuthFile({ TMPDIR: work, HOME: '/home/v' }, OTHER + 1)).toBe('/home/v/rundir/containers/auth.json');
  });
});
