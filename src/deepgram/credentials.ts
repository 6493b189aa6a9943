/**
 * The credentials' life cycle on top of the API client: create without leaving orphans, revoke,
 * and sweep up what an ambiguous failure may have created.
 *
 * A create is not idempotent: one that times out, gets a 5xx, or answers 2xx with something that
 * cannot be used may still have been carried out. Every comment therefore ends with a tag holding
 * the execution's marker (tags.ts), and such a failure sweeps the project for that marker: before
 * a create is retried, when main gives up, and again in the post step.
 *
 * All the calls of one step draw on one time budget (budget.ts). A sweep made inside main's
 * create is one attempt per request, with no retries of its own: the post step sweeps again.
 */
import type { ProjectApi } from './project-api.js';
import { DeepgramApiError, errorMessage } from './errors.js';
import {
  isCredentialsId,
  type CreatedCredentials,
  type CreateRequest,
  type DeleteResult,
  type ListedCredentials,
  type ListedPage,
} from './types.js';
import { untrusted } from '../runner/log.js';
import { isClassified, withRetries } from '../net/retry.js';
import { endsWithTag, formatTag, madeBy, parseTag } from './tags.js';
import { deleteMany, type DeleteOutcome } from './delete-many.js';

/**
 * What main records as a create goes out and comes back, so the post step knows what to look for
 * whenever the step is stopped: each mark is saved before the one it replaces is cleared.
 */
export interface CreateHooks {
  /** A create request may be in flight until `until` (ms since the epoch); 0 once it has settled. */
  inFlight: (until: number) => void;
  /** The create answered with usable credentials: their id, for the post step to revoke. */
  created: (credentialsId: string) => void;
  /** A create may have landed that this step never received: the post step must sweep. */
  mayHaveStrays: () => void;
}

/** Creates credentials, retrying transient failures; whatever a failure may have created is swept. */
export async function createCredentials(
  ctx: ProjectApi,
  request: CreateRequest,
  marker: string,
  hooks: CreateHooks,
): Promise<CreatedCredentials> {
  const attempt = async (): Promise<CreatedCredentials> => {
    hooks.inFlight(Date.now() + ctx.client.timeoutMs);
    try {
      const credentials = await ctx.client.create(ctx.projectId, request);
      hooks.created(credentials.id);
      checkStoredTag(ctx, request.comment, credentials);
      return credentials;
    } catch (error) {
      if (isClassified(error) && error.kind.ambiguous) hooks.mayHaveStrays();
      throw error;
    } finally {
      hooks.inFlight(0);
    }
  };
  try {
    return await withRetries(attempt, {
      ...retryOptions(ctx, 'create distribution credentials'),
      beforeRetry: async (error) => {
        if (error.kind.ambiguous) await sweepOnce(ctx, marker);
      },
    });
  } catch (error) {
    if (isClassified(error) && error.kind.ambiguous) {
      // A set whose id the answer gave goes by that id, even where the key may not list.
      const known = error instanceof DeepgramApiError ? error.details.credentialsId : undefined;
      if (known) await revokeCredentials(ctx, known, 1).catch(() => undefined);
      await sweepOnce(ctx, marker);
    }
    throw error;
  }
}

/**
 * The create answer echoes the comment as stored. If the API shortened or changed it so that it no
 * longer ends with the tag sent, nothing can find the set again but its ID: say so, once, now.
 */
function checkStoredTag(ctx: ProjectApi, sent: string, credentials: CreatedCredentials): void {
  const tag = parseTag(sent);
  if (credentials.comment === undefined || tag === undefined || endsWithTag(credentials.comment, tag)) return;
  const fate =
    tag.kind.kind === 'job'
      ? 'it is revoked at job end by its ID, but if that fails no sweep and no pruning can ever find it'
      : 'it is kept, and no sweep, pruning, kept-before or retire can ever find it: delete it by its ID when it is done with';
  ctx.warning(
    `Deepgram stored the comment of distribution credentials ${credentials.id} without the tag the action ended it with ` +
      `(${formatTag(tag)}): ${fate}.`,
  );
}

