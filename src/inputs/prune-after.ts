/** The `prune-after` input, as the main action (when its post step prunes) and the audit (when a job set is orphaned) read it. */
import { parseDuration } from './duration.js';

const SIX_HOURS_MS = 6 * 3_600_000;

/** Default 5d: the longest a GitHub job can run, so an older job set has lost its post step. */
export function parsePruneAfter(raw: string, warnings: string[]): number {
  const ms = parseDuration('prune-after', raw === '' ? '5d' : raw, { allowOff: true });
  if (ms > 0 && ms < SIX_HOURS_MS) {
    warnings.push(
      `prune-after is ${raw}: a job of this action that is still running after that long (jobs on GitHub-hosted runners may run 6 h, on self-hosted ones 5 d) loses its credentials to another job's pruning.`,
    );
  }
  return ms;
}
