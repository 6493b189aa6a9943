/**
 * The parsers every action's inputs share: a boolean, one of a few choices, and a list. Each
 * error names the input and what it accepts.
 */
import { InputError } from './input-error.js';

/** `true` or `false` in any case; empty means `fallback`. */
export function parseBoolean(input: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback;
  const value = raw.toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InputError(input, `"${raw}" is not a boolean; use true or false.`);
}

/** One of `choices`, in any case; empty means the first. */
export function parseChoice<T extends string>(input: string, raw: string, choices: readonly T[]): T {
  if (raw === '') return choices[0]!;
  const value = choices.find((choice) => choice === raw.toLowerCase());
  if (value === undefined)
    throw new InputError(input, `"${raw}" is not accepted; use ${choices.join(', ').replace(/, ([^,]*)$/, ' or $1')}.`);
  return value;
}

/**
 * A list input's items: separated by commas and/or newlines, each trimmed, empty ones skipped.
 * The caller checks each item and drops repeats by its own rule of sameness.
 */
export function splitList(raw: string): string[] {
  return raw
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
