/**
 * Keeps the docs in step with the actions, and readable: every input and output of every action.yml
 * documented exactly once, in its own README's Inputs and Outputs tables (the main action's in
 * README.md, a sub-action's in <folder>/README.md, so that a new sub-action is picked up by adding
 * its folder), with the same default and requirement; every action.yml ready for the Marketplace;
 * no line of the docs too long to read in a terminal or a diff; the README short.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
/** The major tag the docs tell users to follow. */
const MAJOR = 'v2';
const REPOSITORY = 'deepgram/self-hosted-login-action';

interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}

interface ActionYml {
  name?: string;
  description?: string;
  author?: string;
  branding?: { icon?: string; color?: string };
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description?: string }>;
  runs: { using?: string; main?: string; post?: string };
}

interface Action {
  /** '' for the main action, else the sub-action's folder. */
  folder: string;
  spec: ActionYml;
  readmePath: string;
}

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const yml = (path: string): ActionYml => parse(read(path)) as ActionYml;

/** The folders of the repository that are not tooling or build output. */
const SKIPPED = new Set(['node_modules', 'dist', 'coverage', '__tests__', '__fixtures__']);
const folders = readdirSync(ROOT).filter((name) => !name.startsWith('.') && !SKIPPED.has(name) && statSync(join(ROOT, name)).isDirectory());

/** The main action, then every folder with an action.yml: a sub-action. */
const actions: Action[] = [
  { folder: '', spec: yml('action.yml'), readmePath: 'README.md' },
  ...folders
    .filter((folder) => existsSync(join(ROOT, folder, 'action.yml')))
    .map((folder) => ({ folder, spec: yml(`${folder}/action.yml`), readmePath: `${folder}/README.md` })),
];
const [main] = actions as [Action, ...Action[]];
const subActions = actions.slice(1);

/** Every Markdown file a user or contributor reads. */
function docs(): string[] {
  const inDocs = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? inDocs(`${dir}/${entry.name}`) : entry.name.endsWith('.md') ? [`${dir}/${entry.name}`] : [],
    );
  return [
    ...['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'SECURITY.md'].filter((path) => existsSync(join(ROOT, path))),
    ...(existsSync(join(ROOT, 'docs')) ? inDocs('docs') : []),
    ...folders.filter((folder) => existsSync(join(ROOT, folder, 'README.md'))).map((folder) => `${folder}/README.md`),
  ];
}

/** The text of a `## Heading` section, up to the next heading of level 2 or higher. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const end = lines.findIndex((line, i) => i > start && /^#{1,2} /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The first table in `text`: one record per body row, keyed by the header cells. */
function table(text: string): Record<string, string>[] {
  const rows = text
    .split(/\r?\n/)
    .filter((line) => line.trim().startsWith('|'))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  const [header, separator, ...body] = rows;
  if (!header || !separator || !separator.every((cell) => /^:?-+:?$/.test(cell))) throw new Error('no Markdown table found');
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

/** `name` from a cell holding `` `name` ``. */
const codeName = (cell: string): string => /^`([^`]+)`$/.exec(cell)?.[1] ?? cell;

/** The default a README cell shows: the first code span, or '' when the cell has none. */
const shownDefault = (cell: string): string => /`([^`]*)`/.exec(cell)?.[1] ?? '';

/** The anchors GitHub gives a Markdown file's headings (outside code blocks). */
function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6} (.+)$/.exec(line);
    if (heading) found.add(slug(heading[1]!));
  }
  return found;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-');

/**
 * The indexes of the lines between the markers of a table `npm run docs` generates (scripts/docs.js)
 * from an action.yml: a table row cannot be wrapped, and its text is action.yml's.
 */
function generatedLines(markdown: string): Set<number> {
  const found = new Set<number>();
  let inside = false;
  markdown.split(/\r?\n/).forEach((line, i) => {
    if (/^<!-- end of (inputs|outputs) -->$/.test(line)) inside = false;
    if (inside) found.add(i);
    if (/^<!-- (inputs|outputs): generated by `npm run docs`/.test(line)) inside = true;
  });
  return found;
}

/** A line that is only a URL, a link or a linked image (a badge): it cannot be wrapped. */
const onlyALink = (line: string): boolean =>
  /^(<?https?:\/\/\S+>?|\[[^\]]*\]\(\S+\)|\[!\[[^\]]*\]\(\S+\)\]\(\S+\)|\[[^\]]*\]: \S+)$/.test(line.trim());

