/**
 * Every workflow, job or steps example in the documentation (README.md, CONTRIBUTING.md,
 * docs/**\/*.md, each sub-action's README.md) is one a user can paste: wrapped into a workflow
 * where it is a fragment, GitHub's own parser loads it; each step of this repository's actions
 * gives only inputs its action.yml has, and every input it requires; every
 * `steps.<id>.outputs.<name>` names a step of the job that has that output; and no `run:` holds a
 * `${{ }}` expression (pasted into the script before the shell reads it: pass it through `env:`).
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { readWorkflow, workflowErrors, type Step, type Workflow } from './workflow-parser/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

interface ActionYml {
  inputs?: Record<string, { required?: boolean; default?: string }>;
  outputs?: Record<string, unknown>;
}

interface Example {
  /** Where the fenced block starts: `README.md:13`. */
  where: string;
  yaml: string;
}

/** The documentation the examples come from, whichever of these exist. */
function documents(): string[] {
  const found = ['README.md', 'CONTRIBUTING.md'].filter((f) => existsSync(join(ROOT, f)));
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(join(dir, d.name)) : d.name.endsWith('.md') ? [join(dir, d.name)] : [],
    );
  if (existsSync(join(ROOT, 'docs'))) found.push(...walk(join(ROOT, 'docs')).map((f) => relative(ROOT, f)));
  for (const d of readdirSync(ROOT, { withFileTypes: true })) {
    if (d.isDirectory() && existsSync(join(ROOT, d.name, 'action.yml')) && existsSync(join(ROOT, d.name, 'README.md')))
      found.push(`${d.name}/README.md`);
  }
  return found.sort();
}

/** The ```yaml (or ```yml) fenced blocks of a Markdown text, indented ones (in a list) included. */
function yamlBlocks(file: string, markdown: string): Example[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*ya?ml\b/i.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !new RegExp(`^\\s*${fence![0]}{${fence!.length},}\\s*$`).test(lines[j]!); j++) {
      body.push(lines[j]!.startsWith(indent!) ? lines[j]!.slice(indent!.length) : lines[j]!.trimStart());
    }
    blocks.push({ where: `${file}:${i + 1}`, yaml: `${body.join('\n')}\n` });
    i = j;
  }
  return blocks;
}

type Shape = 'workflow' | 'jobs' | 'job' | 'steps' | 'step' | 'other';

/** What an example is: a whole workflow, or which part of one; 'other' for YAML that is none. */
function shapeOf(value: unknown): Shape {
  const isStep = (v: unknown) => v !== null && typeof v === 'object' && ('uses' in v || 'run' in v);
  if (Array.isArray(value)) return value.length > 0 && value.every(isStep) ? 'steps' : 'other';
  if (value === null || typeof value !== 'object') return 'other';
  if ('jobs' in value) return 'on' in value ? 'workflow' : 'jobs';
  if ('steps' in value || 'runs-on' in value) return 'job';
  return isStep(value) ? 'step' : 'other';
}

const indent = (text: string, spaces: number): string =>
  text
    .split('\n')
    .map((line) => (line.trim() ? ' '.repeat(spaces) + line : line))
    .join('\n');

/**
 * The example as a whole workflow, as GitHub would load it; null when it is no workflow part. YAML
 * that does not parse is returned as it is, for GitHub's parser to say where it breaks.
 */
function asWorkflow(yaml: string): string | null {
  let value: unknown;
  try {
    value = parse(yaml);
  } catch {
    return yaml;
  }
  const shape = shapeOf(value);
  const head = 'on: workflow_dispatch\n';
  switch (shape) {
    case 'workflow':
      return yaml;
    case 'jobs':
      return head + yaml;
    case 'job':
      return `${head}jobs:\n  example:\n${'runs-on' in (value as object) ? '' : '    runs-on: ubuntu-latest\n'}${indent(yaml, 4)}`;
    case 'steps':
      return `${head}jobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n${indent(yaml, 6)}`;
    case 'step':
      return `${head}jobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n${indent(`- ${indent(yaml, 2).slice(2)}`, 6)}`;
    default:
      return null;
  }
}

/**
 * The action.yml a `uses:` names, when it is one of this repository's actions:
 * deepgram/self-hosted-login-action@ref and ./ are action.yml, .../<folder>@ref and ./<folder>
 * are <folder>/action.yml. Undefined for any other action; null for a folder with no action.yml.
 */
