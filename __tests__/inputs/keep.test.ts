/** src/inputs/keep.ts: the `keep` input's own rule, a name to keep a set under (the main action and retire read it). */
import { describe, expect, test } from '@jest/globals';
import { parseKeep } from '../../src/inputs/keep.js';
import { expectRefused } from '../../__fixtures__/inputs.js';

describe('parseKeep', () => {
  test('empty is "not kept by name", taken as it is', () => {
    expect(parseKeep('')).toBe('');
  });

  test.each(['Prod', 'prod_pull', 'a b', 'x'.repeat(64), 'prod.pull', 'a\nb'])('"%s" is refused, naming what is accepted', (name) => {
    expectRefused(() => parseKeep(name), 'keep', /1 to 63 of a-z, 0-9 and '-'/);
  });

  test('63 characters are accepted', () => {
    expect(parseKeep('a'.repeat(63))).toBe('a'.repeat(63));
  });
});
