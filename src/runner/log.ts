/**
 * The step's log, safe against text that came from outside (the API, the environment, docker).
 *
 * The runner reads every line a step prints for workflow commands: a line that starts with `::`
 * (after spaces), and the older `##[command]` form anywhere in a line. core.info prints a message
 * as it is, so an id, an error code or a comment from a hostile API holding "\n::set-output …"
 * would print a line the runner obeys. Every message goes through here: control characters are
 * shown as escapes, so a message is always one line, and neither form of command can start.
 */
import * as core from '@actions/core';

/** `text` as one printable line: control characters escaped, no workflow command possible. */
export function untrusted(text: string): string {
  return (
    text
      // C0 and C1 controls, DEL, and the Unicode line and paragraph separators: matching them is the point.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, escapeControl)
      .replace(/##\[/g, '##\\[')
      .replace(/^(\s*)::/, '$1\\::')
  );
}

function escapeControl(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export const info = (message: string): void => core.info(untrusted(message));
export const warning = (message: string): void => core.warning(untrusted(message));
