// The API routes: Deepgram's distribution-credentials API (routing, the order of its checks,
// validation, answer shapes), and issue(), the create route's work without HTTP for test setup.
// Behaviour follows docs/deepgram-api.md; `generation` switches between the current
// spec and the older reference (flat create body, fields required in the JSON body). Who a key is
// and what it may do: keys.js; what is stored: state.js.
import { authenticate, canSee, mayPerform } from './keys.js';
import { fail, json } from './replies.js';
import { firstProjectId, mintCredentials, publicRecord } from './state.js';

export const DEFAULT_SCOPES = ['self-hosted:products'];

// `onprem` is the older path segment and still works; `selfhosted` (no hyphen) does not.
const ROUTE = /^\/v1\/projects\/([^/]+)\/(?:self-hosted|onprem)\/distribution\/credentials(?:\/([^/]+))?$/;
// Stricter than "starts with self-hosted:" on purpose: a client that joins scopes with commas
// or spaces instead of repeating the query key gets a 400 here rather than a silent pass.
const SCOPE = /^(?:self-hosted|onprem):[A-Za-z0-9][A-Za-z0-9:._-]*$/;

/**
 * @typedef {{ op: 'create'|'list'|'get'|'delete'|'unknown', projectId?: string,
 *   credentialsId?: string, methodNotAllowed?: boolean }} ApiRoute
 */

/** @returns {ApiRoute | null} null when the path is not an API path at all */
export function matchApiRoute(method, pathname) {
  const match = ROUTE.exec(pathname);
  if (!match) return null;
  let projectId, credentialsId;
  try {
    projectId = decodeURIComponent(match[1]);
    credentialsId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
  } catch {
    return null;
  }
  const op = credentialsId === undefined ? { POST: 'create', GET: 'list' }[method] : { GET: 'get', DELETE: 'delete' }[method];
  return op ? { op, projectId, credentialsId } : { op: 'unknown', methodNotAllowed: true };
}

/**
 * Handles one API request. `sandbox` is the sandbox's state (state.js).
 * @returns {import('./replies.js').Reply}
 */
export function handleApi(sandbox, route, request) {
  const key = authenticate(sandbox.keys, request.headers.authorization);
  if (!key) return fail(401, 'INVALID_AUTH', 'Invalid credentials.');
  const project = sandbox.projects.get(route.projectId);
  if (!project) return fail(404, 'PROJECT_NOT_FOUND', 'Project not found.');
  if (!project.selfHosted) return fail(403, 'FORBIDDEN', 'Project does not have access to self-hosted products.');
  if (!mayPerform(key, route.op)) return insufficientPermissions();
  return HANDLERS[route.op](sandbox, route, request, key);
}

const HANDLERS = { create, list, get, delete: remove };

function create(sandbox, route, request, key) {
  const { error, fields } = parseCreate(sandbox.generation, request.query, request.rawBody);
  if (error) return error;
  const record = mintCredentials(sandbox, route.projectId, fields, key);
  return json(200, createdShape(sandbox, record));
}

function list(sandbox, route, _request, key) {
  const visible = [...sandbox.credentials.values()].filter((record) => record.projectId === route.projectId && canSee(key, record));
  return json(200, { distribution_credentials: visible.map(nestedShape) });
}

function get(sandbox, route, _request, key) {
  const found = findOwn(sandbox, route, key);
  return found.error ?? json(200, readShape(sandbox, found.record));
}

function remove(sandbox, route, _request, key) {
  const found = findOwn(sandbox, route, key);
  if (found.error) return found.error;
  sandbox.credentials.delete(found.record.id);
  return json(
    200,
    sandbox.generation === 'legacy' ? { message: 'Successfully deleted distribution credentials' } : readShape(sandbox, found.record),
  );
}

/**
 * Test setup: creates credentials without going through HTTP. `key` (optional) names the API key
 * recorded as the creator, which decides what a member key can see; `created` (optional, an ISO
 * 8601 time) back- or forward-dates the set, as get and list then report it; `email` (optional)
 * is the email of the member the set is listed as made by (any text: tests of hostile answers).
 */
