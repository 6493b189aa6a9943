/**
 * The one home for time: a listed set's created time, the API's `Date` header, and the time a
 * set's age is measured against. A set's `created` is the API's clock; the
 * runner's clock may be days off (a self-hosted runner, a VM resumed from a snapshot), and a
 * runner 5 days fast would prune a running job's set. So an age is the API's time when it
 * answered the list (its `Date` header) less the set's created time, and the runner's own clock
 * is used only when the answer gave no time that can be real.
 */
import type { ListedPage } from './types.js';

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/;

/** No set of this API was made before 2020: an earlier time (the epoch, year 1) is a placeholder, not an age. */
export const EARLIEST_REAL_TIME_MS = Date.UTC(2020, 0, 1);

/**
 * A listed set's `created`, in ms since the epoch, when it is a time that can be real: an ISO 8601
 * time of a date that exists (no 2024-02-31, no hour 24, no second 60), no earlier than 2020.
 * Anything else is undefined, unreadable (Date.parse guesses at other forms and rolls 2024-02-31
 * over to March; an age decides what is deleted, so a guess never does).
 */
export function createdTimeMs(created: string | undefined): number | undefined {
  // Stryker disable next-line StringLiteral: equivalent, any text that is not a time reads as none
  const match = ISO_TIME.exec(created ?? '');
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls an impossible field over into the next one (February 31 into March, hour 24
  // into the next day): a date and time that exist come back as they were written. (Years before
  // 100 come back as 19xx, and are refused as before 2020 in any case.)
  const exists = new Date(local).toISOString().startsWith(match[0].slice(0, 19));
  const offsetHours = Number(match[10] ?? 0);
  const offsetMinutes = Number(match[11] ?? 0);
  if (!exists || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const fraction = Math.floor(Number(`0${match[7] ?? ''}`) * 1000);
  const offsetMs = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const ms = local + fraction - offsetMs;
  return ms >= EARLIEST_REAL_TIME_MS ? ms : undefined;
}

/** Clocks further apart than this are worth a line in the log (HTTP dates are to the second). */
export const CLOCK_SKEW_NOTE_MS = 5 * 60_000;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** IMF-fixdate, the one form HTTP senders must use: `Sun, 06 Nov 1994 08:49:37 GMT`. */
const IMF_FIXDATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}:\d{2}:\d{2}) GMT$/;

/**
 * A `Date` header's time in ms since the epoch, by the same rule as a set's created time (a date
 * that exists, no earlier than 2020); undefined for anything else, older HTTP date forms included.
 */
export function httpDateMs(header: string | undefined): number | undefined {
  // Stryker disable next-line StringLiteral: any text the pattern refuses stands for no header.
  const match = IMF_FIXDATE.exec(header ?? '');
  if (!match) return undefined;
  const [, day, month, year, time] = match as unknown as [string, string, string, string, string];
  const monthNumber = String(MONTHS.indexOf(month) + 1).padStart(2, '0');
  return createdTimeMs(`${year}-${monthNumber}-${day}T${time}Z`);
}

/**
 * Now, by the API's clock when the list answer gave it, else by the runner's; says so (through
 * `note`) when the two differ by more than CLOCK_SKEW_NOTE_MS.
 */
export function apiNow(page: Pick<ListedPage, 'date'>, note: (message: string) => void, runnerNow = Date.now()): number {
  const apiTime = httpDateMs(page.date);
  if (apiTime === undefined) return runnerNow;
  const skew = runnerNow - apiTime;
  if (Math.abs(skew) > CLOCK_SKEW_NOTE_MS) {
    note(
      // Stryker disable next-line EqualityOperator: skew is never 0 here, so > and >= say the same.
      `The runner's clock is ${formatAge(Math.abs(skew))} ${skew > 0 ? 'ahead of' : 'behind'} the Deepgram API's ` +
        "(its answer's Date header); the sets' ages are measured by the API's clock.",
    );
  }
  return apiTime;
}

/** An age for a log line or summary, in its largest unit and the next: "3d 4h", "2h 0m", "45s". */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const units = [
    ['d', Math.floor(seconds / 86_400)],
    ['h', Math.floor(seconds / 3_600) % 24],
    ['m', Math.floor(seconds / 60) % 60],
    ['s', seconds % 60],
  ] as const;
  const first = units.findIndex(([, count]) => count > 0);
  if (first < 0) return '0s';
  return units
    .slice(first, first + 2)
    .map(([unit, count]) => `${count}${unit}`)
    .join(' ');
}
