/**
 * The PATH lookup gives @actions/io's answer: the same file for the same PATH, in every layout
 * that matters (order, empty entries, files that are not executable, directories, non-directories).
 */
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import * as io from '@actions/io';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { which } from '../../src/registry/which.js';

const posix = process.platform !== 'win32';
let root: string;
const savedPath = process.env.PATH;

/** A directory under the test root holding `files` (name -> mode; 'dir' makes a directory). */
function dir(name: string, files: Record<string, number | 'dir'> = {}): string {
  const path = join(root, name);
  mkdirSync(path, { recursive: true });
  for (const [file, mode] of Object.entries(files)) {
    if (mode === 'dir') mkdirSync(join(path, file));
    else {
      writeFileSync(join(path, file), '#!/bin/sh\n');
      chmodSync(join(path, file), mode);
    }
  }
  return path;
}

/** which() and io.which() for the same PATH: they must agree. */
async function lookup(...entries: string[]): Promise<string> {
  process.env.PATH = entries.join(delimiter);
  const found = await which('docker');
  expect(found).toBe(await ioWhich('docker'));
  return found;
}

/**
 * io.which, with what it prints kept out of the test log: it console.logs an "Unexpected error"
 * with a stack for a PATH entry that is a file (ENOTDIR) and goes on. That line is expected here;
 * anything else it prints fails the test.
 */
async function ioWhich(tool: string): Promise<string> {
  const printed: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  try {
    return await io.which(tool, false);
  } finally {
    spy.mockRestore();
    expect(
      printed.filter((line) => !/^Unexpected error attempting to determine if executable file exists '[^']+': Error: ENOTDIR\b/.test(line)),
    ).toEqual([]);
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dg-which-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  process.env.PATH = savedPath;
});

(posix ? describe : describe.skip)('which (POSIX)', () => {
  test('the first directory holding an executable file wins', async () => {
    const a = dir('a', { docker: 0o755 });
    const b = dir('b', { docker: 0o755 });
    expect(await lookup(a, b)).toBe(join(a, 'docker'));
    expect(await lookup(b, a)).toBe(join(b, 'docker'));
  });

  test('a file that is not executable, or a directory of that name, is passed over', async () => {
    const plain = dir('plain', { docker: 0o644 });
    const folder = dir('folder', { docker: 'dir' });
    const real = dir('real', { docker: 0o700 });
    expect(await lookup(plain, folder, real)).toBe(join(real, 'docker'));
  });

  test('empty entries, missing directories and entries that are files are skipped', async () => {
    const file = join(dir('files', { 'not-a-dir': 0o644 }), 'not-a-dir');
    const real = dir('found', { docker: 0o755 });
    expect(await lookup('', join(root, 'missing'), file, '', real)).toBe(join(real, 'docker'));
  });

  test('nothing on PATH: empty, so the caller can say what it cannot do', async () => {
    expect(await lookup(dir('empty'), join(root, 'missing'))).toBe('');
    expect(await lookup()).toBe('');
  });
});