describe.each(actions.map((action) => [action.folder || '(main)', action] as const))('action %s', (_label, action) => {
  const readme = existsSync(join(ROOT, action.readmePath)) ? read(action.readmePath) : '';
  const inputRows = () => table(section(readme, 'Inputs'));
  const outputRows = () => table(section(readme, 'Outputs'));

  test('has what the Marketplace needs', () => {
    expect(action.spec.name).toEqual(expect.any(String));
    expect(action.spec.description).toEqual(expect.any(String));
    // The Marketplace shows the description on a card; keep it short.
    expect(action.spec.description!.length).toBeLessThanOrEqual(125);
    expect(action.spec.author).toEqual(expect.any(String));
    expect(action.spec.branding?.icon).toEqual(expect.any(String));
    expect(action.spec.branding?.color).toEqual(expect.any(String));
  });

  test(`has a README (${action.readmePath}) with an Inputs table whose columns are Input, Required, Default, Description`, () => {
    expect(readme).not.toBe('');
    expect(Object.keys(inputRows()[0] ?? {})).toEqual(['Input', 'Required', 'Default', 'Description']);
  });

  test('its README lists every input of its action.yml once, and no other', () => {
    const names = inputRows().map((row) => codeName(row.Input!));
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect([...names].sort()).toEqual(Object.keys(action.spec.inputs ?? {}).sort());
  });

  test('each input: the same default and requirement in action.yml and the README, and described in both', () => {
    for (const [name, spec] of Object.entries(action.spec.inputs ?? {})) {
      expect({ name, description: Boolean(spec.description?.trim()) }).toEqual({ name, description: true });
      // action.yml's description is what the Marketplace and editors show: it says the default.
      if (!spec.required)
        expect({ name, description: spec.description }).toEqual({ name, description: expect.stringMatching(/\bDefault\b/) });
      if (!spec.required && spec.default) {
        const escaped = spec.default.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        expect({ name, description: spec.description }).toEqual({
          name,
          description: expect.stringMatching(new RegExp(`Default:? \`?${escaped}\`?`)),
        });
      }
      const row = inputRows().find((r) => codeName(r.Input!) === name);
      expect({ name, row: Boolean(row) }).toEqual({ name, row: true });
      expect({ name, required: row!.Required, default: shownDefault(row!.Default!), described: row!.Description!.length > 10 }).toEqual({
        name,
        required: spec.required ? 'yes' : 'no',
        default: spec.default ?? '',
        described: true,
      });
    }
  });

  test('its README lists every output of its action.yml once, described, and no other', () => {
    const rows = outputRows();
    const names = rows.map((row) => codeName(row.Output!));
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect([...names].sort()).toEqual(Object.keys(action.spec.outputs ?? {}).sort());
    for (const row of rows)
      expect({ output: row.Output, described: row.Description!.length > 10 }).toEqual({ output: row.Output, described: true });
    for (const [name, spec] of Object.entries(action.spec.outputs ?? {}))
      expect({ name, description: Boolean(spec.description?.trim()) }).toEqual({ name, description: true });
  });

  test('each input and output is in one README only: its own', () => {
    const others = actions.filter((other) => other !== action && existsSync(join(ROOT, other.readmePath)));
    for (const other of others) {
      const text = read(other.readmePath);
      const rows = [...table(section(text, 'Inputs')), ...table(section(text, 'Outputs'))];
      const documented = new Set(rows.map((row) => codeName(row.Input ?? row.Output!)));
      const names = [...Object.keys(action.spec.inputs ?? {}), ...Object.keys(action.spec.outputs ?? {})];
      // A name two actions share (api-key) is each one's own input, documented in each README.
      const shared = new Set([...Object.keys(other.spec.inputs ?? {}), ...Object.keys(other.spec.outputs ?? {})]);
      expect(names.filter((name) => documented.has(name) && !shared.has(name))).toEqual([]);
    }
  });
});

