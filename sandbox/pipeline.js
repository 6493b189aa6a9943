// The request pipeline: each request is logged, its body read, its route resolved (API, registry,
// admin, or none), any fault rule applied, then it is acted on and answered (send.js). The one
// place that decides what a fault rule does to an exchange.
import { randomUUID } from 'node:crypto';
import { handleAdmin } from './admin.js';
import { handleApi, matchApiRoute } from './api.js';
import { describeFault, faultReply, takeFault } from './faults.js';
import { HOST } from './options.js';
import { handleRegistry } from './registry.js';
import { fail } from './replies.js';
import { logEntry, loggedBody, logLine } from './request-log.js';
import { destroy, send, sendWithoutEnd, sleep } from './send.js';

// Ops that fault rules can hit; admin and unknown paths are never faulted.
const FAULTABLE = new Set(['create', 'list', 'get', 'delete', 'registry']);

/** Handles one request from arrival to answer; rejects only on a bug in the sandbox. */
export async function handleRequest(state, req, res) {
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  const exchange = { req, res, requestId: randomUUID(), destroyed: false, entry: logEntry(req, url) };
  state.requests.push(exchange.entry);
  state.inFlight.add(exchange);
  res.on('close', () => {
    state.inFlight.delete(exchange);
    if (!res.writableFinished && !exchange.destroyed) exchange.entry.clientGone = true;
  });
  const rawBody = await readBody(req);
  exchange.entry.body = loggedBody(rawBody);
  const route = resolveRoute(req.method, url.pathname);
  exchange.entry.op = route.op;
  const request = { method: req.method, pathname: url.pathname, headers: req.headers, query: exchange.entry.query, rawBody };
  const fault = FAULTABLE.has(route.op) ? takeFault(state.faults, route.op, route.credentialsId) : undefined;
  if (fault) exchange.entry.fault = describeFault(fault);
  await respond(state, exchange, () => dispatch(state, route, request), fault);
  state.log?.(logLine(exchange.entry));
}

/** Runs the action and answers, bent by the fault rule if there is one. */
async function respond(state, exchange, act, fault) {
  if (!fault) return send(state, exchange, act());
  // If the client gives up during the delay the action still happens: that is the point.
  if (fault.delayMs !== undefined && !(await sleep(state, fault.delayMs))) return undefined;
  if (fault.reset === 'before') return destroy(exchange);
  if (fault.status !== undefined && !fault.afterAction) return send(state, exchange, faultReply(fault, state.retryAfter));
  const reply = act();
  if (fault.trickle || fault.endless) return sendWithoutEnd(state, exchange, reply, fault);
  if (fault.reset === 'after') return destroy(exchange);
  return send(state, exchange, fault.afterAction ? faultReply(fault, state.retryAfter) : reply);
}

function resolveRoute(method, pathname) {
  if (pathname.startsWith('/__sandbox/')) return { op: 'admin' };
  if (pathname === '/v2' || pathname.startsWith('/v2/')) return { op: 'registry' };
  return matchApiRoute(method, pathname) ?? { op: 'unknown' };
}

function dispatch(state, route, request) {
  switch (route.op) {
    case 'admin':
      return handleAdmin(state, request);
    case 'registry':
      return handleRegistry(state, request);
    case 'unknown':
      return route.methodNotAllowed ? fail(405, 'METHOD_NOT_ALLOWED', 'Method not allowed.') : fail(404, 'NOT_FOUND', 'Not found.');
    default:
      return handleApi(state, route, request);
  }
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    const done = () => resolve(Buffer.concat(chunks).toString('utf8'));
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', done);
    req.on('close', done); // an aborted upload: use what arrived
  });
}
