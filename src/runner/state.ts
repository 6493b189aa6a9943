/**
 * What the main step hands to the post step through the runner's saved state: identifiers and
 * flags only, never a secret. Each fact is saved as soon as it is true, so a main step that fails
 * half-way still leaves the post step enough to clean up.
 */
import * as core from '@actions/core';
import { isAbsolute } from 'node:path';
import { saveState } from './file-commands.js';

const KEYS = {
  marker: 'marker',
  credentialsId: 'credentialsId',
  loggedInTo: 'loggedInTo',
  sweep: 'sweep',
  createInFlightUntil: 'createInFlightUntil',
  registryConfig: 'registryConfig',
  registryCli: 'registryCli',
  registryFile: 'registryFile',
} as const;

/**
 * Where main logs in, chosen once by main (registry/config.ts) and undone by post as recorded:
 * the config mode, the CLI by name (post finds it on PATH again, never runs a path from state),
 * and the file the CLI writes this job's login to. Paths and names only.
 */
export interface RegistryConfig {
  /** job: a config of this job's own under RUNNER_TEMP; default: the CLI's usual config, shared. */
  mode: 'job' | 'default';
  cli: 'docker' | 'podman';
  /** Absolute: the job's own config file, or the shared one. */
  file: string;
}

export interface SavedState {
  /** The per-execution marker carried in every comment this execution created. */
  marker: string;
  /** The credentials handed out by main, still to be revoked ('' when none). */
  credentialsId: string;
  /** The registry main logged in to, or began to ('' when it did not try). */
  loggedInTo: string;
  /** Main saw a create fail ambiguously: credentials may exist that it never received. */
  sweep: boolean;
  /**
   * Main stopped (cancelled, timed out, killed) while a create was in flight: it may still land
   * until this time (ms since the epoch). 0 when no create was left in flight.
   */
  createInFlightUntil: number;
  /** Saved before loggedInTo; undefined when main saved none (or state holds what main never writes). */
  registryConfig: RegistryConfig | undefined;
}

export function readState(): SavedState {
  return {
    marker: core.getState(KEYS.marker),
    credentialsId: core.getState(KEYS.credentialsId),
    loggedInTo: core.getState(KEYS.loggedInTo),
    sweep: core.getState(KEYS.sweep) === 'true',
    // A number main wrote, or 0: state is text anyone with the runner's files could have touched.
    createInFlightUntil: Number(/^\d{1,15}$/.exec(core.getState(KEYS.createInFlightUntil))?.[0] ?? 0),
    registryConfig: readRegistryConfig(),
  };
}

/** All three keys in the shape main writes, or none. */
function readRegistryConfig(): RegistryConfig | undefined {
  const mode = core.getState(KEYS.registryConfig);
  const cli = core.getState(KEYS.registryCli);
  const file = core.getState(KEYS.registryFile);
  if ((mode !== 'job' && mode !== 'default') || (cli !== 'docker' && cli !== 'podman') || !isAbsolute(file)) return undefined;
  return { mode, cli, file };
}

export const saveMarker = (marker: string): void => saveState(KEYS.marker, marker);
export const saveCredentialsId = (id: string): void => saveState(KEYS.credentialsId, id);
export const saveLoggedInTo = (registry: string): void => saveState(KEYS.loggedInTo, registry);
export const saveSweepNeeded = (): void => saveState(KEYS.sweep, 'true');
/** Saved before each create goes out and cleared when it settles: a step killed in between leaves it set. */
export const saveCreateInFlight = (until: number): void => saveState(KEYS.createInFlightUntil, until ? String(until) : '');
/** Saved before the login is tried (and before loggedInTo): post undoes what this names. */
export function saveRegistryConfig(config: RegistryConfig): void {
  saveState(KEYS.registryConfig, config.mode);
  saveState(KEYS.registryCli, config.cli);
  saveState(KEYS.registryFile, config.file);
}
