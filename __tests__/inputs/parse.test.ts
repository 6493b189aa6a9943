import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../src/inputs/input-error.js';
import { parseBoolean, parseChoice, splitList } from '../../src/inputs/parse.js';

describe('splitList', () => {
  test('commas and newlines both separate; each item is trimmed; empty ones are skipped; repeats are kept', () => {
    expect(splitList(' a, b\n\nc ,, a ,\n')).toEqual(['a', 'b', 'c', 'a']);
  });

  test.each(['', ' ', ' , ,\n'])('nothing but separators and blanks (%j) is no item', (raw) => {
    expect(splitList(raw)).toEqual([]);
  });
});

describe('parseBoolean', () => {
  test.each([
    ['true', true],
    ['TRUE', true],
    ['False', false],
    ['', true],
  ])('%j reads %j (empty: the fallback)', (raw, value) => {
    expect(parseBoolean('login', raw, true)).toBe(value);
  });

  test.each(['yes', '1', 'on', 'true '])('%j is refused, naming the input', (raw) => {
    expect(() => parseBoolean('login', raw, true)).toThrow(new InputError('login', `"${raw}" is not a boolean; use true or false.`));
  });
});

describe('parseChoice', () => {
  const CHOICES = ['auto', 'docker', 'podman'] as const;

  test('one of the choices in any case; empty is the first', () => {
    expect(parseChoice('cli', 'Docker', CHOICES)).toBe('docker');
    expect(parseChoice('cli', '', CHOICES)).toBe('auto');
  });

  test('anything else is refused, naming the input and every choice', () => {
    expect(() => parseChoice('cli', 'nerdctl', CHOICES)).toThrow(
      new InputError('cli', '"nerdctl" is not accepted; use auto, docker or podman.'),
    );
  });
});
