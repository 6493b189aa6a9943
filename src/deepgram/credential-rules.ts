/**
 * What the credentials' life cycle decides without asking the API (project-api.ts is what asks):
 * which listed sets are this execution's strays, which listed IDs may be put in a URL, and the
 * words for a comment the API stored without its tag and for the sets a run of deletes left.
 */
import { errorMessage } from './errors.js';
import { isCredentialsId, type CreatedCredentials, type ListedCredentials } from './types.js';
import { untrusted } from '../runner/log.js';
import { endsWithTag, formatTag, madeBy, parseTag } from './tags.js';
import type { DeleteOutcome } from './delete-many.js';

/** The sets in `listed` that this execution made, but for the one it handed out (`keepId`). */
export function straysOf(listed: ListedCredentials[], marker: string, keepId?: string): ListedCredentials[] {
  return listed.filter((item) => madeBy(item.comment, marker) && item.id !== keepId);
}

/**
 * The create answer echoes the comment as stored. If the API shortened or changed it so that it no
 * longer ends with the tag sent, nothing can find the set again but its ID: the warning that says
 * so, or undefined when the tag is there (or there is nothing to check).
 */
export function storedTagWarning(sent: string, credentials: CreatedCredentials): string | undefined {
  const tag = parseTag(sent);
  if (credentials.comment === undefined || tag === undefined || endsWithTag(credentials.comment, tag)) return undefined;
  const fate =
    tag.kind.kind === 'job'
      ? 'it is revoked at job end by its ID, but if that fails no sweep and no pruning can ever find it'
      : 'it is kept, and no sweep, pruning, kept-before or retire can ever find it: delete it by its ID when it is done with';
  return (
    `Deepgram stored the comment of distribution credentials ${credentials.id} without the tag the action ended it with ` +
    `(${formatTag(tag)}): ${fate}.`
  );
}

/**
 * The sets of `sets` whose ID may be put in a URL, and the one warning naming the others (listed
 * with an ID that is not a credentials ID), or undefined when there are none.
 */
export function deletableSets(sets: ListedCredentials[], what: string): { usable: ListedCredentials[]; refusedWarning?: string } {
  const usable = sets.filter((set) => isCredentialsId(set.id));
  const refused = sets.filter((set) => !isCredentialsId(set.id)).map((set) => `"${untrusted(set.id.slice(0, 80))}"`);
  if (refused.length === 0) return { usable };
  if (refused.length === 1) {
    return { usable, refusedWarning: `Could not delete ${what} ${refused[0]}: the API listed it with an ID that is not a credentials ID.` };
  }
  const shown = refused.length > 5 ? `${refused.slice(0, 5).join(', ')} and ${refused.length - 5} more` : refused.join(', ');
  return {
    usable,
    refusedWarning: `Could not delete ${refused.length} ${what} (${shown}): the API listed them with IDs that are not credentials IDs.`,
  };
}

/** One line for every set a run of deletes left, or undefined when it left none. */
export function undeletedProblem(outcome: DeleteOutcome<ListedCredentials>, what: string): string | undefined {
  const { failed, notTried } = outcome;
  const left = failed.length + notTried.length;
  if (left === 0) return undefined;
  const total = left + outcome.deleted.length;
  const ids = [...failed.map(({ set }) => set.id), ...notTried.map((set) => set.id)];
  const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
  const why = [
    failed[0] && `${failed.length} failed (the first: ${errorMessage(failed[0].error)})`,
    notTried.length > 0 && `${notTried.length} not tried (the step's time for API calls ran out, or deletes kept failing)`,
  ].filter(Boolean);
  return `Could not delete ${left} of ${total} ${what} (${shown}): ${why.join('; ')}.`;
}
