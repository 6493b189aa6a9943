import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendToSummary, code, escapeHtml } from '../../src/runner/summary-file.js';

const scratch = mkdtempSync(join(tmpdir(), 'dg-summary-'));
const summaryFile = join(scratch, 'summary.md');
const saved = process.env.GITHUB_STEP_SUMMARY;
beforeEach(() => {
  // As the runner gives each step its summary file: there, and empty.
  writeFileSync(summaryFile, '');
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
});
afterEach(() => {
  if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
  else process.env.GITHUB_STEP_SUMMARY = saved;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('appendToSummary', () => {
  test('appends to the file GITHUB_STEP_SUMMARY names', async () => {
    await appendToSummary('<p>one</p>\n');
    await appendToSummary('<p>two</p>\n');
    expect(readFileSync(summaryFile, 'utf8')).toBe('<p>one</p>\n<p>two</p>\n');
  });

  test('writes nothing when there is no GITHUB_STEP_SUMMARY, or nothing to write', async () => {
    await appendToSummary('');
    delete process.env.GITHUB_STEP_SUMMARY;
    await expect(appendToSummary('<p>one</p>\n')).resolves.toBeUndefined();
    expect(readFileSync(summaryFile, 'utf8')).toBe('');
  });
});

describe('escapeHtml and code', () => {
  test('markup characters are escaped, and line breaks (with the blanks around them) become one space', () => {
    expect(escapeHtml(`<a href="x">it's & </a>`)).toBe('&lt;a href=&quot;x&quot;&gt;it&#39;s &amp; &lt;/a&gt;');
    expect(escapeHtml('one  \n\n  two\r\nthree')).toBe('one two three');
    expect(code('<b>')).toBe('<code>&lt;b&gt;</code>');
  });
});