function actionOf(uses: string, root = ROOT): { path: string; action: ActionYml } | null | undefined {
  const m = /^deepgram\/self-hosted-login-action(?:\/([^@]+))?@.+$/i.exec(uses) ?? /^\.\/?((?:[^@/]+\/?)*)$/.exec(uses);
  if (!m) return undefined;
  const folder = (m[1] ?? '').replace(/\/$/, '');
  const path = folder ? `${folder}/action.yml` : 'action.yml';
  if (!existsSync(join(root, path))) return null;
  return { path, action: parse(readFileSync(join(root, path), 'utf8')) as ActionYml };
}

/** Every string in a value, however deep. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Every problem of a workflow (the wrapped example) beyond what GitHub's parser finds. */
function exampleProblems(workflow: Workflow, root = ROOT): string[] {
  const found: string[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    const steps = job.steps ?? [];
    const byId = new Map<string, Step>(steps.flatMap((s) => (s.id ? [[s.id, s] as [string, Step]] : [])));

    for (const step of steps) {
      const label = step.id ?? step.name ?? step.uses ?? `run: ${(step.run ?? '').split('\n')[0]!.slice(0, 60)}`;
      if ((step.run ?? '').includes('${{')) found.push(`job ${jobId}, ${label}: a \${{ }} inside run: (pass it through env:)`);
      if (!step.uses) continue;
      const target = actionOf(step.uses, root);
      if (target === null) found.push(`job ${jobId}, ${label}: ${step.uses} names no action.yml in this repository`);
      if (!target) continue;
      const inputs = target.action.inputs ?? {};
      const given = Object.keys(step.with ?? {});
      for (const key of given) if (!(key in inputs)) found.push(`job ${jobId}, ${label}: ${target.path} has no input "${key}"`);
      for (const [name, spec] of Object.entries(inputs)) {
        if (spec.required && spec.default === undefined && !given.includes(name))
          found.push(`job ${jobId}, ${label}: required input "${name}" of ${target.path} is missing`);
      }
    }

    for (const text of strings(job)) {
      for (const [, id, output] of text.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const step = byId.get(id!);
        if (!step) {
          found.push(`job ${jobId}: steps.${id}.outputs.${output} names no step of the job`);
          continue;
        }
        const target = step.uses ? actionOf(step.uses, root) : undefined;
        if (target && !(output! in (target.action.outputs ?? {})))
          found.push(`job ${jobId}: ${target.path} has no output "${output}" (steps.${id}.outputs.${output})`);
        if (step.run !== undefined && !(step.run.includes('GITHUB_OUTPUT') && step.run.includes(`${output}=`))) {
          found.push(`job ${jobId}: step ${id} never writes the output "${output}" to $GITHUB_OUTPUT`);
        }
      }
    }
  }
  return found;
}

const examples = documents().flatMap((file) => yamlBlocks(file, readFileSync(join(ROOT, file), 'utf8')));
const workflows = examples.flatMap((e) => {
  const workflow = asWorkflow(e.yaml);
  return workflow === null ? [] : [{ ...e, workflow }];
});

test('the documentation has examples to check, of both actions', () => {
  expect(workflows.length).toBeGreaterThanOrEqual(3);
  const uses = workflows.flatMap((w) => [...w.workflow.matchAll(/uses:\s*(\S+)/g)].map((m) => m[1]));
  expect(uses).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^deepgram\/self-hosted-login-action@/),
      expect.stringMatching(/^deepgram\/self-hosted-login-action\/retire@/),
    ]),
  );
});

describe.each(workflows)('the example at $where', ({ workflow }) => {
  test('is a workflow GitHub loads, once wrapped', async () => {
    expect(await workflowErrors('example.yml', workflow)).toEqual([]);
  });

  test("gives this repository's actions their inputs and reads only outputs that exist, with no ${{ }} in run:", () => {
    expect(exampleProblems(readWorkflow(workflow))).toEqual([]);
  });
});

