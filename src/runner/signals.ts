/**
 * What a step does when the runner stops it. A cancelled job, or a step past its timeout-minutes,
 * gets SIGINT, then SIGTERM 7.5 s later, and is killed soon after that; Node's default is to die
 * at once. That is right for most of a step (its saved state already says what post must undo),
 * but not for:
 *
 * - a process it started in a process group of its own (the registry CLI, so that a timeout ends
 *   its helpers too): the runner's signal never reaches that group, so a CLI stopped mid-login
 *   would live on, and could finish its login after post had logged out. `onStopSignal` ends it.
 * - work on a file other jobs share (post putting back the shared docker config under its lock):
 *   left half-done, the next job would wait on the lock and restore a revoked login.
 *   `finishBeforeStop` lets such work end, within the runner's grace, before the step dies.
 * - what must be said when the step dies with work unanswered (a revoke in flight):
 *   `onStoppedExit` says it last.
 *
 * So once any of these has been registered, SIGINT and SIGTERM run the stoppers, wait for the work
 * to finish (never past GRACE_MS of the first signal), say the last words, and then the step dies
 * of the same signal, as it would have without them. The handlers stay until a signal comes, also
 * when nothing is registered any more (they then only pass the signal on): removing them would
 * lose a signal that had just arrived, taken by Node from the system but not yet handed to a
 * listener, and the step would run on.
 */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
/**
 * How long, after a signal, finishing work may take: the runner sends SIGTERM 7.5 s after SIGINT
 * and kills about 2.5 s after SIGTERM, so both bounds end well before the kill.
 */
export const GRACE_MS: Readonly<Record<(typeof SIGNALS)[number], number>> = { SIGINT: 6000, SIGTERM: 1500 };

const stoppers = new Set<() => void>();
const finishing = new Set<Promise<unknown>>();
const lastWords = new Set<() => void>();
/** The signal the step was stopped with, once it was. */
let stoppedBy: NodeJS.Signals | undefined;
let deadline: { timer: NodeJS.Timeout; at: number } | undefined;
let dead = false;
/** Whether this module's handlers are on SIGINT and SIGTERM. */
let handling = false;

/**
 * Runs `stop` if the step is stopped before the returned function is called (once the process it
 * ends has exited); at once if the step is being stopped already. Not on Windows, where a child
 * shares the console, and so the signal, with us.
 */
export function onStopSignal(stop: () => void): () => void {
  if (process.platform === 'win32') return () => undefined;
  if (stoppedBy !== undefined) {
    stop();
    return () => undefined;
  }
  return register(stoppers, stop);
}

/**
 * Runs `work`; a step stopped meanwhile dies only once it has settled (or at the grace's end), so
 * that it can leave what it shares with other jobs as it should be.
 */
export async function finishBeforeStop<T>(work: () => Promise<T>): Promise<T> {
  const running = work();
  if (process.platform === 'win32') return running;
  const settled = running.then(
    () => undefined,
    () => undefined,
  );
  const release = register(finishing, settled);
  try {
    return await running;
  } finally {
    release();
    if (stoppedBy !== undefined && finishing.size === 0) die();
  }
}

/** Runs `say` just before a stopped step dies, unless the returned function was called first. */
export function onStoppedExit(say: () => void): () => void {
  if (process.platform === 'win32') return () => undefined;
  return register(lastWords, say);
}

function register<T>(set: Set<T>, item: T): () => void {
  if (!handling) for (const signal of SIGNALS) process.on(signal, stopped);
  handling = true;
  set.add(item);
  return () => {
    set.delete(item);
  };
}

function stopped(signal: NodeJS.Signals): void {
  stoppedBy = signal;
  for (const stop of stoppers) {
    try {
      stop();
    } catch {
      // The next stopper must still run, and the step must still end.
    }
  }
  stoppers.clear();
  if (finishing.size === 0) return die();
  // A second signal only shortens the time left (SIGTERM after SIGINT).
  const at = Date.now() + (GRACE_MS[signal as keyof typeof GRACE_MS] ?? 0);
  if (deadline !== undefined && deadline.at <= at) return;
  clearTimeout(deadline?.timer);
  deadline = { timer: setTimeout(die, at - Date.now()), at };
}

function die(): void {
  if (dead) return;
  dead = true;
  const signal = stoppedBy ?? 'SIGTERM';
  clearTimeout(deadline?.timer);
  for (const say of lastWords) {
    try {
      say();
    } catch {
      // The step must still end.
    }
  }
  lastWords.clear();
  finishing.clear();
  removeHandlers();
  const others = process.listeners(signal);
  // With no handler left, Node's default: the step dies of this signal, as the runner asked.
  if (others.length === 0) process.kill(process.pid, signal);
  // Another module's (proper-lockfile's signal-exit, which removes its locks and then dies of the
  // signal): given the signal now, as Node would have, before this step does anything more.
  else for (const listener of others) listener(signal);
  // Only a process that survives its own signal (a test's) gets here: as if never stopped.
  stoppedBy = undefined;
  deadline = undefined;
  dead = false;
}

function removeHandlers(): void {
  for (const signal of SIGNALS) process.off(signal, stopped);
  handling = false;
}
