import { describe, expect, test } from '@jest/globals';
import { formatTag, isJobSet, isKeptAs, madeBy, newMarker, parseTag, tagComment, tagKindFor, type Tag } from '../src/deepgram/tags.js';

const MARKER = 'dg-action:0123456789ab';
const job: Tag = { marker: MARKER, kind: { kind: 'job' } };
const kept: Tag = { marker: MARKER, kind: { kind: 'kept' } };
const named: Tag = { marker: MARKER, kind: { kind: 'named', name: 'prod-pull' } };

describe('tags', () => {
  test('newMarker is dg-action: and 12 hex digits, different each time', () => {
    const a = newMarker();
    expect(a).toMatch(/^dg-action:[0-9a-f]{12}$/);
    expect(newMarker()).not.toBe(a);
  });

  test('each kind has its own text, appended to the comment', () => {
    expect(tagComment('nightly', job)).toBe(`nightly [${MARKER}]`);
    expect(tagComment('nightly', kept)).toBe(`nightly [${MARKER} kept]`);
    expect(tagComment('nightly', named)).toBe(`nightly [${MARKER} keep=prod-pull]`);
    expect(tagComment('', job)).toBe(`[${MARKER}]`);
  });

  test.each([job, kept, named])('parseTag reads back what formatTag wrote (%j)', (tag) => {
    expect(parseTag(tagComment('a comment', tag))).toEqual(tag);
    expect(parseTag(formatTag(tag))).toEqual(tag);
  });

  test('only an exact tag at the very end counts', () => {
    for (const comment of [
      `[${MARKER}] copied into a comment`,
      `x [${MARKER}] `,
      `x [dg-action:0123456789AB]`,
      `x [dg-action:0123456789a]`,
      `x [dg-action:0123456789abc]`,
      `x [${MARKER} Kept]`,
      `x [${MARKER} keep=]`,
      `x [${MARKER} keep=Prod]`,
      `x [${MARKER}  kept]`,
      `x [${MARKER}]\n`,
      `x (${MARKER})`,
    ]) {
      expect(parseTag(comment)).toBeUndefined();
    }
  });

  test('the kind follows the settings: keep wins, then revoke', () => {
    expect(tagKindFor({ keep: 'prod', revoke: true })).toEqual({ kind: 'named', name: 'prod' });
    expect(tagKindFor({ keep: '', revoke: false })).toEqual({ kind: 'kept' });
    expect(tagKindFor({ keep: '', revoke: true })).toEqual({ kind: 'job' });
  });

  test('pruning matches job sets only; a name matches itself only', () => {
    expect(isJobSet(tagComment('c', job))).toBe(true);
    expect(isJobSet(tagComment('c', kept))).toBe(false);
    expect(isJobSet(tagComment('c', named))).toBe(false);
    expect(isJobSet('a person made this')).toBe(false);
    expect(isKeptAs(tagComment('c', named), 'prod-pull')).toBe(true);
    expect(isKeptAs(tagComment('c', named), 'prod')).toBe(false);
    expect(isKeptAs(tagComment('c', { marker: MARKER, kind: { kind: 'named', name: 'prod' } }), 'prod-pull')).toBe(false);
    expect(isKeptAs(tagComment('c', kept), 'prod-pull')).toBe(false);
  });

  test('a comment without a tag is kept under no name', () => {
    expect(isKeptAs('a person made this', 'prod-pull')).toBe(false);
  });

  test("an execution's own sweep finds each kind it made, and nothing of another execution", () => {
    for (const tag of [job, kept, named]) expect(madeBy(tagComment('c', tag), MARKER)).toBe(true);
    expect(madeBy(`c [dg-action:ffffffffffff]`, MARKER)).toBe(false);
    expect(madeBy(`c [${MARKER}] and more`, MARKER)).toBe(false);
  });
});
