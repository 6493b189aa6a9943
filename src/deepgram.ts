/**
 * Deepgram's distribution-credentials API: create, list and delete, one attempt each. It speaks
 * both generations of the API (see shared notes): the create request carries scopes and provider
 * in the query *and* comment, scopes and provider in the body, and both response shapes are read.
 * Every failure is a DeepgramApiError that carries Deepgram's own words and what the retry loop
 * needs to know.
 */
import { classifyNetworkError, classifyStatus, type ClassifiedError, type FailureKind } from './retry.js';
import { redact } from './secrets.js';
import type { HttpRequest, HttpResponse, Transport } from './http.js';

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
  comment: string;
}

/** A listed set of credentials (lists never carry secrets). */
export interface ListedCredentials {
  id: string;
  comment: string;
  /** When the set was created, as the API wrote it (an ISO 8601 time); untrusted text. */
  created?: string;
}

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

export interface ClientOptions {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
  transport: Transport;
}

export class DeepgramClient {
  constructor(private readonly options: ClientOptions) {}

  async create(projectId: string, request: CreateRequest): Promise<CreatedCredentials> {
    const query = new URLSearchParams();
    for (const scope of request.scopes) query.append('scopes', scope);
    query.append('provider', request.provider);
    const body = await this.call('create distribution credentials', 'POST', `${this.collection(projectId)}?${query}`, request);
    return parseCreated(body);
  }

  async list(projectId: string): Promise<ListedCredentials[]> {
    const body = await this.call('list distribution credentials', 'GET', this.collection(projectId));
    const items = isRecord(body) ? body.distribution_credentials : undefined;
    if (!Array.isArray(items)) throw unexpected('list distribution credentials', 'no distribution_credentials array');
    return items.map((item) => {
      const record = credentialsRecord(item);
      const id = record?.distribution_credentials_id;
      if (typeof id !== 'string') throw unexpected('list distribution credentials', 'an entry has no distribution_credentials_id');
      return {
        id,
        comment: typeof record?.comment === 'string' ? record.comment : '',
        created: typeof record?.created === 'string' ? record.created : undefined,
      };
    });
  }

  /** Deletes one set of credentials; one that is already gone (404) counts as done. */
  async delete(projectId: string, credentialsId: string): Promise<DeleteResult> {
    try {
      await this.call(
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

  /** One request; resolves to the parsed JSON body of a 2xx, or throws a DeepgramApiError. */
  private async call(action: string, method: HttpRequest['method'], url: string, payload?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { Authorization: `Token ${this.options.apiKey}`, Accept: 'application/json' };
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    let response: HttpResponse;
    try {
      response = await this.options.transport({
        method,
        url,
        headers,
        body: payload === undefined ? undefined : JSON.stringify(payload),
        timeoutMs: this.options.timeoutMs,
      });
    } catch (error) {
      throw networkError(action, url, error);
    }
    if (response.status < 200 || response.status > 299) throw apiError(action, response);
    try {
      return JSON.parse(response.body);
    } catch {
      // A delete is done once the server says 2xx, whatever the body (shapes differ by generation).
      if (method === 'DELETE') return {};
      throw unexpected(action, `HTTP ${response.status} with a body that is not JSON: ${excerpt(response.body)}`);
    }
  }
}

function parseCreated(body: unknown): CreatedCredentials {
  const action = 'create distribution credentials';
  if (!isRecord(body)) throw unexpected(action, 'the body is not a JSON object');
  // Current API: fields under "distribution_credentials"; older API: the same fields at the top level.
  const record = credentialsRecord(body) ?? {};
  const pick = (field: string): unknown => record[field] ?? body[field];
  const id = pick('distribution_credentials_id');
  if (typeof id !== 'string' || id === '') throw unexpected(action, 'no distribution_credentials_id');
  const secret = pick('secret');
  if (typeof secret !== 'string' || secret === '') {
    throw new DeepgramApiError(
      `Deepgram created distribution credentials ${id} but returned no secret, so they cannot be used to log in.`,
      FATAL,
      { credentialsId: id },
    );
  }
  const username = pick('username');
  const scopes = pick('scopes');
  const comment = pick('comment');
  return {
    id,
    secret,
    username: typeof username === 'string' && username !== '' ? username : `deepgram+${id}`,
    scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [],
    comment: typeof comment === 'string' ? comment : '',
  };
}

/** The object holding the credentials' fields: nested (current API) or the item itself (older API). */
function credentialsRecord(item: unknown): Record<string, unknown> | undefined {
  if (!isRecord(item)) return undefined;
  return isRecord(item.distribution_credentials) ? item.distribution_credentials : item;
}

function apiError(action: string, response: HttpResponse): DeepgramApiError {
  const { status } = response;
  const requestId = headerValue(response, 'dg-request-id') ?? headerValue(response, 'x-request-id');
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
  const text = `${code ?? ''} ${message}`.toLowerCase();
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
  const code = isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
  const cause = error instanceof Error ? error.message : String(error);
  const host = new URL(url).host;
  return new DeepgramApiError(
    redact(`Deepgram API: ${action} failed: could not get a response from ${host}: ${cause}`),
    classifyNetworkError(code),
    {},
  );
}

function unexpected(action: string, what: string): DeepgramApiError {
  return new DeepgramApiError(redact(`Deepgram API: ${action} returned an unexpected response: ${what}`), FATAL);
}

function headerValue(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function stringField(record: Record<string, unknown>, field: string): string | undefined {
  const value = record[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Server text for a message: secrets redacted first, so a cut cannot leave part of one behind. */
function excerpt(text: string, limit = 300): string {
  const flat = redact(text).replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
