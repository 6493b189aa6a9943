/**
 * The one thing a step holds to talk to Deepgram, built once per step (ProjectApi.forStep): the
 * client (which holds the step's time budget and the request timeout, and cuts each request to
 * them), the project, the retry policy and the log sinks. Its methods create, revoke, list and
 * delete, each retrying transient failures as the policy says; what they decide without the API
 * is in credential-rules.ts.
 *
 * A create is not idempotent: one that times out, gets a 5xx, or answers 2xx with something that
 * cannot be used may still have been carried out. Every comment therefore ends with a tag holding
 * the execution's marker (tags.ts), and such a failure sweeps the project for that marker: before
 * a create is retried, when main gives up, and again in the post step.
 *
 * All the calls of one step draw on one time budget (budget.ts). A sweep made inside main's
 * create is one attempt per request, with no retries of its own: the post step sweeps again.
 */
import { Budget } from '../net/budget.js';
import { DeepgramClient } from './client.js';
import { sendRequest } from '../net/http.js';
import { proxyWarnings } from '../net/proxy.js';
import { isClassified, withRetries, type RetryOptions } from '../net/retry.js';
import type { ApiSettings } from '../inputs/api.js';
import * as log from '../runner/log.js';
import { DeepgramApiError, errorMessage } from './errors.js';
import type { CreatedCredentials, CreateRequest, DeleteResult, ListedCredentials, ListedPage } from './types.js';
import { deleteMany } from './delete-many.js';
import { deletableSets, storedTagWarning, straysOf, undeletedProblem } from './credential-rules.js';

/**
 * What main records as a create goes out and comes back, so the post step knows what to look for
 * whenever the step is stopped: each mark is saved before the one it replaces is cleared.
 */
export interface CreateHooks {
  /** A create request may be in flight until `until` (ms since the epoch); 0 once it has settled. */
  inFlight: (until: number) => void;
  /** The create answered with usable credentials: their id, for the post step to revoke. */
  created: (credentialsId: string) => void;
  /** A create may have landed that this step never received: the post step must sweep. */
  mayHaveStrays: () => void;
}

export interface ProjectApiOptions {
  client: DeepgramClient;
  projectId: string;
  /** The retry policy: attempts per call, and the waits between them (tests replace them). */
  maxAttempts: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Where the methods' lines go (the step's log, or lines held to print later). */
  info: (message: string) => void;
  warning: (message: string) => void;
}

export class ProjectApi {
  readonly client: DeepgramClient;
  readonly projectId: string;
  readonly maxAttempts: number;
  /** The log sinks: plain functions, so they can be handed on (apiNow(page, api.info)). */
  readonly info: (message: string) => void;
  readonly warning: (message: string) => void;

  constructor(private readonly options: ProjectApiOptions) {
    this.client = options.client;
    this.projectId = options.projectId;
    this.maxAttempts = options.maxAttempts;
    this.info = options.info;
    this.warning = options.warning;
  }

  /**
   * A step's, once, before any request: its client holds the step's budget, with `extraMs` on top
   * (time the step may spend waiting beyond it: the post step's wait for an interrupted create).
   */
  static forStep(settings: ApiSettings, extraMs = 0): ProjectApi {
    // Once per step, before any request: a proxy variable that cannot be used as written.
    proxyWarnings(settings.apiUrl).forEach(log.warning);
    const budget = new Budget(Budget.forStep(settings).totalMs + extraMs);
    return new ProjectApi({
      client: new DeepgramClient({
        apiUrl: settings.apiUrl,
        apiKey: settings.apiKey,
        timeoutMs: settings.requestTimeoutMs,
        transport: sendRequest,
        budget,
      }),
      projectId: settings.projectId,
      maxAttempts: settings.maxAttempts,
      info: log.info,
      warning: log.warning,
    });
  }

  /** The same client, budget and retry policy, logging to other sinks. */
  withLogSinks(info: (message: string) => void, warning: (message: string) => void): ProjectApi {
    return new ProjectApi({ ...this.options, info, warning });
  }

