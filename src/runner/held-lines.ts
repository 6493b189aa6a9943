/**
 * Log lines that wait their turn. Work that runs beside an open log group (the post step's API
 * cleanup, beside its logout) logs here: its lines are held, and print in the order they came
 * when released, inside a group of their own, so the log reads as if the two had run one after
 * the other. Lines still held when the step ends, or is stopped (SIGINT, SIGTERM), print first:
 * none is lost.
 */
import * as log from './log.js';
import { onStopSignal } from './signals.js';

export interface HeldLines {
  info: (message: string) => void;
  warning: (message: string) => void;
  /** Prints the lines held so far; every line after it prints at once. */
  release: () => void;
}

export function holdLines(): HeldLines {
  let held: (() => void)[] | undefined = [];
  const release = (): void => {
    const lines = held ?? [];
    held = undefined;
    process.removeListener('exit', release);
    forgetStopSignal();
    for (const print of lines) print();
  };
  process.once('exit', release);
  const forgetStopSignal = onStopSignal(release);
  const hold =
    (print: (message: string) => void) =>
    (message: string): void => {
      if (held) held.push(() => print(message));
      else print(message);
    };
  return { info: hold(log.info), warning: hold(log.warning), release };
}
