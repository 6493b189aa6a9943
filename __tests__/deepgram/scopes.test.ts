/** src/deepgram/scopes.ts: the shape of a scope name, and the scopes Deepgram documents. */
import { describe, expect, test } from '@jest/globals';
import { KNOWN_SCOPES, SCOPE_SHAPE } from '../../src/deepgram/scopes.js';

describe('SCOPE_SHAPE', () => {
  test.each(['self-hosted:products', 'self-hosted:product:api', 'onprem:product:license-proxy', 'a:b', 'Self-Hosted:Product.v2_x'])(
    '"%s" is a scope',
    (scope) => {
      expect(SCOPE_SHAPE.test(scope)).toBe(true);
    },
  );

  test.each([
    'products',
    'self-hosted:',
    ':api',
    'self-hosted::api',
    'self hosted:api',
    'self-hosted:product;api',
    '-a:b',
    'a:-b',
    'a:b\n',
  ])('%j is not', (scope) => {
    expect(SCOPE_SHAPE.test(scope)).toBe(false);
  });
});

describe('KNOWN_SCOPES', () => {
  test('every scope Deepgram documents, current and legacy, is known, and nothing else', () => {
    const documented = ['self-hosted', 'onprem'].flatMap((prefix) => [
      `${prefix}:products`,
      ...['api', 'engine', 'license-proxy', 'dgtools', 'billing', 'hotpepper', 'metrics-server'].map((p) => `${prefix}:product:${p}`),
    ]);
    expect([...KNOWN_SCOPES].sort()).toEqual([...documented].sort());
    // Each is one the scopes input takes and an answer keeps.
    expect(KNOWN_SCOPES.filter((scope) => !SCOPE_SHAPE.test(scope))).toEqual([]);
  });
});
