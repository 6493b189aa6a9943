// The request log: one entry per request, as tests read it (`sandbox.requests`, GET
// /__sandbox/requests; its shape is RequestRecord in server.d.ts), and the one line per request
// the `log` option receives. It never keeps an Authorization header: no API key or registry
// password reaches a test's output.

/** The entry for a request that has just arrived; the pipeline fills in body, op, status and fault. */
export function logEntry(req, url) {
  const headers = { ...req.headers };
  delete headers.authorization; // never keep keys or registry passwords in the log
  delete headers['proxy-authorization'];
  return {
    method: req.method,
    path: url.pathname,
    query: queryObject(url.searchParams),
    body: null,
    op: 'unknown',
    status: null,
    at: Date.now(),
    headers,
    auth: authScheme(req.headers.authorization),
  };
}

/** Repeated keys become arrays (`?scopes=a&scopes=b` -> { scopes: ['a', 'b'] }). */
function queryObject(params) {
  const out = new Map();
  for (const [name, value] of params) {
    out.set(name, out.has(name) ? [].concat(out.get(name), value) : value);
  }
  return Object.fromEntries(out);
}

/** The body as logged: parsed JSON, the raw text when it is not JSON, or null when empty. */
export function loggedBody(rawBody) {
  if (rawBody === '') return null;
  try {
    return JSON.parse(rawBody);
  } catch {
    return rawBody;
  }
}

function authScheme(header) {
  return header ? header.trim().split(/\s+/)[0].toLowerCase() : null;
}

/** The line the `log` option receives once the request is answered (or its socket destroyed). */
export function logLine(entry) {
  const outcome = entry.status ?? 'socket destroyed';
  const extras = [entry.fault && `fault ${entry.fault}`, entry.clientGone && 'client gone'].filter(Boolean);
  return `${entry.method} ${entry.path} [${entry.op}] -> ${outcome}${extras.length ? ` (${extras.join(', ')})` : ''}`;
}

/** A copy of the log for a test to read: later requests do not change what it holds. */
export function snapshot(requests) {
  return requests.map((entry) => ({ ...entry }));
}
