import { describe, expect, test } from '@jest/globals';
import { formatComment } from '../../src/deepgram/comment-html.js';

describe('formatComment', () => {
  test('sets the trailing marker in code', () => {
    expect(formatComment('GitHub Actions: o/r / ci run 1 attempt 2 [dg-action:5f0c2a9e7b4d]')).toBe(
      'GitHub Actions: o/r / ci run 1 attempt 2 <code>[dg-action:5f0c2a9e7b4d]</code>',
    );
  });

  test('a comment without the marker is escaped text', () => {
    expect(formatComment('a [b] & c')).toBe('a [b] &amp; c');
    expect(formatComment('[dg-action:<x>]')).toBe('[dg-action:&lt;x&gt;]');
  });

  test('HTML before the marker is escaped', () => {
    expect(formatComment('<i>x</i> [dg-action:abc123abc123]')).toBe('&lt;i&gt;x&lt;/i&gt; <code>[dg-action:abc123abc123]</code>');
  });
});
