/** The `keep` input, as the main action (the name to keep a set under) and the retire action (the name to retire under) read it. */
import { InputError } from './input-error.js';
import { KEEP_NAME } from '../deepgram/tags.js';

/** A name to keep the set under: '' (not kept by name), or 1 to 63 of a-z, 0-9 and '-'. */
export function parseKeep(raw: string): string {
  if (raw === '' || KEEP_NAME.test(raw)) return raw;
  throw new InputError(
    'keep',
    `"${raw}" is not a name to keep credentials under; use 1 to 63 of a-z, 0-9 and '-' (such as prod-pull-secret).`,
  );
}
