#!/usr/bin/env node
// A loopback server that behaves like Deepgram's distribution-credentials API (both the current
// and the older generation) and answers `docker login` for the credentials it hands out, with
// fault injection for the awkward cases. Node built-ins only. See sandbox/README.md.
import http, { STATUS_CODES } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SCOPES, buildKeys, handleApi, matchApiRoute, mintCredentials, validateCreateFields } from './api.js';
import { describeFault, faultReply, normalizeFault, takeFault } from './faults.js';
import { handleRegistry } from './registry.js';
import { fail, json, render } from './replies.js';

export { REGISTRY_REALM } from './registry.js';

export const SANDBOX_PROJECT_ID = '3f1c2a9e-7b4d-4e8a-9c61-2d5f0b8a7e13';
export const SANDBOX_API_KEY = 'dg-sandbox-key';

const HOST = '127.0.0.1';
const GENERATIONS = ['current', 'legacy'];
const ERROR_STYLES = ['err_code', 'category', 'text'];
const ROLES = ['owner', 'admin', 'member'];
// Ops that fault rules can hit; admin and unknown paths are never faulted.
const FAULTABLE = new Set(['create', 'list', 'get', 'delete', 'registry']);

/**
 * Starts the sandbox on 127.0.0.1. See server.d.ts for the option and return types.
 * @param {import('./server.js').SandboxOptions} [options]
 * @returns {Promise<import('./server.js').Sandbox>}
 */
export async function startSandbox(options = {}) {
  const state = createState(normalizeOptions(options));
  const server = http.createServer((req, res) => {
    handleRequest(state, req, res).catch((error) => internalError(res, error));
  });
  await listen(server, state.port);
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return sandboxHandle(state, server, port);
}

function normalizeOptions(options) {
  const {
    port = 0,
    keys = { [SANDBOX_API_KEY]: { role: 'owner' } },
    projects = { [SANDBOX_PROJECT_ID]: { selfHosted: true } },
    generation = 'current',
    omitUsername = false,
    errorStyle = 'err_code',
    retryAfter,
    quiet = false,
    log,
  } = options;
  check(Number.isInteger(port) && port >= 0 && port <= 65535, 'port must be an integer from 0 to 65535');
  check(GENERATIONS.includes(generation), `generation must be one of ${GENERATIONS.join(', ')}`);
  check(ERROR_STYLES.includes(errorStyle), `errorStyle must be one of ${ERROR_STYLES.join(', ')}`);
  check(typeof omitUsername === 'boolean', 'omitUsername must be a boolean');
  check(retryAfter === undefined || /^\d+(\.\d+)?$/.test(retryAfter), 'retryAfter must be delay-seconds such as "0.1"');
  check(log === undefined || typeof log === 'function', 'log must be a function');
  check(
    isRecord(keys) && Object.values(keys).every(isKeySpec),
    `keys must map API keys to { role: ${ROLES.join('|')}, scopes?: string[] }`,
  );
  check(
    isRecord(projects) && Object.values(projects).every((p) => isRecord(p) && typeof p.selfHosted === 'boolean'),
    'projects must map project ids to { selfHosted: boolean }',
  );
  return { port, keys, projects, generation, omitUsername, errorStyle, retryAfter, log: quiet ? undefined : log };
}

