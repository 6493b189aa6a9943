import { beforeEach, expect, jest, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';

// The step's stop-signal hook, as a list of what is registered: a test calls it as a signal would.
const stoppers = new Set<() => void>();
const onStopSignal = jest.fn((stop: () => void) => {
  stoppers.add(stop);
  return () => void stoppers.delete(stop);
});
jest.unstable_mockModule('@actions/core', () => core);
jest.unstable_mockModule('../../src/runner/signals.js', () => ({ onStopSignal }));
const { holdLines } = await import('../../src/runner/held-lines.js');

/** What reached the log, in order: "info: …" or "warning: …". */
function printed(): string[] {
  const calls = [
    ...core.info.mock.calls.map(([message], i) => [core.info.mock.invocationCallOrder[i]!, `info: ${String(message)}`] as const),
    ...core.warning.mock.calls.map(([message], i) => [core.warning.mock.invocationCallOrder[i]!, `warning: ${String(message)}`] as const),
  ];
  return calls.sort(([a], [b]) => a - b).map(([, line]) => line);
}

beforeEach(() => {
  core.info.mockClear();
  core.warning.mockClear();
});

test('lines are held until released, then print in the order they came, and later lines at once', () => {
  const lines = holdLines();
  lines.info('first');
  lines.warning('second');
  lines.info('third');
  expect(printed()).toEqual([]);
  lines.release();
  expect(printed()).toEqual(['info: first', 'warning: second', 'info: third']);
  lines.warning('after');
  expect(printed()).toEqual(['info: first', 'warning: second', 'info: third', 'warning: after']);
  // Released once: a second release prints nothing again.
  lines.release();
  expect(printed()).toHaveLength(4);
});

test('held lines go through the log, escaped like every other line', () => {
  const lines = holdLines();
  lines.info('id\n::set-output name=x::y');
  lines.release();
  expect(printed()).toEqual(['info: id\\n::set-output name=x::y']);
});

test('lines still held when the process exits print then; once released, exit prints nothing more', () => {
  const before = process.listeners('exit');
  const lines = holdLines();
  const onExit = process.listeners('exit').find((listener) => !before.includes(listener));
  expect(onExit).toBeDefined();
  lines.warning('Could not revoke x');
  (onExit as () => void)();
  expect(printed()).toEqual(['warning: Could not revoke x']);
  expect(process.listeners('exit')).toEqual(before);
  lines.release();
  expect(printed()).toHaveLength(1);
});

test('a step stopped (SIGINT, SIGTERM) with lines held prints them before it dies; once released, nothing is registered', () => {
  const lines = holdLines();
  expect(stoppers.size).toBe(1);
  lines.warning('Could not list the project');
  for (const stop of [...stoppers]) stop();
  expect(printed()).toEqual(['warning: Could not list the project']);
  expect(stoppers.size).toBe(0);
  const released = holdLines();
  released.release();
  expect(stoppers.size).toBe(0);
});
