/**
 * What the main step hands to the post step through the runner's saved state: identifiers and
 * flags only, never a secret. Each fact is saved as soon as it is true, so a main step that fails
 * half-way still leaves the post step enough to clean up.
 */
import * as core from '@actions/core';

const KEYS = {
  isPost: 'isPost',
  marker: 'marker',
  credentialsId: 'credentialsId',
  loggedInTo: 'loggedInTo',
  sweep: 'sweep',
} as const;

export interface SavedState {
  /** True when this process is the post step (main saved the flag). */
  isPost: boolean;
  /** The per-execution marker carried in every comment this execution created. */
  marker: string;
  /** The credentials handed out by main, still to be revoked ('' when none). */
  credentialsId: string;
  /** The registry main logged in to ('' when it did not). */
  loggedInTo: string;
  /** Main saw a create fail ambiguously: credentials may exist that it never received. */
  sweep: boolean;
}

export function readState(): SavedState {
  return {
    isPost: core.getState(KEYS.isPost) === 'true',
    marker: core.getState(KEYS.marker),
    credentialsId: core.getState(KEYS.credentialsId),
    loggedInTo: core.getState(KEYS.loggedInTo),
    sweep: core.getState(KEYS.sweep) === 'true',
  };
}

/** Saved first thing in main: whatever happens next, the runner's second run is the post step. */
export const markMainStarted = (): void => core.saveState(KEYS.isPost, 'true');
export const saveMarker = (marker: string): void => core.saveState(KEYS.marker, marker);
export const saveCredentialsId = (id: string): void => core.saveState(KEYS.credentialsId, id);
export const saveLoggedInTo = (registry: string): void => core.saveState(KEYS.loggedInTo, registry);
export const saveSweepNeeded = (): void => core.saveState(KEYS.sweep, 'true');