function createState(options) {
  return {
    port: options.port,
    generation: options.generation,
    omitUsername: options.omitUsername,
    errorStyle: options.errorStyle,
    retryAfter: options.retryAfter,
    log: options.log,
    keys: buildKeys(options.keys),
    projects: new Map(Object.entries(options.projects).map(([id, p]) => [id, { selfHosted: p.selfHosted }])),
    /** @type {Map<string, import('./api.js').StoredCredentials>} live credentials by id */
    credentials: new Map(),
    faults: [],
    requests: [],
    /** {id, secret} pairs the next creates will use, oldest first */
    presets: [],
    /** delays in progress, so close() can cut them short */
    delays: new Set(),
    /** how far the sandbox's clock (created times, the Date header) is ahead of the machine's */
    clockOffsetMs: 0,
    /** exchanges not yet answered, so reset() can cut them off */
    inFlight: new Set(),
    closed: false,
  };
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The object startSandbox resolves to. */
function sandboxHandle(state, server, port) {
  let closing;
  return {
    url: `http://${HOST}:${port}`,
    port,
    registryHost: `${HOST}:${port}`,
    get requests() {
      return state.requests.map((entry) => ({ ...entry }));
    },
    clearRequests: () => {
      state.requests.length = 0;
    },
    credentials: (projectId) => liveCredentials(state, projectId),
    /** Delayed or endless answers still under way: none after reset() or close(). */
    get pendingDelays() {
      return state.delays.size;
    },
    addFault: (rule) => {
      state.faults.push(normalizeFault(rule));
    },
    clearFaults: () => {
      state.faults.length = 0;
    },
    reset: () => {
      resetState(state);
      // Nothing asked before the reset acts or answers after it: a delayed create would make a set
      // in the next test's project. Idle kept-alive connections stay: they carry nothing yet.
      for (const delay of state.delays) delay.cancel();
      for (const exchange of state.inFlight) exchange.req.socket.destroy();
    },
    issue: (projectId, fields) => issue(state, projectId, fields),
    presetNext: () => presetNext(state),
    shiftClock: (ms) => {
      state.clockOffsetMs += ms;
    },
    close() {
      closing ??= closeServer(state, server);
      return closing;
    },
  };
}

function closeServer(state, server) {
  state.closed = true;
  for (const delay of state.delays) delay.cancel();
  const closed = new Promise((resolve) => server.close(() => resolve()));
  // server.close() alone waits for idle keep-alive sockets to time out.
  server.closeAllConnections();
  return closed;
}

function resetState(state) {
  state.presets.length = 0;
  state.credentials.clear();
  state.faults.length = 0;
  state.requests.length = 0;
  state.clockOffsetMs = 0;
}

/** Live credentials as public records (secret included: this is the test-side view). */
function liveCredentials(state, projectId) {
  return [...state.credentials.values()].filter((record) => projectId === undefined || record.projectId === projectId).map(publicRecord);
}

function publicRecord({ id, projectId, comment, scopes, provider, created, username, secret }) {
  return { id, projectId, comment, scopes: [...scopes], provider, created, username, secret };
}

/**
 * Test setup: creates credentials without going through HTTP. `key` (optional) names the API key
 * recorded as the creator, which decides what a member key can see; `created` (optional, an ISO
 * 8601 time) back- or forward-dates the set, as get and list then report it; `email` (optional)
 * is the email of the member the set is listed as made by (any text: tests of hostile answers).
 */
function issue(state, projectId = firstProjectId(state), fields = {}) {
  const { comment, scopes = DEFAULT_SCOPES, provider = 'quay', key, created, email } = fields;
  if (!state.projects.has(projectId)) throw new Error(`unknown project ${projectId}`);
  if (created !== undefined && (typeof created !== 'string' || Number.isNaN(Date.parse(created)))) {
    throw new TypeError('created must be an ISO 8601 time string, such as 2026-01-31T12:00:00Z');
  }
  if (email !== undefined && typeof email !== 'string') throw new TypeError('email must be a string');
  const creator = key === undefined ? undefined : state.keys.get(key);
  if (key !== undefined && !creator) throw new Error(`unknown API key ${key}`);
  const problem = validateCreateFields({ comment, scopes, provider });
  if (problem) throw new TypeError(problem);
  return publicRecord(mintCredentials(state, projectId, { comment, scopes, provider, created, email }, creator));
}

/** Decides the id and secret of the next create, and returns them with the username. */
function presetNext(state) {
  const preset = { id: randomUUID(), secret: randomBytes(32).toString('hex') };
  state.presets.push(preset);
  return { ...preset, username: `deepgram+${preset.id}` };
}

function firstProjectId(state) {
  return state.projects.keys().next().value;
}

// ---------------------------------------------------------------------------------------------
// Request pipeline: log, read body, route, apply any fault rule, act, answer.

async function handleRequest(state, req, res) {
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

/** @param {import('./replies.js').Reply} reply */
function send(state, { res, entry, requestId }, reply) {
  entry.status = reply.status;
  if (res.destroyed) return; // the client left; the action (if any) has already happened
  const { type, payload } = render(reply, state.errorStyle, requestId);
  res.writeHead(reply.status, { 'content-type': type, 'dg-request-id': requestId, date: httpDate(state), ...reply.headers });
  res.end(payload);
}

/**
 * Answers `reply` in a way that never finishes: trickled (the headers or the body, one piece per
 * interval) or endless (the body, then filler, as fast as the client reads). Resolves when the
 * client leaves or the sandbox closes.
 */
function sendWithoutEnd(state, exchange, reply, fault) {
  const { req, res, entry, requestId } = exchange;
  entry.status = reply.status;
  const socket = req.socket;
  return new Promise((resolve) => {
    let timer;
    const stop = () => {
      clearInterval(timer);
      state.delays.delete(handle);
      resolve();
    };
    const handle = {
      cancel() {
        stop();
        socket.destroy();
      },
    };
    state.delays.add(handle);
    socket.once('close', stop);
    if (res.destroyed) return stop();
    if (fault.trickle === 'headers') {
      socket.write(`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? 'Unknown'}\r\n`);
      timer = setInterval(() => socket.write('x-sandbox-trickle: .\r\n'), fault.intervalMs);
      return undefined;
    }
    const { type, payload } = render(reply, state.errorStyle, requestId);
    // No content-length: the body goes out chunked, so it can go on for as long as it likes.
    res.writeHead(reply.status, { 'content-type': type, 'dg-request-id': requestId, date: httpDate(state), ...reply.headers });
    const bytes = Buffer.from(payload);
    if (fault.trickle === 'body') {
      let sent = 0;
      // The reply one byte at a time, then spaces (still valid JSON so far) for ever.
      timer = setInterval(() => res.write(sent < bytes.length ? bytes.subarray(sent, ++sent) : ' '), fault.intervalMs);
      return undefined;
    }
    const filler = Buffer.alloc(64 * 1024, ' ');
    // The client's pace: write until the socket's buffer is full, then again when it drains.
    const pump = () => {
      while (!res.destroyed && res.write(filler));
    };
    res.on('drain', pump);
    res.write(bytes);
    pump();
    return undefined;
  });
}

/** The Date header, by the sandbox's clock (a fault rule's headers may set another). */
function httpDate(state) {
  return new Date(Date.now() + state.clockOffsetMs).toUTCString();
}

function destroy(exchange) {
  exchange.destroyed = true;
  exchange.req.socket.destroy();
}

function sleep(state, ms) {
  return new Promise((resolve) => {
    const delay = {
      cancel() {
        clearTimeout(timer);
        state.delays.delete(delay);
        resolve(false);
      },
    };
    const timer = setTimeout(() => {
      state.delays.delete(delay);
      resolve(true);
    }, ms);
    state.delays.add(delay);
  });
}

function internalError(res, error) {
  if (!res.headersSent && !res.destroyed) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`sandbox bug: ${error?.stack ?? error}`);
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

function logEntry(req, url) {
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

function loggedBody(rawBody) {
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

function logLine(entry) {
  const outcome = entry.status ?? 'socket destroyed';
  const extras = [entry.fault && `fault ${entry.fault}`, entry.clientGone && 'client gone'].filter(Boolean);
  return `${entry.method} ${entry.path} [${entry.op}] -> ${outcome}${extras.length ? ` (${extras.join(', ')})` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Admin endpoints, for a sandbox running in another process. No auth: it only listens on loopback.

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

function handleAdmin(state, request) {
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
  if (!isRecord(value)) throw new TypeError('the body must be a JSON object');
  return value;
}

// ---------------------------------------------------------------------------------------------

function check(ok, message) {
  if (!ok) throw new TypeError(message);
}

function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKeySpec(spec) {
  return (
    isRecord(spec) &&
    ROLES.includes(spec.role) &&
    (spec.scopes === undefined || (Array.isArray(spec.scopes) && spec.scopes.every((s) => typeof s === 'string')))
  );
}

// ---------------------------------------------------------------------------------------------
// CLI: node sandbox/server.js [--port N] [--generation legacy] ...

const USAGE = `Usage: node sandbox/server.js [options]
  --port N               port on 127.0.0.1 (default: a free one)
  --generation G         current (default) | legacy
  --error-style S        err_code (default) | category | text
  --omit-username        leave username out of create responses (current generation)
  --project ID           project id (default ${SANDBOX_PROJECT_ID})
  --api-key KEY          owner API key (default ${SANDBOX_API_KEY})
  --quiet                do not log requests to stderr
  -h, --help             show this help`;

async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      generation: { type: 'string' },
      'error-style': { type: 'string' },
      'omit-username': { type: 'boolean' },
      project: { type: 'string' },
      'api-key': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const projectId = values.project ?? SANDBOX_PROJECT_ID;
  const apiKey = values['api-key'] ?? SANDBOX_API_KEY;
  const sandbox = await startSandbox({
    port: values.port === undefined ? 0 : Number(values.port),
    // startSandbox validates these two and names the allowed values.
    generation: /** @type {any} */ (values.generation),
    errorStyle: /** @type {any} */ (values['error-style']),
    omitUsername: values['omit-username'] ?? false,
    keys: { [apiKey]: { role: 'owner' } },
    projects: { [projectId]: { selfHosted: true } },
    quiet: values.quiet ?? false,
    log: (line) => console.error(line),
  });
  console.log(`Deepgram API sandbox listening on ${sandbox.url} (project ${projectId}, api key ${apiKey})`);
  const stop = () => sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function isEntryPoint() {
  if (!process.argv[1]) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`sandbox: ${error instanceof Error ? error.message : error}`);
    console.error(USAGE);
    process.exit(2);
  });
}
