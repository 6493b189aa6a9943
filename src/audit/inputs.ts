/**
 * The audit action's inputs: the API inputs exactly as the main action reads them, `prune-after`
 * exactly as the main action reads it (where a job set becomes orphaned), the oldest a kept set
 * may be, and the classes that fail the step.
 */
import { readApiSettings, type ApiSettings, type GetInput } from '../inputs/api.js';
import { parseDuration } from '../inputs/duration.js';
import { InputError } from '../inputs/input-error.js';
import { splitList } from '../inputs/parse.js';
import { parsePruneAfter } from '../inputs/prune-after.js';
import { AUDIT_CLASSES } from './classify.js';

/** What `fail-on` accepts: a class, or `stale-kept` (a kept, in-service or superseded set older than max-kept-age). */
export const FAIL_ON_CHOICES = [...AUDIT_CLASSES, 'stale-kept'] as const;
export type FailOn = (typeof FAIL_ON_CHOICES)[number];

export interface AuditSettings extends ApiSettings {
  /** A job set older than this is orphaned; 0 (`off`): no job set is. */
  pruneAfterMs: number;
  /** A kept, in-service or superseded set older than this is also stale-kept; 0 (`off`): none is. */
  maxKeptAgeMs: number;
  /** The classes (and stale-kept) that fail the step; empty: report only. */
  failOn: FailOn[];
}

export interface AuditReadResult {
  settings: AuditSettings;
  warnings: string[];
}

export function readAuditSettings(getInput: GetInput): AuditReadResult {
  const warnings: string[] = [];
  const api = readApiSettings(getInput);
  const settings: AuditSettings = {
    ...api,
    pruneAfterMs: parsePruneAfter(getInput('prune-after'), warnings),
    maxKeptAgeMs: parseDuration('max-kept-age', getInput('max-kept-age') || 'off', { allowOff: true }),
    failOn: parseFailOn(getInput('fail-on')),
  };
  if (settings.failOn.includes('stale-kept') && settings.maxKeptAgeMs === 0) {
    warnings.push('fail-on names stale-kept, but max-kept-age is off: no set can be stale-kept. Set max-kept-age, such as 90d.');
  }
  return { settings, warnings };
}

/** Classes separated by commas and/or newlines; empty parts are skipped, duplicates dropped. */
export function parseFailOn(raw: string): FailOn[] {
  const classes: FailOn[] = [];
  for (const part of splitList(raw)) {
    const known = FAIL_ON_CHOICES.find((choice) => choice === part.toLowerCase());
    if (!known) {
      throw new InputError(
        'fail-on',
        `"${part}" is not a class of the audit; use any of ${FAIL_ON_CHOICES.join(', ')}, separated by commas or newlines (or leave it empty to report only).`,
      );
    }
    if (!classes.includes(known)) classes.push(known);
  }
  return classes;
}
