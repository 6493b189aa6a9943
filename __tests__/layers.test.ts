/**
 * src/ is in folders by concern, each importing only from the folders below it (src/action.ts says
 * which is which): an import that runs back up, or sideways between peers, fails here.
 */
import { expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = join(import.meta.dirname, '..', 'src');

/** Each folder's floor: a module may import from a folder on a lower floor, or from its own. */
const FLOOR: Record<string, number> = {
  net: 0,
  runner: 0,
  shims: 0,
  deepgram: 1,
  settings: 2,
  project: 3,
  registry: 3,
  steps: 4,
  entries: 5,
};

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? modules(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const folderOf = (file: string): string => relative(SRC, file).split(sep)[0] as string;

test('every module of src/ is in a folder with a floor (or is the bundle, src/action.ts)', () => {
  const unplaced = modules(SRC)
    .map((file) => relative(SRC, file))
    .filter((file) => file !== 'action.ts' && !(file.split(sep)[0]! in FLOOR));
  expect(unplaced).toEqual([]);
});

test('no import runs up a floor or across to a peer folder', () => {
  const wrong: string[] = [];
  for (const file of modules(SRC)) {
    const from = folderOf(file);
    if (!(from in FLOOR)) continue;
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.\.?\/[^']+)'/g)) {
      const target = resolve(dirname(file), specifier!);
      if (!target.startsWith(SRC + sep)) continue;
      const to = folderOf(target);
      if (to !== from && !(FLOOR[to]! < FLOOR[from]!)) wrong.push(`${relative(SRC, file)} imports ${specifier}`);
    }
  }
  expect(wrong).toEqual([]);
});
