/**
 * The audit action end to end: the built bundle's dist/audit.js, run as the runner runs
 * audit/action.yml, against the sandbox's project. Every class, fail-on, max-kept-age, a key
 * that may not list, hostile comments and member emails, and a project of 20,000 sets.
 */
import { describe, expect, jest, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../../sandbox/runner.js';
import { expectExit, runStep, SANDBOX_PROJECT_ID, type StepResult, useHarness } from './fixtures.js';

jest.setTimeout(120_000);

const h = useHarness();

const DAY = 86_400_000;
/** An ISO time `ms` ago, as the API writes it. */
const ago = (ms: number): string => new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const CLASS_OUTPUTS = ['job', 'orphaned', 'kept', 'in-service', 'superseded', 'legacy', 'untagged', 'unreadable', 'stale-kept'];

function audit(inputs: Record<string, string> = {}): Promise<StepResult> {
  const options = h.options(inputs);
  return runStep({ ...options, step: 'main', action: join(ROOT, 'audit', 'action.yml'), entry: join(ROOT, 'dist', 'audit.js') });
}

interface ReportSet {
  id: string;
  class: string;
  stale_kept: boolean;
  member: string | null;
  comment: string;
}

/** A project that has lived a while: one set of every class, with the member each was made by. */
function seedEveryClass() {
  const issue = (comment: string, created: string | undefined, email: string) =>
    h.sandbox.issue(SANDBOX_PROJECT_ID, { comment, ...(created ? { created } : {}), email }).id;
  return {
    job: issue('ci [dg-action:000000000001 job]', ago(2 * 3_600_000), 'ci-bot@example.com'),
    orphaned: issue('ci [dg-action:000000000002 job]', ago(9 * DAY), 'ci-bot@example.com'),
    kept: issue('pull secret [dg-action:000000000003 kept]', ago(30 * DAY), 'ops@example.com'),
    inService: issue('[dg-action:000000000004 keep=prod]', ago(20 * DAY), 'release@example.com'),
    superseded: issue('[dg-action:000000000005 keep=prod]', ago(120 * DAY), 'release@example.com'),
    legacy: issue('GitHub Actions: o/r / ci run 7 attempt 1 [dg-action:000000000006]', ago(400 * DAY), 'ci-bot@example.com'),
    untagged: issue('made in the console for a demo', ago(700 * DAY), 'someone@example.com'),
    // The sandbox takes this for a time; the action does not (not ISO 8601): no age it trusts.
    unreadable: issue('[dg-action:000000000007 job]', '2026-01-01 12:00:00', 'ci-bot@example.com'),
  };
}

const reportOf = (step: StepResult) => JSON.parse(readFileSync(step.outputs['report-file']!, 'utf8'));

describe('the audit of a project', () => {
  test('puts every set in one class, by default report only: outputs, report file and summary agree', async () => {
    const ids = seedEveryClass();
    const step = await audit();
    expectExit(step, 0);

    expect(Object.fromEntries(CLASS_OUTPUTS.map((name) => [name, step.outputs[name]]))).toEqual({
      job: '1',
      orphaned: '1',
      kept: '1',
      'in-service': '1',
      superseded: '1',
      legacy: '1',
      untagged: '1',
      unreadable: '1',
      'stale-kept': '0',
    });
    expect(step.outputs.findings).toBe('0');
    // The report file is under RUNNER_TEMP, and the inline report is the same JSON.
    expect(dirname(step.outputs['report-file']!)).toBe(h.workdir);
    expect(step.outputs.report).toBe(readFileSync(step.outputs['report-file']!, 'utf8'));
    const report = reportOf(step);
    const byId = new Map<string, ReportSet>(report.sets.map((set: ReportSet) => [set.id, set]));
    expect(byId.get(ids.job)).toMatchObject({ class: 'job', member: 'ci-bot@example.com' });
    expect(byId.get(ids.orphaned)).toMatchObject({ class: 'orphaned' });
    expect(byId.get(ids.kept)).toMatchObject({ class: 'kept', member: 'ops@example.com' });
    expect(byId.get(ids.inService)).toMatchObject({ class: 'in-service', member: 'release@example.com' });
    expect(byId.get(ids.superseded)).toMatchObject({ class: 'superseded', stale_kept: false });
    expect(byId.get(ids.legacy)).toMatchObject({ class: 'legacy' });
    expect(byId.get(ids.untagged)).toMatchObject({ class: 'untagged', member: 'someone@example.com' });
    expect(byId.get(ids.unreadable)).toMatchObject({ class: 'unreadable', age_seconds: null, created: '2026-01-01 12:00:00' });
    expect(report.sets).toHaveLength(8);
    // Read only: one list, nothing created or deleted, and no secret anywhere.
    expect(h.sandbox.requests.map((r) => `${r.method} ${r.op}`)).toEqual(['GET list']);
    expect(h.sandbox.credentials()).toHaveLength(8);
    for (const { secret } of h.sandbox.credentials()) {
      for (const text of [step.visibleLog, step.summary, step.outputs.report!]) expect(text).not.toContain(secret);
    }
    expect(step.visibleLog).not.toContain(h.apiKey);
    expect(step.summary).toContain('Report only (fail-on is empty).');
    expect(step.visibleLog).toMatch(/^Audited 8 set\(s\) of distribution credentials in project .*: job 1, orphaned 1, kept 1, /m);
  });

  test('fail-on: fails once the summary and outputs are written, naming the counts', async () => {
    const ids = seedEveryClass();
    const step = await audit({ 'fail-on': 'orphaned,superseded,stale-kept', 'max-kept-age': '90d' });
    expectExit(step, 1);
    // The superseded set is 120 days old: superseded and stale-kept, one finding.
    expect(step.outputs).toMatchObject({ findings: '2', orphaned: '1', superseded: '1', 'stale-kept': '1' });
    expect(step.visibleLog).toContain(
      '::error::2 set(s) of distribution credentials are in the fail-on classes (orphaned 1, superseded 1, stale-kept 1; 1 set(s) in two of them); see the job summary or report-file.',
    );
    expect(step.visibleLog).toContain(`orphaned: ${ids.orphaned}, 9d 0h old, made by ci-bot@example.com: ci [dg-action:000000000002 job]`);
    expect(step.summary).toContain('<strong>2 set(s) in the fail-on classes</strong>');
    expect(reportOf(step).sets.find((s: ReportSet) => s.id === ids.superseded)).toMatchObject({ stale_kept: true });
  });

  test('fail-on with no set in its classes passes; max-kept-age decides stale-kept', async () => {
    seedEveryClass();
    const young = await audit({ 'fail-on': 'stale-kept', 'max-kept-age': '180d' });
    expectExit(young, 0);
    expect(young.outputs).toMatchObject({ findings: '0', 'stale-kept': '0' });
    expect(young.summary).toContain('No set is in the fail-on classes');
    // 25 days: the kept set (30 days) and the superseded one (120) are stale; the one in service (20) is not.
    const strict = await audit({ 'fail-on': 'stale-kept', 'max-kept-age': '25d' });
    expectExit(strict, 1);
    expect(strict.outputs).toMatchObject({ findings: '2', 'stale-kept': '2' });
  });

  test('prune-after draws the line between job and orphaned, as the main action prunes', async () => {
    seedEveryClass();
    const step = await audit({ 'prune-after': '1h', 'fail-on': 'orphaned' });
    expectExit(step, 1);
    expect(step.outputs).toMatchObject({ job: '0', orphaned: '2', findings: '2' });
    // As the main action warns for it.
    expect(step.visibleLog).toMatch(/^::warning::prune-after is 1h/m);
  });

  test('an empty project: every count 0, an empty report, and a pass even with fail-on', async () => {
    const step = await audit({ 'fail-on': 'untagged' });
    expectExit(step, 0);
    for (const name of CLASS_OUTPUTS) expect(step.outputs[name]).toBe('0');
    expect(reportOf(step)).toMatchObject({ total: 0, sets: [], omitted: 0 });
  });
});

describe('what the audit refuses', () => {
  test('a key that may not list (403): fails clearly, writes no outputs and no summary', async () => {
    seedEveryClass();
    // Every role the sandbox knows may list; Deepgram answers a key without the permission so.
    h.sandbox.addFault({
      op: 'list',
      times: 0,
      status: 403,
      body: { err_code: 'INSUFFICIENT_PERMISSIONS', err_msg: 'You do not have sufficient permissions to perform this action.' },
    });
    const step = await audit({ 'fail-on': 'orphaned' });
    expectExit(step, 1);
    expect(step.visibleLog).toMatch(
      /^::error::Could not list the project's distribution credentials, so nothing was audited: Deepgram API: list distribution credentials failed with HTTP 403 INSUFFICIENT_PERMISSIONS/m,
    );
    expect(step.visibleLog).toContain('The audit needs a key with the owner or admin role');
    expect(step.outputs).toEqual({});
    expect(step.summary).toBe('');
    // 403 is not transient: one attempt.
    expect(h.sandbox.requests.map((r) => `${r.method} ${r.op} ${r.status}`)).toEqual(['GET list 403']);
  });

  test('an unknown class in fail-on: an input error, before any request', async () => {
    const step = await audit({ 'fail-on': 'orphaned, stale' });
    expectExit(step, 1);
    expect(step.visibleLog).toContain('::error::Input "fail-on": "stale" is not a class of the audit; use any of job, orphaned,');
    expect(h.sandbox.requests).toEqual([]);
    expect(step.outputs).toEqual({});
  });
});

describe('hostile text in the list', () => {
  const INJECTIONS = [
    '\n::set-output name=findings::0',
    '\n::add-mask::ci-bot',
    '\r\n  ::warning title=x::from the API',
    '\u2028::error::line separator',
    ' ##[set-env name=NODE_OPTIONS;]--require /tmp/x',
    '\n::stop-commands::pwned',
  ];

  test('comments and member emails carrying workflow commands: nothing obeyed, everything shown as data', async () => {
    const ids = INJECTIONS.map((injection, i) =>
      h.sandbox.issue(SANDBOX_PROJECT_ID, {
        comment: `by hand${injection}`,
        email: `x${i}@example.com${injection}`,
        created: ago((i + 1) * DAY),
      }),
    ).map((set) => set.id);
    const step = await audit({ 'fail-on': 'untagged' });
    expectExit(step, 1);
    // Every finding is logged, on one line of its own; no line from the API is a workflow command.
    const commands = step.log.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/).filter((line) => /^\s*::/.test(line) || line.includes('##['));
    for (const line of commands) expect(line).toMatch(/^::(add-mask::dg|error::\d+ set\(s\) of distribution)/);
    expect(step.log).not.toContain('##[');
    for (const id of ids) expect(step.visibleLog).toContain(`untagged: ${id}, `);
    expect(step.visibleLog).toContain('made by x0@example.com\\n::set-output name=findings::0: by hand\\n::set-output name=findings::0');
    // The outputs are what the audit wrote, no more: the findings count is not 0.
    expect(Object.keys(step.outputs).sort()).toEqual([...CLASS_OUTPUTS, 'findings', 'report', 'report-file'].sort());
    expect(step.outputs.findings).toBe(String(INJECTIONS.length));
    // The report has the text as it was, as JSON data; the summary escapes it.
    const report = reportOf(step);
    expect(report.sets.map((set: ReportSet) => set.comment).sort()).toEqual(INJECTIONS.map((injection) => `by hand${injection}`).sort());
    expect(report.sets.map((set: ReportSet) => set.member).sort()).toEqual(
      INJECTIONS.map((injection, i) => `x${i}@example.com${injection}`).sort(),
    );
    expect(step.summary).not.toMatch(/\n\s*::|[\u2028\r]/);
  });
});

