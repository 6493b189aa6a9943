/**
 * Durations as inputs take them: a whole number and a unit, `90s`, `30m`, `12h`, `5d`; `0` is none.
 */
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** Longer than any job or retention anyone means; past it a timer or a date would overflow. */
const MAX_MS = 365 * UNIT_MS.d;

/** What a duration input accepts, for an error message. */
export const DURATION_FORMS = 'a whole number and a unit (s, m, h or d), such as 12h or 5d, up to 365d; or 0 for none';

/** Milliseconds for `raw`, 0 for `0` (and for `off` where `allowOff`), or undefined when it is not a duration. */
export function parseDuration(raw: string, options: { allowOff?: boolean } = {}): number | undefined {
  const text = raw.trim().toLowerCase();
  if (text === '0' || (options.allowOff && text === 'off')) return 0;
  const match = /^(\d{1,6})([smhd])$/.exec(text);
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : NaN;
  return ms > 0 && ms <= MAX_MS ? ms : undefined;
}

/** 3 d 4 h, 5 h 2 m, 42 s: an age for a person, two units at most. */
export function formatDuration(ms: number): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.floor(ms / 1000));
  for (const [unit, seconds] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(rest / seconds);
    rest -= n * seconds;
    if (n > 0 || (unit === 's' && parts.length === 0)) parts.push(`${n} ${unit}`);
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