export function issue(sandbox, projectId = firstProjectId(sandbox), fields = {}) {
  const { comment, scopes = DEFAULT_SCOPES, provider = 'quay', key, created, email } = fields;
  if (!sandbox.projects.has(projectId)) throw new Error(`unknown project ${projectId}`);
  if (created !== undefined && (typeof created !== 'string' || Number.isNaN(Date.parse(created)))) {
    throw new TypeError('created must be an ISO 8601 time string, such as 2026-01-31T12:00:00Z');
  }
  if (email !== undefined && typeof email !== 'string') throw new TypeError('email must be a string');
  const creator = key === undefined ? undefined : sandbox.keys.get(key);
  if (key !== undefined && !creator) throw new Error(`unknown API key ${key}`);
  const problem = validateCreateFields({ comment, scopes, provider });
  if (problem) throw new TypeError(problem);
  return publicRecord(mintCredentials(sandbox, projectId, { comment, scopes, provider, created, email }, creator));
}

/** Checks `comment`, `scopes`, `provider` for either scope list (API create or `issue()`). */
export function validateCreateFields({ comment, scopes, provider }) {
  if (comment !== undefined && typeof comment !== 'string') return 'comment must be a string.';
  if (!Array.isArray(scopes) || scopes.length === 0) return 'scopes must be a non-empty array of strings.';
  const bad = scopes.find((scope) => typeof scope !== 'string' || !SCOPE.test(scope));
  if (bad !== undefined) return `Invalid scope: ${JSON.stringify(bad)}. Scopes look like self-hosted:products.`;
  if (provider !== 'quay') return `Invalid provider: ${JSON.stringify(provider)}. The only provider is quay.`;
  return undefined;
}

/**
 * Current generation: scopes/provider from the query (repeated `scopes` keys), comment from the
 * body; the body may also carry comment/scopes/provider, and where both give a field the body wins.
 * Legacy generation: comment, scopes and provider are required in the body; the query is ignored.
 */
function parseCreate(generation, query, rawBody) {
  const body = parseJsonObject(rawBody);
  if (body.error) return { error: body.error };
  const fromBody = body.value ?? {};
  const fields =
    generation === 'legacy'
      ? { comment: fromBody.comment, scopes: fromBody.scopes, provider: fromBody.provider }
      : {
          comment: fromBody.comment,
          scopes: fromBody.scopes ?? asArray(query.scopes) ?? DEFAULT_SCOPES,
          provider: fromBody.provider ?? query.provider ?? 'quay',
        };
  if (generation === 'legacy') {
    const missing = ['comment', 'scopes', 'provider'].filter((name) => fromBody[name] === undefined);
    if (missing.length) return { error: badRequest(`Missing required field(s) in the JSON body: ${missing.join(', ')}.`) };
  }
  const problem = validateCreateFields(fields);
  return problem ? { error: badRequest(problem) } : { fields };
}

function parseJsonObject(rawBody) {
  if (rawBody.trim() === '') return { value: undefined };
  let value;
  try {
    value = JSON.parse(rawBody);
  } catch {
    return { error: fail(400, 'INVALID_JSON', 'Request body is not valid JSON.') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: badRequest('Request body must be a JSON object.') };
  }
  return { value };
}

function asArray(value) {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

function badRequest(details) {
  return fail(400, 'INVALID_REQUEST', `Bad request: ${details}`, details);
}

function insufficientPermissions() {
  return fail(403, 'INSUFFICIENT_PERMISSIONS', 'You do not have sufficient permissions to perform this action.');
}

function findOwn(sandbox, route, key) {
  const record = sandbox.credentials.get(route.credentialsId);
  if (!record || record.projectId !== route.projectId) {
    return { error: fail(404, 'NOT_FOUND', 'Distribution credentials not found.') };
  }
  return canSee(key, record) ? { record } : { error: insufficientPermissions() };
}

function credentialsFields(record) {
  return {
    distribution_credentials_id: record.id,
    provider: record.provider,
    ...(record.comment === null ? {} : { comment: record.comment }),
    scopes: [...record.scopes],
    created: record.created,
  };
}

function nestedShape(record) {
  return { member: { ...record.member }, distribution_credentials: credentialsFields(record) };
}

/** get/delete body: nested (current) or flat (legacy); never the secret. */
function readShape(sandbox, record) {
  if (sandbox.generation === 'legacy') return { ...credentialsFields(record), username: record.username };
  return nestedShape(record);
}

/** The only shape that carries the secret. */
function createdShape(sandbox, record) {
  if (sandbox.generation === 'legacy') {
    return { ...credentialsFields(record), username: record.username, secret: record.secret };
  }
  const username = sandbox.omitUsername ? {} : { username: record.username };
  const shape = nestedShape(record);
  return { ...shape, distribution_credentials: { ...shape.distribution_credentials, ...username, secret: record.secret } };
}
