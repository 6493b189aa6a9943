/**
 * Deepgram's distribution-credentials API: create, list and delete, one attempt each. It speaks
 * both generations of the API (docs/deepgram-api.md): the create request carries scopes and provider
 * in the query *and* comment, scopes and provider in the body, and both response shapes are read.
 * Every failure is a DeepgramApiError that carries Deepgram's own words and what the retry loop
 * needs to know.
 */
import { BudgetExhaustedError, type Budget } from '../net/budget.js';
import { untrusted } from '../runner/log.js';
import { SCOPE_SHAPE as SCOPE } from './scopes.js';
import { classifyNetworkError, classifyStatus, type ClassifiedError, type FailureKind } from '../net/retry.js';
import { redact } from '../runner/secrets.js';
import type { BodySink, HttpRequest, HttpResponse, Transport } from '../net/http.js';

export interface CreateRequest {
  comment: string;
  scopes: string[];
  provider: string;
}

/** What a create hands back: the secret is only ever returned here. */
export interface CreatedCredentials {
  id: string;
  username: string;
  secret: string;
  scopes: string[];
  /** The comment as the API stored it, when the answer gave it back. */
  comment?: string;
}

/** A listed set of credentials (lists never carry secrets). */
export interface ListedCredentials {
  id: string;
  comment: string;
  /** When it was created, as the API gave it (an ISO 8601 time), if it did. */
  created?: string;
  /** The scopes, as the API listed them (untrusted text), if it did. */
  scopes?: string[];
  /** The email of the member who made it, as the API listed it beside the set (untrusted text), if it did. */
  member?: string;
}

/** One list answer: the sets, and the API's clock as its answer gave it. */
export interface ListedPage {
  items: ListedCredentials[];
  /** The answer's `Date` header as sent (untrusted text; project/clock.ts reads it), if it had one. */
  date?: string;
}

/**
 * A credentials ID the action will put in a URL or a log: a UUID-like token. Anything else (".."
 * would turn a DELETE into one on the collection's parent) is refused.
 */
export function isCredentialsId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/.test(value);
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/;

/** No set of this API was made before 2020: an earlier time (the epoch, year 1) is a placeholder, not an age. */
export const EARLIEST_REAL_TIME_MS = Date.UTC(2020, 0, 1);

/**
 * A listed set's `created`, in ms since the epoch, when it is a time that can be real: an ISO 8601
 * time of a date that exists (no 2024-02-31, no hour 24, no second 60), no earlier than 2020.
 * Anything else is undefined, unreadable (Date.parse guesses at other forms and rolls 2024-02-31
 * over to March; an age decides what is deleted, so a guess never does).
 */
