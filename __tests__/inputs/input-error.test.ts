import { expect, test } from '@jest/globals';
import { InputError } from '../../src/inputs/input-error.js';

test('InputError names the input in its property and its message', () => {
  const error = new InputError('scopes', 'is wrong.');
  expect(error.input).toBe('scopes');
  expect(error.message).toBe('Input "scopes": is wrong.');
  expect(error.name).toBe('InputError');
});