/** Deletes one set of credentials, retrying transient failures; 404 counts as already done. */
export async function revokeCredentials(ctx: ProjectApi, credentialsId: string, maxAttempts = ctx.maxAttempts): Promise<DeleteResult> {
  const result = await withRetries(() => ctx.client.delete(ctx.projectId, credentialsId), {
    ...retryOptions(ctx, `delete distribution credentials ${credentialsId}`),
    maxAttempts,
  });
  ctx.info(
    result === 'deleted'
      ? `Revoked distribution credentials ${credentialsId}.`
      : `Distribution credentials ${credentialsId} were already gone.`,
  );
  return result;
}

/** The project's credentials (and the API's time of the answer), retrying transient failures. */
export function listCredentials(ctx: ProjectApi, maxAttempts = ctx.maxAttempts): Promise<ListedPage> {
  return withRetries(() => ctx.client.list(ctx.projectId), {
    ...retryOptions(ctx, 'list distribution credentials'),
    maxAttempts,
  });
}

/**
 * Deletes each of `sets`, a few at a time (delete-many.ts); what cannot be deleted is one warning
 * for them all, not a failure, and not a warning a set. Returns those deleted. An id that is not
 * a credentials ID is never put in a URL.
 */
export async function deleteEach(
  ctx: ProjectApi,
  sets: ListedCredentials[],
  what: string,
  maxAttempts = ctx.maxAttempts,
): Promise<ListedCredentials[]> {
  const usable = sets.filter((set) => isCredentialsId(set.id));
  const refused = sets.filter((set) => !isCredentialsId(set.id)).map((set) => `"${untrusted(set.id.slice(0, 80))}"`);
  if (refused.length === 1) {
    ctx.warning(`Could not delete ${what} ${refused[0]}: the API listed it with an ID that is not a credentials ID.`);
  } else if (refused.length > 1) {
    const shown = refused.length > 5 ? `${refused.slice(0, 5).join(', ')} and ${refused.length - 5} more` : refused.join(', ');
    ctx.warning(`Could not delete ${refused.length} ${what} (${shown}): the API listed them with IDs that are not credentials IDs.`);
  }
  const outcome = await deleteMany(usable, (set) => revokeCredentials(ctx, set.id, maxAttempts));
  const problem = undeletedProblem(outcome, what);
  if (problem) ctx.warning(problem);
  return outcome.deleted;
}

/** One line for every set a run of deletes left, or undefined when it left none. */
function undeletedProblem(outcome: DeleteOutcome<ListedCredentials>, what: string): string | undefined {
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

/** The sets in `listed` that this execution made, but for the one it handed out (`keepId`). */
export function straysOf(listed: ListedCredentials[], marker: string, keepId = ''): ListedCredentials[] {
  return listed.filter((item) => madeBy(item.comment, marker) && item.id !== keepId);
}

/**
 * Main's sweep, inside a create: one list and one delete attempt each, no retries (the post step
 * sweeps again with its own). A failure is logged, not thrown: the create's own error matters more.
 */
async function sweepOnce(ctx: ProjectApi, marker: string): Promise<void> {
  let listed;
  try {
    ({ items: listed } = await listCredentials(ctx, 1));
  } catch (error) {
    ctx.info(`Could not look for credentials the failed create may have left (the post step looks again): ${errorMessage(error)}`);
    return;
  }
  const strays = straysOf(listed, marker);
  if (strays.length === 0) return;
  const deleted = await deleteEach(ctx, strays, 'stray distribution credentials', 1);
  ctx.info(`Deleted ${deleted.length} of ${strays.length} set(s) of credentials the failed create left ([${marker}]).`);
}

function retryOptions(ctx: ProjectApi, action: string) {
  return {
    maxAttempts: ctx.maxAttempts,
    action,
    log: ctx.info,
    sleep: ctx.sleep,
    random: ctx.random,
    // Without a budget (a client built for one request) there is no end to wait past.
    remainingMs: () => ctx.client.budget?.remainingMs() ?? Infinity,
  };
}
