/** Deepgram's product scopes: the shape of a scope name, and the ones Deepgram documents today. */

/**
 * A scope is a colon-separated name such as self-hosted:product:api; nothing outside this set. The
 * scopes input is refused when one is not (login/inputs.ts), and one in an answer is dropped (client.ts).
 */
export const SCOPE_SHAPE = /^[a-z0-9][a-z0-9._-]*(:[a-z0-9][a-z0-9._-]*)+$/i;

/** Product scopes Deepgram documents today; others are sent with a warning (new products appear). */
export const KNOWN_SCOPES: readonly string[] = [
  'self-hosted:products',
  'self-hosted:product:api',
  'self-hosted:product:engine',
  'self-hosted:product:license-proxy',
  'self-hosted:product:dgtools',
  'self-hosted:product:billing',
  'self-hosted:product:hotpepper',
  'self-hosted:product:metrics-server',
  'onprem:products',
  'onprem:product:api',
  'onprem:product:engine',
  'onprem:product:license-proxy',
  'onprem:product:dgtools',
  'onprem:product:billing',
  'onprem:product:hotpepper',
  'onprem:product:metrics-server',
];
