/**
 * The repository's own workflows, held to the rules security-minded users run on theirs: GitHub
 * loads each one; every action is pinned by full commit SHA with its version in a comment (which
 * dependabot keeps current); `permissions: {}` at the top and each job granted only what it uses;
 * no checkout leaves its token in .git/config unless the job pushes; no `${{ }}` inside `run:`
 * (an expression there is pasted into the script before the shell reads it). Every action.yml
 * parses as GitHub's action schema, and dependabot waits before proposing a new release.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { actionErrors, readWorkflow, stepsOf, workflowErrors, type Step, type Workflow } from './workflow-parser/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const WORKFLOWS = join(ROOT, '.github', 'workflows');

/** A remote action pinned by commit: owner/repo[/path]@<40 hex>. */
const PINNED = /^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40}$/;
/** The version a pin stands for, as dependabot writes and updates it: `# v1.2.3`. */
const VERSION_COMMENT = /^#\s*v\d+\.\d+\.\d+$/;

const usesAttest = (steps: Step[]): boolean => steps.some((s) => /^actions\/attest(?:-build-provenance)?@/.test(s.uses ?? ''));
const runs = (pattern: RegExp) => (steps: Step[]) => steps.some((s) => pattern.test(s.run ?? ''));

/** The scopes a job may be granted `write` on, each with what shows that the job uses it. */
const WRITE_NEEDS: Record<string, (steps: Step[]) => boolean> = {
  'id-token': usesAttest,
  attestations: usesAttest,
  'security-events': (steps) => steps.some((s) => (s.uses ?? '').startsWith('github/codeql-action/')),
  contents: runs(/\b(?:gh release|gh api|git push)\b/),
};

/** Every rule a workflow breaks, one line each; `[]` when it keeps them all. */
function ruleViolations(name: string, text: string, workflow: Workflow): string[] {
  const found: string[] = [];
  const lines = text.split(/\r?\n/);

  if (!isEmptyMapping(workflow.permissions)) found.push(`${name}: the top-level permissions must be {} (each job grants its own)`);

  for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
    const steps = job.steps ?? [];
    if (job.permissions === undefined || job.permissions === null || typeof job.permissions !== 'object') {
      found.push(`${name}: job ${id} must grant its permissions as a mapping (${JSON.stringify(job.permissions ?? null)})`);
    } else {
      for (const [scope, level] of Object.entries(job.permissions)) {
        if (level !== 'write') continue;
        const needs = WRITE_NEEDS[scope];
        if (!needs) found.push(`${name}: job ${id} is granted ${scope}: write, which no job here needs`);
        else if (!needs(steps)) found.push(`${name}: job ${id} is granted ${scope}: write but has no step that uses it`);
      }
    }
    const pushes = runs(/\bgit push\b/)(steps);
    for (const step of steps) {
      if (/^actions\/checkout@/.test(step.uses ?? '') && !pushes && String(step.with?.['persist-credentials']) !== 'false') {
        found.push(`${name}: job ${id} checks out without persist-credentials: false, and never pushes`);
      }
    }
  }

  const uses = [
    ...Object.values(workflow.jobs ?? {}).flatMap((job) => (job.uses ? [job.uses] : [])),
    ...stepsOf(workflow).flatMap(({ step }) => (step.uses ? [step.uses] : [])),
  ];
  for (const ref of new Set(uses)) {
    if (ref.startsWith('./')) continue;
    if (!PINNED.test(ref)) {
      found.push(`${name}: ${ref} is not pinned by full commit SHA`);
      continue;
    }
    const escaped = ref.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const written = lines.map((line) => new RegExp(`^\\s*(?:-\\s+)?uses:\\s*${escaped}\\s*(#.*)?$`).exec(line)).filter((m) => m !== null);
    if (written.length === 0) found.push(`${name}: write "uses: ${ref}" on a line of its own, with its version in a comment`);
    for (const m of written) {
      if (!VERSION_COMMENT.test(m[1]?.trim() ?? '')) found.push(`${name}: ${ref} has no "# v<major>.<minor>.<patch>" comment`);
    }
  }

  for (const { job, step } of stepsOf(workflow)) {
    if ((step.run ?? '').includes('${{')) found.push(`${name}: a run: of job ${job} holds an expression; pass it through env:`);
  }
  return found;
}

function isEmptyMapping(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}

const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

describe.each(files)('.github/workflows/%s', (file) => {
  const text = readFileSync(join(WORKFLOWS, file), 'utf8');

  test('is a workflow GitHub loads', async () => {
    expect(await workflowErrors(file, text)).toEqual([]);
  });

  test('keeps the rules: pinned actions, least permissions, no persisted token, no expression in run:', () => {
    expect(ruleViolations(file, text, readWorkflow(text))).toEqual([]);
  });
});

