/** src/inputs/prune-after.ts: the `prune-after` input (the main action and the audit read it): its default and its warning. */
import { describe, expect, test } from '@jest/globals';
import { parsePruneAfter } from '../../src/inputs/prune-after.js';
import { expectRefused } from '../../__fixtures__/inputs.js';

describe('parsePruneAfter', () => {
  test('under 6 h: taken, with a warning that a long job loses its credentials to another job', () => {
    const warnings: string[] = [];
    expect(parsePruneAfter('5h', warnings)).toBe(5 * 3_600_000);
    expect(warnings).toEqual([
      "prune-after is 5h: a job of this action that is still running after that long (jobs on GitHub-hosted runners may run 6 h, on self-hosted ones 5 d) loses its credentials to another job's pruning.",
    ]);
  });

  test.each([
    ['6h', 6 * 3_600_000],
    ['off', 0],
    ['0', 0],
    ['', 5 * 86_400_000],
  ])('"%s" is taken without a warning', (value, ms) => {
    const warnings: string[] = [];
    expect(parsePruneAfter(value, warnings)).toBe(ms);
    expect(warnings).toEqual([]);
  });

  test('what is not a duration is refused, naming prune-after', () => {
    expectRefused(() => parsePruneAfter('soon', []), 'prune-after', /or `0` or `off`/);
  });
});
