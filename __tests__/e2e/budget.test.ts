/**
 * One time budget per step (issue: retries inside retries): end to end on the built bundle, the
 * sweeps and retries of a step share it, so a step ends when its own retries are done, and never
 * begins a wait that would outlast it.
 * The tests count requests and waits in the log; they never time the step.
 */
import { expect, test } from '@jest/globals';
import { expectExit, runStep, useHarness } from './fixtures.js';

const h = useHarness();

test("an API answering 503 with Retry-After: 1 to everything: main waits 3 × 1 s, not a sweep's own retries on top", async () => {
  h.sandbox.addFault({ op: '*', status: 503, times: 0, headers: { 'retry-after': '1' } });
  const main = await runStep(h.options({ login: 'false', 'max-attempts': '4' }));
  expectExit(main, 1);
  const ops = h.sandbox.requests.map((r) => r.op);
  expect(ops.filter((op) => op === 'create')).toHaveLength(4);
  // One list per failed create (the sweep), one attempt each: no list is retried inside main.
  expect(ops.filter((op) => op === 'list')).toHaveLength(4);
  expect(main.visibleLog.match(/Retrying in 1\.0 s/g)).toHaveLength(3);
  // No wait but the three the log names: a sweep retrying on its own would add its own waits (and
  // lists), which the counts above would show; how long the step took is left to the benchmark.
  h.sandbox.clearFaults();
  await runStep(h.options({ login: 'false' }), main.state);
  expect(h.sandbox.credentials()).toEqual([]);
});

test('a Retry-After longer than what is left of the budget is not waited for', async () => {
  // Budget: 2 attempts × 1 s + 1 × 10 s = 12 s; the server asks for 30 s.
  h.sandbox.addFault({ op: 'create', status: 429, headers: { 'retry-after': '30' } });
  const main = await runStep(h.options({ login: 'false', 'max-attempts': '2', 'request-timeout': '1' }));
  expectExit(main, 1);
  expect(main.visibleLog).toContain("Not retrying: a wait of 30.0 s would outlast this step's time for API calls.");
  // One create and no second: the step did not wait the 30 s, or it would have asked again.
  expect(h.sandbox.requests.filter((r) => r.op === 'create')).toHaveLength(1);
  expect(h.sandbox.credentials()).toEqual([]);
});
