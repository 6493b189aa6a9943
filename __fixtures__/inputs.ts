/** What the tests of the input readers share: inputs as core.getInput gives them, and their refusals. */
import { expect } from '@jest/globals';
import { InputError } from '../src/inputs/input-error.js';

/** An input reader over these inputs: anything unset is '', as core.getInput gives it. */
export const inputsOf =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    inputs[name] ?? '';

/** The InputError `read` throws; the test fails if it throws anything else, or nothing. */
export function refusal(read: () => unknown): InputError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('the inputs were accepted');
}

/** `read` refuses, naming `input` in the message (and matching `text`, if given). */
export function expectRefused(read: () => unknown, input: string, text?: RegExp): void {
  const error = refusal(read);
  expect(error.input).toBe(input);
  expect(error.message).toContain(`Input "${input}"`);
  if (text) expect(error.message).toMatch(text);
}
