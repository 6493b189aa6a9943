/**
 * GitHub's own workflow parser (npm @actions/workflow-parser), for the tests that check this
 * repository's workflows and the examples in its documentation: a workflow or action.yml is
 * valid when GitHub would load it, and then its plain YAML is read for what the rules look at.
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { parse } from 'yaml';

/** A step as a workflow file spells it. */
export interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

/** A job as a workflow file spells it (a reusable-workflow job has `uses` and no steps). */
export interface Job {
  permissions?: unknown;
  uses?: string;
  steps?: Step[];
}

export interface Workflow {
  permissions?: unknown;
  jobs: Record<string, Job>;
}

/**
 * What GitHub would say about a workflow file: its schema errors, then the errors of turning it
 * into jobs and steps (unknown keys, a step with both `uses` and `run`, bad `needs`, bad
 * expressions). Empty when GitHub would run it.
 */
export async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0) return errors;
  if (parsed.value === undefined) return [`${name}: not a workflow`];
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((e) => e.Message);
}

/** What GitHub would say about an action.yml file; empty when it is a valid action. */
export function actionErrors(name: string, content: string): string[] {
  const parsed = parseAction({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  return errors.length === 0 && parsed.value === undefined ? [`${name}: not an action`] : errors;
}

/** A workflow's plain YAML, once `workflowErrors` has found none. */
export function readWorkflow(content: string): Workflow {
  return parse(content) as Workflow;
}

/** Every step of every job, with its job's id. */
export function stepsOf(workflow: Workflow): { job: string; step: Step }[] {
  return Object.entries(workflow.jobs ?? {}).flatMap(([job, spec]) => (spec.steps ?? []).map((step) => ({ job, step })));
}
