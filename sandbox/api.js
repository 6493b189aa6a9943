// The Deepgram distribution-credentials API: routing, auth, permissions, validation, shapes.
// Behaviour follows docs/deepgram-api.md; `generation` switches between the current
// spec and the older reference (flat create body, fields required in the JSON body).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { fail, json } from './replies.js';

export const DEFAULT_SCOPES = ['self-hosted:products'];
export const SANDBOX_EMAIL = 'sandbox@example.com';

// `onprem` is the older path segment and still works; `selfhosted` (no hyphen) does not.
const ROUTE = /^\/v1\/projects\/([^/]+)\/(?:self-hosted|onprem)\/distribution\/credentials(?:\/([^/]+))?$/;
// Stricter than "starts with self-hosted:" on purpose: a client that joins scopes with commas
// or spaces instead of repeating the query key gets a 400 here rather than a silent pass.
const SCOPE = /^(?:self-hosted|onprem):[A-Za-z0-9][A-Za-z0-9:._-]*$/;

/**
 * @typedef {{ role?: string, scopes?: string[] }} KeySpec
 * @typedef {{ name: string, role?: string, scopes: string[], member: Member }} ApiKey
 * @typedef {{ member_id: string, email: string }} Member
 * @typedef {{ id: string, projectId: string, comment: string | null, scopes: string[],
 *   provider: string, created: string, username: string, secret: string,
 *   creatorKey: string | null, member: Member }} StoredCredentials
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

/** Builds the key table; each key gets a stable member identity derived from the key. */
export function buildKeys(specs) {
  return new Map(
    Object.entries(specs).map(([name, spec]) => [
      name,
      {
        name,
        role: spec.role,
        scopes: [...(spec.scopes ?? [])],
        member: memberFor(`key:${name}`),
      },
    ]),
  );
}

/** The member shown on credentials made with `issue()` rather than through the API. */
export const ISSUER_MEMBER = memberFor('issuer');

/**
 * Handles one API request. `sandbox` is the internal state from server.js.
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

/** Stores a new set of credentials (used by the create route and by `issue()`). */
export function mintCredentials(sandbox, projectId, { comment, scopes, provider, created, email }, key) {
  // A test that must know the next id and secret in advance (a real registry reads its htpasswd
  // file once, at start-up) queues them with presetNext().
  const preset = sandbox.presets.shift();
  const id = preset?.id ?? randomUUID();
  /** @type {StoredCredentials} */
  const record = {
    id,
    projectId,
    comment: comment ?? null,
    scopes: [...scopes],
    provider,
    // issue() may back-date a set (tests of what is old enough to prune or retire).
    created: created ?? new Date(Date.now() + sandbox.clockOffsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    username: `deepgram+${id}`,
    secret: preset?.secret ?? randomBytes(32).toString('hex'),
    creatorKey: key?.name ?? null,
    // issue() may name the member's email (an audit's "made by"); the id follows from it.
    member: email === undefined ? (key?.member ?? ISSUER_MEMBER) : { ...memberFor(`email:${email}`), email },
  };
  sandbox.credentials.set(id, record);
  return record;
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

function authenticate(keys, header) {
  const match = /^token\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? keys.get(match[1]) : undefined;
}

function isStaff(key) {
  return key.role === 'owner' || key.role === 'admin';
}

function mayPerform(key, op) {
  const reader = isStaff(key) || key.role === 'member';
  const keysWrite = key.scopes.includes('keys:write');
  switch (op) {
    case 'create':
      return isStaff(key) || keysWrite;
    case 'delete':
      return reader || keysWrite;
    default:
      return reader;
  }
}

/** Owners and admins see every set in the project; anyone else only the sets its key made. */
function canSee(key, record) {
  return isStaff(key) || record.creatorKey === key.name;
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

/** A uuid-shaped id derived from `text`, so member ids are stable across restarts. */
function memberFor(text) {
  const hex = createHash('sha256').update(`deepgram-sandbox:${text}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 3) | 8).toString(16);
  const member_id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return { member_id, email: SANDBOX_EMAIL };
}