describe('a big project', () => {
  test('as many sets as one list answer of 1 MiB holds: the summary is cut table by table with "and N more"', async () => {
    // Comments whose every character HTML escapes: the summary is far longer than the list.
    for (let i = 0; i < 2500; i++) {
      h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: `deploy ${'<&>'.repeat(30)} ${i}`, created: ago((i + 1) * 60_000) });
    }
    const step = await audit();
    expectExit(step, 0);
    expect(step.outputs).toMatchObject({ untagged: '2500', findings: '0' });
    expect(Buffer.byteLength(step.summary)).toBeLessThan(1_048_576);
    const rows = step.summary.split('<h4>')[1]!.match(/<tr><td>/g)!.length;
    expect(rows).toBeGreaterThan(1000);
    expect(rows).toBeLessThan(2500);
    expect(step.summary).toContain(`<p>and ${2500 - rows} more (report-file lists every set)</p>`);
    // Oldest first: the oldest sets (the last issued) are the ones shown.
    const shown = [...step.summary.matchAll(/&gt; (\d+)<\/td><\/tr>/g)].map((m) => Number(m[1]));
    expect(shown.slice(0, 3)).toEqual([2499, 2498, 2497]);
    expect(shown).toHaveLength(rows);
    expect(reportOf(step).sets).toHaveLength(2500);
  });

  // A list of 20,000 sets is about 6 MB: the client reads a list of any size as it arrives.
  test('20,000 sets, classified in one list; the report output and the summary stay under their limits, cut with "and N more"', async () => {
    const comment = (i: number) => `GitHub Actions: octo-org/release-pipeline / nightly build and push run ${100_000 + i} attempt 1`;
    const expected = { job: 0, orphaned: 0, legacy: 0, untagged: 0 };
    for (let i = 0; i < 20_000; i++) {
      // Half a day off the whole days, so no set is within seconds of prune-after (5 days).
      const ageDays = (i % 50) + 0.5;
      const kind = i % 4 === 0 ? 'job' : i % 4 === 1 ? 'legacy' : 'untagged';
      const tag = { job: ' [dg-action:0123456789ab job]', legacy: ' [dg-action:0123456789ab]', untagged: '' }[kind];
      h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: `${comment(i)}${tag}`, created: ago(ageDays * DAY) });
      expected[kind === 'job' && ageDays > 5 ? 'orphaned' : kind] += 1;
    }
    const step = await audit({ 'fail-on': 'orphaned' });
    expect(step.visibleLog).not.toContain('Could not list');
    expectExit(step, 1);
    expect(expected.orphaned).toBeGreaterThan(1000);
    expect(step.outputs).toMatchObject({
      job: String(expected.job),
      orphaned: String(expected.orphaned),
      legacy: String(expected.legacy),
      untagged: String(expected.untagged),
      findings: String(expected.orphaned),
    });
    expect(existsSync(step.outputs['report-file']!)).toBe(true);
    expect(reportOf(step).sets).toHaveLength(20_000);
    const inline = JSON.parse(step.outputs.report!);
    expect(Buffer.byteLength(step.outputs.report!)).toBeLessThanOrEqual(1_000_000);
    expect(inline.total).toBe(20_000);
    expect(inline.omitted).toBe(20_000 - inline.sets.length);
    expect(inline.omitted).toBeGreaterThan(0);
    // The fail-on sets come first, all of them.
    expect(inline.sets.slice(0, expected.orphaned).every((set: ReportSet) => set.class === 'orphaned')).toBe(true);
    expect(step.visibleLog).toContain(`The report output leaves out ${inline.omitted} set(s)`);
    // GitHub's limit for a step's summary is 1 MiB.
    expect(Buffer.byteLength(step.summary)).toBeLessThan(1_048_576);
    // Each table shows as many rows as fit, and says how many more there are.
    const tables = [...step.summary.matchAll(/<h4><code>([a-z-]+)<\/code>: (\d+) set\(s\)<\/h4>\n([\s\S]*?)(?=<h4>|$)/g)];
    expect(tables.map(([, name]) => name)).toEqual(['job', 'orphaned', 'legacy', 'untagged']);
    let cut = 0;
    for (const [, , count, table] of tables) {
      const rows = table!.match(/<tr><td>/g)?.length ?? 0;
      expect(rows).toBeGreaterThan(100);
      const more = Number(count) - rows;
      if (more > 0) cut += 1;
      expect(table).toContain(more > 0 ? `<p>and ${more} more (report-file lists every set)</p>` : '</table>');
    }
    expect(cut).toBeGreaterThan(0);
    // 50 findings are logged one per line, then a line for the rest.
    expect(step.visibleLog).toContain(`and ${expected.orphaned - 50} more in the fail-on classes`);
  });
});
