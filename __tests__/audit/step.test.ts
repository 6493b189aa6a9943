/**
 * The audit step (audit/step.ts) on its own: what it logs, the outputs and the report file it
 * writes, and when it fails. The API is the test's (a mocked transport), the clock fixed, so ages
 * are exact; how a set is classed is classify.test.ts's, the report's shape report.test.ts's.
 */
import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as core from '../../__fixtures__/core.js';
import { mockStep } from '../../__fixtures__/step.js';
import { answering, apiErrorAnswer, listAnswer, type ListedSet } from '../../__fixtures__/transport.js';
import { PROJECT } from '../../__fixtures__/ids.js';
import { ago, DATE_HEADER, DAY_MS, fixClock, NOW } from '../../__fixtures__/clock.js';

const sendRequest = mockStep();
const { run } = await import('../../src/audit/step.js');
const { forgetSecrets } = await import('../../src/runner/secrets.js');

// The report file goes to RUNNER_TEMP: an empty folder of the test's own.
const scratch = mkdtempSync(join(tmpdir(), 'dg-unit-audit-'));
const savedRunnerTemp = process.env.RUNNER_TEMP;
process.env.RUNNER_TEMP = scratch;
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  if (savedRunnerTemp === undefined) delete process.env.RUNNER_TEMP;
  else process.env.RUNNER_TEMP = savedRunnerTemp;
});

const API_KEY = 'dg_audit_key_abcdef0123456789';
const set = (id: string, tag: string, daysOld?: number, member = 'ci@example.com'): ListedSet => ({
  id,
  comment: `made by ci${tag}`,
  created: daysOld === undefined ? undefined : ago(daysOld * DAY_MS),
  member,
});
/** One set of each class but legacy and unreadable. */
const MIXED = [
  set('job-set', ' [dg-action:aaaaaaaaaaaa job]', 1),
  set('orphan', ' [dg-action:bbbbbbbbbbbb job]', 6),
  set('kept-set', ' [dg-action:cccccccccccc kept]', 40),
  set('prod-new', ' [dg-action:dddddddddddd keep=prod]', 2),
  set('prod-old', ' [dg-action:eeeeeeeeeeee keep=prod]', 60),
  set('by-hand', '', 3, 'person@example.com'),
];

let inputs: Record<string, string>;
let clock: ReturnType<typeof fixClock>;

/** The API lists `sets`, with the time of NOW. */
function api(sets: ListedSet[]): void {
  sendRequest.mockImplementation(answering(() => listAnswer(sets, { date: DATE_HEADER })));
}

const infos = () => core.info.mock.calls.map(([m]) => m);
const outputs = () => Object.fromEntries(core.setOutput.mock.calls.map(([name, value]) => [name, String(value)]));
const failure = () => core.setFailed.mock.calls.map(([m]) => String(m));

beforeEach(() => {
  clock = fixClock();
  forgetSecrets();
  inputs = { 'api-key': API_KEY, 'project-id': PROJECT };
  core.getInput.mockImplementation((name) => inputs[name] ?? '');
  sendRequest.mockReset();
});
afterEach(() => clock.restore());

describe('report only (no fail-on)', () => {
  test('counts each class in the log and the outputs, writes the report file and the report output, and passes', async () => {
    api(MIXED);
    await run();
    expect(failure()).toEqual([]);
    expect(infos()).toEqual([
      `Audited 6 set(s) of distribution credentials in project ${PROJECT}: ` +
        'job 1, orphaned 1, kept 1, in-service 1, superseded 1, legacy 0, untagged 1, unreadable 0, stale-kept 0.',
    ]);
    const out = outputs();
    expect(out).toMatchObject({
      findings: '0',
      job: '1',
      orphaned: '1',
      kept: '1',
      'in-service': '1',
      superseded: '1',
      legacy: '0',
      untagged: '1',
      unreadable: '0',
      'stale-kept': '0',
    });
    expect(dirname(out['report-file']!)).toBe(scratch);
    const report = readFileSync(out['report-file']!, 'utf8');
    expect(out.report).toBe(report);
    expect(JSON.parse(report)).toMatchObject({ project_id: PROJECT, audited_at: new Date(NOW).toISOString(), total: 6, omitted: 0 });
  });

  test("ages are by the API's clock, not the runner's", async () => {
    // By the runner's clock, 10 days on, every job set would be orphaned.
    clock.moveTo(NOW + 10 * DAY_MS);
    api([set('job-set', ' [dg-action:aaaaaaaaaaaa job]', 1)]);
    await run();
    expect(outputs()).toMatchObject({ job: '1', orphaned: '0' });
  });

  test('a report too big for one step output: the output is cut, the log says so, the file has every set', async () => {
    const long = 'x'.repeat(1_000);
    api(
      Array.from({ length: 1_100 }, (_, i) => ({
        ...set(`job-${i}`, ' [dg-action:aaaaaaaaaaaa job]', 1),
        comment: `${long} [dg-action:aaaaaaaaaaaa job]`,
      })),
    );
    await run();
    const omitted = JSON.parse(outputs().report!).omitted as number;
    expect(omitted).toBeGreaterThan(0);
    expect(infos()).toContain(`The report output leaves out ${omitted} set(s) to fit one step output; report-file has every set.`);
    expect(JSON.parse(readFileSync(outputs()['report-file']!, 'utf8')).sets).toHaveLength(1_100);
  });

  test('an input warning is logged as a warning, and the audit goes on', async () => {
    inputs['fail-on'] = 'stale-kept';
    api([]);
    await run();
    expect(core.warning.mock.calls.map(([m]) => m)).toEqual([
      'fail-on names stale-kept, but max-kept-age is off: no set can be stale-kept. Set max-kept-age, such as 90d.',
    ]);
    expect(outputs().findings).toBe('0');
    expect(failure()).toEqual([]);
  });
});

