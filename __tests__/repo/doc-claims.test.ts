/**
 * What the documentation claims, held to the code where a test can hold it:
 *
 * - every tag shown in the docs (and in action.yml's descriptions) is a form the code writes
 *   (src/deepgram/tags.ts parses it and writes it back the same), of the kind its sentence names;
 * - the clock the docs say ages are measured by is the one the code measures them by;
 * - each example's key has the role its steps need, by the README's table of roles, which names
 *   the roles each action.yml's `api-key` description names;
 * - no figure that drifts with each commit (test counts, run times, sizes) outside
 *   docs/performance.md, where figures are dated.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { formatTag, parseTag, type TagKind } from '../../src/deepgram/tags.js';
import { apiNow } from '../../src/deepgram/clock.js';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** Every Markdown file a user or contributor reads. */
const DOCS = [
  ...['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'SECURITY.md', 'retire/README.md', 'audit/README.md', 'sandbox/README.md'],
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
].filter((path) => existsSync(join(ROOT, path)));
const ACTION_YMLS = ['action.yml', 'retire/action.yml', 'audit/action.yml'];

interface Unit {
  where: string;
  text: string;
}

/**
 * The sentences of a Markdown text, each with the headings it sits under; a table row and a fenced
 * block (with the sentence before it) are one unit each.
 */
function units(file: string, markdown: string): Unit[] {
  const found: Unit[] = [];
  const headings: string[] = [];
  // The paragraph being read ('' when none) and the line it starts on.
  let paragraph = '';
  let paragraphLine = 0;
  let lastSentence = '';
  const flush = () => {
    if (!paragraph) return;
    const sentences = paragraph.split(/(?<=[.!?])\s+(?=[A-Z`(*[])/);
    for (const sentence of sentences)
      found.push({ where: `${file}:${paragraphLine}`, text: [...headings, sentence].filter(Boolean).join(' / ') });
    lastSentence = sentences.at(-1) ?? '';
    paragraph = '';
  };
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s*(`{3,})/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trim().startsWith(fence[1]!); i++) body.push(lines[i]!);
      found.push({ where: `${file}:${i}`, text: [...headings, `${lastSentence}\n${body.join('\n')}`].filter(Boolean).join(' / ') });
      continue;
    }
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      flush();
      headings.length = heading[1]!.length - 1;
      headings[heading[1]!.length - 1] = heading[2]!;
      continue;
    }
    if (/^\s*\|/.test(line)) {
      flush();
      found.push({ where: `${file}:${i + 1}`, text: [...headings, line].filter(Boolean).join(' / ') });
      continue;
    }
    if (line.trim() === '' || /^\s*(?:[-*]|\d+\.) /.test(line)) flush();
    if (line.trim() === '') continue;
    if (!paragraph) paragraphLine = i + 1;
    paragraph = paragraph ? `${paragraph} ${line.trim()}` : line.trim();
  }
  flush();
  return found;
}

