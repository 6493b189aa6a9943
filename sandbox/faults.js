// Fault rules: scripted misbehaviour for the next matching request(s).
import { defaultError, json } from './replies.js';

export const FAULT_OPS = ['create', 'list', 'get', 'delete', 'registry', '*'];

/**
 * @typedef {object} FaultRule
 * @property {'create'|'list'|'get'|'delete'|'registry'|'*'} op
 * @property {string} [credentialsId] only requests for this set (its get or delete); default any
 * @property {number} [times] uses before the rule is spent; default 1; 0 or Infinity = forever
 * @property {number} [status] answer this status (instead of acting, or after acting with afterAction)
 * @property {object|string} [body] body for `status`; default: an API error in the sandbox's errorStyle
 * @property {Record<string, string>} [headers] extra response headers for `status`
 * @property {number} [retryAfterDateMs] for `status`: a Retry-After HTTP date this long after the
 *   reply is made (made then, not when the rule is added: a loaded machine may start the step late)
 * @property {boolean} [afterAction] carry out the request, then answer `status` anyway
 * @property {number} [delayMs] wait this long first (the action still happens if the client gave up)
 * @property {'before'|'after'} [reset] destroy the socket without answering, before or after acting
 * @property {'headers'|'body'} [trickle] act, then answer too slowly to ever finish: the headers,
 *   or the body, one piece per `intervalMs`, without end
 * @property {number} [intervalMs] for `trickle`: the pause between pieces; default 100
 * @property {boolean} [endless] act, then answer the reply followed by filler without end, as fast
 *   as the client reads
 */

/**
 * Validates a rule and returns the internal form (with `remaining` uses).
 * @param {FaultRule} rule
 */
export function normalizeFault(rule) {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) throw new TypeError('a fault rule must be an object');
  const {
    op,
    credentialsId,
    times = 1,
    status,
    body,
    headers,
    retryAfterDateMs,
    afterAction = false,
    delayMs,
    reset,
    trickle,
    intervalMs,
    endless = false,
  } = rule;
  check(FAULT_OPS.includes(op), `fault op must be one of ${FAULT_OPS.join(', ')}`);
  check(credentialsId === undefined || (typeof credentialsId === 'string' && credentialsId !== ''), 'fault credentialsId must be an ID');
  check(times === Infinity || (Number.isInteger(times) && times >= 0), 'fault times must be an integer >= 0 (0 = forever)');
  check(status === undefined || (Number.isInteger(status) && status >= 100 && status <= 599), 'fault status must be an HTTP status code');
  check(delayMs === undefined || (Number.isFinite(delayMs) && delayMs >= 0), 'fault delayMs must be a number >= 0');
  check(reset === undefined || reset === 'before' || reset === 'after', "fault reset must be 'before' or 'after'");
  check(trickle === undefined || trickle === 'headers' || trickle === 'body', "fault trickle must be 'headers' or 'body'");
  check(
    intervalMs === undefined || (trickle !== undefined && Number.isFinite(intervalMs) && intervalMs > 0),
    'fault intervalMs must be a number > 0, with trickle',
  );
  check(typeof endless === 'boolean', 'fault endless must be a boolean');
  check(
    status !== undefined || delayMs !== undefined || reset !== undefined || trickle !== undefined || endless,
    'a fault needs status, delayMs, reset, trickle or endless',
  );
  check(
    [status, reset, trickle, endless || undefined].filter((v) => v !== undefined).length <= 1,
    'a fault takes only one of status, reset, trickle and endless',
  );
  check(status === undefined || reset === undefined, 'a fault cannot both answer a status and reset the socket');
  check(typeof afterAction === 'boolean' && (!afterAction || status !== undefined), 'fault afterAction needs a status');
  check(body === undefined || status !== undefined, 'fault body needs a status');
  check(body === undefined || typeof body === 'string' || typeof body === 'object', 'fault body must be an object or a string');
  check(headers === undefined || isStringRecord(headers), 'fault headers must map names to strings');
  check(
    retryAfterDateMs === undefined || (status !== undefined && Number.isFinite(retryAfterDateMs) && retryAfterDateMs >= 0),
    'fault retryAfterDateMs must be a number >= 0, with a status',
  );
  return {
    op,
    credentialsId,
    status,
    body,
    afterAction,
    delayMs,
    reset,
    trickle,
    intervalMs: intervalMs ?? 100,
    endless,
    headers: lowerCaseKeys(headers ?? {}),
    retryAfterDateMs,
    remaining: times === 0 ? Infinity : times,
  };
}

/**
 * Takes one use of the first rule (in order of addition) that matches `op` (and, for a rule with a
 * credentialsId, that set's get or delete); spent rules are dropped.
 */
export function takeFault(faults, op, credentialsId) {
  const index = faults.findIndex(
    (rule) => (rule.op === op || rule.op === '*') && (rule.credentialsId === undefined || rule.credentialsId === credentialsId),
  );
  if (index < 0) return undefined;
  const rule = faults[index];
  rule.remaining -= 1;
  if (rule.remaining <= 0) faults.splice(index, 1);
  return rule;
}

/** Statuses a client retries: a sandbox with `retryAfter` asks it to wait that long after these. */
const TRANSIENT_STATUSES = [408, 429, 500, 502, 503, 504];

/** The reply a `status` rule answers with; `retryAfter` (delay-seconds) unless the rule sets its own. */
export function faultReply(rule, retryAfter) {
  const base =
    rule.body === undefined
      ? defaultError(rule.status)
      : typeof rule.body === 'string'
        ? { status: rule.status, text: rule.body, headers: {} }
        : json(rule.status, rule.body);
  const asked = retryAfter !== undefined && TRANSIENT_STATUSES.includes(rule.status) ? { 'retry-after': retryAfter } : {};
  const dated = rule.retryAfterDateMs === undefined ? {} : { 'retry-after': new Date(Date.now() + rule.retryAfterDateMs).toUTCString() };
  return { ...base, headers: { ...base.headers, ...asked, ...dated, ...rule.headers } };
}

/** A short label for the request log: which kind of fault was applied. */
export function describeFault(rule) {
  const streamed = rule.trickle ? `trickle-${rule.trickle}` : rule.endless ? 'endless' : undefined;
  const kind =
    streamed ?? (rule.reset ? `reset-${rule.reset}` : rule.afterAction ? 'after-action' : rule.status !== undefined ? 'status' : undefined);
  if (rule.delayMs === undefined) return kind;
  return kind ? `delay+${kind}` : 'delay';
}

function check(ok, message) {
  if (!ok) throw new TypeError(message);
}

function isStringRecord(value) {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

function lowerCaseKeys(record) {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
}
