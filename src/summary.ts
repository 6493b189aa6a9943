/** The job summary: what was created and what the post step will do. Never the secret. */
import * as core from '@actions/core';
import type { CreatedCredentials } from './deepgram.js';
import type { Settings } from './inputs.js';

export async function writeSummary(settings: Settings, credentials: CreatedCredentials, comment: string): Promise<void> {
  // Outside a runner (no summary file) there is nowhere to write; that is not an error.
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const scopes = credentials.scopes.length > 0 ? credentials.scopes : settings.scopes;
  await core.summary
    .addHeading('Deepgram self-hosted registry credentials', 3)
    .addTable([
      [
        { data: 'Field', header: true },
        { data: 'Value', header: true },
      ],
      ['Credentials ID', code(credentials.id)],
      ['Username', code(credentials.username)],
      ['Registry', code(settings.registry)],
      ['Scopes', scopes.map(code).join(', ')],
      ['Comment', escapeHtml(comment)],
      ['Docker login', settings.login ? 'logged in' : 'skipped (login: false)'],
    ])
    .addRaw(`<p>At job end: ${postPlan(settings)}.</p>`, true)
    .write();
}

export function postPlan(settings: Settings): string {
  const revoke = settings.revoke
    ? 'the credentials are revoked'
    : 'the credentials are <strong>kept</strong> (revoke: false): they never expire, delete them when done';
  const logout = settings.login && settings.logout ? `docker logs out of ${escapeHtml(settings.registry)}` : 'no docker logout';
  return `${revoke}; ${logout}`;
}

const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
