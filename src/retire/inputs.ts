/**
 * The retire action's inputs: the API inputs exactly as the main action reads them, the name the
 * sets were kept under, the IDs to leave alone, and the youngest age a set may be retired at.
 */
import { readApiSettings, type ApiSettings, type GetInput } from '../inputs/api.js';
import { parseDuration } from '../inputs/duration.js';
import { InputError } from '../inputs/input-error.js';
import { parseKeep } from '../inputs/keep.js';
import { splitList } from '../inputs/parse.js';
import { isCredentialsId } from '../deepgram/types.js';

export interface RetireSettings extends ApiSettings {
  /** The name the sets were kept under (the main action's `keep`). */
  keep: string;
  /** IDs to leave alone; empty means "the newest set under the name". */
  except: string[];
  /** Sets younger than this are left alone (0: no minimum). */
  minAgeMs: number;
}

export function readRetireSettings(getInput: GetInput): RetireSettings {
  const api = readApiSettings(getInput);
  const keep = getInput('keep');
  if (!keep) {
    throw new InputError(
      'keep',
      "is required: the name the sets were kept under (the main action's keep input), such as prod-pull-secret.",
    );
  }
  return {
    ...api,
    keep: parseKeep(keep),
    except: parseExcept(getInput('except')),
    minAgeMs: parseDuration('min-age', getInput('min-age') || '0'),
  };
}

/** Credentials IDs separated by commas and/or newlines; empty parts and repeats (in any case) are skipped. */
export function parseExcept(raw: string): string[] {
  const ids: string[] = [];
  for (const id of splitList(raw)) {
    if (!isCredentialsId(id)) {
      throw new InputError(
        'except',
        `"${id}" is not a credentials ID; pass IDs such as the credentials-id output, separated by commas or newlines.`,
      );
    }
    // IDs are UUIDs, the same in either case.
    if (!ids.some((seen) => seen.toLowerCase() === id.toLowerCase())) ids.push(id);
  }
  return ids;
}