test('each action is pinned to one commit in every workflow, so no file lags behind', () => {
  const pins = new Map<string, Set<string>>();
  for (const file of files) {
    for (const [, action, sha] of readFileSync(join(WORKFLOWS, file), 'utf8').matchAll(
      /uses:\s*([\w.-]+\/[\w.-]+)(?:\/[\w./-]+)?@([0-9a-f]{40})/g,
    )) {
      pins.set(action!, (pins.get(action!) ?? new Set()).add(sha!));
    }
  }
  expect(pins.size).toBeGreaterThanOrEqual(4);
  for (const [action, shas] of pins) expect([action, shas.size]).toEqual([action, 1]);
});

test('there are workflows to check, the release workflow among them', () => {
  expect(files).toEqual(expect.arrayContaining(['ci.yml', 'check-dist.yml', 'codeql.yml', 'release.yml']));
});

describe('the rules', () => {
  const SHA = 'a'.repeat(40);
  const good = `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@${SHA} # v7.0.1
        with:
          persist-credentials: false
      - run: echo "$REF"
        env:
          REF: \${{ github.ref }}
`;
  const violations = async (text: string): Promise<string[]> => {
    expect(await workflowErrors('w.yml', text)).toEqual([]);
    return ruleViolations('w.yml', text, readWorkflow(text));
  };

  test('pass a workflow that keeps them', async () => {
    expect(await violations(good)).toEqual([]);
  });

  test.each([
    ['an action followed by a tag', good.replace(`@${SHA} # v7.0.1`, '@v7'), 'is not pinned by full commit SHA'],
    ['a short SHA', good.replace(`@${SHA}`, `@${SHA.slice(0, 12)}`), 'is not pinned by full commit SHA'],
    ['a pin without its version', good.replace(' # v7.0.1', ''), 'has no "# v<major>.<minor>.<patch>" comment'],
    ['a pin with a major only', good.replace('# v7.0.1', '# v7'), 'has no "# v<major>.<minor>.<patch>" comment'],
    ['no top-level permissions', good.replace('permissions: {}\n', ''), 'the top-level permissions must be {}'],
    [
      'read access for every job',
      good.replace('permissions: {}', 'permissions:\n  contents: read'),
      'the top-level permissions must be {}',
    ],
    ['a job without permissions', good.replace('    permissions:\n      contents: read\n', ''), 'job build must grant its permissions'],
    [
      'write-all on a job',
      good.replace('    permissions:\n      contents: read\n', '    permissions: write-all\n'),
      'job build must grant',
    ],
    ['a write it does not use', good.replace('contents: read', 'contents: write'), 'contents: write but has no step that uses it'],
    [
      'id-token without an attestation',
      good.replace('contents: read', 'contents: read\n      id-token: write'),
      'id-token: write but has no step',
    ],
    ['a write no job here needs', good.replace('contents: read', 'packages: write'), 'packages: write, which no job here needs'],
    [
      'a checkout that keeps its token',
      good.replace('        with:\n          persist-credentials: false\n', ''),
      'without persist-credentials: false',
    ],
    ['an expression in run:', good.replace('echo "$REF"', 'echo "${{ github.ref }}"'), 'holds an expression'],
  ])('catch %s', async (_what, text, message) => {
    expect((await violations(text)).join('\n')).toContain(message);
  });

  test('let a job that pushes keep its checkout token, and grant writes to a job that uses them', async () => {
    const pushing = good
      .replace('contents: read', 'contents: write')
      .replace('        with:\n          persist-credentials: false\n', '')
      .replace('echo "$REF"', 'git push origin "$REF"');
    expect(await violations(pushing)).toEqual([]);
  });

  test('and GitHub finds what is not a workflow', async () => {
    expect(await workflowErrors('w.yml', good.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    bogus: 1'))).toEqual([
      expect.stringContaining("Unexpected value 'bogus'"),
    ]);
    expect((await workflowErrors('w.yml', good.replace('      - run: echo', '      - uses: ./\n        run: echo'))).join('\n')).toMatch(
      /run/,
    );
  });
});

describe('action.yml files', () => {
  const actions = [
    'action.yml',
    ...readdirSync(ROOT, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() && readdirSync(join(ROOT, d.name)).includes('action.yml') ? [`${d.name}/action.yml`] : [],
    ),
  ];

  test.each(actions)('%s is an action GitHub loads', (path) => {
    expect(actionErrors(path, readFileSync(join(ROOT, path), 'utf8'))).toEqual([]);
  });

  test('and GitHub finds what is not an action', () => {
    expect(actionErrors('action.yml', 'name: x\ndescription: y\nruns:\n  using: node24\n  main: a.js\n  bogus: 1\n').join('\n')).toContain(
      'bogus',
    );
  });
});

test('dependabot updates npm packages and actions, each a week after release at the earliest', () => {
  const config = parse(readFileSync(join(ROOT, '.github', 'dependabot.yml'), 'utf8')) as {
    updates: { 'package-ecosystem': string; cooldown?: { 'default-days'?: number } }[];
  };
  expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
  for (const update of config.updates) expect(update.cooldown?.['default-days']).toBeGreaterThanOrEqual(7);
});
