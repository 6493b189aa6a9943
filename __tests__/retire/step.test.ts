/**
 * The retire step (retire/step.ts) on its own: what it deletes and leaves, what it logs, outputs
 * and puts in the summary, and how it fails. The API is the test's (a mocked transport), the clock
 * fixed, so ages are exact; which sets the plan picks is plan.test.ts's.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { mockStep } from '../../__fixtures__/step.js';
import { answering, apiErrorAnswer, listAnswer, type ListedSet } from '../../__fixtures__/transport.js';
import { PROJECT } from '../../__fixtures__/ids.js';
import { ago, DATE_HEADER, DAY_MS, fixClock, NOW } from '../../__fixtures__/clock.js';
import type { HttpRequest, HttpResponse } from '../../src/net/http.js';

const sendRequest = mockStep();
const { run } = await import('../../src/retire/step.js');
const { forgetSecrets } = await import('../../src/runner/secrets.js');

const API_KEY = 'dg_retire_key_abcdef0123456789';
const COLLECTION = `https://api.deepgram.com/v1/projects/${PROJECT}/self-hosted/distribution/credentials`;
const kept = (id: string, daysOld: number, name = 'prod'): ListedSet => ({
  id,
  comment: `pull [dg-action:0123456789ab keep=${name}]`,
  created: ago(daysOld * DAY_MS),
});
const DELETED: HttpResponse = { status: 200, headers: {}, body: JSON.stringify({ message: 'Successfully deleted' }) };

let inputs: Record<string, string>;
let clock: ReturnType<typeof fixClock>;

/** The API lists `sets` (with the time of NOW) and deletes anything; `overrides` answer first. */
function api(sets: ListedSet[], overrides: (request: HttpRequest) => HttpResponse | undefined = () => undefined): void {
  sendRequest.mockImplementation(
    answering((request) => overrides(request) ?? (request.method === 'GET' ? listAnswer(sets, { date: DATE_HEADER }) : DELETED)),
  );
}

const deletes = () => sendRequest.mock.calls.filter(([r]) => r.method === 'DELETE').map(([r]) => r.url.slice(COLLECTION.length + 1));
const infos = () => core.info.mock.calls.map(([m]) => m);
const warnings = () => core.warning.mock.calls.map(([m]) => m);
const outputs = () => Object.fromEntries(core.setOutput.mock.calls.map(([name, value]) => [name, String(value)]));
const failure = () => core.setFailed.mock.calls.map(([m]) => String(m));
/** The rows of the summary's table: ID, age, outcome. */
const summaryRows = () => (core.summary.addTable.mock.calls[0]?.[0] as string[][]).slice(1);

beforeEach(() => {
  clock = fixClock();
  forgetSecrets();
  inputs = { 'api-key': API_KEY, 'project-id': PROJECT, keep: 'prod' };
  core.getInput.mockImplementation((name) => inputs[name] ?? '');
  sendRequest.mockReset();
});
afterEach(() => clock.restore());

describe('what it retires', () => {
  test('all but the newest set kept under the name: deleted, output, logged and summed up', async () => {
    api([kept('oldest', 30), kept('newest', 1), kept('older', 10), kept('staging', 40, 'staging')]);
    await run();
    expect(failure()).toEqual([]);
    expect(deletes()).toEqual(['older', 'oldest']);
    expect(outputs()).toEqual({ retired: 'older,oldest' });
    expect(infos()).toEqual([
      '3 set(s) kept as "prod"; retiring 2.',
      'Leaving newest alone: the newest set under the name.',
      'Revoked distribution credentials older.',
      'Revoked distribution credentials oldest.',
      'Retired 2 set(s) kept as "prod".',
    ]);
    expect(summaryRows()).toEqual([
      ['<code>newest</code>', '1d 0h', 'left alone: the newest set under the name'],
      ['<code>older</code>', '10d 0h', 'retired'],
      ['<code>oldest</code>', '30d 0h', 'retired'],
    ]);
    expect(warnings()).toEqual([]);
  });

  test('except and min-age: the set in service and the young ones stay, each with its reason', async () => {
    inputs.except = 'in-service';
    inputs['min-age'] = '7d';
    api([kept('later', 0.5), kept('in-service', 2), kept('young', 3), kept('old', 8)]);
    await run();
    expect(deletes()).toEqual(['old']);
    expect(outputs().retired).toBe('old');
    expect(infos()).toEqual(
      expect.arrayContaining([
        'Leaving later alone: not older than the newest set named in except.',
        'Leaving in-service alone: named in except.',
        'Leaving young alone: younger than min-age (3d 0h old).',
      ]),
    );
  });

  test("ages are by the API's clock, not the runner's", async () => {
    clock.moveTo(NOW + 10 * DAY_MS);
    inputs['min-age'] = '7d';
    api([kept('newest', 1), kept('five-days', 5)]);
    await run();
    // By the runner's clock it would be 15 days old, and go.
    expect(deletes()).toEqual([]);
    expect(infos()).toContain('Leaving five-days alone: younger than min-age (5d 0h old).');
  });

  test('a set already gone counts as done, but not as retired', async () => {
    api([kept('newest', 1), kept('gone', 5), kept('old', 6)], (request) =>
      request.method === 'DELETE' && request.url.endsWith('/gone') ? apiErrorAnswer(404, 'NOT_FOUND', 'not found') : undefined,
    );
    await run();
    expect(failure()).toEqual([]);
    expect(outputs().retired).toBe('old');
    expect(summaryRows().map(([id, , outcome]) => [id, outcome])).toEqual([
      ['<code>newest</code>', 'left alone: the newest set under the name'],
      ['<code>gone</code>', 'already gone'],
      ['<code>old</code>', 'retired'],
    ]);
    expect(infos()).toContain('Retired 1 set(s) kept as "prod".');
  });

  test('nothing kept under the name: nothing deleted, an empty output, and the step passes', async () => {
    api([kept('other', 5, 'staging')]);
    await run();
    expect(deletes()).toEqual([]);
    expect(outputs()).toEqual({ retired: '' });
    expect(infos()).toEqual(['0 set(s) kept as "prod"; retiring 0.', 'Retired 0 set(s) kept as "prod".']);
    expect(failure()).toEqual([]);
  });
});

