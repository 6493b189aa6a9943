/**
 * One place that knows every secret value of this process: each is registered with the runner's
 * log masking (core.setSecret) and kept here, so that error text built from a server's reply can
 * be redacted before it is printed or thrown.
 */
import * as core from '@actions/core';

const known = new Set<string>();

/** Mask `value` in the log and in every message that passes through redact(). */
export function protectSecret(value: string): void {
  if (!value || known.has(value)) return;
  known.add(value);
  core.setSecret(value);
}

/** Replaces every registered secret in `text` with ***. */
export function redact(text: string): string {
  let result = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...known].sort((a, b) => b.length - a.length)) {
    result = result.split(secret).join('***');
  }
  return result;
}

/** For tests: forget what was registered. */
export function forgetSecrets(): void {
  known.clear();
}
