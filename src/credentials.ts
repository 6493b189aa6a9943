/**
 * The credentials' life cycle on top of the API client: create without leaving orphans, revoke,
 * and sweep up what an ambiguous failure may have created.
 *
 * A create is not idempotent: one that times out or gets a 5xx may still have been carried out.
 * Every comment therefore carries a per-execution marker, and before a create is retried after
 * such a failure, the project's credentials carrying the marker are deleted.
 */
import { DeepgramApiError, type CreatedCredentials, type CreateRequest, type DeepgramClient, type DeleteResult } from './deepgram.js';
import { isClassified, withRetries } from './retry.js';
import { madeBy } from './tags.js';

export interface Context {
  client: DeepgramClient;
  projectId: string;
  maxAttempts: number;
  info: (message: string) => void;
  warning: (message: string) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * Creates credentials, retrying transient failures. `onAmbiguous` runs the first moment a create
 * may have landed unseen, so the caller can tell the post step to sweep again.
 */
export async function createCredentials(
  ctx: Context,
  request: CreateRequest,
  marker: string,
  onAmbiguous: () => void,
): Promise<CreatedCredentials> {
  try {
    return await withRetries(() => ctx.client.create(ctx.projectId, request), {
      ...retryOptions(ctx, 'create distribution credentials'),
      beforeRetry: async (error) => {
        if (!error.kind.ambiguous) return;
        onAmbiguous();
        await sweepMarked(ctx, marker);
      },
    });
  } catch (error) {
    // Gave up after a failure that may have landed: the post step sweeps for it (it may land later still).
    if (isClassified(error) && error.kind.ambiguous) onAmbiguous();
    // Created but unusable (no secret in the answer): it must not outlive this step.
    const orphan = error instanceof DeepgramApiError ? error.details.credentialsId : undefined;
    if (orphan) {
      await revokeCredentials(ctx, orphan).catch((revokeError: unknown) => {
        // Its comment carries the marker: the post step's sweep gets another go at it.
        onAmbiguous();
        ctx.warning(`Could not delete the unusable credentials ${orphan} (the post step tries again): ${errorMessage(revokeError)}`);
      });
    }
    throw error;
  }
}

/** Deletes one set of credentials, retrying transient failures; 404 counts as already done. */
export async function revokeCredentials(ctx: Context, credentialsId: string): Promise<DeleteResult> {
  const result = await withRetries(
    () => ctx.client.delete(ctx.projectId, credentialsId),
    retryOptions(ctx, `delete distribution credentials ${credentialsId}`),
  );
  ctx.info(
    result === 'deleted'
      ? `Revoked distribution credentials ${credentialsId}.`
      : `Distribution credentials ${credentialsId} were already gone.`,
  );
  return result;
}

/**
 * Deletes every set of credentials in the project whose comment carries `marker`, except `keepId`.
 * Best effort: a key that may not list, or an API that keeps failing, gets a warning, not a failure.
 */
export async function sweepMarked(ctx: Context, marker: string, keepId = ''): Promise<number> {
  let listed;
  try {
    listed = await withRetries(() => ctx.client.list(ctx.projectId), retryOptions(ctx, 'list distribution credentials'));
  } catch (error) {
    ctx.warning(
      `Could not look for credentials that an interrupted create may have left (comment marker [${marker}]): ` +
        `${errorMessage(error)}. Check the project's distribution credentials for that marker.`,
    );
    return 0;
  }
  const strays = listed.filter((item) => madeBy(item.comment, marker) && item.id !== keepId);
  let deleted = 0;
  for (const stray of strays) {
    try {
      await revokeCredentials(ctx, stray.id);
      deleted++;
    } catch (error) {
      ctx.warning(`Could not delete stray distribution credentials ${stray.id}: ${errorMessage(error)}`);
    }
  }
  return deleted;
}

function retryOptions(ctx: Context, action: string) {
  return { maxAttempts: ctx.maxAttempts, action, log: ctx.info, sleep: ctx.sleep, random: ctx.random };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
