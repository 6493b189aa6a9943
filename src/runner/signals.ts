/**
 * What a step does when the runner stops it. A cancelled job, or a step past its timeout-minutes,
 * gets SIGINT, then SIGTERM; Node's default is to die at once. That is right for the step itself
 * (its saved state already says what post must undo), but not for a process it started in a
 * process group of its own (the registry CLI, so that a timeout ends its helpers too): the
 * runner's signal never reaches that group, so a CLI stopped mid-login would live on, and could
 * finish its login after post had logged out.
 *
 * So while such a process runs, SIGINT and SIGTERM first run the stoppers registered here (each
 * ends its own process group), then the step dies of the same signal, as it would have without
 * them. Once installed, the handlers stay until a signal comes, also when no stopper is left (they
 * then only pass the signal on): removing them would lose a signal that arrived just before,
 * which Node has taken from the system but not yet handed to a listener, and the step would run on.
 */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const stoppers = new Set<() => void>();
let handling = false;

/**
 * Runs `stop` if the step is stopped before the returned function is called (once the process it
 * ends has exited). Not on Windows, where a child shares the console, and so the signal, with us.
 */
export function onStopSignal(stop: () => void): () => void {
  if (process.platform === 'win32') return () => undefined;
  if (!handling) for (const signal of SIGNALS) process.on(signal, stopped);
  handling = true;
  stoppers.add(stop);
  return () => {
    stoppers.delete(stop);
  };
}

function stopped(signal: NodeJS.Signals): void {
  for (const stop of stoppers) {
    try {
      stop();
    } catch {
      // The next stopper must still run, and the step must still end.
    }
  }
  stoppers.clear();
  for (const each of SIGNALS) process.off(each, stopped);
  handling = false;
  // With no handler left, Node's default: the step dies of this signal, as the runner asked.
  process.kill(process.pid, signal);
}
