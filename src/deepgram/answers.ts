/**
 * What of the API's answers is believed: the create's answer and each entry of a list, in both
 * generations' shapes (docs/deepgram-api.md: the fields under "distribution_credentials", or the
 * same fields at the top level). Nothing in an answer is trusted: what is used must have the
 * shape it should, and a list is read within LIST_LIMITS.
 */
import { untrusted } from '../runner/log.js';
import type { HttpResponse } from '../net/http.js';
import { SCOPE_SHAPE as SCOPE } from './scopes.js';
import { CREATED_UNUSABLE, DeepgramApiError, excerpt, isRecord, unexpected } from './errors.js';
import { isCredentialsId, type CreatedCredentials, type ListedCredentials } from './types.js';

/** A registry username docker can take: no whitespace, control characters or ':', and no leading '-'. */
const USERNAME = /^[^\s\p{C}:-][^\s\p{C}:]{0,255}$/u;
/** A secret that can go through --password-stdin and be masked whole: one line of visible text. */
const SECRET = /^[^\s\p{C}]{1,1024}$/u;

/** A create's 2xx answer as JSON: the set was made, so an answer that is not JSON is CREATED_UNUSABLE. */
export function createdBody(action: string, response: HttpResponse): unknown {
  try {
    return JSON.parse(response.body);
  } catch {
    const what = `HTTP ${response.status} with a body that is not JSON: ${excerpt(response.body) || '(empty)'}`;
    throw unexpected(action, what, CREATED_UNUSABLE);
  }
}

/**
 * The credentials in a create answer. The answer came with a 2xx, so the set exists: an answer
 * that cannot be used whole (not JSON, no or odd id, no secret, a username docker cannot take) is
 * CREATED_UNUSABLE, and the caller sweeps for what it made. Nothing in it is trusted: what is
 * used must have the shape it should.
 */
export function parseCreated(body: unknown): CreatedCredentials {
  const action = 'create distribution credentials';
  const unusable = (what: string, credentialsId?: string) =>
    new DeepgramApiError(`Deepgram API: ${action} answered with credentials that cannot be used: ${what}`, CREATED_UNUSABLE, {
      credentialsId,
    });
  if (!isRecord(body)) throw unusable('the body is not a JSON object');
  // Current API: fields under "distribution_credentials"; older API: the same fields at the top level.
  const record = credentialsRecord(body) ?? {};
  const pick = (field: string): unknown => record[field] ?? body[field];
  const id = pick('distribution_credentials_id');
  if (id === undefined || id === '') throw unusable('no distribution_credentials_id');
  if (!isCredentialsId(id)) throw unusable(`distribution_credentials_id ${describe(id)} is not a credentials ID`);
  const secret = pick('secret');
  if (typeof secret !== 'string' || secret === '') throw unusable(`no secret for ${id}, so it cannot log in`, id);
  if (!SECRET.test(secret)) throw unusable(`the secret for ${id} is not one line of visible text`, id);
  const given = pick('username');
  const username = given === undefined || given === '' ? `deepgram+${id}` : given;
  if (typeof username !== 'string' || !USERNAME.test(username)) {
    throw unusable(`username ${describe(username)} is not one docker can log in with`, id);
  }
  const scopes = pick('scopes');
  const comment = pick('comment');
  return {
    id,
    secret,
    username,
    scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string' && SCOPE.test(s)) : [],
    ...(typeof comment === 'string' ? { comment } : {}),
  };
}

/** A value from an answer, for a message: a string escaped and cut short, anything else by its type. */
function describe(value: unknown): string {
  if (typeof value !== 'string') return `(a ${value === null ? 'null' : typeof value})`;
  return `"${untrusted(value.length > 80 ? `${value.slice(0, 80)}…` : value)}"`;
}

/**
 * How much of a list answer is read. A list is not a create: its length grows with the project
 * (about 300 bytes a set, so 20,000 sets are 6 MB), and it is read as it arrives, never held
 * whole. The caps bound what a broken or hostile server can make the step hold: 64 MiB of answer
 * (about 200,000 sets, ten times the largest project this action is measured with) and 250,000
 * entries, each at most 64 KiB of text. An answer without end stops at the first cap reached, or
 * at request-timeout, whichever comes first.
 */
export const LIST_LIMITS = { maxBytes: 64 * 1024 * 1024, items: { maxItems: 250_000, maxItemBytes: 64 * 1024 } };

/**
 * One entry of a list answer, as this action keeps it: the id, the comment ('' without one), the
 * creation time, the scopes and the member's email as the API gave them. Every field of a listed
 * set goes through here.
 */
export function listedItem(item: unknown): ListedCredentials {
  const record = credentialsRecord(item);
  if (!record || typeof record.distribution_credentials_id !== 'string') {
    throw unexpected('list distribution credentials', 'an entry has no distribution_credentials_id');
  }
  const { distribution_credentials_id: id, comment, created, scopes } = record;
  return {
    id,
    comment: typeof comment === 'string' ? comment : '',
    ...(typeof created === 'string' ? { created } : {}),
    ...(Array.isArray(scopes) ? { scopes: scopes.filter((s): s is string => typeof s === 'string') } : {}),
    ...memberOf(item),
  };
}

/** The member beside a listed set (`{ member: { member_id, email }, distribution_credentials }`): its email, when it is text. */
function memberOf(item: unknown): { member?: string } {
  const member = isRecord(item) ? item.member : undefined;
  return isRecord(member) && typeof member.email === 'string' ? { member: member.email } : {};
}

/** A list answer the reader refused, as the client's error; one from listedItem is already that. */
export function listError(action: string, error: unknown): DeepgramApiError {
  if (error instanceof DeepgramApiError) return error;
  return unexpected(action, error instanceof Error ? error.message : String(error));
}

/** The object holding the credentials' fields: nested (current API) or the item itself (older API). */
function credentialsRecord(item: unknown): Record<string, unknown> | undefined {
  if (!isRecord(item)) return undefined;
  return isRecord(item.distribution_credentials) ? item.distribution_credentials : item;
}
