import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomHex } from '../../src/net/random.js';

const scratch = mkdtempSync(join(tmpdir(), 'dg-random-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('randomHex', () => {
  test('count bytes as lowercase hex, a different value each time', () => {
    const values = new Set(Array.from({ length: 1000 }, () => randomHex(6)));
    expect(values.size).toBe(1000);
    for (const value of values) expect(value).toMatch(/^[0-9a-f]{12}$/);
  });

  (process.platform === 'win32' ? test.skip : test)('reads the bytes from the system generator where there is one', () => {
    const source = join(scratch, 'known');
    writeFileSync(source, 'ABCDEFGH');
    expect(randomHex(6, source)).toBe('414243444546');
  });

  test.each([
    ['gives fewer bytes than asked', 'short', 'AB'],
    ['is not there', 'missing', undefined],
  ])('a generator that %s: node:crypto gives them instead', (_why, name, content) => {
    const source = join(scratch, name);
    if (content !== undefined) writeFileSync(source, content);
    const value = randomHex(6, source);
    expect(value).toMatch(/^[0-9a-f]{12}$/);
    expect(randomHex(6, source)).not.toBe(value);
  });
});
