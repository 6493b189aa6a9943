/**
 * The audit's JSON report: one object per set, in a file under RUNNER_TEMP (report-file) and, while
 * it fits in one step output, inline (report). Lists carry no secret, so neither does the report.
 *
 * The file holds one set per line, so it reads and diffs line by line and still parses as one
 * JSON document. Every string in it came from the API: JSON escapes what must be escaped, and the
 * characters some readers take for line breaks (NEL, U+2028, U+2029) and the C1 controls are
 * escaped too, so a set's line is always one line.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomHex } from '../net/random.js';
import type { AuditSettings } from './inputs.js';
import { isFinding, type Audit, type AuditedSet } from './classify.js';

/** GitHub's limit for one step output is 1 MB: the inline report stays under it, envelope included. */
export const OUTPUT_LIMIT_BYTES = 1_000_000;

export interface Report {
  /** The whole report: what the file holds. */
  text: string;
  /** The report for the `report` output: the whole one when it fits, else cut (findings first). */
  inline: string;
  /** Sets left out of `inline`. */
  omitted: number;
}

export function auditReport(settings: AuditSettings, audit: Audit, findings: number, now: number, limit = OUTPUT_LIMIT_BYTES): Report {
  const head = (total: number) =>
    `${json({
      project_id: settings.projectId,
      audited_at: new Date(now).toISOString(),
      prune_after_seconds: settings.pruneAfterMs / 1000,
      max_kept_age_seconds: settings.maxKeptAgeMs / 1000,
      fail_on: settings.failOn,
      counts: audit.counts,
      findings,
      total,
    }).slice(0, -1)},"sets":[`;
  const total = audit.sets.length;
  const lines = audit.sets.map(setLine);
  const text = assemble(head(total), lines, 0);
  if (Buffer.byteLength(text) <= limit) return { text, inline: text, omitted: 0 };

  // Too big for one output: the sets fail-on names first, then the rest, as many as fit. The
  // room for the numbers at the end is kept aside, so the cut report is never over the limit.
  const finding = audit.sets.map((set) => isFinding(set, settings.failOn));
  const order = [...lines.filter((_, i) => finding[i]), ...lines.filter((_, i) => !finding[i])];
  let room = limit - Buffer.byteLength(assemble(head(total), [], total)) - 64;
  const kept: string[] = [];
  for (const line of order) {
    const bytes = Buffer.byteLength(line) + 2;
    if (bytes > room) break;
    kept.push(line);
    room -= bytes;
  }
  const omitted = total - kept.length;
  return { text, inline: assemble(head(total), kept, omitted), omitted };
}

/** Writes the report to a file of its own under RUNNER_TEMP (the system's temp folder outside a runner); returns its path. */
export function writeReportFile(report: Report, dir = process.env.RUNNER_TEMP || tmpdir()): string {
  const file = join(dir, `deepgram-credentials-audit-${randomHex(6)}.json`);
  writeFileSync(file, report.text, { encoding: 'utf8', flag: 'wx' });
  return file;
}

function assemble(head: string, lines: string[], omitted: number): string {
  const note =
    omitted > 0
      ? `,"note":"${omitted} set(s) left out to fit one step output (the sets fail-on names first); report-file has every set"`
      : '';
  return `${head}${lines.length > 0 ? `\n${lines.join(',\n')}\n` : ''}],"omitted":${omitted}${note}}\n`;
}

/** One set's object, on one line: the same as json() of it, written out (a project may hold tens of thousands). */
function setLine(set: AuditedSet): string {
  const text = (value: string | undefined) => (value === undefined ? 'null' : JSON.stringify(value));
  const line =
    `{"id":${text(set.id)},"class":"${set.class}","stale_kept":${set.staleKept},"created":${text(set.created)},` +
    `"age_seconds":${set.ageMs === undefined ? 'null' : Math.floor(set.ageMs / 1000)},"member":${text(set.member)},` +
    `"scopes":${JSON.stringify(set.scopes)},"comment":${text(set.comment)},"tag":${text(set.tag)}}`;
  return oneLine(line);
}

/** JSON on one line, whatever the strings in it hold. */
function json(value: unknown): string {
  return oneLine(JSON.stringify(value));
}

/** JSON text with the characters some readers take for line breaks, and the C1 controls, escaped as JSON escapes. */
function oneLine(jsonText: string): string {
  return LINE_BREAKING.test(jsonText)
    ? jsonText.replace(LINE_BREAKING_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : jsonText;
}

const LINE_BREAKING = /[\u007f-\u009f\u2028\u2029]/;
const LINE_BREAKING_ALL = new RegExp(LINE_BREAKING.source, 'g');
