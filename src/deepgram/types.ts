/**
 * What the distribution-credentials API deals in, as this action keeps it: the create's request
 * and answer, a listed set, a list answer, and the one shape a credentials ID may have.
 */
export interface CreateRequest {
  comment: string;
  scopes: string[];
  provider: string;
}

/** What a create hands back: the secret is only ever returned here. */
export interface CreatedCredentials {
  id: string;
  username: string;
  secret: string;
  scopes: string[];
  /** The comment as the API stored it, when the answer gave it back. */
  comment?: string;
}

/** A listed set of credentials (lists never carry secrets). */
export interface ListedCredentials {
  id: string;
  comment: string;
  /** When it was created, as the API gave it (an ISO 8601 time), if it did. */
  created?: string;
  /** The scopes, as the API listed them (untrusted text), if it did. */
  scopes?: string[];
  /** The email of the member who made it, as the API listed it beside the set (untrusted text), if it did. */
  member?: string;
}

/** One list answer: the sets, and the API's clock as its answer gave it. */
export interface ListedPage {
  items: ListedCredentials[];
  /** The answer's `Date` header as sent (untrusted text; deepgram/clock.ts reads it), if it had one. */
  date?: string;
}

/**
 * A credentials ID the action will put in a URL or a log: a UUID-like token. Anything else (".."
 * would turn a DELETE into one on the collection's parent) is refused.
 */
export function isCredentialsId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/.test(value);
}

export type DeleteResult = 'deleted' | 'already-gone';
