/**
 * The job summary (GITHUB_STEP_SUMMARY) that every action writes to: HTML built with core.summary,
 * taken out of it, and appended by core.summary once the step has it all; and the escaping its
 * tables need.
 */
import * as core from '@actions/core';

/** The HTML core.summary has built, taken out of it: its buffer is empty again. */
export function takeBuilt(summary: typeof core.summary): string {
  const html = summary.stringify();
  summary.emptyBuffer();
  return html;
}

/**
 * Appends HTML to the job summary with core.summary.write(). Outside a runner that gives the step a
 * summary file (no GITHUB_STEP_SUMMARY) there is nowhere to write; that is not an error, where
 * core.summary would throw.
 */
export async function appendToSummary(html: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY || !html) return;
  await core.summary.addRaw(html).write();
}

export const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;

/** Escaped for HTML, on one line: a blank line inside the table would end GitHub's HTML block. */
export function escapeHtml(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
