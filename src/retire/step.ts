/**
 * The retire action (`retire/action.yml`), the step after a deploy: delete the sets kept under a
 * name, except the one now in service. Unlike cleanup at job end this is the step's purpose, so
 * a list it cannot make or a set it cannot delete fails it, naming what is left.
 */
import * as core from '@actions/core';
import { ProjectApi } from '../deepgram/project-api.js';
import { apiNow } from '../deepgram/clock.js';
import { errorMessage } from '../deepgram/errors.js';
import { deleteMany } from '../deepgram/delete-many.js';
import { setOutput } from '../runner/file-commands.js';
import { keptUnder, type KeptSet } from '../deepgram/kept.js';
import { planRetirement, retireSummary } from './plan.js';
import * as log from '../runner/log.js';
import { readRetireSettings } from './inputs.js';
import { redact, protectSecret } from '../runner/secrets.js';
import { appendToSummary } from '../runner/summary-file.js';

/** The retire step's entry: runs it and turns an error into the step's failure; dist/retire.js is a one-line caller of it. */
export async function run(): Promise<void> {
  try {
    await retire();
  } catch (error) {
    core.setFailed(redact(errorMessage(error)));
  }
}

async function retire(): Promise<void> {
  protectSecret(core.getInput('api-key'));
  const settings = readRetireSettings((name) => core.getInput(name));
  const api = ProjectApi.forStep(settings);
  const page = await api.list().catch((error: unknown) => {
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
    outcomes.set(set, (await api.revoke(set.id)) === 'deleted' ? 'retired' : 'already gone'),
  );
  for (const { set, error } of failed) {
    outcomes.set(set, 'could not delete');
    log.warning(`Could not retire distribution credentials ${set.id}: ${errorMessage(error)}`);
  }
  notTried.forEach((set) => outcomes.set(set, 'could not delete'));
  const retired = plan.retire.filter((set) => outcomes.get(set) === 'retired');
  setOutput('retired', retired.map((set) => set.id).join(','));
  await appendToSummary(retireSummary(settings, sets, outcomes, now));

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
