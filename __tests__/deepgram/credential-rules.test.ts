import { describe, expect, test } from '@jest/globals';
import { deletableSets, storedTagWarning, straysOf, undeletedProblem } from '../../src/deepgram/credential-rules.js';
import { DeepgramApiError } from '../../src/deepgram/errors.js';
import type { CreatedCredentials, ListedCredentials } from '../../src/deepgram/types.js';

const MARKER = 'dg-action:0123456789ab';
const CREATED: CreatedCredentials = { id: 'cred-new', username: 'deepgram+cred-new', secret: 's'.repeat(64), scopes: [] };
const set = (id: string): ListedCredentials => ({ id, comment: `[${MARKER}]` });

test('straysOf: what this execution made, but for the set it handed out', () => {
  const listed: ListedCredentials[] = [
    { id: 'keep-me', comment: `ci [${MARKER}]` },
    { id: 'stray', comment: `ci [${MARKER}]` },
    { id: 'kept-stray', comment: `ci [${MARKER} kept]` },
    { id: 'other', comment: 'ci [dg-action:aaaaaaaaaaaa]' },
    { id: 'bare-marker-text', comment: `mentions ${MARKER} without brackets` },
  ];
  expect(straysOf(listed, MARKER, 'keep-me').map((s) => s.id)).toEqual(['stray', 'kept-stray']);
  expect(straysOf(listed, MARKER).map((s) => s.id)).toEqual(['keep-me', 'stray', 'kept-stray']);
});

describe('storedTagWarning', () => {
  test('none when the stored comment ends with the tag sent, when none was echoed, or when none was sent', () => {
    expect(storedTagWarning(`ci [${MARKER} job]`, { ...CREATED, comment: `ci [${MARKER} job]` })).toBeUndefined();
    expect(storedTagWarning(`ci [${MARKER} job]`, CREATED)).toBeUndefined();
    expect(storedTagWarning('no tag', { ...CREATED, comment: '' })).toBeUndefined();
  });

  test('a job set: revoked by its ID, but nothing else can find it', () => {
    expect(storedTagWarning(`ci [${MARKER} job]`, { ...CREATED, comment: 'ci' })).toBe(
      `Deepgram stored the comment of distribution credentials cred-new without the tag the action ended it with ([${MARKER} job]): ` +
        'it is revoked at job end by its ID, but if that fails no sweep and no pruning can ever find it.',
    );
  });

  test('a kept set: to be deleted by its ID', () => {
    expect(storedTagWarning(`ci [${MARKER} keep=prod]`, { ...CREATED, comment: 'ci' })).toContain(
      '([dg-action:0123456789ab keep=prod]): it is kept, and no sweep, pruning, kept-before or retire can ever find it: delete it by its ID when it is done with.',
    );
  });
});

describe('deletableSets', () => {
  test('all usable: no warning', () => {
    expect(deletableSets([set('a'), set('b')], 'old job credentials')).toEqual({ usable: [set('a'), set('b')] });
  });

  test('one refused: named, quoted and made printable, in the singular', () => {
    expect(deletableSets([set('a'), set('x\ny')], 'stray distribution credentials')).toEqual({
      usable: [set('a')],
      refusedWarning: 'Could not delete stray distribution credentials "x\\ny": the API listed it with an ID that is not a credentials ID.',
    });
  });

  test('five refused: all five named, nothing "more"', () => {
    expect(deletableSets(['..', '.', 'a/b', 'a b', '-a'].map(set), 'sets').refusedWarning).toBe(
      'Could not delete 5 sets ("..", ".", "a/b", "a b", "-a"): the API listed them with IDs that are not credentials IDs.',
    );
  });

  test('more than five refused: the first five, and how many more; each cut to 80 characters', () => {
    const ids = ['..', '.', 'a/b', 'a b', '-a', 'x'.repeat(200), '../z'];
    expect(deletableSets(ids.map(set), 'old job credentials').refusedWarning).toBe(
      'Could not delete 7 old job credentials ("..", ".", "a/b", "a b", "-a" and 2 more): the API listed them with IDs that are not credentials IDs.',
    );
    expect(deletableSets([set('x'.repeat(200)), set('..')], 'sets').refusedWarning).toContain(`"${'x'.repeat(80)}"`);
  });
});

describe('undeletedProblem', () => {
  const error = new DeepgramApiError('HTTP 403', { transient: false, ambiguous: false });

  test('none left: no problem', () => {
    expect(undeletedProblem({ deleted: [set('a')], failed: [], notTried: [] }, 'sets')).toBeUndefined();
  });

  test('failed and not tried: one line counting both, naming the first error', () => {
    expect(undeletedProblem({ deleted: [set('a')], failed: [{ set: set('b'), error }], notTried: [set('c')] }, 'old job credentials')).toBe(
      'Could not delete 2 of 3 old job credentials (b, c): 1 failed (the first: HTTP 403); ' +
        "1 not tried (the step's time for API calls ran out, or deletes kept failing).",
    );
  });

  test('five left: all five named, nothing "more"', () => {
    const left = ['a', 'b', 'c', 'd', 'e'].map(set);
    expect(undeletedProblem({ deleted: [], failed: [], notTried: left }, 'sets')).toBe(
      "Could not delete 5 of 5 sets (a, b, c, d, e): 5 not tried (the step's time for API calls ran out, or deletes kept failing).",
    );
  });

  test('only not tried: no "failed" part', () => {
    expect(undeletedProblem({ deleted: [], failed: [], notTried: [set('c')] }, 'sets')).toBe(
      "Could not delete 1 of 1 sets (c): 1 not tried (the step's time for API calls ran out, or deletes kept failing).",
    );
  });
});
