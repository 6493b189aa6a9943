/**
 * Faults, end to end on the built bundle: retries that succeed when success is possible, fail
 * fast and clearly when it is not, and leave the project exactly as it was once post has run.
 * Timing bounds are generous: these machines are noisy. The sandbox asks for 0.1 s waits
 * (Retry-After) after the transient statuses it is told to answer, so retries cost tenths of a
 * second, not the action's backoff of up to seconds; the action handles any Retry-After the same way.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { freePort, startBlackhole } from '../../__fixtures__/network.js';
import { until } from '../../__fixtures__/until.js';
import {
  expectExit,
  expectNothingLeaked,
  type Harness,
  runAction,
  runStep,
  secretForms,
  startHarness,
  type StepResult,
} from './fixtures.js';

jest.setTimeout(90_000);

let h: Harness;
/**
 * The one case that waits out real timeouts (an API host that drops packets: 10 s per attempt)
 * starts with the file and runs beside the other tests, which never use its port.
 */
let droppedPackets: Promise<{ port: number; main: StepResult }>;
beforeAll(async () => {
  h = await startHarness({ retryAfter: '0.1' });
  droppedPackets = (async () => {
    const blackhole = await startBlackhole();
    try {
      const options = h.options({ 'api-url': `http://127.0.0.1:${blackhole.port}`, login: 'false', 'max-attempts': '2' });
      return { port: blackhole.port, main: await runStep(options) };
    } finally {
      await blackhole.stop();
    }
  })();
});
afterAll(async () => {
  await droppedPackets.catch(() => undefined);
  await h.close();
});
beforeEach(() => h.reset());

const creates = () => h.sandbox.requests.filter((r) => r.op === 'create');
const ops = () => h.sandbox.requests.map((r) => r.op);

/** After post, the project must hold nothing this execution created. */
function expectProjectClean(...steps: StepResult[]) {
  expect(h.sandbox.credentials()).toEqual([]);
  for (const step of steps) expect(step.exitCode === 0 || step.exitCode === 1).toBe(true);
}

describe('transient failures are retried', () => {
  test('429 with Retry-After: waits as asked, then succeeds; no sweep (nothing was created)', async () => {
    h.sandbox.addFault({ op: 'create', status: 429, headers: { 'retry-after': '0.6' } });
    const main = await runStep(h.options({ login: 'false' }));
    expectExit(main, 0);
    expect(creates()).toHaveLength(2);
    expect(main.visibleLog).toMatch(
      /Attempt 1 of 4 to create distribution credentials failed: .*HTTP 429.*Retrying in 0\.6 s \(as the server asked with Retry-After\)/,
    );
    expect(creates()[1].at - creates()[0].at).toBeGreaterThanOrEqual(550);
    expect(ops()).not.toContain('list');
    expect(main.state.sweep).toBeUndefined();
    const post = await runStep(h.options({ login: 'false' }), main.state);
    expect(ops().slice(-2).sort()).toEqual(['delete', 'list']); // the revoke, and the list for pruning beside it
    expectProjectClean(main, post);
  });

  test('Retry-After as an HTTP date is honoured too', async () => {
    // A date has whole seconds: 1.5 s after the reply, rounded down, is 0.5 to 1.5 s away. The
    // sandbox dates it when it answers: a date made here would shrink by however late the step starts.
    h.sandbox.addFault({ op: 'create', status: 503, retryAfterDateMs: 1_500 });
    const main = await runStep(h.options({ login: 'false' }));
    expectExit(main, 0);
    expect(creates()[1].at - creates()[0].at).toBeGreaterThanOrEqual(400);
    await runStep(h.options({ login: 'false' }), main.state);
    expectProjectClean();
  });

  test.each([408, 500, 502, 504])('HTTP %i on create is retried', async (status) => {
    h.sandbox.addFault({ op: 'create', status });
    const { main, post } = await runAction(h.options({ login: 'false' }));
    expectExit(main, 0);
    expect(creates()).toHaveLength(2);
    expectProjectClean(main, post);
  });

  test.each([400, 401, 403, 404])('HTTP %i is not retried', async (status) => {
    h.sandbox.addFault({ op: 'create', status, times: 0 });
    const main = await runStep(h.options({ login: 'false' }));
    expectExit(main, 1);
    expect(creates()).toHaveLength(1);
    expect(main.visibleLog).toContain(`failed with HTTP ${status}`);
  });

  test('a revoke that fails transiently in post is retried', async () => {
    const main = await runStep(h.options({ login: 'false' }));
    h.sandbox.addFault({ op: 'delete', status: 502 });
    const post = await runStep(h.options({ login: 'false' }), main.state);
    expectExit(post, 0);
    expect(ops().filter((op) => op === 'delete')).toHaveLength(2);
    expectProjectClean();
  });
});

