/**
 * What the main step hands to the post step through the runner's saved state: identifiers and
 * flags only, never a secret. Each fact is saved as soon as it is true, so a main step that fails
 * half-way still leaves the post step enough to clean up.
 */
import * as core from '@actions/core';
import { saveState } from './file-commands.js';

const KEYS = {
  marker: 'marker',
  credentialsId: 'credentialsId',
  loggedInTo: 'loggedInTo',
  sweep: 'sweep',
  createInFlightUntil: 'createInFlightUntil',
} as const;

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
}

export function readState(): SavedState {
  return {
    marker: core.getState(KEYS.marker),
    credentialsId: core.getState(KEYS.credentialsId),
    loggedInTo: core.getState(KEYS.loggedInTo),
    sweep: core.getState(KEYS.sweep) === 'true',
    // A number main wrote, or 0: state is text anyone with the runner's files could have touched.
    createInFlightUntil: Number(/^\d{1,15}$/.exec(core.getState(KEYS.createInFlightUntil))?.[0] ?? 0),
  };
}

export const saveMarker = (marker: string): void => saveState(KEYS.marker, marker);
export const saveCredentialsId = (id: string): void => saveState(KEYS.credentialsId, id);
export const saveLoggedInTo = (registry: string): void => saveState(KEYS.loggedInTo, registry);
export const saveSweepNeeded = (): void => saveState(KEYS.sweep, 'true');
/** Saved before each create goes out and cleared when it settles: a step killed in between leaves it set. */
export const saveCreateInFlight = (until: number): void => saveState(KEYS.createInFlightUntil, until ? String(until) : '');
