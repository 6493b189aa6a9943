// Types for sandbox/server.js (plain JavaScript, no build step).

export declare const SANDBOX_PROJECT_ID: string;
export declare const SANDBOX_API_KEY: string;
export declare const REGISTRY_REALM: string;

export type Role = 'owner' | 'admin' | 'member';
export type Generation = 'current' | 'legacy';
export type ErrorStyle = 'err_code' | 'category' | 'text';
export type Op = 'create' | 'list' | 'get' | 'delete' | 'registry' | 'admin' | 'unknown';

export interface KeySpec {
  role: Role;
  /** e.g. ['keys:write'], which allows create and delete without the owner/admin role */
  scopes?: string[];
}

export interface SandboxOptions {
  /** default 0: a free port. The host is always 127.0.0.1. */
  port?: number;
  /** API key -> role/scopes; default { 'dg-sandbox-key': { role: 'owner' } } */
  keys?: Record<string, KeySpec>;
  /** project id -> access; default { SANDBOX_PROJECT_ID: { selfHosted: true } } */
  projects?: Record<string, { selfHosted: boolean }>;
  /** default 'current' */
  generation?: Generation;
  /** current generation: leave `username` out of the create response; default false */
  omitUsername?: boolean;
  /** body form of API errors; default 'err_code' */
  errorStyle?: ErrorStyle;
  /**
   * Retry-After (delay-seconds, e.g. '0.1') on every fault answer with a status a client retries
   * (408, 429, 5xx) whose rule sets none; default none. Keeps tests of retries fast.
   */
  retryAfter?: string;
  /** suppress `log` */
  quiet?: boolean;
  /** called with one line per request (the CLI passes console.error); default: no logging */
  log?: (line: string) => void;
}

export interface CredentialsRecord {
  id: string;
  projectId: string;
  comment: string | null;
  scopes: string[];
  provider: string;
  /** ISO timestamp without milliseconds, e.g. 2024-01-02T03:04:05Z */
  created: string;
  /** deepgram+<id> */
  username: string;
  secret: string;
}

export interface RequestRecord {
  method: string;
  path: string;
  /** repeated keys become arrays */
  query: Record<string, string | string[]>;
  /** parsed JSON, the raw string when it is not JSON, or null when empty */
  body: unknown;
  op: Op;
  /** null when the socket was destroyed (reset fault) or no answer was written yet */
  status: number | null;
  /** ms timestamp of arrival */
  at: number;
  /** request headers, lower-cased, without authorization / proxy-authorization */
  headers: Record<string, string | string[] | undefined>;
  /** the authorization scheme sent, lower-cased ('token', 'basic', ...), or null */
  auth: string | null;
  /** the fault applied: 'status' | 'after-action' | 'delay' | 'reset-before' | 'reset-after' | 'trickle-headers' | 'trickle-body' | 'endless', or 'delay+<kind>' */
  fault?: string;
  /** true when the client disconnected before the answer was written */
  clientGone?: boolean;
}

interface FaultBase {
  op: 'create' | 'list' | 'get' | 'delete' | 'registry' | '*';
  /** only requests for this set (its get or delete); default any */
  credentialsId?: string;
  /** uses before the rule is spent; default 1; 0 or Infinity = forever */
  times?: number;
  /** wait first; may be combined with any of the others. The action still runs if the client left. */
  delayMs?: number;
}

/** Exactly one of: status (optionally afterAction), delayMs alone, reset, trickle, endless. */
export type FaultRule =
  | (FaultBase & {
      status: number;
      /** object -> JSON, string -> text/plain; default: an API error in the sandbox's errorStyle */
      body?: object | string;
      headers?: Record<string, string>;
      /** a Retry-After HTTP date this long after the reply is made */
      retryAfterDateMs?: number;
      /** carry out the request first, then answer `status` anyway */
      afterAction?: boolean;
    })
  | (FaultBase & { delayMs: number })
  | (FaultBase & { reset: 'before' | 'after' })
  /** act, then answer too slowly to ever finish: the headers, or the body, one piece per intervalMs (default 100) */
  | (FaultBase & { trickle: 'headers' | 'body'; intervalMs?: number })
  /** act, then answer the reply followed by filler without end, as fast as the client reads */
  | (FaultBase & { endless: true });

export interface IssueFields {
  comment?: string;
  /** default ['self-hosted:products'] */
  scopes?: string[];
  /** default 'quay' (the only valid one) */
  provider?: string;
  /** the API key recorded as creator (decides what a member key sees); default: none, so only owner/admin keys see it */
  key?: string;
  /** when the set was created, an ISO 8601 time (get and list report it as `created`); default: now */
  created?: string;
  /** the email of the member that get and list show as its maker (any text); default: the creating key's member, else sandbox@example.com */
  email?: string;
}

export interface Sandbox {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  /** 127.0.0.1:PORT — the same server answers GET /v2/ for docker login */
  readonly registryHost: string;
  /** a snapshot of the request log, oldest first */
  readonly requests: RequestRecord[];
  clearRequests(): void;
  /** live (not deleted) credentials, optionally of one project, secrets included */
  credentials(projectId?: string): CredentialsRecord[];
  /** delayed or endless answers still under way: none after reset() or close() */
  readonly pendingDelays: number;
  /** throws TypeError on an invalid rule */
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  /**
   * removes all credentials, faults and logged requests, and cuts off requests not yet answered
   * (a delayed create never acts): nothing asked before it acts or answers after it
   */
  reset(): void;
  /** creates credentials directly (test setup); projectId defaults to the first configured project */
  issue(projectId?: string, fields?: IssueFields): CredentialsRecord;
  /**
   * decides the id and secret of the next created credentials (queued, oldest first), for a test
   * that must know them in advance, such as a real registry's htpasswd file
   */
  presetNext(): { id: string; secret: string; username: string };
  /**
   * Moves the sandbox's clock `ms` on (or back, if negative): the created time of the sets made
   * from then on, and every answer's Date header. reset() puts it back to the machine's clock.
   */
  shiftClock(ms: number): void;
  /** stops listening and closes every socket, keep-alive ones included */
  close(): Promise<void>;
}

export declare function startSandbox(options?: SandboxOptions): Promise<Sandbox>;
