import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';

const { finishBeforeStop, GRACE_MS, onStopSignal, onStoppedExit } = await import('../../src/runner/signals.js');

/** This process must not really die: its own kill is recorded. */
let died: (string | number | undefined)[] = [];
let spy: ReturnType<typeof jest.spyOn>;
beforeEach(() => {
  died = [];
  spy = jest.spyOn(process, 'kill').mockImplementation((pid, signal) => {
    if (pid === process.pid) died.push(signal);
    return true;
  });
});
afterEach(() => {
  spy.mockRestore();
  jest.useRealTimers();
});

/** Work the test settles when it chooses. */
function controlled(): { work: Promise<string>; finish: () => void } {
  let finish = (): void => undefined;
  const work = new Promise<string>((resolve) => (finish = () => resolve('done')));
  return { work, finish };
}

describe('a step stopped while it finishes work on what other jobs share', () => {
  test('dies of the signal only once the work has settled; the stoppers ran at once, the last words just before', async () => {
    const order: string[] = [];
    const { work, finish } = controlled();
    const running = finishBeforeStop(() => work);
    onStopSignal(() => order.push('stopper'));
    onStoppedExit(() => order.push('last words'));
    process.emit('SIGINT', 'SIGINT');
    expect(order).toEqual(['stopper']);
    expect(died).toEqual([]);
    // A CLI started meanwhile is ended as soon as it registers.
    const late = jest.fn();
    onStopSignal(late);
    expect(late).toHaveBeenCalledTimes(1);
    finish();
    await expect(running).resolves.toBe('done');
    expect(order).toEqual(['stopper', 'last words']);
    expect(died).toEqual(['SIGINT']);
    expect(process.listenerCount('SIGINT')).toBe(0);
  });

  test.each([
    ['SIGINT', GRACE_MS.SIGINT],
    ['SIGTERM', GRACE_MS.SIGTERM],
  ] as const)(
    'work that does not settle: %s kills the step at the end of its grace (%i ms), within the runner’s',
    async (signal, grace) => {
      jest.useFakeTimers();
      const { work, finish } = controlled();
      const running = finishBeforeStop(() => work);
      process.emit(signal, signal);
      jest.advanceTimersByTime(grace - 1);
      expect(died).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(died).toEqual([signal]);
      finish();
      await running;
      expect(died).toEqual([signal]);
    },
  );

  test('SIGTERM after SIGINT shortens the time left, never lengthens it', () => {
    jest.useFakeTimers();
    const { work, finish } = controlled();
    void finishBeforeStop(() => work);
    process.emit('SIGINT', 'SIGINT');
    jest.advanceTimersByTime(1000);
    process.emit('SIGTERM', 'SIGTERM');
    jest.advanceTimersByTime(GRACE_MS.SIGTERM);
    expect(died).toEqual(['SIGTERM']);
    finish();
  });

  test('last words released before a stop are never said; a stop then ends the step at once', () => {
    const say = jest.fn();
    const forget = onStoppedExit(say);
    expect(process.listenerCount('SIGTERM')).toBe(1);
    forget();
    // The handler stays: removing it could lose a signal Node had just taken from the system.
    expect(process.listenerCount('SIGTERM')).toBe(1);
    process.emit('SIGTERM', 'SIGTERM');
    expect(say).not.toHaveBeenCalled();
    expect(died).toEqual(['SIGTERM']);
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  test('work that ends before any stop: a later stop ends the step at once, as Node’s default would', async () => {
    await finishBeforeStop(async () => 'quick');
    expect(died).toEqual([]);
    process.emit('SIGINT', 'SIGINT');
    expect(died).toEqual(['SIGINT']);
    expect(process.listenerCount('SIGINT')).toBe(0);
  });
});
