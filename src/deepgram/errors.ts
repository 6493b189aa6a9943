/**
 * The Deepgram API's failures as one error class that carries Deepgram's own words (its error
 * body, request ID and a hint) and what the retry loop needs to know (net/retry.ts's FailureKind).
 * Every string from an answer goes through excerpt(): redacted, folded to one line, escaped.
 */
import { untrusted } from '../runner/log.js';
import { classifyNetworkError, classifyStatus, type ClassifiedError, type FailureKind } from '../net/retry.js';
import { redact } from '../runner/secrets.js';
import type { HttpResponse } from '../net/http.js';

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

export const FATAL: FailureKind = { transient: false, ambiguous: false };
/** A create answered 2xx, so it was carried out, but the answer cannot be used: sweep for what it made. */
export const CREATED_UNUSABLE: FailureKind = { transient: false, ambiguous: true };

export function apiError(action: string, response: HttpResponse): DeepgramApiError {
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

export function networkError(action: string, url: string, error: unknown): DeepgramApiError {
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

export function unexpected(action: string, what: string, kind: FailureKind = FATAL): DeepgramApiError {
  return new DeepgramApiError(redact(`Deepgram API: ${action} returned an unexpected response: ${what}`), kind);
}

export function headerValue(response: HttpResponse, name: string): string | undefined {
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
export function excerpt(text: string, limit = 300): string {
  const flat = untrusted(redact(text).replace(/\s+/g, ' ').trim());
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Any thrown value as one line of text for a log or an error message. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