describe('how it fails', () => {
  test('bad input: the step fails naming the input, before any request', async () => {
    delete inputs.keep;
    await run();
    expect(failure()).toEqual([expect.stringContaining('Input "keep": is required')]);
    expect(sendRequest).not.toHaveBeenCalled();
  });

  test('the API key is masked before any request', async () => {
    api([]);
    await run();
    expect(core.setSecret).toHaveBeenCalledWith(API_KEY);
    expect(core.setSecret.mock.invocationCallOrder[0]).toBeLessThan(sendRequest.mock.invocationCallOrder[0]!);
  });

  test('a list it cannot make: nothing retired, and the step fails saying so', async () => {
    api([], () => apiErrorAnswer(403, 'FORBIDDEN', 'Forbidden'));
    await run();
    expect(deletes()).toEqual([]);
    expect(failure()).toEqual([expect.stringMatching(/^Could not list the project's credentials, so nothing was retired: .*HTTP 403/)]);
    expect(core.setOutput).not.toHaveBeenCalled();
  });

  test('except names a set not kept under the name: nothing retired, the step fails naming it', async () => {
    inputs.except = 'stranger';
    api([kept('newest', 1), kept('old', 6)]);
    await run();
    expect(deletes()).toEqual([]);
    expect(failure()).toEqual([
      'except names stranger, which is not a set kept as "prod" (2 set(s) are kept under it), so nothing was retired. ' +
        'A newer rotation may have retired it; pass the ID of the set in service (the credentials-id output of the step that made it).',
    ]);
  });

  test('a delete that fails: a warning for it, the others still go, and the step fails naming what is left', async () => {
    api([kept('newest', 1), kept('stuck', 5), kept('old', 6)], (request) =>
      request.method === 'DELETE' && request.url.endsWith('/stuck') ? apiErrorAnswer(403, 'FORBIDDEN', 'Forbidden') : undefined,
    );
    await run();
    expect(deletes()).toEqual(['stuck', 'old']);
    expect(outputs().retired).toBe('old');
    expect(warnings()).toEqual([expect.stringMatching(/^Could not retire distribution credentials stuck: .*HTTP 403/)]);
    expect(summaryRows().find(([id]) => id === '<code>stuck</code>')?.[2]).toBe('could not delete');
    expect(failure()).toEqual([
      'Retired 1 set(s) kept as "prod", but could not delete stuck: still live, and they never expire. Run the step again, or delete them by hand: ' +
        `DELETE /v1/projects/${PROJECT}/self-hosted/distribution/credentials/<id>.`,
    ]);
  });

  test("deletes the step's time no longer allows: not tried, and named as left", async () => {
    // The list answers once the step's whole time for API calls has gone by.
    api([kept('newest', 1), kept('old', 6)], (request) => {
      if (request.method === 'GET') clock.moveTo(NOW + 10 * 60_000);
      return undefined;
    });
    await run();
    expect(deletes()).toEqual([]);
    expect(outputs().retired).toBe('');
    expect(summaryRows().find(([id]) => id === '<code>old</code>')?.[2]).toBe('could not delete');
    expect(failure()).toEqual([expect.stringMatching(/^Retired 0 set\(s\) kept as "prod", but could not delete old: still live/)]);
  });

  test('sets under the name with an ID the action refuses: counted, never printed or deleted, and the step fails', async () => {
    api([kept('newest', 1), kept('old', 6), { ...kept('x', 6), id: '../../etc' }]);
    await run();
    expect(deletes()).toEqual(['old']);
    expect(JSON.stringify([infos(), warnings(), failure()])).not.toContain('etc');
    expect(failure()).toEqual([
      'Retired 1 set(s) kept as "prod", but 1 set(s) kept as "prod" have an ID this action does not accept (not printed): delete them in the Deepgram console.',
    ]);
  });
});