describe('fail-on', () => {
  test('sets in the named classes: each named in the log, every output written, then the step fails counting them', async () => {
    inputs['fail-on'] = 'orphaned, untagged';
    api(MIXED);
    await run();
    expect(infos().slice(1)).toEqual([
      'orphaned: orphan, 6d 0h old, made by ci@example.com: made by ci [dg-action:bbbbbbbbbbbb job]',
      'untagged: by-hand, 3d 0h old, made by person@example.com: made by ci',
    ]);
    expect(outputs()).toMatchObject({ findings: '2', orphaned: '1', untagged: '1' });
    expect(failure()).toEqual([
      '2 set(s) of distribution credentials are in the fail-on classes (orphaned 1, untagged 1); see the job summary or report-file.',
    ]);
    expect(Math.max(...core.setOutput.mock.invocationCallOrder)).toBeLessThan(core.setFailed.mock.invocationCallOrder[0]!);
  });

  test('named classes that are empty: the step passes', async () => {
    inputs['fail-on'] = 'legacy,unreadable';
    api(MIXED);
    await run();
    expect(outputs().findings).toBe('0');
    expect(failure()).toEqual([]);
  });

  test('a set stale-kept and in a named class is one finding, and the message says it is in two', async () => {
    inputs['fail-on'] = 'superseded,stale-kept';
    inputs['max-kept-age'] = '30d';
    api(MIXED);
    await run();
    // kept-set (40 days) is stale-kept only; prod-old (60 days) is superseded and stale-kept.
    expect(outputs()).toMatchObject({ findings: '2', superseded: '1', 'stale-kept': '2' });
    expect(failure()).toEqual([
      '2 set(s) of distribution credentials are in the fail-on classes (superseded 1, stale-kept 2; 1 set(s) in two of them); ' +
        'see the job summary or report-file.',
    ]);
    expect(infos()).toContain('stale-kept: kept-set, 40d 0h old, made by ci@example.com: made by ci [dg-action:cccccccccccc kept]');
    expect(infos()).toContain('superseded: prod-old, 60d 0h old, made by ci@example.com: made by ci [dg-action:eeeeeeeeeeee keep=prod]');
  });

  test('a set with no usable time or maker, and a comment too long for a line: said so, and clipped', async () => {
    inputs['fail-on'] = 'unreadable';
    api([{ id: 'odd', comment: 'y'.repeat(300), created: 'yesterday' }]);
    await run();
    expect(infos()).toContain(`unreadable: odd, no usable created time, made by unknown: ${'y'.repeat(200)}…`);
  });

  test('more findings than the log names one by one: the first 50, then how many more', async () => {
    inputs['fail-on'] = 'untagged';
    api(Array.from({ length: 53 }, (_, i) => set(`hand-${i}`, '', 1)));
    await run();
    const named = infos().filter((line) => line.startsWith('untagged: '));
    expect(named).toHaveLength(50);
    expect(infos().at(-1)).toBe('and 3 more in the fail-on classes (see the job summary or report-file).');
    expect(outputs().findings).toBe('53');
  });
});

describe('how else it fails', () => {
  test('a list it cannot make fails the audit, with the role it needs, and writes no output', async () => {
    sendRequest.mockImplementation(answering(() => apiErrorAnswer(403, 'FORBIDDEN', 'Forbidden')));
    await run();
    expect(failure()).toEqual([
      expect.stringMatching(
        /^Could not list the project's distribution credentials, so nothing was audited: .*HTTP 403.* \(The audit needs a key with the owner or admin role: a member key lists only the sets it made\.\)$/,
      ),
    ]);
    expect(core.setOutput).not.toHaveBeenCalled();
  });

  test('bad input fails the step naming the input, before any request', async () => {
    inputs['fail-on'] = 'everything';
    await run();
    expect(failure()).toEqual([expect.stringContaining('Input "fail-on"')]);
    expect(sendRequest).not.toHaveBeenCalled();
  });

  test('the API key is masked before any request', async () => {
    api([]);
    await run();
    expect(core.setSecret).toHaveBeenCalledWith(API_KEY);
    expect(core.setSecret.mock.invocationCallOrder[0]).toBeLessThan(sendRequest.mock.invocationCallOrder[0]!);
  });
});
