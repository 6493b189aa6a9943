// API keys and members: the key table a sandbox is started with, who each key is (a member of the
// project, with a stable id), and what a key may do (its role and scopes). Used by the API routes
// to authenticate and authorise, and by the state to record who made a set.
import { createHash } from 'node:crypto';

export const ROLES = ['owner', 'admin', 'member'];
export const SANDBOX_EMAIL = 'sandbox@example.com';

/**
 * @typedef {{ role?: string, scopes?: string[] }} KeySpec
 * @typedef {{ name: string, role?: string, scopes: string[], member: Member }} ApiKey
 * @typedef {{ member_id: string, email: string }} Member
 */

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

/** The key an `Authorization: Token <key>` header names, if the sandbox knows it. */
export function authenticate(keys, header) {
  const match = /^token\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? keys.get(match[1]) : undefined;
}

function isStaff(key) {
  return key.role === 'owner' || key.role === 'admin';
}

/** Create needs owner/admin or `keys:write`; delete any role or `keys:write`; list and get any role. */
export function mayPerform(key, op) {
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
export function canSee(key, record) {
  return isStaff(key) || record.creatorKey === key.name;
}

/** A uuid-shaped id derived from `text`, so member ids are stable across restarts. */
export function memberFor(text) {
  const hex = createHash('sha256').update(`deepgram-sandbox:${text}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 3) | 8).toString(16);
  const member_id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return { member_id, email: SANDBOX_EMAIL };
}
