/**
 * The audit's classification: every set the project lists is in exactly one class, decided by the
 * tag its comment ends with (tags.ts) and its age; kept sets older than max-kept-age are also
 * stale-kept. Pure: the list, the settings and the time in, the classified sets out. Everything in
 * a listed set came from the API, and stays data here: it is escaped where it is shown.
 */
import { createdTimeMs } from '../deepgram/clock.js';
import type { ListedCredentials } from '../deepgram/types.js';
import { formatTag, parseTag, type TagKind } from '../deepgram/tags.js';
import type { AuditSettings, FailOn } from './inputs.js';

/** The classes of the audit, in the order the summary and the outputs give them: every set is in exactly one. */
export const AUDIT_CLASSES = ['job', 'orphaned', 'kept', 'in-service', 'superseded', 'legacy', 'untagged', 'unreadable'] as const;
export type AuditClass = (typeof AUDIT_CLASSES)[number];

export interface AuditedSet {
  id: string;
  class: AuditClass;
  /** Older than max-kept-age, and kept (kept, in-service or superseded). */
  staleKept: boolean;
  /** Milliseconds since the epoch; undefined for an unreadable set. */
  createdMs?: number;
  /** `created` as the API gave it, if it did. */
  created?: string;
  ageMs?: number;
  scopes: string[];
  comment: string;
  /** The email of the member who made it, as listed. */
  member?: string;
  /** The tag the comment ends with, as text (`[dg-action:… job]`); undefined when there is none. */
  tag?: string;
  /** The name it is kept under, for a set kept under a name. */
  keptAs?: string;
}

export interface Audit {
  /** Oldest first within each class, classes in AUDIT_CLASSES order (unreadable ones in list order). */
  sets: AuditedSet[];
  counts: Record<FailOn, number>;
}

export type AuditPolicy = Pick<AuditSettings, 'pruneAfterMs' | 'maxKeptAgeMs'>;

export function auditSets(listed: readonly ListedCredentials[], policy: AuditPolicy, now: number): Audit {
  const byClass = new Map<AuditClass, AuditedSet[]>(AUDIT_CLASSES.map((name) => [name, []]));
  for (const item of listed) {
    const set = classify(item, policy, now);
    byClass.get(set.class)!.push(set);
  }
  markInService(byClass);
  const counts = Object.fromEntries([...AUDIT_CLASSES, 'stale-kept'].map((name) => [name, 0])) as Record<FailOn, number>;
  const sets: AuditedSet[] = [];
  for (const [name, members] of byClass) {
    // Oldest first; a stable sort, so sets of the same second stay in list order (unreadable ones have no time at all).
    if (name !== 'unreadable') members.sort((a, b) => a.createdMs! - b.createdMs!);
    for (const set of members) {
      set.staleKept = isKeptClass(name) && policy.maxKeptAgeMs > 0 && set.ageMs! > policy.maxKeptAgeMs;
      if (set.staleKept) counts['stale-kept'] += 1;
      sets.push(set);
    }
    counts[name] = members.length;
  }
  return { sets, counts };
}

/** The sets `failOn` names: those in its classes, and the stale-kept ones when it names stale-kept. */
export function isFinding(set: AuditedSet, failOn: readonly FailOn[]): boolean {
  return failOn.includes(set.class) || (set.staleKept && failOn.includes('stale-kept'));
}

/** How many sets `failOn` names: each set counted once, even when it is stale-kept and in a named class. */
export function findingsOf(sets: readonly AuditedSet[], failOn: readonly FailOn[]): number {
  return failOn.length === 0 ? 0 : sets.filter((set) => isFinding(set, failOn)).length;
}

function isKeptClass(name: AuditClass): boolean {
  return name === 'kept' || name === 'in-service' || name === 'superseded';
}

/** One set's class, but for sets kept under a name: all are superseded until markInService picks the newest. */
function classify(item: ListedCredentials, { pruneAfterMs }: AuditPolicy, now: number): AuditedSet {
  const tag = parseTag(item.comment);
  const createdMs = createdTimeMs(item.created);
  // The age decides every class of the action's own sets, and an age nobody can read is a finding of its own.
  const ageMs = createdMs === undefined ? undefined : now - createdMs;
  return {
    id: item.id,
    class: ageMs === undefined ? 'unreadable' : classOfTag(tag?.kind, ageMs, pruneAfterMs),
    staleKept: false,
    createdMs,
    ageMs,
    created: item.created,
    scopes: item.scopes ?? [],
    comment: item.comment,
    member: item.member,
    tag: tag && formatTag(tag),
    keptAs: tag?.kind.kind === 'named' ? tag.kind.name : undefined,
  };
}

function classOfTag(kind: TagKind | undefined, ageMs: number, pruneAfterMs: number): AuditClass {
  switch (kind?.kind) {
    case undefined:
      return 'untagged';
    case 'legacy':
      return 'legacy';
    case 'kept':
      return 'kept';
    case 'named':
      return 'superseded';
    default:
      // prune-after off: the main action never prunes, so no job set is taken for a lost runner's.
      return pruneAfterMs > 0 && ageMs > pruneAfterMs ? 'orphaned' : 'job';
  }
}

/** The newest set under each name is in service (one per name; a tie goes to the first listed). */
function markInService(byClass: Map<AuditClass, AuditedSet[]>): void {
  const newest = new Map<string, AuditedSet>();
  for (const set of byClass.get('superseded')!) {
    const current = newest.get(set.keptAs!);
    if (!current || set.createdMs! > current.createdMs!) newest.set(set.keptAs!, set);
  }
  if (newest.size === 0) return;
  const inService = new Set(newest.values());
  for (const set of inService) set.class = 'in-service';
  byClass.set('in-service', [...inService]);
  byClass.set(
    'superseded',
    byClass.get('superseded')!.filter((set) => !inService.has(set)),
  );
}
