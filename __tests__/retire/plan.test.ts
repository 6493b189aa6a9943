import { describe, expect, test } from '@jest/globals';
import type { KeptSet } from '../../src/deepgram/kept.js';
import { mockRunner } from '../../__fixtures__/step.js';

mockRunner();
const { planRetirement } = await import('../../src/retire/plan.js');

describe('planRetirement', () => {
  const NOW = Date.parse('2026-06-01T00:00:00Z');
  const hoursAgo = (h: number) => NOW - h * 3_600_000;
  const sets: KeptSet[] = [
    { id: 'newest', createdMs: hoursAgo(1) },
    { id: 'middle', createdMs: hoursAgo(30) },
    { id: 'oldest', createdMs: hoursAgo(300) },
  ];
  const ids = (list: ({ id: string } | { set: KeptSet })[]) => list.map((item) => ('set' in item ? item.set.id : item.id));

  test('by default, all but the newest go', () => {
    const plan = planRetirement(sets, { except: [], minAgeMs: 0 }, NOW);
    expect(ids(plan.retire)).toEqual(['middle', 'oldest']);
    expect(plan.leave).toEqual([{ set: sets[0], reason: 'the newest set under the name' }]);
  });

  test('except replaces the default: the named sets stay, and so does every set newer than the newest of them', () => {
    const plan = planRetirement(sets, { except: ['middle'], minAgeMs: 0 }, NOW);
    expect(ids(plan.retire)).toEqual(['oldest']);
    expect(plan.leave).toEqual([
      // A later rotation's set, in service a minute from now: never retired by an earlier rotation.
      { set: sets[0], reason: 'not older than the newest set named in except' },
      { set: sets[1], reason: 'named in except' },
    ]);
    expect(plan.strangers).toEqual([]);
  });

  test('with several except IDs, the newest of them is the limit', () => {
    expect(
      ids(
        planRetirement([...sets, { id: 'ancient', createdMs: hoursAgo(900) }], { except: ['oldest', 'middle'], minAgeMs: 0 }, NOW).retire,
      ),
    ).toEqual(['ancient']);
  });

  test('a set created in the same second as the newest except set stays (which came first cannot be told)', () => {
    const twin = { id: 'twin', createdMs: hoursAgo(30) };
    expect(ids(planRetirement([...sets, twin], { except: ['middle'], minAgeMs: 0 }, NOW).leave)).toEqual(['newest', 'middle', 'twin']);
  });

  test('except IDs compare without regard to case', () => {
    const upper = [{ id: 'ABC-1', createdMs: hoursAgo(2) }, ...sets];
    const plan = planRetirement(upper, { except: ['abc-1'], minAgeMs: 0 }, NOW);
    expect(plan.strangers).toEqual([]);
    expect(plan.leave[0]).toEqual({ set: upper[0], reason: 'named in except' });
    expect(ids(plan.retire)).toEqual(['middle', 'oldest']);
  });

  test('except IDs that are not sets under the name are reported', () => {
    expect(planRetirement(sets, { except: ['newest', 'elsewhere'], minAgeMs: 0 }, NOW).strangers).toEqual(['elsewhere']);
  });

  test('min-age leaves younger sets alone, saying how old they are', () => {
    const plan = planRetirement(sets, { except: ['newest'], minAgeMs: 2 * 86_400_000 }, NOW);
    expect(ids(plan.retire)).toEqual(['oldest']);
    expect(plan.leave[1]).toEqual({ set: sets[1], reason: 'younger than min-age (1d 6h old)' });
  });

  test('sets created at the same newest time all stay (none can be told apart)', () => {
    const tied = [...sets, { id: 'twin', createdMs: hoursAgo(1) }];
    expect(ids(planRetirement(tied, { except: [], minAgeMs: 0 }, NOW).retire)).toEqual(['middle', 'oldest']);
  });

  test('a set without a created time that can be real always stays: it cannot be put in order', () => {
    const undated = [...sets, { id: 'undated' }];
    expect(ids(planRetirement(undated, { except: [], minAgeMs: 0 }, NOW).leave)).toEqual(['newest', 'undated']);
    expect(ids(planRetirement(undated, { except: ['newest'], minAgeMs: 60_000 }, NOW).leave)).toEqual(['newest', 'undated']);
    const plan = planRetirement(undated, { except: ['newest'], minAgeMs: 0 }, NOW);
    expect(ids(plan.retire)).toEqual(['middle', 'oldest']);
    expect(plan.leave[1]).toEqual({ set: undated[3], reason: 'the API gave no created time that can be real' });
  });

  test('when no set named in except has a time, none is known to be older, and nothing goes', () => {
    const undated = [...sets, { id: 'undated' }];
    const plan = planRetirement(undated, { except: ['undated'], minAgeMs: 0 }, NOW);
    expect(plan.retire).toEqual([]);
    expect(plan.leave[0]?.reason).toBe('the sets named in except have no created time that can be real, so none is known to be older');
  });

  test('nothing under the name: nothing to do', () => {
    expect(planRetirement([], { except: [], minAgeMs: 0 }, NOW)).toEqual({ retire: [], leave: [], strangers: [] });
  });
});