describe('a create that may have landed never leaves an orphan', () => {
  test('created server-side but answered 500: the orphan is swept before the retry', async () => {
    h.sandbox.addFault({ op: 'create', status: 500, afterAction: true });
    const main = await runStep(h.options({ login: 'false' }));
    expectExit(main, 0);
    // One set remains: the one handed out. The first was found by its marker and deleted.
    expect(h.sandbox.credentials().map((c) => c.id)).toEqual([main.outputs['credentials-id']]);
    expect(ops()).toEqual(['create', 'list', 'delete', 'create']);
    expect(main.state.sweep).toBe('true');
    const post = await runStep(h.options({ login: 'false' }), main.state);
    expectExit(post, 0);
    expectProjectClean();
  });

  test('connection reset after the server created them: swept, retried, clean after post', async () => {
    h.sandbox.addFault({ op: 'create', reset: 'after' });
    const { main, post } = await runAction(h.options({ login: 'false' }));
    expectExit(main, 0);
    expect(ops().slice(0, 4)).toEqual(['create', 'list', 'delete', 'create']);
    expectProjectClean(main, post);
  });

  test('connection reset before the server acted: retried, nothing to sweep', async () => {
    h.sandbox.addFault({ op: 'create', reset: 'before' });
    const { main, post } = await runAction(h.options({ login: 'false' }));
    expectExit(main, 0);
    expect(creates()).toHaveLength(2);
    expectProjectClean(main, post);
  });

  test('a create slower than request-timeout lands after main moved on: post sweeps it', async () => {
    // The first create is answered after 2 s; the client gives up at 1 s, sweeps (nothing yet),
    // and retries. The slow create lands later, unseen: the post step's sweep removes it.
    h.sandbox.addFault({ op: 'create', delayMs: 2_000 });
    const options = h.options({ login: 'false', 'request-timeout': '1' });
    const main = await runStep(options);
    expectExit(main, 0);
    expect(main.visibleLog).toMatch(/no response within 1 s \(request-timeout\)/);
    expect(main.state.sweep).toBe('true');
    await until(() => h.sandbox.credentials().length === 2);
    h.sandbox.clearRequests();
    const post = await runStep(options, main.state);
    expectExit(post, 0);
    expect(ops()).toEqual(['delete', 'list', 'delete']);
    expectProjectClean();
  });

  test('every create lands but answers 503 until attempts run out: fails, and post leaves nothing', async () => {
    h.sandbox.addFault({ op: 'create', status: 503, afterAction: true, times: 0 });
    const options = h.options({ login: 'false', 'max-attempts': '3' });
    const main = await runStep(options);
    expectExit(main, 1);
    expect(creates()).toHaveLength(3);
    expect(main.visibleLog).toMatch(/::error::Deepgram API: create distribution credentials failed with HTTP 503/);
    // The last attempt's set, unseen by main, was swept by main itself before it failed.
    expect(h.sandbox.credentials()).toEqual([]);
    const post = await runStep(options, main.state);
    expectExit(post, 0);
    expectProjectClean();
  });

  test('revoke: false still sweeps orphans but keeps the set it handed out', async () => {
    h.sandbox.addFault({ op: 'create', status: 500, afterAction: true });
    // The list in main fails, so main's sweep gives up (a note, not a warning: post looks again).
    h.sandbox.addFault({ op: 'list', status: 503 });
    const options = h.options({ login: 'false', revoke: 'false' });
    const main = await runStep(options);
    expectExit(main, 0);
    expect(main.visibleLog).toContain('Could not look for credentials the failed create may have left (the post step looks again)');
    expect(main.visibleLog).not.toContain('::warning::');
    expect(h.sandbox.credentials()).toHaveLength(2);
    const post = await runStep(options, main.state);
    expectExit(post, 0);
    expect(h.sandbox.credentials().map((c) => c.id)).toEqual([main.outputs['credentials-id']]);
  });

  test('a key that may not list gets a warning, and the create still succeeds', async () => {
    h.sandbox.addFault({ op: 'create', status: 502, afterAction: true });
    h.sandbox.addFault({ op: 'list', status: 403, times: 0 });
    const main = await runStep(h.options({ login: 'false' }));
    expectExit(main, 0);
    expect(main.visibleLog).toContain('Could not look for credentials the failed create may have left (the post step looks again)');
    // Post cannot list either: one warning naming the tag to look for, and the revoke still happens.
    const post = await runStep(h.options({ login: 'false' }), main.state);
    expect(post.visibleLog).toMatch(
      /::warning::Could not look for credentials that an interrupted create may have left \(comment tag \[dg-action:[0-9a-f]{12}\]\)/,
    );
    expect(post.visibleLog.match(/::warning::/g)).toHaveLength(1);
    expect(h.sandbox.credentials()).toHaveLength(1); // the stray only an owner can now find by its tag
    h.sandbox.clearFaults();
    await runStep(h.options({ login: 'false' }), main.state);
    expectProjectClean();
  });
});

