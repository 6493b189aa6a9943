/**
 * Where a program is on PATH: the answer @actions/io's which(tool) gives, for less.
 *
 * What it saves: loading @actions/io (a chunk of dist/) in every step that logs in or out, and its
 * search, which stats every directory on PATH, one asynchronous stat after another, before taking
 * the first match (docs/performance.md has the measurement). On Linux and macOS the same search
 * (same directories, same order, same test for an executable file) is done here with synchronous
 * stats that stop at the first match. On Windows, where PATHEXT and file-name case come into it,
 * io.which itself answers. What would break it: a difference from io.which's answer, which
 * __tests__/registry/which.test.ts compares on real files.
 */
import { statSync, type Stats } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The path of the first executable file named `tool` on PATH, or '' when there is none. */
export async function which(tool: string): Promise<string> {
  // Loaded only there: @actions/io is not needed at a Linux or macOS step's start.
  if (process.platform === 'win32') return (await import('@actions/io')).which(tool, false);
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    if (!directory) continue;
    const file = join(directory, tool);
    let stats: Stats | undefined;
    try {
      stats = statSync(file, { throwIfNoEntry: false });
    } catch {
      continue; // not a directory, not readable: io.which skips it too
    }
    if (stats?.isFile() && isUnixExecutable(stats)) return file;
  }
  return '';
}

/** @actions/io's test: executable by others, or by our group or by us as the owner. */
function isUnixExecutable(stats: Stats): boolean {
  return (
    (stats.mode & 0o001) > 0 ||
    ((stats.mode & 0o010) > 0 && process.getgid !== undefined && stats.gid === process.getgid()) ||
    ((stats.mode & 0o100) > 0 && process.getuid !== undefined && stats.uid === process.getuid())
  );
}
