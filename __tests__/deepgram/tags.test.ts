import { describe, expect, test } from '@jest/globals';
import {
  endsWithTag,
  formatTag,
  isJobSet,
  isKeptAs,
  madeBy,
  MAX_COMMENT_LENGTH,
  newMarker,
  parseTag,
  tagComment,
  tagKindFor,
  type Tag,
} from '../../src/deepgram/tags.js';

const MARKER = 'dg-action:0123456789ab';
const job: Tag = { marker: MARKER, kind: { kind: 'job' } };
const kept: Tag = { marker: MARKER, kind: { kind: 'kept' } };
const named: Tag = { marker: MARKER, kind: { kind: 'named', name: 'prod-pull' } };
const legacy: Tag = { marker: MARKER, kind: { kind: 'legacy' } };

describe('tags', () => {
  test('newMarker is dg-action: and 12 hex digits, different each time', () => {
    const a = newMarker();
    expect(a).toMatch(/^dg-action:[0-9a-f]{12}$/);
    expect(newMarker()).not.toBe(a);
  });

  test('each kind has its own text, appended to the comment', () => {
    expect(tagComment('nightly', job)).toBe(`nightly [${MARKER} job]`);
    expect(tagComment('nightly', kept)).toBe(`nightly [${MARKER} kept]`);
    expect(tagComment('nightly', named)).toBe(`nightly [${MARKER} keep=prod-pull]`);
    expect(tagComment('', job)).toBe(`[${MARKER} job]`);
  });

  test.each([job, kept, named, legacy])('parseTag reads back what formatTag wrote (%j)', (tag) => {
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
      `x [${MARKER} Job]`,
      `x [${MARKER} job ]`,
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

  test("release 1.0.0's bare tag, on every set it made, is legacy: never a job set to prune", () => {
    expect(parseTag(`GitHub Actions: o/r / ci run 1 attempt 1 [${MARKER}]`)).toEqual(legacy);
    expect(isJobSet(`GitHub Actions: o/r / ci run 1 attempt 1 [${MARKER}]`)).toBe(false);
    expect(isJobSet(`[${MARKER}]`)).toBe(false);
    expect(madeBy(`c [${MARKER}]`, MARKER)).toBe(true);
  });

  test('pruning matches job sets only; a name matches itself only', () => {
    expect(isJobSet(tagComment('c', job))).toBe(true);
    expect(isJobSet(tagComment('c', legacy))).toBe(false);
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
    for (const tag of [job, kept, named, legacy]) expect(madeBy(tagComment('c', tag), MARKER)).toBe(true);
    expect(madeBy(`c [dg-action:ffffffffffff]`, MARKER)).toBe(false);
    expect(madeBy(`c [${MARKER}] and more`, MARKER)).toBe(false);
  });
});

describe('the comment is at most 200 characters, and the tag is never the part cut', () => {
  const longest: Tag = { marker: MARKER, kind: { kind: 'named', name: 'n'.repeat(63) } };

  test.each([job, kept, named, longest])('a long comment is shortened with …, the tag whole (%j)', (tag) => {
    const comment = tagComment('x'.repeat(500), tag);
    expect(comment).toHaveLength(MAX_COMMENT_LENGTH);
    expect(comment.endsWith(`x… ${formatTag(tag)}`)).toBe(true);
    expect(parseTag(comment)).toEqual(tag);
  });

  test('a comment that fits is left as it is, to the last character', () => {
    const room = MAX_COMMENT_LENGTH - formatTag(job).length - 1;
    expect(tagComment('y'.repeat(room), job)).toBe(`${'y'.repeat(room)} ${formatTag(job)}`);
    expect(tagComment('y'.repeat(room + 1), job)).toBe(`${'y'.repeat(room - 1)}… ${formatTag(job)}`);
  });

  test('no character is split in two, and no space is left before the …', () => {
    const room = MAX_COMMENT_LENGTH - formatTag(job).length - 1;
    // 😀 is two UTF-16 units: the cut falls in the middle of one, which goes whole.
    const emoji = tagComment(`${'a'.repeat(room - 2)}😀😀`, job);
    expect(emoji).toBe(`${'a'.repeat(room - 2)}… ${formatTag(job)}`);
    expect(emoji.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(tagComment(`${'word '.repeat(100)}`, job)).toMatch(/word… \[dg-action:[0-9a-f]{12} job\]$/);
  });

  test('endsWithTag: the very tag, not one of another kind or execution, nor one cut or followed by text', () => {
    const comment = tagComment('nightly', named);
    expect(endsWithTag(comment, named)).toBe(true);
    expect(endsWithTag(comment, job)).toBe(false);
    expect(endsWithTag(comment, { ...named, marker: 'dg-action:ffffffffffff' })).toBe(false);
    expect(endsWithTag(comment.slice(0, -1), named)).toBe(false);
    expect(endsWithTag(`${comment} `, named)).toBe(false);
    expect(endsWithTag(tagComment('nightly', job), job)).toBe(true);
  });
});
