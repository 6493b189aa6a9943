// Types for scripts/docs.js (plain Node ESM, run by `npm run docs` and .ci/run), for its tests.
export function begin(what: 'inputs' | 'outputs'): string;
export function end(what: 'inputs' | 'outputs'): string;
export function actions(root?: string): { source: string; readme: string }[];
export function inputsTable(inputs?: Record<string, { description?: string; required?: boolean; default?: string }>): string;
export function outputsTable(outputs?: Record<string, { description?: string }>): string;
export function withTables(
  markdown: string,
  spec: {
    inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
    outputs?: Record<string, { description?: string }>;
  },
): string;
export function generate(root?: string): { readme: string; current: string; generated: string }[];
