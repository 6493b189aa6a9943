/**
 * The retire action (`retire/action.yml`), the step after a deploy: delete the sets kept under a
 * name, except the one now in service. Unlike cleanup at job end this is the step's purpose, so
 * a list it cannot make or a set it cannot delete fails it, naming what is left.
 */
import * as core from '@actions/core';
import { apiContext } from '../project/context.js';
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
  const listed = await listCredentials(ctx).catch((error: unknown) => {
    throw new Error(`Could not list the project's credentials, so nothing was retired: ${errorMessage(error)}`);
  });
  const { sets, refused } = keptUnder(listed, settings.keep);
  const plan = planRetirement(sets, settings, Date.now());
  log.info(`${sets.length} set(s) kept as "${settings.keep}"; retiring ${plan.retire.length}.`);
  plan.leave.forEach(({ set, reason }) => log.info(`Leaving ${set.id} alone: ${reason}.`));
  plan.strangers.forEach((id) => log.warning(`except names ${id}, which is not a set kept as "${settings.keep}".`));

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
  appendToSummary(retireSummary(settings, sets, outcomes, Date.now()));

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
 * Which of the sets kept under the name go: all but those `except` names (by default the newest),
 * those younger than min-age, and, where the age matters, those whose age the API did not give.
 */
export function planRetirement(sets: readonly KeptSet[], settings: Pick<RetireSettings, 'except' | 'minAgeMs'>, now: number): Plan {
  const newest = Math.max(...sets.map((set) => set.createdMs ?? -Infinity));
  const plan: Plan = { retire: [], leave: [], strangers: settings.except.filter((id) => !sets.some((set) => set.id === id)) };
  for (const set of sets) {
    const reason = keepReason(set, settings, newest, now);
    if (reason) plan.leave.push({ set, reason });
    else plan.retire.push(set);
  }
  return plan;
}

function keepReason(set: KeptSet, { except, minAgeMs }: Pick<RetireSettings, 'except' | 'minAgeMs'>, newest: number, now: number) {
  if (except.length > 0 && except.includes(set.id)) return 'named in except';
  // Without a time the newest cannot be told apart, nor an age checked: leave it rather than guess.
  if (set.createdMs === undefined && (except.length === 0 || minAgeMs > 0)) return 'the API gave no usable created time';
  if (except.length === 0 && set.createdMs === newest) return 'the newest set under the name';
  if (set.createdMs !== undefined && now - set.createdMs < minAgeMs) return `younger than min-age (${age(set, now)} old)`;
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