describe('failing fast and clearly', () => {
  test('an unreachable API fails within a minute at the defaults, naming the host and the cause', async () => {
    const port = await freePort();
    const main = await runStep(h.options({ 'api-url': `http://127.0.0.1:${port}`, login: 'false' }));
    expectExit(main, 1);
    expect(main.visibleLog).toContain(
      `::error::Deepgram API: create distribution credentials failed: could not get a response from 127.0.0.1:${port}`,
    );
    expect(main.visibleLog).toContain('ECONNREFUSED');
    expect(main.visibleLog.match(/Attempt \d of 4/g)).toHaveLength(3);
    expect(main.elapsedMs).toBeLessThan(60_000);
    // Nothing can have been created, so post has nothing to sweep.
    expect(main.state.sweep).toBeUndefined();
  });

  test('an API host that drops packets: each attempt gives up on the connection at 10 s, and nothing needs sweeping', async () => {
    const { port, main } = await droppedPackets;
    expectExit(main, 1);
    expect(main.visibleLog).toContain(
      `::error::Deepgram API: create distribution credentials failed: could not get a response from 127.0.0.1:${port}: could not connect within 10 s`,
    );
    // A connection that never opened sent nothing: a retry without a sweep, and none for post.
    expect(main.visibleLog.match(/Attempt \d of 2/g)).toHaveLength(1);
    expect(main.visibleLog).not.toContain('list distribution credentials');
    expect(main.state.sweep).toBeUndefined();
    // Two 10 s connection timeouts and a wait of at most 1 s: at the defaults (four attempts,
    // waits of at most 1 + 2 + 4 s) that is under a minute, the bound this asserts.
    expect(main.elapsedMs).toBeLessThan(60_000);
  });

  test('a revoke that keeps failing is a warning naming the credentials and how to delete them', async () => {
    const main = await runStep(h.options({ login: 'false', 'max-attempts': '2' }));
    h.sandbox.addFault({ op: 'delete', status: 500, times: 0 });
    const post = await runStep(h.options({ login: 'false', 'max-attempts': '2' }), main.state);
    expectExit(post, 0);
    const id = main.outputs['credentials-id'];
    expect(post.visibleLog).toContain(`::warning::Could not revoke distribution credentials ${id}`);
    expect(post.visibleLog).toContain(`DELETE /v1/projects/`);
  });

  test('a failed docker logout is a warning, not a failure', async () => {
    const main = await runStep(h.options());
    expectExit(main, 0);
    // docker is gone by job end (a container job, a cleaned tool cache): logout cannot run.
    const post = await runStep(h.options({}, { PATH: '/nonexistent' }), main.state);
    expectExit(post, 0);
    expect(post.visibleLog).toMatch(/::warning::The docker CLI was not found on PATH, so the action cannot log out of the registry\./);
    expectProjectClean();
  });
});

describe('nothing leaked, whatever the server says', () => {
  test('an error body that echoes the request, key included, is redacted', async () => {
    h.sandbox.addFault({
      op: 'create',
      status: 400,
      body: { err_code: 'BAD_REQUEST', err_msg: `Bad request: headers {"Authorization":"Token ${h.apiKey}"}`, request_id: 'r-1' },
    });
    const main = await runStep(h.options({ login: 'false' }, { RUNNER_DEBUG: '1' }));
    expectExit(main, 1);
    expect(main.visibleLog).toContain('Bad request: headers {"Authorization":"Token ***"}');
    expectNothingLeaked(h, [main], []);
  });

  test('retries, sweeps and debug logging print no secret anywhere', async () => {
    h.sandbox.addFault({ op: 'create', status: 500, afterAction: true });
    const options = h.options({}, { RUNNER_DEBUG: '1' });
    const main = await runStep(options);
    expectExit(main, 0);
    const post = await runStep(options, main.state);
    expect(main.outputs.secret).toBeTruthy();
    expectNothingLeaked(h, [main, post], secretForms(main.outputs.username, main.outputs.secret));
    expectProjectClean();
  });
});
