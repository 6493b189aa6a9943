/**
 * Sets kept under a name (`keep`): found in the project's list by their exact tag, newest first.
 * The main step reports the ones kept before it (`kept-before`); the retire action deletes them.
 * Everything here comes from the API, so an id is used (and printed) only when it has the shape
 * of a credentials ID, and a created time only when it is an ISO 8601 time.
 */
import type { ProjectApi } from './project-api.js';
import { errorMessage } from './errors.js';
import { createdTimeMs } from './clock.js';
import { isCredentialsId, type ListedCredentials } from './types.js';
import { isKeptAs, madeBy } from '../deepgram/tags.js';

export interface KeptSet {
  id: string;
  /** Milliseconds since the epoch; undefined when the API gave no usable time. */
  createdMs?: number;
}

export interface KeptSets {
  /** Newest first; sets without a usable created time last. */
  sets: KeptSet[];
  /** Sets with the name's tag whose ID this action refuses to use (it is not printed either). */
  refused: number;
}

/** The sets in `listed` kept under exactly `name`, newest first. */
export function keptUnder(listed: readonly ListedCredentials[], name: string): KeptSets {
  const tagged = listed.filter((item) => isKeptAs(item.comment, name));
  const sets = tagged.filter((item) => isCredentialsId(item.id)).map((item) => ({ id: item.id, createdMs: createdTimeMs(item.created) }));
  sets.sort((a, b) => (b.createdMs ?? -Infinity) - (a.createdMs ?? -Infinity));
  return { sets, refused: tagged.length - sets.length };
}

/**
 * For `kept-before`: started alongside the create, resolves to the IDs of the other sets kept
 * under `name`, newest first, comma-separated; undefined without a name. Sets this execution
 * made (the new one, or a stray of an interrupted create) are never among them. Never rejects:
 * a list it cannot make is a warning and an empty output.
 */
export async function keptBefore(api: ProjectApi, name: string, marker: string): Promise<string | undefined> {
  if (!name) return undefined;
  let listed: ListedCredentials[];
  try {
    ({ items: listed } = await api.list());
  } catch (error) {
    api.warning(`Could not list the sets kept as "${name}", so kept-before is empty: ${errorMessage(error)}`);
    return '';
  }
  const { sets, refused } = keptUnder(
    listed.filter((item) => !madeBy(item.comment, marker)),
    name,
  );
  if (refused > 0) {
    api.warning(`${refused} set(s) kept as "${name}" have an ID this action does not accept; they are left out of kept-before.`);
  }
  return sets.map((set) => set.id).join(',');
}
