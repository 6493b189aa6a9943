import { describe, expect, test } from '@jest/globals';
import type { ListedCredentials } from '../../src/deepgram/types.js';
import { auditSets, findingsOf, isFinding } from '../../src/audit/classify.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** An ISO time `ms` before NOW, as the API writes it. */
const ago = (ms: number): string => new Date(NOW - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const set = (id: string, comment: string, created?: string, extra: Partial<ListedCredentials> = {}): ListedCredentials => ({
  id,
  comment,
  ...(created === undefined ? {} : { created }),
  ...extra,
});
const POLICY = { pruneAfterMs: 5 * DAY, maxKeptAgeMs: 0 };
const classes = (listed: ListedCredentials[], policy = POLICY) =>
  Object.fromEntries(auditSets(listed, policy, NOW).sets.map((s) => [s.id, s.class]));

describe('auditSets: every set in exactly one class', () => {
  test('job and orphaned: a job set younger or older than prune-after', () => {
    const listed = [
      set('young', 'ci [dg-action:0123456789ab job]', ago(4 * DAY)),
      set('at-the-line', '[dg-action:0123456789ab job]', ago(5 * DAY)),
      set('old', '[dg-action:0123456789ac job]', ago(5 * DAY + 1000)),
      // A job set from the future (a clock ahead) is as young as can be, never orphaned.
      set('future', '[dg-action:0123456789ad job]', ago(-HOUR)),
    ];
    expect(classes(listed)).toEqual({ young: 'job', 'at-the-line': 'job', old: 'orphaned', future: 'job' });
    // prune-after off: the main action prunes nothing, so no job set is taken for a lost runner's.
    expect(classes(listed, { pruneAfterMs: 0, maxKeptAgeMs: 0 })).toEqual({
      young: 'job',
      'at-the-line': 'job',
      old: 'job',
      future: 'job',
    });
    expect(classes(listed, { pruneAfterMs: HOUR, maxKeptAgeMs: 0 })).toMatchObject({ young: 'orphaned', future: 'job' });
  });

  test('kept: revoke false, whatever its age', () => {
    expect(classes([set('k', 'pull [dg-action:0123456789ab kept]', ago(900 * DAY))])).toEqual({ k: 'kept' });
  });

  test('in-service and superseded: the newest set under each name, one per name; the older ones', () => {
    const listed = [
      set('prod-old', '[dg-action:000000000001 keep=prod]', ago(60 * DAY)),
      set('prod-new', '[dg-action:000000000002 keep=prod]', '2026-05-31T01:00:00+02:00'),
      set('prod-mid', '[dg-action:000000000003 keep=prod]', ago(30 * DAY)),
      set('eu-only', '[dg-action:000000000004 keep=prod-eu]', ago(400 * DAY)),
      // Two sets made in the same second: one is in service, the first listed.
      set('tie-a', '[dg-action:000000000005 keep=tie]', ago(DAY)),
      set('tie-b', '[dg-action:000000000006 keep=tie]', ago(DAY)),
    ];
    expect(classes(listed)).toEqual({
      'prod-old': 'superseded',
      'prod-new': 'in-service',
      'prod-mid': 'superseded',
      'eu-only': 'in-service',
      'tie-a': 'in-service',
      'tie-b': 'superseded',
    });
  });

  test("legacy: release 1.0.0's bare tag; untagged: no tag of ours at the end of the comment", () => {
    const listed = [
      set('legacy', 'GitHub Actions: o/r / ci run 1 attempt 1 [dg-action:0123456789ab]', ago(DAY)),
      set('by-hand', 'made in the console', ago(DAY)),
      set('no-comment', '', ago(DAY)),
      set('copied', '[dg-action:0123456789ab job] then text', ago(9 * DAY)),
      set('not-hex', '[dg-action:0123456789AB job]', ago(9 * DAY)),
      set('bad-kind', '[dg-action:0123456789ab revoked]', ago(9 * DAY)),
    ];
    expect(classes(listed)).toEqual({
      legacy: 'legacy',
      'by-hand': 'untagged',
      'no-comment': 'untagged',
      copied: 'untagged',
      'not-hex': 'untagged',
      'bad-kind': 'untagged',
    });
  });

  test('unreadable: no usable creation time, whatever the tag (the age decides the other classes)', () => {
    const listed = [
      set('none', '[dg-action:0123456789ab job]'),
      set('not-iso', '[dg-action:0123456789ab keep=prod]', '2026-05-01 12:00:00'),
      set('words', 'by hand', 'last week'),
      set('readable', '[dg-action:0123456789ac keep=prod]', ago(500 * DAY)),
    ];
    expect(classes(listed)).toEqual({ none: 'unreadable', 'not-iso': 'unreadable', words: 'unreadable', readable: 'in-service' });
    const unreadable = auditSets(listed, POLICY, NOW).sets.find((s) => s.id === 'not-iso')!;
    // What the API gave is still reported, and the tag.
    expect(unreadable).toMatchObject({ created: '2026-05-01 12:00:00', tag: '[dg-action:0123456789ab keep=prod]' });
    expect(unreadable.ageMs).toBeUndefined();
  });
});

describe('auditSets: stale-kept, order, counts', () => {
  const listed = [
    set('job', '[dg-action:000000000001 job]', ago(HOUR)),
    set('kept-old', '[dg-action:000000000002 kept]', ago(91 * DAY)),
    set('kept-new', '[dg-action:000000000003 kept]', ago(89 * DAY)),
    set('prod-new', '[dg-action:000000000004 keep=prod]', ago(100 * DAY)),
    set('prod-old', '[dg-action:000000000005 keep=prod]', ago(200 * DAY)),
    set('legacy', '[dg-action:000000000006]', ago(999 * DAY)),
    set('hand', 'by hand', ago(999 * DAY)),
    set('orphan', '[dg-action:000000000007 job]', ago(999 * DAY)),
    set('undated', '[dg-action:000000000008 kept]'),
  ];

  test('a kept, in-service or superseded set older than max-kept-age is also stale-kept, in its class', () => {
    const audit = auditSets(listed, { pruneAfterMs: 5 * DAY, maxKeptAgeMs: 90 * DAY }, NOW);
    const stale = audit.sets.filter((s) => s.staleKept).map((s) => `${s.id}:${s.class}`);
    // Never a job, legacy, untagged or orphaned set, however old; never one without an age.
    expect(stale.sort()).toEqual(['kept-old:kept', 'prod-new:in-service', 'prod-old:superseded']);
    expect(audit.counts['stale-kept']).toBe(3);
    // max-kept-age off: nothing is stale.
    expect(auditSets(listed, POLICY, NOW).counts['stale-kept']).toBe(0);
  });

  test('classes in order, oldest first within each; the counts of every class and of stale-kept', () => {
    const audit = auditSets(listed, { pruneAfterMs: 5 * DAY, maxKeptAgeMs: 90 * DAY }, NOW);
    expect(audit.sets.map((s) => s.id)).toEqual([
      'job',
      'orphan',
      'kept-old',
      'kept-new',
      'prod-new',
      'prod-old',
      'legacy',
      'hand',
      'undated',
    ]);
    expect(audit.counts).toEqual({
      job: 1,
      orphaned: 1,
      kept: 2,
      'in-service': 1,
      superseded: 1,
      legacy: 1,
      untagged: 1,
      unreadable: 1,
      'stale-kept': 3,
    });
    expect(audit.sets.length).toBe(listed.length);
  });

  test('each set carries what the list gave: ID, time, age, scopes, member, comment and tag', () => {
    const [audited] = auditSets(
      [set('a', 'pull [dg-action:000000000002 kept]', ago(2 * DAY), { scopes: ['self-hosted:products'], member: 'ops@example.com' })],
      POLICY,
      NOW,
    ).sets;
    expect(audited).toEqual({
      id: 'a',
      class: 'kept',
      staleKept: false,
      created: ago(2 * DAY),
      createdMs: NOW - 2 * DAY,
      ageMs: 2 * DAY,
      scopes: ['self-hosted:products'],
      member: 'ops@example.com',
      comment: 'pull [dg-action:000000000002 kept]',
      tag: '[dg-action:000000000002 kept]',
    });
  });

  test('findings: the sets in the fail-on classes, each counted once even when also stale-kept', () => {
    const { sets } = auditSets(listed, { pruneAfterMs: 5 * DAY, maxKeptAgeMs: 90 * DAY }, NOW);
    expect(findingsOf(sets, [])).toBe(0);
    expect(findingsOf(sets, ['orphaned'])).toBe(1);
    // prod-old is superseded and stale-kept: one finding.
    expect(findingsOf(sets, ['orphaned', 'superseded', 'stale-kept'])).toBe(4);
    expect(sets.filter((s) => isFinding(s, ['stale-kept'])).map((s) => s.id)).toEqual(['kept-old', 'prod-new', 'prod-old']);
    expect(findingsOf(sets, ['unreadable', 'untagged', 'legacy'])).toBe(3);
  });
});
