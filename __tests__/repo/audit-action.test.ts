/**
 * audit/action.yml and its documentation, audit/README.md, kept in step: every input and output
 * documented once, with the same default and requirement; the API inputs shared with the main
 * action; the weekly recipe least-privileged, with no expression inside a shell script.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FAIL_ON_CHOICES } from '../../src/audit/inputs.js';

const ROOT = join(import.meta.dirname, '..', '..');

interface ActionYml {
  name?: string;
  description?: string;
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description?: string }>;
  runs: Record<string, string>;
}

const audit = parse(readFileSync(join(ROOT, 'audit', 'action.yml'), 'utf8')) as ActionYml;
const main = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
const readme = readFileSync(join(ROOT, 'audit', 'README.md'), 'utf8');

/** The text of a `## heading` section of audit/README.md. */
function section(heading: string): string {
  return readme.split(`\n## ${heading}\n`)[1]?.split(/\n## /)[0] ?? '';
}

/** The rows of the first table under `## heading`, keyed by the header cells. */
function table(heading: string): Record<string, string>[] {
  const rows = section(heading)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    );
  const [header, , ...body] = rows;
  if (!header) throw new Error(`audit/README.md has no table under "## ${heading}"`);
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}
const name = (cell: string): string => /^`([^`]+)`$/.exec(cell)?.[1] ?? cell;
const shownDefault = (cell: string): string => /`([^`]*)`/.exec(cell)?.[1] ?? '';

describe('audit/action.yml', () => {
  test('runs the shared bundle on node24, with no post step, through a path that exists', () => {
    expect(audit.runs).toEqual({ using: 'node24', main: '../dist/audit.js' });
    expect(existsSync(join(ROOT, 'audit', audit.runs.main!))).toBe(true);
    expect(audit.description!.length).toBeLessThanOrEqual(125);
  });

  test('shares the API inputs and prune-after with the main action, defaults included', () => {
    for (const input of ['api-key', 'project-id', 'api-url', 'request-timeout', 'max-attempts', 'prune-after']) {
      const [mine, theirs] = [audit.inputs[input], main.inputs[input]];
      expect({ input, required: mine?.required ?? false, default: mine?.default ?? '' }).toEqual({
        input,
        required: theirs?.required ?? false,
        default: theirs?.default ?? '',
      });
    }
  });

  test('an output per class and stale-kept, besides the report and the findings', () => {
    expect(Object.keys(audit.outputs).sort()).toEqual(['findings', 'report', 'report-file', ...FAIL_ON_CHOICES].sort());
    for (const spec of Object.values(audit.outputs)) expect(spec.description?.trim()).toBeTruthy();
  });

  test.each(Object.entries(audit.inputs))('input %s says its default', (_input, spec) => {
    expect(spec.description?.trim()).toBeTruthy();
    if (!spec.required) expect(spec.description).toMatch(/\bDefault\b/);
  });
});

describe('audit/README.md', () => {
  test('lists every input once, with its requirement and default', () => {
    const rows = table('Inputs');
    expect(rows.map((row) => name(row.Input!)).sort()).toEqual(Object.keys(audit.inputs).sort());
    for (const row of rows) {
      const spec = audit.inputs[name(row.Input!)]!;
      expect({ input: row.Input, required: row.Required, default: shownDefault(row.Default!) }).toEqual({
        input: row.Input,
        required: spec.required ? 'yes' : 'no',
        default: spec.default ?? '',
      });
    }
  });

  test('lists every output once, and every class', () => {
    expect(
      table('Outputs')
        .map((row) => name(row.Output!))
        .sort(),
    ).toEqual(Object.keys(audit.outputs).sort());
    const classes = [...section('Classes').matchAll(/^- \*\*`([a-z-]+)`\*\*/gm)].map((match) => match[1]);
    expect(classes).toEqual(FAIL_ON_CHOICES.filter((choice) => choice !== 'stale-kept'));
  });

  test('the weekly recipe: least privilege, the published name, fails only on classes that ask for action, keeps its report, no expression in a script', () => {
    const block = /```yaml\n([\s\S]*?)\n```/.exec(readme.split('## Weekly')[1] ?? '')?.[1];
    expect(block).toBeDefined();
    const workflow = parse(block!);
    expect(workflow.permissions).toEqual({});
    expect(Object.keys(workflow.on)).toContain('schedule');
    const steps = Object.values(workflow.jobs as Record<string, { steps: Record<string, unknown>[] }>).flatMap((job) => job.steps);
    const step = steps.find((s) => s.uses === 'deepgram/self-hosted-login-action/audit@v2');
    expect(step?.with).toMatchObject({ 'max-kept-age': '90d' });
    // It fails on at least one class, and on none the class list calls nothing to do or nothing urgent.
    const calm = [...section('Classes').matchAll(/^- \*\*`([a-z-]+)`\*\*: ([^\n]*(?:\n {2}[^\n]*)*)/gm)]
      .filter((match) => /Nothing\s+(?:to\s+do|urgent)/.test(match[2]!))
      .map((match) => match[1]);
    expect(calm).toEqual(expect.arrayContaining(['job', 'orphaned', 'in-service']));
    const failOn = String((step!.with as Record<string, string>)['fail-on']).split(',');
    expect(failOn.length).toBeGreaterThan(0);
    expect(failOn.filter((name) => calm.includes(name))).toEqual([]);
    // RUNNER_TEMP is emptied at job end: the report is kept only by a step that uploads it.
    const keep = steps.find((s) => String(s.uses).startsWith('actions/upload-artifact@'));
    expect(String((keep?.with as Record<string, string> | undefined)?.path)).toContain('steps.audit.outputs.report-file');
    for (const input of Object.keys(step!.with as object)) expect(audit.inputs).toHaveProperty(input);
    for (const s of steps) if (typeof s.run === 'string') expect(s.run).not.toContain('${{');
    // Every action the page names is at the next major.
    expect(new Set([...readme.matchAll(/deepgram\/self-hosted-login-action[^\s@`]*@(v\d+)/g)].map((m) => m[1]))).toEqual(new Set(['v2']));
  });
});
