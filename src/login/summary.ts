/** The main action's job summary: what was created and what the post step will do, and what post pruned. Never the secret. */
import * as core from '@actions/core';
import type { CreatedCredentials } from '../deepgram/types.js';
import { formatAge } from '../deepgram/clock.js';
import { formatComment } from '../deepgram/comment-html.js';
import { code, takeBuilt } from '../runner/summary-file.js';
import type { Settings } from './inputs.js';

/** The job summary's HTML: what was created and what the post step will do. */
export function jobSummary(settings: Settings, credentials: CreatedCredentials, comment: string): string {
  const scopes = credentials.scopes.length > 0 ? credentials.scopes : settings.scopes;
  return takeBuilt(
    core.summary
      .addHeading('Deepgram self-hosted registry credentials', 3)
      .addTable([
        [
          { data: 'Field', header: true },
          { data: 'Value', header: true },
        ],
        ['Credentials ID', code(credentials.id)],
        ['Username', code(credentials.username)],
        ['Registry', code(settings.registry)],
        ['Project', code(settings.projectId)],
        // One per line: a list of long scope names side by side makes the table too wide to read.
        ['Scopes', scopes.map(code).join('<br>')],
        ['Comment', formatComment(comment)],
        ['Registry login', settings.login ? `logged in to ${code(settings.registry)}` : 'skipped (login: false)'],
      ])
      .addRaw(`<p><strong>At job end:</strong> ${postPlan(settings)}.</p>`, true),
  );
}

/** A job set the post step pruned: its ID and how old it was. */
export interface PrunedSet {
  id: string;
  ageMs: number;
}

/** The post step's note on what it pruned; '' when it pruned nothing. */
export function pruneSummary(pruned: PrunedSet[], pruneAfterMs: number): string {
  if (pruned.length === 0) return '';
  return takeBuilt(
    core.summary
      .addHeading('Deepgram credentials pruned', 3)
      .addRaw(`<p>Job sets older than ${formatAge(pruneAfterMs)} (prune-after), left by jobs that ended without their post step:</p>`, true)
      .addTable([
        [
          { data: 'Credentials ID', header: true },
          { data: 'Age', header: true },
        ],
        ...pruned.map(({ id, ageMs }) => [code(id), formatAge(ageMs)]),
      ]),
  );
}

export function postPlan(settings: Settings): string {
  const revoke = settings.keep
    ? `the credentials are <strong>kept</strong> as ${code(settings.keep)} (keep): they never expire; ` +
      'the retire action deletes the older sets kept under that name once this one is in service'
    : settings.revoke
      ? 'the credentials are revoked'
      : 'the credentials are <strong>kept</strong> (revoke: false): they never expire, delete them when done ' +
        '(in the Deepgram console, or through the API with the credentials ID above)';
  // docker or podman, whichever logged in (cli): the summary names what the user sees either way.
  const logout = settings.login && settings.logout ? `the registry CLI logs out of ${code(settings.registry)}` : 'no registry logout';
  return `${revoke}; ${logout}`;
}
