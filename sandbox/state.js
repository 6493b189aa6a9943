// What a running sandbox holds: its projects, API keys and live credentials, the ids and secrets
// queued for the next creates, its clock's offset, and the delays and exchanges under way; and the
// changes that both the API routes and the tests make to it (mint a set, preset the next one,
// reset), and the cutting short of delays and exchanges that a reset or close() must not let answer.
import { randomBytes, randomUUID } from 'node:crypto';
import { ISSUER_MEMBER, buildKeys, memberFor } from './keys.js';

/**
 * @typedef {{ id: string, projectId: string, comment: string | null, scopes: string[],
 *   provider: string, created: string, username: string, secret: string,
 *   creatorKey: string | null, member: import('./keys.js').Member }} StoredCredentials
 */

/** The state of a new sandbox, from its checked options (options.js). */
export function createState(options) {
  return {
    port: options.port,
    generation: options.generation,
    omitUsername: options.omitUsername,
    errorStyle: options.errorStyle,
    retryAfter: options.retryAfter,
    log: options.log,
    keys: buildKeys(options.keys),
    projects: new Map(Object.entries(options.projects).map(([id, p]) => [id, { selfHosted: p.selfHosted }])),
    /** @type {Map<string, StoredCredentials>} live credentials by id */
    credentials: new Map(),
    faults: [],
    /** the request log (request-log.js), oldest first */
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

/** Drops credentials, presets, faults and the request log, and puts the clock back. */
export function resetState(state) {
  state.presets.length = 0;
  state.credentials.clear();
  state.faults.length = 0;
  state.requests.length = 0;
  state.clockOffsetMs = 0;
}

/** Cuts short every delay and never-ending answer under way (each resolves, its socket closed). */
export function cancelDelays(state) {
  for (const delay of state.delays) delay.cancel();
}

/** Destroys the sockets of the exchanges not yet answered, so they neither act nor answer later. */
export function cutOffInFlight(state) {
  for (const exchange of state.inFlight) exchange.req.socket.destroy();
}

/** The sandbox's clock: the machine's, moved by shiftClock(). */
export function sandboxNow(state) {
  return new Date(Date.now() + state.clockOffsetMs);
}

/** Stores a new set of credentials (used by the create route and by `issue()`). */
export function mintCredentials(state, projectId, { comment, scopes, provider, created, email }, key) {
  // A test that must know the next id and secret in advance (a real registry reads its htpasswd
  // file once, at start-up) queues them with presetNext().
  const preset = state.presets.shift();
  const id = preset?.id ?? randomUUID();
  /** @type {StoredCredentials} */
  const record = {
    id,
    projectId,
    comment: comment ?? null,
    scopes: [...scopes],
    provider,
    // issue() may back-date a set (tests of what is old enough to prune or retire).
    created:
      created ??
      sandboxNow(state)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
    username: `deepgram+${id}`,
    secret: preset?.secret ?? randomBytes(32).toString('hex'),
    creatorKey: key?.name ?? null,
    // issue() may name the member's email (an audit's "made by"); the id follows from it.
    member: email === undefined ? (key?.member ?? ISSUER_MEMBER) : { ...memberFor(`email:${email}`), email },
  };
  state.credentials.set(id, record);
  return record;
}

/** Decides the id and secret of the next create, and returns them with the username. */
export function presetNext(state) {
  const preset = { id: randomUUID(), secret: randomBytes(32).toString('hex') };
  state.presets.push(preset);
  return { ...preset, username: `deepgram+${preset.id}` };
}

/** Live credentials as public records (secret included: this is the test-side view). */
export function liveCredentials(state, projectId) {
  return [...state.credentials.values()].filter((record) => projectId === undefined || record.projectId === projectId).map(publicRecord);
}

export function publicRecord({ id, projectId, comment, scopes, provider, created, username, secret }) {
  return { id, projectId, comment, scopes: [...scopes], provider, created, username, secret };
}

export function firstProjectId(state) {
  return state.projects.keys().next().value;
}
