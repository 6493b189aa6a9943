/**
 * The job summary file (GITHUB_STEP_SUMMARY) that every action writes to: HTML built with
 * core.summary, taken out of it, and appended in one call; and the escaping its tables need.
 */
import * as core from '@actions/core';
import { appendFileSync } from 'node:fs';

/** The HTML core.summary has built, taken out of it: its buffer is empty again. */
export function takeBuilt(summary: typeof core.summary): string {
  const html = summary.stringify();
  summary.emptyBuffer();
  return html;
}

/**
 * Appends HTML to the job summary, as core.summary.write() does, but in one synchronous call:
 * write() goes through fs/promises, and loading that (with the readline and file-watcher modules
 * it brings) costs a step about 1.5 ms for a single append (see `npm run bench`). Outside a runner
 * (no summary file) there is nowhere to write; that is not an error.
 */
export function appendToSummary(html: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file && html) appendFileSync(file, html, { encoding: 'utf8' });
}

export const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;

/** Escaped for HTML, on one line: a blank line inside the table would end GitHub's HTML block. */
export function escapeHtml(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
