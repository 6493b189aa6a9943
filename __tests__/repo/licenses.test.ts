/** dist/licenses.txt names every package whose code is in dist/: the bundle's and its chunks'. */
import { expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(import.meta.dirname, '..', '..', 'dist');

test('every package in the source maps of dist/ has its licence in dist/licenses.txt', () => {
  const maps = readdirSync(DIST).filter((name) => name.endsWith('.js.map'));
  expect(maps.length).toBeGreaterThan(1);
  const packages = new Set<string>();
  for (const map of maps) {
    const { sources } = JSON.parse(readFileSync(join(DIST, map), 'utf8')) as { sources: string[] };
    for (const source of sources) {
      const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
      if (name) packages.add(name);
    }
  }
  expect([...packages]).toEqual(expect.arrayContaining(['@actions/core', '@actions/io', 'proper-lockfile']));
  const listed = readFileSync(join(DIST, 'licenses.txt'), 'utf8');
  for (const name of packages) expect(listed).toMatch(new RegExp(`^${name}\\n[A-Za-z0-9.-]+\\n`, 'm'));
});
