/**
 * Durations as inputs write them (`90s`, `30m`, `12h`, `5d`, `0`). One syntax for every duration
 * input (`min-age` of the retire action, `prune-after`, `max-kept-age`), so a value that works in
 * one works in the others.
 */
import { InputError } from './input-error.js';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** A whole number and one unit; longer than any job or rotation period a workflow can have. */
const DURATION = /^(\d{1,6})([smhd])$/;

export interface DurationOptions {
  /** Also accept `off` (read as 0), for an input where 0 means "never" rather than "no wait". */
  allowOff?: boolean;
}

/**
 * Milliseconds for a duration input: `<whole number><s|m|h|d>`, or `0` (and `off` when allowed),
 * which both give 0. Anything else is an InputError naming the input and the accepted forms.
 */
export function parseDuration(input: string, raw: string, options: DurationOptions = {}): number {
  const value = raw.trim().toLowerCase();
  if (value === '0' || (options.allowOff && value === 'off')) return 0;
  const match = DURATION.exec(value);
  if (match) return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  const zero = options.allowOff ? '`0` or `off`' : '`0`';
  throw new InputError(input, `"${raw}" is not a duration; use a whole number followed by s, m, h or d (such as 12h or 5d), or ${zero}.`);
}
