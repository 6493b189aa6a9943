/** A set's comment in a job summary: text from the API, escaped, with the action's tag set apart. */
import { code, escapeHtml } from '../runner/summary-file.js';
import { formatTag, parseTag } from './tags.js';

/** The comment as text, with the action's trailing tag set in code so it is easy to spot and search for. */
export function formatComment(comment: string): string {
  const tag = parseTag(comment);
  if (!tag) return escapeHtml(comment);
  const text = formatTag(tag);
  const before = comment.slice(0, comment.length - text.length).trimEnd();
  return before ? `${escapeHtml(before)} ${code(text)}` : code(text);
}
