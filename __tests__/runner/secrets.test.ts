import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';

jest.unstable_mockModule('@actions/core', () => core);
const { forgetSecrets, protectSecret, redact } = await import('../../src/runner/secrets.js');

beforeEach(() => forgetSecrets());

describe('protectSecret', () => {
  test('registers each value with the runner once, however often it is protected', () => {
    protectSecret('s3cret-one');
    protectSecret('s3cret-two');
    protectSecret('s3cret-one');
    expect(core.setSecret.mock.calls).toEqual([['s3cret-one'], ['s3cret-two']]);
  });

  test('an empty string is ignored: not registered, not redacted', () => {
    protectSecret('');
    expect(core.setSecret).not.toHaveBeenCalled();
    expect(redact('text stays')).toBe('text stays');
  });
});

describe('redact', () => {
  test('replaces every occurrence of a registered secret', () => {
    protectSecret('abc123');
    expect(redact('key abc123 and again abc123!')).toBe('key *** and again ***!');
  });

  test('replaces the longest secret first, so one containing another is replaced whole', () => {
    protectSecret('abc');
    protectSecret('xxabcxx');
    expect(redact('a=xxabcxx b=abc')).toBe('a=*** b=***');
  });

  test('leaves text without secrets alone', () => {
    protectSecret('abc123');
    expect(redact('nothing to hide')).toBe('nothing to hide');
  });

  test('forgetSecrets empties the register', () => {
    protectSecret('abc123');
    forgetSecrets();
    expect(redact('abc123')).toBe('abc123');
  });
});
