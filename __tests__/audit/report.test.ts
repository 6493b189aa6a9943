import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ListedCredentials } from '../../src/deepgram/types.js';
import { auditSets, findingsOf } from '../../src/audit/classify.js';
import { auditReport, OUTPUT_LIMIT_BYTES, writeReportFile } from '../../src/audit/report.js';
import type { AuditSettings } from '../../src/audit/inputs.js';
import { PROJECT } from '../../__fixtures__/ids.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const ago = (ms: number): string => new Date(NOW - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const SETTINGS: AuditSettings = {
  apiKey: 'k',
  projectId: PROJECT,
  apiUrl: 'https://api.deepgram.com',
  requestTimeoutMs: 30_000,
  maxAttempts: 4,
  pruneAfterMs: 5 * DAY,
  maxKeptAgeMs: 90 * DAY,
  failOn: ['orphaned'],
};
const report = (listed: ListedCredentials[], settings = SETTINGS, limit?: number) => {
  const audit = auditSets(listed, settings, NOW);
  return auditReport(settings, audit, findingsOf(audit.sets, settings.failOn), NOW, limit);
};

describe('auditReport', () => {
  test('one JSON document: the settings and counts, then one object per set, one set per line', () => {
    const listed: ListedCredentials[] = [
      {
        id: 'a',
        comment: 'ci [dg-action:0123456789ab job]',
        created: ago(9 * DAY),
        scopes: ['self-hosted:products'],
        member: 'ci@example.com',
      },
      { id: 'b', comment: 'by hand' },
    ];
    const { text, inline, omitted } = report(listed);
    expect(inline).toBe(text);
    expect(omitted).toBe(0);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(text)).toEqual({
      project_id: SETTINGS.projectId,
      audited_at: '2026-06-01T00:00:00.000Z',
      prune_after_seconds: 432_000,
      max_kept_age_seconds: 7_776_000,
      fail_on: ['orphaned'],
      counts: { job: 0, orphaned: 1, kept: 0, 'in-service': 0, superseded: 0, legacy: 0, untagged: 0, unreadable: 1, 'stale-kept': 0 },
      findings: 1,
      total: 2,
      sets: [
        {
          id: 'a',
          class: 'orphaned',
          stale_kept: false,
          created: ago(9 * DAY),
          age_seconds: 9 * 86_400,
          member: 'ci@example.com',
          scopes: ['self-hosted:products'],
          comment: 'ci [dg-action:0123456789ab job]',
          tag: '[dg-action:0123456789ab job]',
        },
        {
          id: 'b',
          class: 'unreadable',
          stale_kept: false,
          created: null,
          age_seconds: null,
          member: null,
          scopes: [],
          comment: 'by hand',
          tag: null,
        },
      ],
      omitted: 0,
    });
  });

  test('hostile text stays data: every set on one line, whatever line breaks its strings hold', () => {
    const comment = 'x\n::error::a\r\u0085b\u2028c\u2029d\u009be"}],"omitted":9';
    const { text } = report([{ id: 'a\nb', comment, created: ago(DAY), member: '::warning::m\n' }]);
    const lines = text.trimEnd().split(/\r\n|[\n\r\u0085\u2028\u2029]/);
    expect(lines).toHaveLength(3);
    expect(JSON.parse(text).sets[0]).toMatchObject({ id: 'a\nb', comment, member: '::warning::m\n' });
    expect(JSON.parse(text).omitted).toBe(0);
  });

  test('too big for one output: the fail-on sets first, cut to fit, valid JSON that says how many were left out', () => {
    // 40 untagged sets with long comments, then 10 orphaned ones: the orphaned ones must all be in.
    const listed: ListedCredentials[] = [
      ...Array.from({ length: 40 }, (_, i) => ({ id: `u${i}`, comment: `${'x'.repeat(900)} ${i}`, created: ago(DAY) })),
      ...Array.from({ length: 10 }, (_, i) => ({
        id: `o${i}`,
        comment: `[dg-action:0123456789ab job]`,
        created: ago(10 * DAY + i * 1000),
      })),
    ];
    const limit = 20_000;
    const { text, inline, omitted } = report(listed, SETTINGS, limit);
    expect(JSON.parse(text).sets).toHaveLength(50);
    expect(Buffer.byteLength(inline)).toBeLessThanOrEqual(limit);
    const cut = JSON.parse(inline);
    expect(cut.total).toBe(50);
    expect(cut.omitted).toBe(omitted);
    expect(cut.sets).toHaveLength(50 - omitted);
    expect(omitted).toBeGreaterThan(20);
    expect(cut.sets.slice(0, 10).map((s: { id: string }) => s.id)).toEqual(['o9', 'o8', 'o7', 'o6', 'o5', 'o4', 'o3', 'o2', 'o1', 'o0']);
    expect(cut.note).toContain(`${omitted} set(s) left out`);
    // The counts still count every set.
    expect(cut.counts).toMatchObject({ orphaned: 10, untagged: 40 });
  });

  test('at the real limit: 1 MB for one output', () => {
    const listed = Array.from({ length: 3000 }, (_, i) => ({ id: `id-${i}`, comment: 'y'.repeat(400), created: ago(DAY) }));
    const { text, inline, omitted } = report(listed);
    expect(Buffer.byteLength(text)).toBeGreaterThan(OUTPUT_LIMIT_BYTES);
    expect(Buffer.byteLength(inline)).toBeLessThanOrEqual(OUTPUT_LIMIT_BYTES);
    expect(Buffer.byteLength(inline)).toBeGreaterThan(OUTPUT_LIMIT_BYTES - 2_000);
    expect(JSON.parse(inline).sets).toHaveLength(3000 - omitted);
  });
});

describe('writeReportFile', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  test('a file of its own under the folder given (RUNNER_TEMP), holding the whole report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-audit-report-'));
    dirs.push(dir);
    const r = report([{ id: 'a', comment: '', created: ago(DAY) }]);
    const first = writeReportFile(r, dir);
    const second = writeReportFile(r, dir);
    expect(dirname(first)).toBe(dir);
    expect(first).toMatch(/deepgram-credentials-audit-[0-9a-f]{12}\.json$/);
    expect(second).not.toBe(first);
    expect(readFileSync(first, 'utf8')).toBe(r.text);
    expect(statSync(first).isFile()).toBe(true);
  });
});
