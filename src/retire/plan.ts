/**
 * What the retire action decides: which of the sets kept under a name go, which stay and why, and
 * the job summary that says so. The step (step.ts) lists, deletes and reports.
 */
import * as core from '@actions/core';
import { formatAge } from '../deepgram/clock.js';
import type { RetireSettings } from './inputs.js';
import type { KeptSet } from '../deepgram/kept.js';
import { takeBuilt } from '../runner/summary-file.js';

export interface Plan {
  retire: KeptSet[];
  /** Sets left alone, each with why. */
  leave: { set: KeptSet; reason: string }[];
  /** `except` IDs that are not sets kept under the name. */
  strangers: string[];
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

/** The retire step's job summary: every set kept under the name, its age and what became of it. */
export function retireSummary(settings: RetireSettings, sets: readonly KeptSet[], outcomes: Map<KeptSet, string>, now: number): string {
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
