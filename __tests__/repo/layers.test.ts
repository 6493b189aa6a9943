/**
 * src/ has a folder per action over a core that knows no action (src/action.ts says which is
 * which). Two rules: an action folder never imports another action folder, and the core never
 * imports an action folder. src/action.ts, the bundle, is the only module that sees every action.
 * And no import cycle, between modules of any folder (type-only imports, which leave no trace in
 * the bundle, aside).
 */
import { expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = join(import.meta.dirname, '..', '..', 'src');

const ACTIONS = ['login', 'retire', 'audit'];
const CORE = ['deepgram', 'registry', 'net', 'runner', 'inputs', 'shims'];

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? modules(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const folderOf = (file: string): string => relative(SRC, file).split(sep)[0] as string;

/** The modules of src/ that `file` imports, each with its specifier and whether it is type-only. */
function importsOf(file: string): { target: string; specifier: string; typeOnly: boolean }[] {
  const found = [];
  const pattern = /(import\s+type\s[^;]*?from|from|import\()\s*'(\.\.?\/[^']+)'/g;
  for (const [, how, specifier] of readFileSync(file, 'utf8').matchAll(pattern)) {
    const target = resolve(dirname(file), specifier!).replace(/\.js$/, '.ts');
    if (target.startsWith(SRC + sep))
      found.push({ target, specifier: specifier!, typeOnly: how!.startsWith('import') && how !== 'import(' });
  }
  return found;
}

test('every module of src/ is in an action folder or a core folder (or is the bundle, src/action.ts)', () => {
  const unplaced = modules(SRC)
    .map((file) => relative(SRC, file))
    .filter((file) => file !== 'action.ts' && ![...ACTIONS, ...CORE].includes(file.split(sep)[0]!));
  expect(unplaced).toEqual([]);
});

test('an action folder never imports another action folder', () => {
  const wrong = modules(SRC)
    .filter((file) => ACTIONS.includes(folderOf(file)))
    .flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => ACTIONS.includes(folderOf(target)) && folderOf(target) !== folderOf(file))
        .map(({ specifier }) => `${relative(SRC, file)} imports ${specifier}`),
    );
  expect(wrong).toEqual([]);
});

test('the core never imports an action folder, nor the bundle', () => {
  const wrong = modules(SRC)
    .filter((file) => CORE.includes(folderOf(file)))
    .flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => !CORE.includes(folderOf(target)))
        .map(({ specifier }) => `${relative(SRC, file)} imports ${specifier}`),
    );
  expect(wrong).toEqual([]);
});

test('no import cycle among the modules of src/', () => {
  const graph = new Map(
    modules(SRC).map((file) => [
      file,
      importsOf(file)
        .filter((i) => !i.typeOnly)
        .map((i) => i.target),
    ]),
  );
  const cycles: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): void => {
    if (done.has(file)) return;
    const at = path.indexOf(file);
    if (at >= 0) {
      cycles.push([...path.slice(at), file].map((f) => relative(SRC, f)).join(' -> '));
      return;
    }
    path.push(file);
    (graph.get(file) ?? []).forEach(visit);
    path.pop();
    done.add(file);
  };
  [...graph.keys()].forEach(visit);
  expect(cycles).toEqual([]);
});

test('the check sees imports: the bundle imports every action folder', () => {
  const seen = new Set(importsOf(join(SRC, 'action.ts')).map(({ target }) => folderOf(target)));
  expect([...seen].sort()).toEqual([...ACTIONS].sort());
});