  /** Creates credentials, retrying transient failures; whatever a failure may have created is swept. */
  async create(request: CreateRequest, marker: string, hooks: CreateHooks): Promise<CreatedCredentials> {
    const attempt = async (): Promise<CreatedCredentials> => {
      hooks.inFlight(Date.now() + this.client.timeoutMs);
      try {
        const credentials = await this.client.create(this.projectId, request);
        hooks.created(credentials.id);
        const lostTag = storedTagWarning(request.comment, credentials);
        if (lostTag) this.warning(lostTag);
        return credentials;
      } catch (error) {
        if (isClassified(error) && error.kind.ambiguous) hooks.mayHaveStrays();
        throw error;
      } finally {
        hooks.inFlight(0);
      }
    };
    try {
      return await withRetries(attempt, {
        ...this.retryOptions('create distribution credentials'),
        beforeRetry: async (error) => {
          if (error.kind.ambiguous) await this.sweepOnce(marker);
        },
      });
    } catch (error) {
      if (isClassified(error) && error.kind.ambiguous) {
        // A set whose id the answer gave goes by that id, even where the key may not list.
        const known = error instanceof DeepgramApiError ? error.details.credentialsId : undefined;
        if (known) await this.revoke(known, 1).catch(() => undefined);
        await this.sweepOnce(marker);
      }
      throw error;
    }
  }

  /** Deletes one set of credentials, retrying transient failures; 404 counts as already done. */
  async revoke(credentialsId: string, maxAttempts = this.maxAttempts): Promise<DeleteResult> {
    const result = await withRetries(() => this.client.delete(this.projectId, credentialsId), {
      ...this.retryOptions(`delete distribution credentials ${credentialsId}`),
      maxAttempts,
    });
    this.info(
      result === 'deleted'
        ? `Revoked distribution credentials ${credentialsId}.`
        : `Distribution credentials ${credentialsId} were already gone.`,
    );
    return result;
  }

  /** The project's credentials (and the API's time of the answer), retrying transient failures. */
  list(maxAttempts = this.maxAttempts): Promise<ListedPage> {
    return withRetries(() => this.client.list(this.projectId), {
      ...this.retryOptions('list distribution credentials'),
      maxAttempts,
    });
  }

  /**
   * Deletes each of `sets`, a few at a time (delete-many.ts); what cannot be deleted is one warning
   * for them all, not a failure, and not a warning a set. Returns those deleted. An id that is not
   * a credentials ID is never put in a URL.
   */
  async deleteEach(sets: ListedCredentials[], what: string, maxAttempts = this.maxAttempts): Promise<ListedCredentials[]> {
    const { usable, refusedWarning } = deletableSets(sets, what);
    if (refusedWarning) this.warning(refusedWarning);
    const outcome = await deleteMany(usable, (set) => this.revoke(set.id, maxAttempts));
    const problem = undeletedProblem(outcome, what);
    if (problem) this.warning(problem);
    return outcome.deleted;
  }

  /**
   * Main's sweep, inside a create: one list and one delete attempt each, no retries (the post step
   * sweeps again with its own). A failure is logged, not thrown: the create's own error matters more.
   */
  private async sweepOnce(marker: string): Promise<void> {
    let listed;
    try {
      ({ items: listed } = await this.list(1));
    } catch (error) {
      this.info(`Could not look for credentials the failed create may have left (the post step looks again): ${errorMessage(error)}`);
      return;
    }
    const strays = straysOf(listed, marker);
    if (strays.length === 0) return;
    const deleted = await this.deleteEach(strays, 'stray distribution credentials', 1);
    this.info(`Deleted ${deleted.length} of ${strays.length} set(s) of credentials the failed create left ([${marker}]).`);
  }

  private retryOptions(action: string): RetryOptions {
    return {
      maxAttempts: this.maxAttempts,
      action,
      log: this.info,
      sleep: this.options.sleep,
      random: this.options.random,
      // Without a budget (a client built for one request) there is no end to wait past.
      remainingMs: () => this.client.budget?.remainingMs() ?? Infinity,
    };
  }
}
