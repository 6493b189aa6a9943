import { describe, expect, jest, test } from '@jest/globals';
import { apiNow, CLOCK_SKEW_NOTE_MS, createdTimeMs, formatAge, httpDateMs } from '../../src/deepgram/clock.js';

const API_TIME = Date.UTC(2026, 11, 1, 10, 0, 0);
const API_DATE = 'Tue, 01 Dec 2026 10:00:00 GMT';

describe("createdTimeMs: the one reader of a set's age", () => {
  test.each([
    ['2026-06-01T12:30:45Z', Date.UTC(2026, 5, 1, 12, 30, 45)],
    ['2026-06-01T12:30:45.250Z', Date.UTC(2026, 5, 1, 12, 30, 45, 250)],
    ['2026-06-01T12:30:45.123456789Z', Date.UTC(2026, 5, 1, 12, 30, 45, 123)],
    ['2026-06-01T14:30:45+02:00', Date.UTC(2026, 5, 1, 12, 30, 45)],
    ['2026-06-01T00:30:45-05:30', Date.UTC(2026, 5, 1, 6, 0, 45)],
    ['2026-06-01T23:30:45+23:00', Date.UTC(2026, 5, 1, 0, 30, 45)],
    ['2026-06-01T12:30:45+05:59', Date.UTC(2026, 5, 1, 6, 31, 45)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2020-01-01T00:00:00Z', Date.UTC(2020, 0, 1)],
  ])('%s is a time', (created, ms) => {
    expect(createdTimeMs(created)).toBe(ms);
  });

  test.each([
    ['year 1', '0001-01-01T00:00:00Z'],
    ['the Unix epoch', '1970-01-01T00:00:00Z'],
    ['a second before 2020', '2019-12-31T23:59:59Z'],
    ['before 2020 once its offset is applied', '2020-01-01T00:30:00+01:00'],
    ['February 31', '2024-02-31T00:00:00Z'],
    ['February 29 of a common year', '2025-02-29T00:00:00Z'],
    ['April 31', '2026-04-31T00:00:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['month 0', '2026-00-10T00:00:00Z'],
    ['day 0', '2026-01-00T00:00:00Z'],
    ['hour 24', '2025-06-01T24:00:00Z'],
    ['minute 60', '2025-06-01T10:60:00Z'],
    ['second 60', '2025-06-01T10:00:60Z'],
    ['an offset of 24 hours', '2025-06-01T10:00:00+24:00'],
    ['an offset of 60 minutes', '2025-06-01T10:00:00+01:60'],
    ['no time zone', '2025-06-01T10:00:00'],
    ['a date alone', '2025-06-01'],
    ['a space for the T', '2025-06-01 10:00:00Z'],
    ['a line break after it', '2025-06-01T10:00:00Z\n'],
    ['seconds since the epoch', '1748772000'],
    ['nothing', undefined],
  ])('%s (%j) cannot be real: no time', (_what, created) => {
    expect(createdTimeMs(created)).toBeUndefined();
  });
});

describe('httpDateMs', () => {
  test('an IMF-fixdate, as HTTP senders write it', () => {
    expect(httpDateMs(API_DATE)).toBe(API_TIME);
    expect(httpDateMs(new Date(API_TIME + 1234).toUTCString())).toBe(API_TIME + 1000);
  });

  test('every month, as toUTCString writes it', () => {
    for (let month = 0; month < 12; month++) {
      const time = Date.UTC(2026, month, 6, 8, 49, 37);
      expect(httpDateMs(new Date(time).toUTCString())).toBe(time);
    }
  });

  test.each([
    ['nothing', undefined],
    ['empty', ''],
    ['the epoch', 'Thu, 01 Jan 1970 00:00:00 GMT'],
    ['before 2020', 'Tue, 31 Dec 2019 23:59:59 GMT'],
    ['February 31', 'Sat, 31 Feb 2024 00:00:00 GMT'],
    ['hour 24', 'Tue, 01 Dec 2026 24:00:00 GMT'],
    ['the obsolete RFC 850 form', 'Tuesday, 01-Dec-26 10:00:00 GMT'],
    ["asctime's form", 'Tue Dec  1 10:00:00 2026'],
    ['another zone', 'Tue, 01 Dec 2026 10:00:00 +0000'],
    ['ISO 8601', '2026-12-01T10:00:00Z'],
    ['a line after it', `${API_DATE}\n`],
    ['text before it', `x${API_DATE}`],
  ])('%s is no time', (_what, header) => {
    expect(httpDateMs(header)).toBeUndefined();
  });
});

describe('apiNow', () => {
  test("the API's time, with no note when the clocks agree to within 5 minutes", () => {
    const note = jest.fn();
    expect(apiNow({ date: API_DATE }, note, API_TIME + CLOCK_SKEW_NOTE_MS)).toBe(API_TIME);
    expect(apiNow({ date: API_DATE }, note, API_TIME - CLOCK_SKEW_NOTE_MS)).toBe(API_TIME);
    expect(note).not.toHaveBeenCalled();
  });

  test("the API's time, and a note of how far off a runner's clock is, ahead or behind", () => {
    const note = jest.fn();
    expect(apiNow({ date: API_DATE }, note, API_TIME + 5 * 86_400_000 + 60_000)).toBe(API_TIME);
    expect(apiNow({ date: API_DATE }, note, API_TIME - CLOCK_SKEW_NOTE_MS - 1000)).toBe(API_TIME);
    expect(note.mock.calls).toEqual([
      [
        "The runner's clock is 5d 0h ahead of the Deepgram API's (its answer's Date header); the sets' ages are measured by the API's clock.",
      ],
      ["The runner's clock is 5m 1s behind the Deepgram API's (its answer's Date header); the sets' ages are measured by the API's clock."],
    ]);
  });

  test("no Date, or one that cannot be real: the runner's clock, without a note", () => {
    const note = jest.fn();
    expect(apiNow({}, note, API_TIME + 9 * 86_400_000)).toBe(API_TIME + 9 * 86_400_000);
    expect(apiNow({ date: 'Thu, 01 Jan 1970 00:00:00 GMT' }, note, API_TIME)).toBe(API_TIME);
    expect(note).not.toHaveBeenCalled();
  });
});

describe('formatAge', () => {
  test.each([
    [0, '0s'],
    [45_000, '45s'],
    [125_000, '2m 5s'],
    [7_500_000, '2h 5m'],
    [3 * 86_400_000 + 4 * 3_600_000 + 59_000, '3d 4h'],
    [-5_000, '0s'],
    [3 * 3_600_000 + 1_000, '3h 0m'],
    [30 * 86_400_000, '30d 0h'],
  ])('%d ms reads %j', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});