export function createdTimeMs(created: string | undefined): number | undefined {
  // Stryker disable next-line StringLiteral: equivalent, any text that is not a time reads as none
  const match = ISO_TIME.exec(created ?? '');
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls an impossible field over into the next one (February 31 into March, hour 24
  // into the next day): a date and time that exist come back as they were written. (Years before
  // 100 come back as 19xx, and are refused as before 2020 in any case.)
  const exists = new Date(local).toISOString().startsWith(match[0].slice(0, 19));
  const offsetHours = Number(match[10] ?? 0);
  const offsetMinutes = Number(match[11] ?? 0);
  if (!exists || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const fraction = Math.floor(Number(`0${match[7] ?? ''}`) * 1000);
  const offsetMs = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const ms = local + fraction - offsetMs;
  return ms >= EARLIEST_REAL_TIME_MS ? ms : undefined;
}

/** A registry username docker can take: no whitespace, control characters or ':', and no leading '-'. */
const USERNAME = /^[^\s\p{C}:-][^\s\p{C}:]{0,255}$/u;
/** A secret that can go through --password-stdin and be masked whole: one line of visible text. */
const SECRET = /^[^\s\p{C}]{1,1024}$/u;

export type DeleteResult = 'deleted' | 'already-gone';

export class DeepgramApiError extends Error implements ClassifiedError {
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly details: { status?: number; code?: string; requestId?: string; credentialsId?: string } = {},
  ) {
    super(message);
    this.name = 'DeepgramApiError';
  }
  get status(): number | undefined {
    return this.details.status;
  }
}

const FATAL: FailureKind = { transient: false, ambiguous: false };
/** A create answered 2xx, so it was carried out, but the answer cannot be used: sweep for what it made. */
const CREATED_UNUSABLE: FailureKind = { transient: false, ambiguous: true };

export interface ClientOptions {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
  transport: Transport;
  /** The step's time for API calls: each request is cut to what is left of it. */
  budget?: Budget;
}

export class DeepgramClient {
  constructor(private readonly options: ClientOptions) {}

  async create(projectId: string, request: CreateRequest): Promise<CreatedCredentials> {
    const query = new URLSearchParams();
    for (const scope of request.scopes) query.append('scopes', scope);
    query.append('provider', request.provider);
    const action = 'create distribution credentials';
    const response = await this.exchange(action, 'POST', `${this.collection(projectId)}?${query}`, request);
    return parseCreated(createdBody(action, response));
  }

  /**
   * The project's sets, and the API's clock as its answer gave it. The answer is read as it
   * arrives, each entry kept as a ListedCredentials and the rest dropped, so a project of any size
   * is listed in memory bounded by what is kept (LIST_LIMITS), never by the answer's text.
   */
  async list(projectId: string): Promise<ListedPage> {
    const action = 'list distribution credentials';
    // The reader and its JSON parser load here, from their own chunk of dist/, so a step that does
    // not list (main without kept-before) does not pay for loading them (docs/performance.md).
    const { JsonItemsReader } = await import('../net/json-items.js');
    const reader = new JsonItemsReader({ key: 'distribution_credentials', item: listedItem, ...LIST_LIMITS.items });
    const stream: BodySink = {
      maxBytes: LIST_LIMITS.maxBytes,
      write: (chunk) => {
        try {
          reader.write(chunk);
        } catch (error) {
          throw listError(action, error);
        }
      },
    };
    const response = await this.exchange(action, 'GET', this.collection(projectId), undefined, stream);
    let items: ListedCredentials[];
    try {
      items = reader.end();
    } catch (error) {
      throw listError(action, error);
    }
    const date = headerValue(response, 'date');
    return date === undefined ? { items } : { items, date };
  }

  /** Deletes one set of credentials; one that is already gone (404) counts as done. */
  async delete(projectId: string, credentialsId: string): Promise<DeleteResult> {
    if (!isCredentialsId(credentialsId)) {
      throw new DeepgramApiError(`Refusing to delete "${untrusted(credentialsId)}": not a distribution credentials ID`, FATAL);
    }
    try {
      // Done once the server says 2xx, whatever the body (its shape differs by generation).
      await this.exchange(
        `delete distribution credentials ${credentialsId}`,
        'DELETE',
        `${this.collection(projectId)}/${encodeURIComponent(credentialsId)}`,
      );
      return 'deleted';
    } catch (error) {
      if (error instanceof DeepgramApiError && error.status === 404 && error.details.code !== 'PROJECT_NOT_FOUND') {
        return 'already-gone';
      }
      throw error;
    }
  }

  private collection(projectId: string): string {
    return `${this.options.apiUrl}/v1/projects/${encodeURIComponent(projectId)}/self-hosted/distribution/credentials`;
  }

  /**
   * One request; resolves to a 2xx answer, or throws a DeepgramApiError. With a `stream`, a 2xx
   * answer's body goes to the sink as it arrives (and an error the sink throws fails the request).
   */
  private async exchange(
    action: string,
    method: HttpRequest['method'],
    url: string,
    payload?: unknown,
    stream?: BodySink,
  ): Promise<HttpResponse> {
    const headers: Record<string, string> = { Authorization: `Token ${this.options.apiKey}`, Accept: 'application/json' };
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    const { budget } = this.options;
    const timeoutMs = Math.min(this.options.timeoutMs, budget?.remainingMs() ?? Infinity);
    // Less than a second left is no time for a request: it could only time out.
    if (budget && timeoutMs < 1000) throw new BudgetExhaustedError(`Deepgram API: ${action}`, budget);
    let response: HttpResponse;
    try {
      response = await this.options.transport({
        method,
        url,
        headers,
        // A GET or a DELETE has no payload, and so no body: JSON.stringify(undefined) is undefined.
        body: JSON.stringify(payload) as string | undefined,
        timeoutMs,
        ...(stream ? { stream } : {}),
      });
    } catch (error) {
      // The sink refused the answer: that is what the answer is, not a network failure.
      if (error instanceof DeepgramApiError) throw error;
      throw networkError(action, url, error);
    }
    if (response.status < 200 || response.status > 299) throw apiError(action, response);
    return response;
  }
}

/** A create's 2xx answer as JSON: the set was made, so an answer that is not JSON is CREATED_UNUSABLE. */
function createdBody(action: string, response: HttpResponse): unknown {
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
function parseCreated(body: unknown): CreatedCredentials {
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
function listError(action: string, error: unknown): DeepgramApiError {
  if (error instanceof DeepgramApiError) return error;
  return unexpected(action, error instanceof Error ? error.message : String(error));
}

/** The object holding the credentials' fields: nested (current API) or the item itself (older API). */
function credentialsRecord(item: unknown): Record<string, unknown> | undefined {
  if (!isRecord(item)) return undefined;
  return isRecord(item.distribution_credentials) ? item.distribution_credentials : item;
}

function apiError(action: string, response: HttpResponse): DeepgramApiError {
  const { status } = response;
  const header = headerValue(response, 'dg-request-id') ?? headerValue(response, 'x-request-id');
  const requestId = header ? excerpt(header, 128) : undefined;
  let code: string | undefined;
  let message = '';
  let bodyRequestId: string | undefined;
  try {
    const body: unknown = JSON.parse(response.body);
    if (isRecord(body)) {
      // Two error forms: {err_code, err_msg, request_id} and {category, message, details, request_id}.
      code = stringField(body, 'err_code') ?? stringField(body, 'category');
      message = stringField(body, 'err_msg') ?? stringField(body, 'message') ?? '';
      const details = stringField(body, 'details');
      if (details && details !== message) message = message ? `${message} (${details})` : details;
      bodyRequestId = stringField(body, 'request_id');
    } else if (typeof body === 'string') {
      message = body;
    }
  } catch {
    message = response.body; // the plain-string error form
  }
  const reqId = bodyRequestId ?? requestId;
  const words = [code, excerpt(message)].filter(Boolean).join(': ');
  const hint = hintFor(status, code, message);
  const text =
    `Deepgram API: ${action} failed with HTTP ${status}` +
    (words ? ` ${words}` : '') +
    (reqId ? ` (request ID ${reqId})` : '') +
    (hint ? `. ${hint}` : '');
  return new DeepgramApiError(redact(text), classifyStatus(status, headerValue(response, 'retry-after')), {
    status,
    code,
    requestId: reqId,
  });
}

function hintFor(status: number, code: string | undefined, message: string): string | undefined {
  // Stryker disable next-line LogicalOperator,StringLiteral: equivalent, no hint's words are in what stands for a missing code
  const codeText = code ?? '';
  const text = `${codeText} ${message}`.toLowerCase();
  if (status === 401)
    return 'Check that api-key is a valid, unexpired Deepgram API key (short-lived tokens from /v1/auth/grant do not work here).';
  if (status === 403 || text.includes('insufficient') || text.includes('permission')) {
    return 'The API key needs the owner or admin role, or the keys:write scope, on a project with self-hosted access.';
  }
  if (status === 404) return 'Check project-id, and that the project has been granted self-hosted (on-prem) access.';
  if (status === 429) return 'The project is over its concurrency limit; fewer parallel jobs or a higher max-attempts help.';
  return undefined;
}

function networkError(action: string, url: string, error: unknown): DeepgramApiError {
  // Node's errors carry a string code (ECONNRESET); classifyNetworkError knows only those.
  const code = isRecord(error) ? error.code : undefined;
  const cause = error instanceof Error ? error.message : String(error);
  const host = new URL(url).host;
  return new DeepgramApiError(
    redact(`Deepgram API: ${action} failed: could not get a response from ${host}: ${cause}`),
    classifyNetworkError(code),
    {},
  );
}

function unexpected(action: string, what: string, kind: FailureKind = FATAL): DeepgramApiError {
  return new DeepgramApiError(redact(`Deepgram API: ${action} returned an unexpected response: ${what}`), kind);
}

function headerValue(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A string field of an error body, as text safe for a message. */
function stringField(record: Record<string, unknown>, field: string): string | undefined {
  const value = record[field];
  return typeof value === 'string' && value !== '' ? excerpt(value) : undefined;
}

/**
 * Server text for a message: secrets redacted first, so a cut cannot leave part of one behind;
 * white space folded and anything else that could end the line or start a workflow command escaped.
 */
function excerpt(text: string, limit = 300): string {
  const flat = untrusted(redact(text).replace(/\s+/g, ' ').trim());
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
