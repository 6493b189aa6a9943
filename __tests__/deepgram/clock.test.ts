import { describe, expect, jest, test } from '@jest/globals';
import { apiNow, CLOCK_SKEW_NOTE_MS, formatAge, httpDateMs } from '../../src/deepgram/clock.js';

const API_TIME = Date.UTC(2026, 11, 1, 10, 0, 0);
const API_DATE = 'Tue, 01 Dec 2026 10:00:00 GMT';

describe('httpDateMs', () => {
  test('an IMF-fixdate, as HTTP senders write it', () => {
    expect(httpDateMs(API_DATE)).toBe(API_TIME);
    expect(httpDateMs(new Date(API_TIME + 1234).toUTCString())).toBe(API_TIME + 1000);
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