describe('action.yml (main)', () => {
  test('runs on node24, main and post each from its own entry (a post step never runs main)', () => {
    expect(main.spec.runs).toMatchObject({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js' });
  });
});

describe.each(subActions.map((action) => [action.folder, action] as const))('sub-action %s', (folder, action) => {
  test('runs the shared bundle on node24, through a path that exists', () => {
    expect(action.spec.runs.using).toBe('node24');
    expect(action.spec.runs.main).toMatch(/^\.\.\/dist\/[\w-]+\.js$/);
    expect(existsSync(join(ROOT, folder, action.spec.runs.main!))).toBe(true);
  });

  test('shares its API inputs with the main action, defaults included', () => {
    for (const name of ['api-key', 'project-id', 'api-url', 'request-timeout', 'max-attempts']) {
      const [mine, theirs] = [action.spec.inputs[name], main.spec.inputs[name]];
      if (!mine) continue;
      expect({ name, required: mine.required ?? false, default: mine.default ?? '' }).toEqual({
        name,
        required: theirs?.required ?? false,
        default: theirs?.default ?? '',
      });
    }
  });
});

describe('the docs', () => {
  const files = docs();

  test('cover the README, CONTRIBUTING.md, docs/ and every sub-action README', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', ...subActions.map((a) => a.readmePath)]));
    expect(files.some((file) => file.startsWith('docs/'))).toBe(true);
  });

  test('no line is over 200 characters, except a line that is only a URL or a link, or a row of a generated table', () => {
    const long = files.flatMap((file) => {
      const generated = generatedLines(read(file));
      return read(file)
        .split(/\r?\n/)
        .flatMap((line, i) =>
          line.length > 200 && !onlyALink(line) && !generated.has(i) ? [`${file}:${i + 1} (${line.length} characters)`] : [],
        );
    });
    expect(long).toEqual([]);
  });

  test('the README is at most 25 KB, with its first usage example in the first screen', () => {
    const readme = read('README.md');
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(25_600);
    const firstExample = readme.split('\n').findIndex((line) => line.startsWith('```yaml'));
    expect(firstExample).toBeGreaterThanOrEqual(0);
    expect(firstExample).toBeLessThan(20);
  });

  test('examples use the published names and the major tag (or a full commit SHA, as docs/releasing.md pins it)', () => {
    const names = [REPOSITORY, ...subActions.map((a) => `${REPOSITORY}/${a.folder}`)];
    const published = new Set(names.map((name) => `${name}@${MAJOR}`));
    const pinned = (use: string) => names.some((name) => new RegExp(`^${name}@[0-9a-f]{40}$`).test(use));
    const uses = files.flatMap((file) =>
      [...read(file).matchAll(/uses: (\S*self-hosted-login-action\S*)/g)].map((m) => `${file}: ${m[1]}`),
    );
    expect(uses.length).toBeGreaterThan(5);
    expect(uses.filter((use) => !published.has(use.split(': ')[1]!) && !pinned(use.split(': ')[1]!))).toEqual([]);
    expect(read('README.md')).toContain(`uses: ${REPOSITORY}@${MAJOR}`);
  });

  test('link only to files and headings that exist in the repository, never to a path outside it', () => {
    const broken = files.flatMap((file) =>
      [...read(file).matchAll(/\]\(([^)\s#]*)(?:#([^)\s]*))?\)/g)]
        .filter(([, target]) => !/^[a-z]+:/.test(target!))
        .filter(([, target, anchor]) => {
          const resolved = target ? join(ROOT, file, '..', target) : join(ROOT, file);
          const path = relative(ROOT, resolved);
          if (path.startsWith('..')) return true;
          if (!existsSync(resolved)) return true;
          return anchor !== undefined && path.endsWith('.md') && !anchors(read(path)).has(anchor);
        })
        .map(([link]) => `${file}: ${link}`),
    );
    expect(broken).toEqual([]);
  });

  test('CONTRIBUTING.md shows the quick start and the test command CI runs', () => {
    const contributing = read('CONTRIBUTING.md');
    expect(contributing).toContain('npm ci && npm run demo');
    expect(contributing).toMatch(/^npm test\b/m);
  });
});

describe('the helpers this test relies on', () => {
  test('table parsing reads cells, keeps code spans, and stops the section at the next heading', () => {
    const md = '## A\n\n| Input | Default |\n| --- | :-: |\n| `x` | `1` |\n| `y` | none |\n\n## B\n| Input | Default |';
    expect(table(section(md, 'A'))).toEqual([
      { Input: '`x`', Default: '`1`' },
      { Input: '`y`', Default: 'none' },
    ]);
    expect(shownDefault('none')).toBe('');
    expect(shownDefault('`true`')).toBe('true');
  });

  test('anchors are made as GitHub makes them', () => {
    expect([
      ...anchors('# A b\n```sh\n# not a heading\n```\n### `login: false`: hand it over\n## Creates that may have landed: the sweep'),
    ]).toEqual(['a-b', 'login-false-hand-it-over', 'creates-that-may-have-landed-the-sweep']);
  });

  test("only a generated table's rows count as generated", () => {
    const md = 'a\n<!-- inputs: generated by `npm run docs` from action.yml; edit -->\n| x |\n| y |\n<!-- end of inputs -->\nb';
    expect([...generatedLines(md)]).toEqual([2, 3]);
  });

  test('a line that is only a link or a URL is told from prose', () => {
    expect(onlyALink('[![CI](https://example.com/badge.svg)](https://example.com/ci)')).toBe(true);
    expect(onlyALink('https://example.com/a/very/long/path')).toBe(true);
    expect(onlyALink('[text](https://example.com)')).toBe(true);
    expect(onlyALink('see [text](https://example.com) for more')).toBe(false);
    expect(onlyALink('| `x` | a table row |')).toBe(false);
  });
});
