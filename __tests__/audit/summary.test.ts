import { describe, expect, test } from '@jest/globals';
import type { ListedCredentials } from '../../src/deepgram/types.js';
import { auditSets, findingsOf } from '../../src/audit/classify.js';
import { auditSummary, classMeaning, SUMMARY_LIMIT_BYTES } from '../../src/audit/summary.js';
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
  failOn: ['orphaned', 'superseded', 'stale-kept'],
};
const summary = (listed: ListedCredentials[], settings = SETTINGS, limit?: number) => {
  const audit = auditSets(listed, settings, NOW);
  return auditSummary(settings, audit, findingsOf(audit.sets, settings.failOn), limit);
};
/** The rows of the table after `<h4>…name…</h4>`, as the text of their first cell. */
const tableIds = (html: string, name: string): string[] => {
  const table = html.split(`<h4><code>${name}</code>`)[1]?.split('</table>')[0] ?? '';
  return [...table.matchAll(/<tr><td><code>([^<]*)<\/code>/g)].map((m) => m[1]!);
};

describe('auditSummary', () => {
  const listed: ListedCredentials[] = [
    {
      id: 'young',
      comment: 'ci [dg-action:000000000001 job]',
      created: ago(DAY),
      member: 'ci@example.com',
      scopes: ['self-hosted:products'],
    },
    { id: 'old-orphan', comment: '[dg-action:000000000002 job]', created: ago(30 * DAY) },
    { id: 'orphan', comment: '[dg-action:000000000003 job]', created: ago(9 * DAY) },
    { id: 'prod-old', comment: 'pull [dg-action:000000000004 keep=prod]', created: ago(120 * DAY) },
    { id: 'prod-new', comment: 'pull [dg-action:000000000005 keep=prod]', created: ago(10 * DAY) },
  ];

  test('the counts per class first, with fail-on marked, then one table per class that has sets, oldest first', () => {
    const html = summary(listed);
    const counts = html.slice(0, html.indexOf('<h4>'));
    expect(counts).toContain('<strong>3 set(s) in the fail-on classes</strong>');
    expect(counts).toContain('<tr><td><code>orphaned</code></td><td>2</td><td>yes</td>');
    expect(counts).toContain('<tr><td><code>job</code></td><td>1</td><td></td>');
    expect(counts).toContain('<tr><td><code>legacy</code></td><td>0</td><td></td>');
    expect(counts).toContain('<tr><td><code>stale-kept</code></td><td>1</td><td>yes</td>');
    expect([...html.matchAll(/<h4><code>([^<]*)<\/code>/g)].map((m) => m[1])).toEqual(['job', 'orphaned', 'in-service', 'superseded']);
    expect(tableIds(html, 'orphaned')).toEqual(['old-orphan', 'orphan']);
    expect(html).toContain('<td>120d 0h (over max-kept-age, 90d 0h)</td>');
    expect(html).toContain(
      '<td>ci@example.com</td><td><code>self-hosted:products</code></td><td>ci <code>[dg-action:000000000001 job]</code></td>',
    );
  });

  test('report only: says so', () => {
    expect(summary(listed, { ...SETTINGS, failOn: [] })).toContain('Report only (fail-on is empty).');
    expect(summary([], SETTINGS)).toContain('No set is in the fail-on classes');
    expect(summary([], SETTINGS)).not.toContain('<h4>');
  });

  test('text from the API is escaped, on one line, and long text clipped', () => {
    const html = summary([
      {
        id: 'a<b>',
        comment: `</td></table>\n\n<script>x</script>${'z'.repeat(500)} [dg-action:000000000001 kept]`,
        created: ago(DAY),
        member: '"><img src=x onerror=alert(1)>\n::error::m',
        scopes: ['self-hosted:products', ...Array.from({ length: 8 }, (_, i) => `self-hosted:product:p${i}`)],
      },
    ]);
    expect(html).not.toMatch(/<script|<img|<b>|\n\n/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt; ::error::m');
    expect(html).toContain(`${'z'.repeat(100)}…`);
    expect(html).not.toContain('z'.repeat(300));
    // The tag is shown whole after the clipped text.
    expect(html).toContain('… <code>[dg-action:000000000001 kept]</code>');
    expect(html).toContain('and 3 more');
  });

  test('a table too long for its share is cut with "and N more"; the whole summary stays under the limit', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ id: `u-${i}`, comment: 'by hand', created: ago(DAY + i * 1000) }));
    const orphans = Array.from({ length: 5 }, (_, i) => ({ id: `o-${i}`, comment: '[dg-action:000000000001 job]', created: ago(9 * DAY) }));
    const limit = 50_000;
    const html = summary([...many, ...orphans], SETTINGS, limit);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(limit);
    // The small table is whole; the big one is cut, its oldest first.
    expect(tableIds(html, 'orphaned')).toHaveLength(5);
    const shown = tableIds(html, 'untagged');
    expect(shown.length).toBeGreaterThan(50);
    expect(shown[0]).toBe('u-1999');
    expect(html).toContain(`<p>and ${2000 - shown.length} more (report-file lists every set)</p>`);
    expect(Buffer.byteLength(summary(many, SETTINGS))).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
  });

  test('what each class means names the settings that draw its line', () => {
    expect(classMeaning('orphaned', { pruneAfterMs: 5 * DAY, maxKeptAgeMs: 0 })).toContain('prune-after (5d 0h)');
    expect(classMeaning('job', { pruneAfterMs: 0, maxKeptAgeMs: 0 })).toContain('off: no job set is orphaned');
    expect(classMeaning('stale-kept', { pruneAfterMs: 0, maxKeptAgeMs: 0 })).toContain('off: none is');
  });
});
