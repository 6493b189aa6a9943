/**
 * The time a listed set's age is measured against. A set's `created` is the API's clock; the
 * runner's clock may be days off (a self-hosted runner, a VM resumed from a snapshot), and a
 * runner 5 days fast would prune a running job's set. So an age is the API's time when it
 * answered the list (its `Date` header) less the set's created time, and the runner's own clock
 * is used only when the answer gave no time that can be real.
 */
import { createdTimeMs, type ListedPage } from '../deepgram/client.js';

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
  const match = header === undefined ? null : IMF_FIXDATE.exec(header);
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
