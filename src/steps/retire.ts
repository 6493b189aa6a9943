/**
 * The retire action (`retire/action.yml`), the step after a deploy: delete the sets kept under a
 * name, except the one now in service. Unlike cleanup at job end this is the step's purpose, so
 * a list it cannot make or a set it cannot delete fails it, naming what is left.
 */
import * as core from '@actions/core';
import { apiContext } from '../project/context.js';
import { apiNow } from '../project/clock.js';
import { errorMessage, listCredentials, revokeCredentials } from '../deepgram/credentials.js';
import { deleteMany } from '../deepgram/delete-many.js';
import { formatAge } from '../settings/duration.js';
import { setOutput } from '../runner/file-commands.js';
import { keptUnder, type KeptSet } from '../project/kept.js';
import * as log from '../runner/log.js';
import { readRetireSettings, type RetireSettings } from '../settings/retire-inputs.js';
import { redact, protectSecret } from '../runner/secrets.js';
import { appendToSummary, takeBuilt } from '../project/summary.js';

export interface Plan {
  retire: KeptSet[];
  /** Sets left alone, each with why. */
  leave: { set: KeptSet; reason: string }[];
  /** `except` IDs that are not sets kept under the name. */
  strangers: string[];
}

/** Runs the step; never rejects (the entry file only calls it). */
export async function runRetire(): Promise<void> {
  try {
    await retire();
  } catch (error) {
    core.setFailed(redact(errorMessage(error)));
  }
}

async function retire(): Promise<void> {
  protectSecret(core.getInput('api-key'));
  const settings = readRetireSettings((name) => core.getInput(name));
  const ctx = apiContext(settings);
  const page = await listCredentials(ctx).catch((error: unknown) => {
    throw new Error(`Could not list the project's credentials, so nothing was retired: ${errorMessage(error)}`);
  });
  const { sets, refused } = keptUnder(page.items, settings.keep);
  const now = apiNow(page, log.info);
  const plan = planRetirement(sets, settings, now);
  if (plan.strangers.length > 0) {
    // The set in service is not there: a newer rotation may have retired it already, or the ID is
    // wrong. Either way this rotation is not the one to decide what goes.
    throw new Error(
      `except names ${plan.strangers.join(', ')}, which is not a set kept as "${settings.keep}" ` +
        `(${sets.length} set(s) are kept under it), so nothing was retired. A newer rotation may have retired it; ` +
        'pass the ID of the set in service (the credentials-id output of the step that made it).',
    );
  }
  log.info(`${sets.length} set(s) kept as "${settings.keep}"; retiring ${plan.retire.length}.`);
  plan.leave.forEach(({ set, reason }) => log.info(`Leaving ${set.id} alone: ${reason}.`));

  const outcomes = new Map<KeptSet, string>(plan.leave.map(({ set, reason }) => [set, `left alone: ${reason}`]));
  const { failed, notTried } = await deleteMany(plan.retire, async (set) =>
    outcomes.set(set, (await revokeCredentials(ctx, set.id)) === 'deleted' ? 'retired' : 'already gone'),
  );
  for (const { set, error } of failed) {
    outcomes.set(set, 'could not delete');
    log.warning(`Could not retire distribution credentials ${set.id}: ${errorMessage(error)}`);
  }
  notTried.forEach((set) => outcomes.set(set, 'could not delete'));
  const retired = plan.retire.filter((set) => outcomes.get(set) === 'retired');
  setOutput('retired', retired.map((set) => set.id).join(','));
  appendToSummary(retireSummary(settings, sets, outcomes, now));

  const left = plan.retire.filter((set) => outcomes.get(set) === 'could not delete').map((set) => set.id);
  const problems = [
    left.length > 0 &&
      `could not delete ${left.join(', ')}: still live, and they never expire. Run the step again, or delete them by hand: ` +
        `DELETE /v1/projects/${settings.projectId}/self-hosted/distribution/credentials/<id>`,
    refused > 0 &&
      `${refused} set(s) kept as "${settings.keep}" have an ID this action does not accept (not printed): delete them in the Deepgram console`,
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`Retired ${retired.length} set(s) kept as "${settings.keep}", but ${problems.join('; ')}.`);
  log.info(`Retired ${retired.length} set(s) kept as "${settings.keep}".`);
}

/**
 * Which of the sets kept under the name go. Without `except`: all but the newest. With it: those
 * older than the newest set it names, so that a later rotation's set, in service a minute from
 * now, is never retired by an earlier one. Never those younger than min-age, and never one whose
 * age or order the API's times cannot tell. IDs compare without regard to case.
 */
export function planRetirement(sets: readonly KeptSet[], settings: Pick<RetireSettings, 'except' | 'minAgeMs'>, now: number): Plan {
  const except = new Set(settings.except.map((id) => id.toLowerCase()));
  const excepted = (set: KeptSet) => except.has(set.id.toLowerCase());
  const times = (chosen: readonly KeptSet[]) => Math.max(...chosen.map((set) => set.createdMs ?? -Infinity));
  // The set that must stay: the newest under the name, or the newest that except names.
  const limit = except.size > 0 ? times(sets.filter(excepted)) : times(sets);
  const plan: Plan = {
    retire: [],
    leave: [],
    strangers: settings.except.filter((id) => !sets.some((set) => set.id.toLowerCase() === id.toLowerCase())),
  };
  for (const set of sets) {
    const reason = excepted(set) ? 'named in except' : keepReason(set, except.size > 0, limit, settings.minAgeMs, now);
    if (reason) plan.leave.push({ set, reason });
    else plan.retire.push(set);
  }
  return plan;
}

function keepReason(set: KeptSet, hasExcept: boolean, limit: number, minAgeMs: number, now: number): string | undefined {
  // Without a time the set cannot be put in order, nor an age checked: leave it rather than guess.
  if (set.createdMs === undefined) return 'the API gave no created time that can be real';
  if (!hasExcept && set.createdMs === limit) return 'the newest set under the name';
  if (hasExcept && limit === -Infinity)
    return 'the sets named in except have no created time that can be real, so none is known to be older';
  if (hasExcept && set.createdMs >= limit) return 'not older than the newest set named in except';
  if (now - set.createdMs < minAgeMs) return `younger than min-age (${age(set, now)} old)`;
  return undefined;
}

function age(set: KeptSet, now: number): string {
  return set.createdMs === undefined ? 'unknown' : formatAge(now - set.createdMs);
}

function retireSummary(settings: RetireSettings, sets: readonly KeptSet[], outcomes: Map<KeptSet, string>, now: number): string {
  return takeBuilt(
    core.summary
      .addHeading(`Deepgram credentials kept as <code>${settings.keep}</code>`, 3)
      .addTable([
        [
          { data: 'Credentials ID', header: true },
          { data: 'Age', header: true },
          { data: 'Outcome', header: true },
        ],
        ...sets.map((set) => [`<code>${set.id}</code>`, age(set, now), outcomes.get(set) ?? '']),
      ])
      .addRaw(sets.length === 0 ? '<p>No sets are kept under this name.</p>' : '', true),
  );
}
