// Just enough of the Docker registry v2 API for `docker login`: the GET /v2/ ping with a
// Basic auth challenge, answered against the live distribution credentials.
import { createHash, timingSafeEqual } from 'node:crypto';
import { json } from './replies.js';

export const REGISTRY_REALM = 'Deepgram sandbox registry';
const API_VERSION = { 'docker-distribution-api-version': 'registry/2.0' };

/** @returns {import('./replies.js').Reply} */
export function handleRegistry(sandbox, request) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return registryError(405, 'UNSUPPORTED', 'the sandbox registry only answers GET /v2/');
  }
  if (!authorized(sandbox.credentials, request.headers.authorization)) {
    return registryError(401, 'UNAUTHORIZED', 'authentication required', {
      'www-authenticate': `Basic realm="${REGISTRY_REALM}"`,
    });
  }
  if (request.pathname !== '/v2' && request.pathname !== '/v2/') {
    return registryError(404, 'NAME_UNKNOWN', 'the sandbox registry holds no repositories');
  }
  return json(200, {}, API_VERSION);
}

function registryError(status, code, message, headers = {}) {
  return json(status, { errors: [{ code, message }] }, { ...API_VERSION, ...headers });
}

/** True when the header carries the username and secret of live (not deleted) credentials. */
function authorized(credentials, header) {
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const username = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  for (const record of credentials.values()) {
    if (record.username === username && sameSecret(record.secret, secret)) return true;
  }
  return false;
}

// Hashing first gives equal-length inputs, which timingSafeEqual requires.
function sameSecret(expected, given) {
  const digest = (text) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
