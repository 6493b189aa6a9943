/**
 * The post step's work in the Deepgram project: revoke the set main handed out and, alongside it,
 * tidy the project with one list: delete what this execution's interrupted or failed creates left
 * (its sweep), and prune job sets so old that their job cannot still be running (a runner that died
 * before its post step). Cleanup never fails the job: what cannot be done is a warning that says
 * what is left.
 */
import { straysOf } from '../deepgram/credential-rules.js';
import type { ProjectApi } from '../deepgram/project-api.js';
import { errorMessage } from '../deepgram/errors.js';
import type { ListedPage } from '../deepgram/types.js';
import { apiNow, createdTimeMs, formatAge } from '../deepgram/clock.js';
import type { Settings } from './inputs.js';
import type { SavedState } from '../runner/state.js';
import { appendToSummary } from '../runner/summary-file.js';
import { pruneSummary, type PrunedSet } from './summary.js';
import { isJobSet, madeBy } from '../deepgram/tags.js';
import { onStoppedExit } from '../runner/signals.js';

/** How long the post step waits for a create that main was stopped in to land, before it sweeps. */
export function inFlightWaitMs(saved: SavedState, now = Date.now()): number {
  return Math.max(0, saved.createInFlightUntil - now);
}

export async function cleanUpProject(api: ProjectApi, saved: SavedState, settings: Settings): Promise<void> {
  await Promise.all([revokeHandedOut(api, saved, settings), tidyProject(api, saved, settings)]);
}

async function revokeHandedOut(api: ProjectApi, saved: SavedState, settings: Settings): Promise<void> {
  if (!saved.credentialsId) return;
  if (!settings.revoke) {
    const why = settings.keep ? `kept as "${settings.keep}"` : 'revoke: false';
    api.info(`Keeping distribution credentials ${saved.credentialsId} (${why}); they do not expire.`);
    return;
  }
  const byHand = (): string =>
    `Delete them by hand: DELETE /v1/projects/${settings.projectId}/self-hosted/distribution/credentials/${saved.credentialsId} ` +
    `(or in the Deepgram console).`;
  // A step stopped (SIGINT, SIGTERM) before the API answered cannot know whether the set is gone,
  // and nothing else may ever delete it (prune-after: off): it says so, naming the set.
  const forget = onStoppedExit(() =>
    api.warning(
      `The post step was stopped before Deepgram answered the revoke of distribution credentials ${saved.credentialsId}: ` +
        `they may still exist. ${byHand()}`,
    ),
  );
  try {
    await api.revoke(saved.credentialsId);
  } catch (error) {
    api.warning(`Could not revoke distribution credentials ${saved.credentialsId}: ${errorMessage(error)}. ${byHand()}`);
  } finally {
    forget();
  }
}

async function tidyProject(api: ProjectApi, saved: SavedState, settings: Settings): Promise<void> {
  const sweep = saved.sweep || saved.createInFlightUntil > 0;
  if (!sweep && settings.pruneAfterMs === 0) return;
  const waitMs = inFlightWaitMs(saved);
  if (waitMs > 0) {
    api.info(
      `The main step stopped while a create was in flight; waiting ${formatAge(waitMs)} (its request-timeout) for it to land before sweeping.`,
    );
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }

  let page: ListedPage;
  try {
    page = await api.list();
  } catch (error) {
    api.warning(
      (sweep
        ? `Could not look for credentials that an interrupted create may have left (comment tag [${saved.marker}]): `
        : `Could not list the project's credentials to prune job sets older than ${formatAge(settings.pruneAfterMs)}: `) +
        `${errorMessage(error)}${sweep ? ". Check the project's distribution credentials for that tag." : ''}`,
    );
    return;
  }

  const listed = page.items;
  if (sweep) {
    const strays = straysOf(listed, saved.marker, saved.credentialsId);
    const deleted = await api.deleteEach(strays, 'stray distribution credentials');
    api.info(`Deleted ${deleted.length} stray set(s) of credentials carrying [${saved.marker}].`);
  }
  if (settings.pruneAfterMs > 0) await prune(api, page, saved.marker, settings.pruneAfterMs);
}

/**
 * The most job sets one post step prunes, the oldest first; the rest are left to the next job. At a
 * few deletes at a time (delete-many.ts) this is seconds, not the step's whole budget, even with
 * a slow API; and a backlog of hundreds (a fleet of runners that died) is gone in a few jobs.
 */
export const MAX_PRUNED_PER_JOB = 250;

/**
 * Deletes other executions' job sets older than `pruneAfterMs` by the API's clock, the oldest
 * first, and says which, with their ages. A set whose created time cannot be read (none, another
 * form, a date that does not exist, one before 2020) has no age this action trusts: it is left
 * alone, and counted.
 */
async function prune(api: ProjectApi, page: ListedPage, marker: string, pruneAfterMs: number): Promise<void> {
  const now = apiNow(page, api.info);
  const jobSets = page.items.filter((set) => isJobSet(set.comment) && !madeBy(set.comment, marker));
  const dated = jobSets.flatMap((set) => {
    const createdMs = createdTimeMs(set.created);
    return createdMs === undefined ? [] : [{ set, ageMs: now - createdMs }];
  });
  if (dated.length < jobSets.length) {
    api.info(
      `${jobSets.length - dated.length} job set(s) of other runs have no created time that can be real; they are never pruned by age.`,
    );
  }
  const old = dated.filter(({ ageMs }) => ageMs > pruneAfterMs).sort((a, b) => b.ageMs - a.ageMs);
  if (old.length === 0) return;
  const batch = old.slice(0, MAX_PRUNED_PER_JOB);
  if (old.length > batch.length) {
    api.info(
      `${old.length} job sets are older than ${formatAge(pruneAfterMs)}; pruning the ${batch.length} oldest, ` +
        `and leaving ${old.length - batch.length} to the next jobs (one job prunes at most ${MAX_PRUNED_PER_JOB}).`,
    );
  }
  const deleted = new Set(
    await api.deleteEach(
      batch.map(({ set }) => set),
      'old job credentials',
    ),
  );
  const pruned: PrunedSet[] = batch.filter(({ set }) => deleted.has(set)).map(({ set, ageMs }) => ({ id: set.id, ageMs }));
  for (const { id, ageMs } of pruned) {
    api.info(`Pruned distribution credentials ${id}, created ${formatAge(ageMs)} ago by a job that never revoked them.`);
  }
  await appendToSummary(pruneSummary(pruned, pruneAfterMs));
}
