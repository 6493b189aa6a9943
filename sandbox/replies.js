// Reply values and how they are rendered. Handlers return plain reply objects; only send.js
// touches the socket, so a fault rule can swap a reply before anything is sent.
import { STATUS_CODES } from 'node:http';

/**
 * @typedef {{ code: string, message: string, details: string }} ApiError
 * @typedef {{ status: number, json?: unknown, text?: string, error?: ApiError,
 *   headers?: Record<string, string> }} Reply
 * @typedef {'err_code' | 'category' | 'text'} ErrorStyle
 */

/** @returns {Reply} */
export function json(status, body, headers = {}) {
  return { status, json: body, headers };
}

/** An API error; its body shape is decided at send time by the sandbox's errorStyle. */
export function fail(status, code, message, details = message) {
  return { status, error: { code, message, details }, headers: {} };
}

const DEFAULT_ERRORS = {
  400: ['BAD_REQUEST', 'Bad request.'],
  401: ['INVALID_AUTH', 'Invalid credentials.'],
  403: ['FORBIDDEN', 'Forbidden.'],
  404: ['NOT_FOUND', 'Not found.'],
  408: ['REQUEST_TIMEOUT', 'Request timed out.'],
  429: ['TOO_MANY_REQUESTS', 'Too many requests. Please try again later.'],
  500: ['INTERNAL_SERVER_ERROR', 'Internal server error.'],
  502: ['BAD_GATEWAY', 'Bad gateway.'],
  503: ['SERVICE_UNAVAILABLE', 'Service unavailable.'],
  504: ['GATEWAY_TIMEOUT', 'Gateway timeout.'],
};

/** A plausible API error for a bare status code (used by fault rules without a body). */
export function defaultError(status) {
  const [code, message] = DEFAULT_ERRORS[status] ?? [`HTTP_${status}`, `${STATUS_CODES[status] ?? 'Error'}.`];
  return fail(status, code, message);
}

/**
 * Turns a reply into the bytes and content type to send.
 * @param {Reply} reply
 * @param {ErrorStyle} errorStyle
 * @param {string} requestId
 */
export function render(reply, errorStyle, requestId) {
  if (reply.error) return renderError(reply.error, errorStyle, requestId);
  if (reply.text !== undefined) return { type: 'text/plain; charset=utf-8', payload: reply.text };
  return { type: 'application/json', payload: JSON.stringify(reply.json ?? {}) };
}

/** The three error body forms Deepgram has used (docs/deepgram-api.md, Errors). */
function renderError({ code, message, details }, errorStyle, requestId) {
  switch (errorStyle) {
    case 'text':
      return { type: 'text/plain; charset=utf-8', payload: message };
    case 'category':
      return { type: 'application/json', payload: JSON.stringify({ category: code, message, details, request_id: requestId }) };
    default:
      return { type: 'application/json', payload: JSON.stringify({ err_code: code, err_msg: message, request_id: requestId }) };
  }
}
