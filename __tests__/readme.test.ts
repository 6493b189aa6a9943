/**
 * Keeps the README's Inputs and Outputs tables in step with action.yml, and action.yml ready for
 * the Marketplace: every input and output documented once, with the same default and requirement.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..');

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

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
const retireAction = parse(readFileSync(join(ROOT, 'retire', 'action.yml'), 'utf8')) as ActionYml;
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The text of a `## Heading` section, up to the next heading of level 2 or higher. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
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

const inputRows = table(section(readme, 'Inputs'));
const outputRows = table(section(readme, 'Outputs'));

describe('action.yml', () => {
  test('has what the Marketplace needs', () => {
    expect(action.name).toEqual(expect.any(String));
    expect(action.description).toEqual(expect.any(String));
    // The Marketplace shows the description on a card; keep it short.
    expect(action.description!.length).toBeLessThanOrEqual(125);
    expect(action.author).toEqual(expect.any(String));
    expect(action.branding?.icon).toEqual(expect.any(String));
    expect(action.branding?.color).toEqual(expect.any(String));
  });

  test('runs on node24, main and post each from its own entry (a post step never runs main)', () => {
    expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js' });
  });

  test.each(Object.entries(action.inputs))('input %s has a description that says its default', (_name, spec) => {
    expect(spec.description?.trim()).toBeTruthy();
    if (spec.required) return;
    expect(spec.description).toMatch(/\bDefault\b/);
    if (spec.default) expect(spec.description).toMatch(new RegExp(`Default:? ${spec.default.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
  });

  test.each(Object.entries(action.outputs))('output %s has a description', (_name, spec) => {
    expect(spec.description?.trim()).toBeTruthy();
  });
});

describe('README Inputs table', () => {
  test('has the columns Input, Required, Default, Description', () => {
    expect(Object.keys(inputRows[0] ?? {})).toEqual(['Input', 'Required', 'Default', 'Description']);
  });

  test('lists every input of action.yml once, and no other', () => {
    const names = inputRows.map((row) => codeName(row.Input!));
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  test.each(Object.entries(action.inputs))('%s: same default and requirement as action.yml, and a description', (name, spec) => {
    const row = inputRows.find((r) => codeName(r.Input!) === name);
    expect(row).toBeDefined();
    expect(shownDefault(row!.Default!)).toBe(spec.default ?? '');
    expect(row!.Required).toBe(spec.required ? 'yes' : 'no');
    expect(row!.Description!.length).toBeGreaterThan(10);
  });
});

describe('README Outputs table', () => {
  test('lists every output of action.yml once, and no other', () => {
    const names = outputRows.map((row) => codeName(row.Output!));
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(action.outputs).sort());
  });

  test('every output has a description', () => {
    for (const row of outputRows) expect(row.Description!.length).toBeGreaterThan(10);
  });
});

describe('README', () => {
  test('shows the quick start and the test command CI runs', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toMatch(/^npm test\b/m);
  });

  test('examples use the published names and major tag', () => {
    expect(readme).toContain('uses: deepgram/self-hosted-login-action@v1');
    const uses = [...readme.matchAll(/uses: (\S*self-hosted-login-action\S*)/g)].map((m) => m[1]);
    expect(uses.length).toBeGreaterThan(3);
    expect(new Set(uses)).toEqual(new Set(['deepgram/self-hosted-login-action@v1', 'deepgram/self-hosted-login-action/retire@v1']));
  });
});

describe('retire/action.yml', () => {
  const rows = table(readme.slice(readme.indexOf('### Rotate a Kubernetes pull secret')));

  test('runs the shared bundle on node24, through a path that exists', () => {
    expect(retireAction.runs).toEqual({ using: 'node24', main: '../dist/retire.js' });
    expect(existsSync(join(ROOT, 'retire', retireAction.runs.main!))).toBe(true);
  });

  test('shares the API inputs with the main action, defaults included', () => {
    for (const name of ['api-key', 'project-id', 'api-url', 'request-timeout', 'max-attempts']) {
      const [mine, main] = [retireAction.inputs[name], action.inputs[name]];
      expect({ name, required: mine?.required ?? false, default: mine?.default ?? '' }).toEqual({
        name,
        required: main?.required ?? false,
        default: main?.default ?? '',
      });
    }
    expect(Object.keys(retireAction.outputs)).toEqual(['retired']);
  });

  test.each(Object.entries(retireAction.inputs))('input %s is in the README table, with its requirement and default', (name, spec) => {
    expect(spec.description?.trim()).toBeTruthy();
    if (!spec.required) expect(spec.description).toMatch(/\bDefault\b/);
    const row = rows.find((r) => codeName(r.Input!) === name);
    expect(row).toBeDefined();
    expect(row!.Required).toBe(spec.required ? 'yes' : 'no');
    expect(shownDefault(row!.Default!)).toBe(spec.default ?? '');
  });
});

describe('table parsing (the helpers this test relies on)', () => {
  test('reads cells, keeps code spans, and stops the section at the next heading', () => {
    const md = '## A\n\n| Input | Default |\n| --- | :-: |\n| `x` | `1` |\n| `y` | none |\n\n## B\n| Input | Default |';
    expect(table(section(md, 'A'))).toEqual([
      { Input: '`x`', Default: '`1`' },
      { Input: '`y`', Default: 'none' },
    ]);
    expect(shownDefault('none')).toBe('');
    expect(shownDefault('`true`')).toBe('true');
  });
});
