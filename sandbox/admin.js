// The admin routes (/__sandbox/...): for a sandbox running in another process (the CLI in CI),
// over HTTP, what a test in the same process does through startSandbox's handle: issue and read
// sets, read and clear the request log, add and clear fault rules, reset. No auth: the sandbox
// only listens on loopback. Admin requests are logged and never faulted.
import { issue } from './api.js';
import { normalizeFault } from './faults.js';
import { json } from './replies.js';
import { liveCredentials, resetState } from './state.js';

const ADMIN_ROUTES = {
  'GET /__sandbox/credentials': (state, request) =>
    json(200, {
      credentials: liveCredentials(state, request.query.project).map(({ secret: _secret, ...rest }) => rest),
    }),
  'POST /__sandbox/credentials': (state, request) => {
    const body = parseAdminBody(request.rawBody);
    return json(200, issue(state, body.projectId, body));
  },
  'GET /__sandbox/requests': (state) => json(200, { requests: state.requests }),
  'DELETE /__sandbox/requests': (state) => {
    state.requests.length = 0;
    return json(200, { ok: true });
  },
  'POST /__sandbox/faults': (state, request) => {
    state.faults.push(normalizeFault(parseAdminBody(request.rawBody)));
    return json(200, { ok: true, pending: state.faults.length });
  },
  'DELETE /__sandbox/faults': (state) => {
    state.faults.length = 0;
    return json(200, { ok: true });
  },
  'POST /__sandbox/reset': (state) => {
    resetState(state);
    return json(200, { ok: true });
  },
};

/** @returns {import('./replies.js').Reply} 404 for an unknown admin path, 400 for a bad body */
export function handleAdmin(state, request) {
  const handler = ADMIN_ROUTES[`${request.method} ${request.pathname.replace(/\/$/, '')}`];
  if (!handler) return json(404, { error: `no admin endpoint ${request.method} ${request.pathname}` });
  try {
    return handler(state, request);
  } catch (error) {
    return json(400, { error: error instanceof Error ? error.message : String(error) });
  }
}

function parseAdminBody(rawBody) {
  const value = rawBody.trim() === '' ? {} : JSON.parse(rawBody);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('the body must be a JSON object');
  return value;
}
