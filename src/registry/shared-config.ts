/**
 * `docker-config: default`: the CLI's usual config, which every job of the runner's user shares,
 * often several at a time on a self-hosted runner. A login to the registry that it held before
 * (the runner's own, long-lived) is kept aside in main and put back at job end, in whatever order
 * jobs on the runner start and end.
 *
 * Two jobs overlap: job 1 logs in over the runner's login, job 2 over job 1's. Job 2 must not take
 * job 1's login for "the earlier login" (job 1 revokes it at its end, and putting it back would
 * lose the runner's for good), and job 1's end must not log job 2 out. So the action keeps a
 * record beside the config, as private as the config itself (the same user's, mode 0600): for
 * each registry, the login that was there before any of this action's jobs, and each job's own
 * login (its marker, the exact `auth` value it wrote, and when). Main keeps the entry aside only
 * when it is no job's login on record. Post logs out only when the entry is still its own: then it
 * puts back the login of the newest job that is still running, or when none is, the earlier one.
 * An entry that is not its own (another job or tool logged in since) is left as it is.
 *
 * An entry is known as this action's only by being byte for byte a login in the record, never by
 * its look: a username deepgram+<uuid> may be a long-lived set an administrator logged in with, or
 * text any step wrote. Whoever could forge the record could as well rewrite the config itself.
 * A job that never reached its post step (a lost runner) stays on record for the longest a job can
 * run (5 days on a self-hosted runner): its login is not taken for an earlier one meanwhile.
 */
import * as log from '../runner/log.js';
import { finishBeforeStop } from '../runner/signals.js';
import {
  authFileText,
  dict,
  helperFor,
  isInline,
  own,
  protectEntry,
  readAuthFile,
  writeAtomically,
  type AuthEntry,
  type AuthFile,
} from './auth-file.js';
import type { RegistryCli } from './cli.js';
import { loginForms, mayBeRunning, readRecords, writeRecords, type JobLogin } from './login-record.js';
import { withRecordLock } from './record-lock.js';

/** Main, before the CLI logs in: the earlier login kept aside unless a job of this action wrote it; this job on record. */
export async function recordLogin(cli: RegistryCli, file: string, registry: string, marker: string, auth: string): Promise<void> {
  const config = await withRecordLock(file, () => {
    const config = readAuthFile(file);
    const records = readRecords(file);
    const record = own(records, registry) ?? { earlier: dict<AuthEntry>(), logins: [] };
    const ours = new Set(record.logins.map((login) => login.auth));
    const current = own(config?.auths, registry);
    // A job of this action logged in (and may still run): what was there before it is on record already.
    if (!(isInline(current) && ours.has(current.auth as string))) record.earlier = earlierForms(config, registry, ours);
    record.logins = record.logins.filter((login) => login.marker !== marker && mayBeRunning(login));
    record.logins.push({ marker, auth, since: Date.now() });
    records[registry] = record;
    writeRecords(file, records);
    return config;
  });
  const helper = helperFor(config, registry);
  if (helper) {
    log.warning(
      `${file} keeps logins to ${registry} in a credential helper (${cli.name}-credential-${helper}): ` +
        `an earlier login there is replaced now, and removed by the logout at job end; the action cannot put it back. ` +
        'Use `docker-config: job` to leave it alone.',
    );
  }
}

export interface Release {
  /** The logout input: false leaves the login in place. */
  logout: boolean;
  /** Runs the CLI's logout and never throws; undefined when the CLI is gone. */
  runLogout?: () => Promise<void>;
}

/**
 * Post: this job off the record and, with `logout: true` while the entry is still this job's
 * login, out of the registry with the right login put back. A step stopped meanwhile (SIGINT,
 * SIGTERM) finishes this first: its CLI is ended, and the rest takes no time.
 */
export async function releaseLogin(file: string, registry: string, marker: string, release: Release): Promise<void> {
  await finishBeforeStop(() => withRecordLock(file, () => releaseHeld(file, registry, marker, release)));
}

async function releaseHeld(file: string, registry: string, marker: string, release: Release): Promise<void> {
  const records = readRecords(file);
  const record = own(records, registry);
  const mine = record?.logins.find((login) => login.marker === marker);
  const others = (record?.logins ?? []).filter((login) => login.marker !== marker && mayBeRunning(login));
  if (record && others.length > 0) record.logins = others;
  else delete records[registry];
  try {
    if (release.logout) await settle(file, registry, mine, others, record?.earlier ?? dict(), release.runLogout);
  } finally {
    writeRecords(file, records);
  }
}

async function settle(
  file: string,
  registry: string,
  mine: JobLogin | undefined,
  others: JobLogin[],
  earlier: Record<string, AuthEntry>,
  runLogout: (() => Promise<void>) | undefined,
): Promise<void> {
  const config = readAuthFile(file) ?? {};
  // The login went to a credential helper: only the CLI can remove it, and nothing was kept aside.
  if (helperFor(config, registry)) return runLogout?.();
  const current = own(config.auths, registry);
  if (mine === undefined || !isInline(current) || current.auth !== mine.auth) {
    log.info(leftAsItIs(file, registry, current, mine, others));
    return;
  }
  const newest = others.at(-1);
  if (newest !== undefined) {
    config.auths = dict([...Object.entries(config.auths ?? {}), [registry, { auth: newest.auth }]]);
    writeAtomically(file, authFileText(config));
    log.info(
      `Put back the login to ${registry} of another job on this runner that logged in with this action and is still running; ` +
        'the login from before either goes back when the last of them ends.',
    );
    return;
  }
  await runLogout?.();
  const after = readAuthFile(file) ?? {};
  const auths = dict(Object.entries(after.auths ?? {}));
  // A logout that failed (or a CLI gone) left this job's login: it goes all the same, and the earlier one comes back.
  const left = own(auths, registry);
  if (isInline(left) && left.auth === mine.auth) delete auths[registry];
  for (const [key, entry] of Object.entries(earlier)) auths[key] = entry;
  if (JSON.stringify(auths) !== JSON.stringify(after.auths ?? {})) writeAtomically(file, authFileText({ ...after, auths }));
  if (Object.keys(earlier).length > 0) log.info(`Put back the login to ${registry} that ${file} held before this job.`);
}

function leftAsItIs(file: string, registry: string, current: unknown, mine: JobLogin | undefined, others: JobLogin[]): string {
  if (mine === undefined) return `${file} has no login to ${registry} on record for this job: nothing of it to log out of.`;
  if (current === undefined) return `${file} holds no login to ${registry} any more: nothing to log out of.`;
  const byAnotherJob = isInline(current) && others.some((login) => login.auth === current.auth);
  const who = byAnotherJob
    ? 'another job on this runner logged in with this action since, and puts back the earlier login when it ends'
    : 'another job or tool logged in since';
  return `The login to ${registry} in ${file} is no longer the one this job wrote (${who}): it is left as it is.`;
}

/** Every form of the registry's entry that holds a login, but this action's. */
function earlierForms(config: AuthFile | undefined, registry: string, ours: Set<string>): Record<string, AuthEntry> {
  const earlier = dict<AuthEntry>();
  for (const key of loginForms(registry)) {
    const entry = own(config?.auths, key);
    if (!isInline(entry) || ours.has(entry.auth as string)) continue;
    protectEntry(entry);
    earlier[key] = entry;
  }
  return earlier;
}