describe('the checks', () => {
  const md = (yaml: string) => `Text.\n\n\`\`\`yaml\n${yaml}\`\`\`\n`;
  const step = `- id: dg
  uses: deepgram/self-hosted-login-action@v1
  with:
    api-key: \${{ secrets.DEEPGRAM_API_KEY }}
    project-id: \${{ vars.DEEPGRAM_PROJECT_ID }}
- env:
    USERNAME: \${{ steps.dg.outputs.username }}
  run: echo "$USERNAME"
`;
  const problems = async (yaml: string): Promise<string[]> => {
    const [block] = yamlBlocks('x.md', md(yaml));
    const workflow = asWorkflow(block!.yaml);
    if (workflow === null) return ['not a workflow part'];
    const errors = await workflowErrors('example.yml', workflow);
    return errors.length > 0 ? errors : exampleProblems(readWorkflow(workflow));
  };

  test('find the fenced blocks, indented ones too, with their lines', () => {
    const text = 'a\n\n```yaml\nx: 1\n```\n\n1. Step:\n\n   ```yml\n   - run: echo\n   ```\n\n```sh\nls\n```\n';
    expect(yamlBlocks('d.md', text)).toEqual([
      { where: 'd.md:3', yaml: 'x: 1\n' },
      { where: 'd.md:9', yaml: '- run: echo\n' },
    ]);
  });

  test('wrap each kind of fragment, and leave other YAML alone', () => {
    expect(asWorkflow('- run: echo\n')).toBe(
      'on: workflow_dispatch\njobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
    );
    expect(asWorkflow('uses: a/b@v1\nwith:\n  x: 1\n')).toBe(
      'on: workflow_dispatch\njobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: a/b@v1\n        with:\n          x: 1\n',
    );
    expect(asWorkflow('steps:\n  - run: echo\n')).toBe(
      'on: workflow_dispatch\njobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
    );
    expect(asWorkflow('jobs:\n  a:\n    runs-on: x\n')).toBe('on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n');
    expect(asWorkflow('updates:\n  - package-ecosystem: npm\n')).toBeNull();
    expect(asWorkflow('- name: a list of something else\n')).toBeNull();
  });

  test('pass a good example', async () => {
    expect(await problems(step)).toEqual([]);
  });

  test.each([
    ['an input the action lacks', step.replace('project-id:', 'project:'), 'action.yml has no input "project"'],
    ['a required input left out', step.replace(/ {4}project-id: .*\n/, ''), 'required input "project-id" of action.yml is missing'],
    ['an output the action lacks', step.replace('outputs.username', 'outputs.user'), 'action.yml has no output "user"'],
    [
      'an output of a step that is not there',
      step.replace('steps.dg.', 'steps.login.'),
      'steps.login.outputs.username names no step of the job',
    ],
    ['an expression in run:', step.replace('echo "$USERNAME"', 'echo "${{ steps.dg.outputs.username }}"'), 'inside run:'],
    [
      'a sub-action that does not exist',
      step.replace('self-hosted-login-action@v1', 'self-hosted-login-action/nothing@v1'),
      'names no action.yml',
    ],
    [
      'a retire step without its required inputs',
      step.replace('self-hosted-login-action@v1', 'self-hosted-login-action/retire@v1'),
      'required input "keep" of retire/action.yml is missing',
    ],
    [
      'a run step output never written',
      `- id: probe\n  run: echo hi\n- run: echo "$X"\n  env:\n    X: \${{ steps.probe.outputs.x }}\n`,
      'step probe never writes the output "x"',
    ],
    [
      'YAML that does not parse',
      step.replace('  with:\n', '  with:\n   bad: [\n'),
      'example.yml: Unexpected flow-map-start at node end at line 5',
    ],
    ['a step GitHub refuses', step.replace('- env:', '- uses: actions/checkout@v4\n  env:'), "Unexpected value 'run'"],
  ])('catch %s', async (_what, yaml, message) => {
    expect((await problems(yaml)).join('\n')).toContain(message);
  });

  test('read ./ and ./retire as the local actions, and leave other actions unchecked', () => {
    expect(actionOf('./')?.path).toBe('action.yml');
    expect(actionOf('./retire')?.path).toBe('retire/action.yml');
    expect(actionOf('deepgram/self-hosted-login-action/retire@0123456789abcdef0123456789abcdef01234567')?.path).toBe('retire/action.yml');
    expect(actionOf('actions/checkout@v4')).toBeUndefined();
  });
});
