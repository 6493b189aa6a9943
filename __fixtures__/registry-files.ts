/**
 * What the unit tests of the registry's config files share: a scratch folder per test, with
 * RUNNER_TEMP, DOCKER_CONFIG and REGISTRY_AUTH_FILE pointed into it (the environment put back
 * after), the two CLIs, logins to write, and JSON files to write and read.
 */
import { afterEach, beforeEach } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DOCKER = { name: 'docker', path: '/usr/bin/docker' } as const;
export const PODMAN = { name: 'podman', path: '/usr/bin/podman' } as const;
/** A runner's own long-lived login, there before any job. */
export const EARLIER_AUTH = Buffer.from('robot+ci:long-lived-password').toString('base64');
/** A job's login. */
export const JOB_AUTH = Buffer.from('deepgram+job:job-secret').toString('base64');

/** Registers the hooks; the returned function gives the current test's scratch folder. */
export function useScratchConfig(): () => string {
  let scratch = '';
  const saved = { ...process.env };
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'dg-config-'));
    process.env.RUNNER_TEMP = join(scratch, 'runner-temp');
    mkdirSync(process.env.RUNNER_TEMP);
    process.env.DOCKER_CONFIG = join(scratch, 'docker');
    process.env.REGISTRY_AUTH_FILE = join(scratch, 'containers', 'auth.json');
  });
  afterEach(() => {
    rmSync(scratch, { recursive: true, force: true });
    process.env = { ...saved };
  });
  return () => scratch;
}

/** Writes `value` as tab-indented JSON, making the folder; returns the text written. */
export function writeJson(file: string, value: unknown): string {
  mkdirSync(join(file, '..'), { recursive: true });
  const text = JSON.stringify(value, null, '\t');
  writeFileSync(file, text);
  return text;
}

export const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

export const mode = (path: string): number => statSync(path).mode & 0o777;
