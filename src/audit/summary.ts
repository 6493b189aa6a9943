/**
 * The audit's job summary: the counts per class first, then one table per class that has sets,
 * oldest first. GitHub refuses a step summary over 1 MiB, so each table is cut to its share of
 * what is left ("and N more"), and long text from the API is clipped: the report file has it all.
 * Every string from the API is escaped; nothing of it can become markup.
 */
import { formatAge } from '../deepgram/clock.js';
import type { AuditSettings, FailOn } from './inputs.js';
import { AUDIT_CLASSES, type Audit, type AuditClass, type AuditedSet } from './classify.js';
import { formatComment } from '../deepgram/comment-html.js';
import { code, escapeHtml } from '../runner/summary-file.js';

/** Under GitHub's 1 MiB for one step's summary, with room for what another step of the job appends. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;

/** What each class means, with the settings that draw its lines. */
export function classMeaning(name: FailOn, settings: Pick<AuditSettings, 'pruneAfterMs' | 'maxKeptAgeMs'>): string {
  const pruneAfter =
    settings.pruneAfterMs > 0 ? `prune-after (${formatAge(settings.pruneAfterMs)})` : 'prune-after (off: no job set is orphaned)';
  switch (name) {
    case 'job':
      return `job sets of this action younger than ${pruneAfter}: their job may be running`;
    case 'orphaned':
      return `job sets older than ${pruneAfter}: their runner was lost; the main action's next post step prunes them`;
    case 'kept':
      return 'kept with revoke: false';
    case 'in-service':
      return 'the newest set kept under a name (one per name)';
    case 'superseded':
      return "older sets kept under a name: a rotation's retire step did not run";
    case 'legacy':
      return 'tagged by release 1.0.0, whose tag does not say what kind of set it is';
    case 'untagged':
      return 'made by a person or another tool';
    case 'unreadable':
      return 'no usable creation time, so no age';
    case 'stale-kept':
      return settings.maxKeptAgeMs > 0
        ? `kept, in-service or superseded sets older than max-kept-age (${formatAge(settings.maxKeptAgeMs)}), also counted in their class`
        : 'kept, in-service or superseded sets older than max-kept-age (off: none is)';
  }
}

export function auditSummary(settings: AuditSettings, audit: Audit, findings: number, limit = SUMMARY_LIMIT_BYTES): string {
  const { counts } = audit;
  const head =
    `<h3>Deepgram credentials audit of project ${code(settings.projectId)}</h3>\n` +
    `<p>${audit.sets.length} set(s) of distribution credentials. ${verdict(settings, findings)}</p>\n` +
    `<table><tr><th>Class</th><th>Sets</th><th>fail-on</th><th>Meaning</th></tr>\n` +
    [...AUDIT_CLASSES, 'stale-kept' as const]
      .map(
        (name) =>
          `<tr><td>${code(name)}</td><td>${counts[name]}</td><td>${settings.failOn.includes(name) ? 'yes' : ''}</td><td>${escapeHtml(classMeaning(name, settings))}</td></tr>\n`,
      )
      .join('') +
    '</table>\n';

  const classes = AUDIT_CLASSES.filter((name) => counts[name] > 0);
  let room = limit - Buffer.byteLength(head);
  const tables: string[] = [];
  classes.forEach((name, i) => {
    // Each table may take its share of what is left; what one does not use goes to the next.
    const table = classTable(
      name,
      audit.sets.filter((set) => set.class === name),
      Math.floor(room / (classes.length - i)),
      settings,
    );
    room -= Buffer.byteLength(table);
    tables.push(table);
  });
  return head + tables.join('');
}

function verdict(settings: AuditSettings, findings: number): string {
  if (settings.failOn.length === 0) return 'Report only (fail-on is empty).';
  const named = settings.failOn.map(code).join(', ');
  return findings === 0
    ? `No set is in the fail-on classes (${named}).`
    : `<strong>${findings} set(s) in the fail-on classes</strong> (${named}): the step fails.`;
}

const HEADER = '<tr><th>Credentials ID</th><th>Created</th><th>Age</th><th>Made by</th><th>Scopes</th><th>Comment</th></tr>\n';

/** One class's table, oldest first, cut to `budget` bytes with "and N more". */
function classTable(name: AuditClass, sets: AuditedSet[], budget: number, settings: AuditSettings): string {
  const open = `<h4>${code(name)}: ${sets.length} set(s)</h4>\n<table>${HEADER}`;
  // Room for the closing tag and the longest "and N more" line.
  let room = budget - Buffer.byteLength(open) - 200;
  const rows: string[] = [];
  for (const set of sets) {
    const row = rowOf(set, settings);
    const bytes = Buffer.byteLength(row);
    if (bytes > room) break;
    rows.push(row);
    room -= bytes;
  }
  const more = sets.length - rows.length;
  const tail = more > 0 ? `<p>and ${more} more (report-file lists every set)</p>\n` : '';
  return `${open}${rows.join('')}</table>\n${tail}`;
}

function rowOf(set: AuditedSet, settings: AuditSettings): string {
  const created = set.created === undefined ? 'none given' : escapeHtml(clip(set.created, 40));
  const age =
    set.ageMs === undefined
      ? 'unknown'
      : formatAge(set.ageMs) + (set.staleKept ? ` (over max-kept-age, ${formatAge(settings.maxKeptAgeMs)})` : '');
  const scopes = set.scopes.slice(0, 6).map((scope) => code(clip(scope, 80)));
  if (set.scopes.length > 6) scopes.push(`and ${set.scopes.length - 6} more`);
  const cells = [
    code(clip(set.id, 64)),
    created,
    age,
    set.member === undefined ? '' : escapeHtml(clip(set.member, 100)),
    scopes.join('<br>'),
    comment(set),
  ];
  return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>\n`;
}

/** The comment, its text clipped and its tag whole. */
function comment(set: AuditedSet): string {
  const before = set.tag && set.comment.endsWith(set.tag) ? set.comment.slice(0, -set.tag.length).trimEnd() : set.comment;
  return formatComment(set.tag ? `${clip(before, 200)} ${set.tag}`.trimStart() : clip(before, 200));
}

/**
 * API text for a cell: every control character and line or paragraph separator a space (HTML
 * would show them so, but a blank line ends GitHub's HTML block), at most `max` characters
 * (whole code points), with … when cut.
 */
function clip(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  if (flat.length <= max) return flat;
  const points = [...flat];
  return points.length <= max ? flat : `${points.slice(0, max).join('')}…`;
}
