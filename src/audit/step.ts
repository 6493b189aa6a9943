/**
 * The audit action (`audit/action.yml`), a scheduled security review: list every standing set of
 * distribution credentials in the project, put each in one class (classify.ts), and report
 * them in a JSON file, the step's outputs and the job summary. Read only: it never deletes. With
 * fail-on set it fails, once everything is written, when any set is in those classes; a list it
 * cannot make fails it too, since an audit that saw nothing must not pass.
 */
import * as core from '@actions/core';
import { ProjectApi } from '../deepgram/project-api.js';
import { errorMessage } from '../deepgram/errors.js';
import { apiNow, formatAge } from '../deepgram/clock.js';
import { setOutput } from '../runner/file-commands.js';
import * as log from '../runner/log.js';
import { protectSecret, redact } from '../runner/secrets.js';
import { readAuditSettings, type AuditSettings } from './inputs.js';
import { AUDIT_CLASSES, auditSets, findingsOf, isFinding, type Audit } from './classify.js';
import { auditReport, writeReportFile } from './report.js';
import { auditSummary } from './summary.js';
import { appendToSummary } from '../runner/summary-file.js';

/**
 * The audit's entry: runs it and turns an error (bad input, a list it cannot make, sets in the
 * fail-on classes) into the step's failure. Importing this module does nothing, so GitHub's
 * local-action can import it and call run(); dist/audit.js is a one-line caller of it.
 */
export async function run(): Promise<void> {
  try {
    await runAudit();
  } catch (error) {
    core.setFailed(redact(error instanceof Error ? error.message : String(error)));
  }
}

/** Findings named one per line in the log; the summary and the report have the rest. */
const LOGGED_FINDINGS = 50;

export async function runAudit(): Promise<void> {
  protectSecret(core.getInput('api-key'));
  const { settings, warnings } = readAuditSettings((name) => core.getInput(name));
  warnings.forEach(log.warning);
  const api = ProjectApi.forStep(settings);
  const page = await api.list().catch((error: unknown) => {
    throw new Error(
      `Could not list the project's distribution credentials, so nothing was audited: ${errorMessage(error)} ` +
        '(The audit needs a key with the owner or admin role: a member key lists only the sets it made.)',
    );
  });
  // Ages by the API's clock where the list answer gives one: a runner's clock can be days off.
  const now = apiNow(page, log.info);
  const audit = auditSets(page.items, settings, now);
  const findings = findingsOf(audit.sets, settings.failOn);
  logAudit(settings, audit);

  const report = auditReport(settings, audit, findings, now);
  setOutput('report-file', writeReportFile(report));
  setOutput('report', report.inline);
  if (report.omitted > 0)
    log.info(`The report output leaves out ${report.omitted} set(s) to fit one step output; report-file has every set.`);
  setOutput('findings', String(findings));
  for (const [name, count] of Object.entries(audit.counts)) setOutput(name, String(count));
  await appendToSummary(auditSummary(settings, audit, findings));

  if (findings > 0) {
    const named = settings.failOn.map((name) => `${name} ${audit.counts[name]}`).join(', ');
    // A stale-kept set is in its own class too: say so, or "orphaned 1, superseded 1, stale-kept 1" reads as 3 sets.
    const inTwo = settings.failOn.reduce((sum, name) => sum + audit.counts[name], 0) - findings;
    throw new Error(
      `${findings} set(s) of distribution credentials are in the fail-on classes (${named}${inTwo > 0 ? `; ${inTwo} set(s) in two of them` : ''}); ` +
        'see the job summary or report-file.',
    );
  }
}

function logAudit(settings: AuditSettings, audit: Audit): void {
  const counts = [...AUDIT_CLASSES, 'stale-kept' as const].map((name) => `${name} ${audit.counts[name]}`).join(', ');
  log.info(`Audited ${audit.sets.length} set(s) of distribution credentials in project ${settings.projectId}: ${counts}.`);
  const findings = audit.sets.filter((set) => isFinding(set, settings.failOn));
  for (const set of findings.slice(0, LOGGED_FINDINGS)) {
    const age = set.ageMs === undefined ? 'no usable created time' : `${formatAge(set.ageMs)} old`;
    log.info(
      `${set.staleKept && !settings.failOn.includes(set.class) ? 'stale-kept' : set.class}: ${clip(set.id)}, ${age}, made by ${clip(set.member ?? 'unknown')}: ${clip(set.comment)}`,
    );
  }
  if (findings.length > LOGGED_FINDINGS)
    log.info(`and ${findings.length - LOGGED_FINDINGS} more in the fail-on classes (see the job summary or report-file).`);
}

/** API text cut for a log line (the summary and the report have it whole or longer). */
const clip = (text: string): string => (text.length > 200 ? `${text.slice(0, 200)}…` : text);
