/**
 * Random bytes from the operating system's generator, without loading node:crypto where the
 * system offers its generator as a file.
 *
 * What it saves: loading node:crypto in every main step, whose marker is made before the create
 * goes out; one of three parts with file-commands.ts and scripts/bundle-startup.js (see there).
 * /dev/urandom is the same kernel generator node:crypto's own seed comes from; where there is none
 * (Windows), or it gives fewer bytes than asked, node:crypto gives them.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

const SYSTEM_RANDOM = '/dev/urandom';

/** `count` random bytes, as lowercase hex. */
export function randomHex(count: number, source = SYSTEM_RANDOM): string {
  return (readSystemRandom(count, source) ?? randomBytes(count)).toString('hex');
}

function readSystemRandom(count: number, source: string): Buffer | undefined {
  if (process.platform === 'win32') return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(source, 'r');
    const bytes = Buffer.alloc(count);
    return readSync(fd, bytes, 0, count, null) === count ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
