// @actions/workflow-parser 0.3.x ships no declarations for its entry points (its package.json
// names dist/index.d.ts, which is not in the package): the little the tests use, typed here.
declare module '@actions/workflow-parser' {
  export interface ParseResult {
    context: { errors: { getErrors(): { message: string }[] } };
    value: unknown;
  }
  export class NoOperationTraceWriter {
    error(): void;
    info(): void;
    verbose(): void;
  }
  export function parseWorkflow(file: { name: string; content: string }, trace: NoOperationTraceWriter): ParseResult;
  export function convertWorkflowTemplate(context: ParseResult['context'], root: unknown): Promise<{ errors?: { Message: string }[] }>;
}

declare module '@actions/workflow-parser/actions/index' {
  import type { NoOperationTraceWriter, ParseResult } from '@actions/workflow-parser';
  export function parseAction(file: { name: string; content: string }, trace: NoOperationTraceWriter): ParseResult;
}