/** Each action.yml's input and output descriptions, a unit each. */
function actionUnits(): Unit[] {
  return ACTION_YMLS.flatMap((file) => {
    const spec = parse(read(file)) as Record<'inputs' | 'outputs', Record<string, { description?: string }>>;
    return (['inputs', 'outputs'] as const).flatMap((kind) =>
      Object.entries(spec[kind] ?? {}).flatMap(([name, { description = '' }]) =>
        description
          .split(/(?<=[.!?])\s+(?=[A-Z`(*[])/)
          .map((sentence) => ({ where: `${file}: ${kind}.${name}`, text: `${name}: ${sentence}` })),
      ),
    );
  });
}

const ALL_UNITS = [...DOCS.flatMap((file) => units(file, read(file))), ...actionUnits()];

// ---- tags ----

/** A tag as the docs show it: a real one, or a template (`<12 hex>`, `<hex>`, `<name>`). */
const SHOWN_TAG = /\[dg-action:(?:[0-9a-f]{12}|<12 hex(?: digits)?>|<hex>)(?: [^\]`"\n]*)?\]/g;

/** The template filled in as the code would write it. */
const instance = (shown: string): string =>
  shown
    .replace(/<12 hex(?: digits)?>|<hex>/, '0123456789ab')
    .replace(/<name>/, 'a-name')
    .replace(/<[^>]*>/g, 'x');

/** The words by which a sentence names each kind of set, its tags taken out. */
const KIND_WORDS: Record<TagKind['kind'], RegExp> = {
  job: /\bjobs?\b|\borphaned\b/i,
  kept: /revoke: false|\bkept\b|\brevoke\b[\s\S]*`false`/,
  named: /\bkeep\b|kept under (?:a|the) name/,
  legacy: /\b1\.0\.0\b|\blegacy\b/,
};

describe('tags shown in the docs and action.yml', () => {
  const shown = ALL_UNITS.flatMap((unit) => [...unit.text.matchAll(SHOWN_TAG)].map((m) => ({ ...unit, tag: m[0] })));

  test('there are tags of every kind to check', () => {
    const kinds = new Set(shown.map(({ tag }) => parseTag(instance(tag))?.kind.kind));
    expect([...kinds].sort()).toEqual(['job', 'kept', 'legacy', 'named']);
  });

  test('each is a form the code writes: it parses, and the code writes it back the same', () => {
    const wrong = shown.filter(({ tag }) => {
      const parsed = parseTag(`comment ${instance(tag)}`);
      return parsed === undefined || formatTag(parsed) !== instance(tag);
    });
    expect(wrong.map(({ where, tag }) => `${where}: ${tag}`)).toEqual([]);
  });

  test('each is of the kind its sentence names (a 1.0.0 tag where the text speaks of 1.0.0, a job tag of a job)', () => {
    const wrong = shown.filter(({ tag, text }) => {
      const kind = parseTag(`comment ${instance(tag)}`)?.kind.kind;
      return kind !== undefined && !KIND_WORDS[kind].test(text.replace(SHOWN_TAG, ''));
    });
    expect(wrong.map(({ where, tag, text }) => `${where}: ${tag} in "${text.slice(-200)}"`)).toEqual([]);
  });

  test('the check itself: a bare 1.0.0 tag shown as a job set, or a tag the code does not write, is caught', () => {
    const [unit] = units('x.md', 'A comment naming the run, such as `run 1 [dg-action:5f0c2a9e7b4d]`.\n');
    const tag = [...unit!.text.matchAll(SHOWN_TAG)][0]![0];
    expect(KIND_WORDS[parseTag(instance(tag))!.kind.kind].test(unit!.text.replace(SHOWN_TAG, ''))).toBe(false);
    expect(parseTag(instance('[dg-action:<hex> keep=Bad_Name]'))).toBeUndefined();
    expect(units('y.md', '## The [1.0.0] release\n\nIt wrote `[dg-action:<12 hex>]`. Then a job.\n').map((u) => u.text)).toEqual([
      'The [1.0.0] release / It wrote `[dg-action:<12 hex>]`.',
      'The [1.0.0] release / Then a job.',
    ]);
  });
});

// ---- the clock ----

describe('the clock ages are measured by', () => {
  const claims = ALL_UNITS.flatMap((unit) =>
    [...unit.text.matchAll(/\bmeasured (?:by|against) the (API|runner)'s clock/gi)].map((m) => ({ where: unit.where, clock: m[1]! })),
  );

  test('is named in the docs of pruning, retire and the audit', () => {
    const files = new Set(claims.map((claim) => claim.where.split(':')[0]));
    expect([...files]).toEqual(expect.arrayContaining(['docs/how-it-works.md', 'retire/README.md', 'audit/README.md']));
  });

  test("is, wherever the docs name it, the one the code uses: the API's, by its answer's Date header", () => {
    const apiTime = Date.parse('2026-06-01T06:00:00Z');
    const runnerTime = apiTime + 3 * 86_400_000;
    const used = apiNow({ date: new Date(apiTime).toUTCString() }, () => {}, runnerTime) === apiTime ? 'API' : 'runner';
    expect(claims.filter((claim) => claim.clock !== used).map((claim) => `${claim.where}: the ${claim.clock}'s clock`)).toEqual([]);
  });

  test('every step that measures ages takes its time from apiNow', () => {
    for (const file of ['src/login/cleanup.ts', 'src/retire/step.ts', 'src/audit/step.ts']) {
      expect({ file, apiNow: /\bapiNow\(page\b/.test(read(file)) }).toEqual({ file, apiNow: true });
    }
  });
});

// ---- the key's role ----

type Action = 'main' | 'retire' | 'audit';
const ROLE_WORDS = ['owner', 'admin', 'member', 'keys:write'];

/** The README's table of roles: what each action needs, and the role of each secret the examples use. */
function rolesTable(): { needs: Record<Action, Set<string>>; secrets: Record<string, Set<string>> } {
  const readme = read('README.md');
  const rows = readme
    .split('\n')
    .filter((line) => /^\s*\| .*\|\s*$/.test(line) && /DEEPGRAM_|\(the same key\)/.test(line))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    );
  const needs = {} as Record<Action, Set<string>>;
  const secrets: Record<string, Set<string>> = {};
  for (const [action, , need, secret] of rows) {
    const roles = new Set(ROLE_WORDS.filter((role) => need!.includes(role)));
    const name = (/^(main|\[(retire|audit)\])/.exec(action!)?.[2] ?? (action === 'main' ? 'main' : undefined)) as Action | undefined;
    if (name) needs[name] = roles;
    const secretName = /^`([A-Z_]+)`$/.exec(secret!)?.[1];
    if (name && secretName) secrets[secretName] = roles;
  }
  return { needs, secrets };
}

/** Each step of the docs' workflow examples that runs one of this repository's actions: its action and secret. */
function exampleSteps(): { where: string; action: Action; secret: string | undefined }[] {
  const found: { where: string; action: Action; secret: string | undefined }[] = [];
  for (const file of DOCS) {
    for (const [, body] of read(file).matchAll(/^\s*```ya?ml\n([\s\S]*?)^\s*```/gm)) {
      let value: unknown;
      try {
        value = parse(body!.replace(/^ {2,}(?=\S)/gm, (indent) => indent));
      } catch {
        continue;
      }
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (node === null || typeof node !== 'object') return;
        const step = node as { uses?: string; with?: Record<string, string> };
        const m = typeof step.uses === 'string' ? /^deepgram\/self-hosted-login-action(?:\/(retire|audit))?@/.exec(step.uses) : null;
        if (m) {
          const secret = /\$\{\{\s*secrets\.(\w+)\s*\}\}/.exec(String(step.with?.['api-key'] ?? ''))?.[1];
          found.push({ where: `${file}: ${step.uses}`, action: (m[1] ?? 'main') as Action, secret });
        }
        Object.values(node).forEach(visit);
      };
      visit(value);
    }
  }
  return found;
}

describe("the key's role", () => {
  const { needs, secrets } = rolesTable();

  test("the README's table names what each action needs, and a secret of that role for each", () => {
    expect(needs).toEqual({
      main: new Set(['owner', 'admin', 'keys:write']),
      retire: new Set(['owner', 'admin']),
      audit: new Set(['owner', 'admin']),
    });
    expect(Object.keys(secrets).sort()).toEqual(['DEEPGRAM_ADMIN_API_KEY', 'DEEPGRAM_API_KEY']);
  });

  test("each action.yml's api-key description names the roles the table gives it", () => {
    const files: Record<Action, string> = { main: 'action.yml', retire: 'retire/action.yml', audit: 'audit/action.yml' };
    for (const [action, roles] of Object.entries(needs) as [Action, Set<string>][]) {
      const description = (parse(read(files[action])) as { inputs: Record<string, { description: string }> }).inputs['api-key']!
        .description;
      for (const role of roles) expect({ action, role, named: description.includes(role) }).toEqual({ action, role, named: true });
    }
  });

  test('each example gives each step a key from the table whose role is enough for that action', () => {
    const steps = exampleSteps();
    expect(steps.map((s) => s.action)).toEqual(expect.arrayContaining(['main', 'retire', 'audit']));
    const wrong = steps.filter(({ action, secret }) => {
      const has = secret === undefined ? undefined : secrets[secret];
      return has === undefined || [...has].some((role) => !needs[action].has(role));
    });
    expect(wrong.map(({ where, secret }) => `${where} with secrets.${secret}`)).toEqual([]);
  });
});

// ---- figures ----

/** Figures that change with every commit, and so belong only in docs/performance.md, dated. */
const DRIFTING: RegExp[] = [
  /\b\d[\d,]*\s+(?:tests|test suites|mutants)\b/i, // test and mutant counts
  /\babout (?:a|an|one|\d[\d.]*) ?(?:minutes?|seconds?|s|hours?)\b/i, // how long a command takes
  /\b\d[\d.]* ?(?:KB|KiB|MB|GB)\b/, // sizes...
  /\b\d[\d.]* ?ms (?:slower|faster)\b/i,
];
/** ...but for the limits the code and GitHub enforce, which change only when the code does. */
const LIMITS = /\b(?:1 MB|1 MiB|64 MiB|64 KiB)\b/g;

describe('figures', () => {
  test('none that drifts with each commit is written outside docs/performance.md', () => {
    const found = DOCS.filter((file) => file !== 'docs/performance.md').flatMap((file) =>
      read(file)
        .split('\n')
        .flatMap((line, i) =>
          DRIFTING.flatMap((pattern) => (pattern.test(line.replace(LIMITS, '')) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
        ),
    );
    expect(found).toEqual([]);
  });

  test('the check itself: a test count, a run time or a bundle size is caught, a limit is not', () => {
    const caught = (line: string) => DRIFTING.some((pattern) => pattern.test(line.replace(LIMITS, '')));
    expect(['npm test runs 1,211 tests', 'takes about a minute', 'the bundle is 220 KiB', '2 to 4 ms slower'].map(caught)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['answers are capped at 1 MiB', 'a list is cut at 64 MiB', 'runs every test'].map(caught)).toEqual([false, false, false]);
  });

  test("docs/performance.md dates every measurement: each section's figures follow a date", () => {
    const performance = read('docs/performance.md');
    const sections = performance.split(/^(?=## |\*\*(?:Now|Before))/m).slice(1);
    const DATE =
      /\b(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{1,2})?,? \d{4}\b/;
    for (const section of sections) {
      if (!/\|\s*[\d.,]+ ?(?:ms|KiB|MB|s|%)\s*\|/.test(section) && !/\b\d[\d,]* mutants\b/.test(section)) continue;
      expect({ section: section.split('\n')[0], dated: DATE.test(section) }).toEqual({ section: section.split('\n')[0], dated: true });
    }
  });
});
