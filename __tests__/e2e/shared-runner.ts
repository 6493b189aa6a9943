/**
 * Two jobs on one self-hosted runner, for the suites against a real registry: the runner user's
 * own config folder that both share (DOCKER_CONFIG, with podman's auth file in it), a RUNNER_TEMP
 * for the second job (the harness's work folder is the first's), and the options of a step of
 * either job. Before each test the user's folder starts empty and neither job has an execution
 * folder left.
 */
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeWorkdir, type RunOptions } from '../../sandbox/runner.js';
import type { Harness } from './fixtures.js';

export type Cli = 'docker' | 'podman';

export interface SharedRunner {
  /** The runner user's own config folder; set before each test. */
  shared: () => string;
  /** The second job's RUNNER_TEMP; set before the first test. */
  secondTemp: () => string;
  /** The CLI's usual file in the user's folder. */
  authFile: (cli: Cli) => string;
  /**
   * A step's options: its job's RUNNER_TEMP, the user's config, podman told that `insecure` (the
   * loopback registries) are plain http, and `registry` as the input.
   */
  jobOptions: (
    cli: Cli,
    temp: string,
    registry: string,
    insecure: string[],
    inputs?: Record<string, string>,
    env?: Record<string, string>,
  ) => RunOptions & { env: Record<string, string> };
}

/** `alsoClear`: names in the first job's folder that each test starts without, besides the user's folder. */
export function useSharedRunner(h: Harness, alsoClear: string[] = [], clearPrefixes: string[] = ['dg-action-']): SharedRunner {
  let secondTemp: { path: string; remove: () => void } | undefined;
  let shared = '';
  beforeAll(() => {
    secondTemp = makeWorkdir('dg-action-e2e-job2-');
  });
  afterAll(() => secondTemp?.remove());
  beforeEach(() => {
    shared = join(h.workdir, 'user');
    for (const name of ['user', ...alsoClear]) rmSync(join(h.workdir, name), { recursive: true, force: true });
    mkdirSync(shared, { recursive: true });
    for (const temp of [h.workdir, secondTemp!.path]) {
      for (const name of readdirSync(temp).filter((entry) => clearPrefixes.some((prefix) => entry.startsWith(prefix))))
        rmSync(join(temp, name), { recursive: true, force: true });
    }
  });
  const authFile = (cli: Cli): string => join(shared, cli === 'docker' ? 'config.json' : 'auth.json');
  return {
    shared: () => shared,
    secondTemp: () => secondTemp!.path,
    authFile,
    jobOptions: (cli, temp, registry, insecure, inputs = {}, env = {}) => {
      const registriesConf = join(shared, 'registries.conf');
      writeFileSync(registriesConf, insecure.map((host) => `[[registry]]\nlocation = "${host}"\ninsecure = true\n`).join('\n'));
      const base = h.options({ registry, cli, ...inputs });
      return {
        ...base,
        workdir: temp,
        env: {
          ...base.env,
          DOCKER_CONFIG: shared,
          REGISTRY_AUTH_FILE: authFile('podman'),
          CONTAINERS_REGISTRIES_CONF: registriesConf,
          ...env,
        } as Record<string, string>,
      };
    },
  };
}

/** The file as JSON; `{}` where there is none. */
export const readJson = (file: string): Record<string, unknown> & { auths?: Record<string, { auth?: string }> } =>
  existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};

/** Writes `value` as the CLIs write their files (tab-indented, mode 0600); returns the text. */
export const writeJson = (file: string, value: unknown): string => {
  const text = JSON.stringify(value, null, '\t');
  writeFileSync(file, text, { mode: 0o600 });
  return text;
};

/** A registry login's `auth` value: base64 of user:secret. */
export const basic = (username: string, secret: string): string => Buffer.from(`${username}:${secret}`).toString('base64');
