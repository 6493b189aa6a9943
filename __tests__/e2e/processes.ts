/**
 * The processes a test started: every step runs with RUNNER_TEMP set to its harness's work folder,
 * and everything a step starts (docker, podman, their helpers) inherits it. A test ends only once
 * they are all gone, so nothing of it can reach the next test's sandbox, registry or files.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface TestProcess {
  pid: number;
  command: string;
}

/** The live processes whose environment has RUNNER_TEMP=`workdir` (a zombie has no environment). */
export function processesOf(workdir: string): TestProcess[] {
  const marker = Buffer.from(`\0RUNNER_TEMP=${workdir}\0`);
  const found: TestProcess[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // A leading NUL, so the variable matches only as a whole, wherever it is.
      const environ = Buffer.concat([Buffer.from('\0'), readFileSync(`/proc/${name}/environ`)]);
      if (!environ.includes(marker)) continue;
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({ pid: Number(name), command });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/**
 * Resolves once no process of `workdir` is alive; after `withinMs`, ends those left (they are this
 * test's own) and rejects, naming them: a process a test leaves behind is that test's failure.
 */
export async function allGone(workdir: string, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const left = processesOf(workdir);
    if (left.length === 0) return;
    if (Date.now() > deadline) {
      for (const { pid } of left) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      throw new Error(`processes of this test still alive ${withinMs} ms after it: ${left.map((p) => `${p.pid} ${p.command}`).join('; ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
