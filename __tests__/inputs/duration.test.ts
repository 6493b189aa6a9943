import { describe, expect, test } from '@jest/globals';
import { parseDuration } from '../../src/inputs/duration.js';
import { InputError } from '../../src/inputs/input-error.js';

describe('parseDuration', () => {
  test.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['5d', 432_000_000],
    ['0', 0],
    ['0h', 0],
    [' 7D ', 604_800_000],
  ])('%j is %d ms', (raw, ms) => {
    expect(parseDuration('min-age', raw)).toBe(ms);
  });

  test('off is 0 only where the input allows it', () => {
    expect(parseDuration('prune-after', 'off', { allowOff: true })).toBe(0);
    expect(parseDuration('prune-after', 'OFF', { allowOff: true })).toBe(0);
    expect(() => parseDuration('min-age', 'off')).toThrow(InputError);
  });

  test.each(['', '5', '1.5h', '-1d', '5 d', '5w', 'h', '1234567d', '1d12h'])('%j is refused, naming the input and the forms', (raw) => {
    let error: unknown;
    try {
      parseDuration('min-age', raw);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('min-age');
    expect((error as Error).message).toContain('a whole number followed by s, m, h or d (such as 12h or 5d), or `0`.');
  });

  test('the message offers off where it is accepted', () => {
    expect(() => parseDuration('prune-after', 'soon', { allowOff: true })).toThrow('or `0` or `off`.');
  });
});
