/**
 * Deepgram's distribution-credentials API: create, list and delete, one attempt each. It speaks
 * both generations of the API (docs/deepgram-api.md): the create request carries scopes and provider
 * in the query *and* comment, scopes and provider in the body, and both response shapes are read.
 * Every failure is a DeepgramApiError that carries Deepgram's own words and what the retry loop
 * needs to know.
 */
import { BudgetExhaustedError, type Budget } from '../net/budget.js';
import { untrusted } from '../runner/log.js';
import { JsonItemsReader } from '../net/json-items.js';
import type { BodySink, HttpRequest, HttpResponse, Transport } from '../net/http.js';
import { createdBody, LIST_LIMITS, listedItem, listError, parseCreated } from './answers.js';
import { apiError, DeepgramApiError, FATAL, headerValue, networkError } from './errors.js';
import {
  isCredentialsId,
  type CreatedCredentials,
  type CreateRequest,
  type DeleteResult,
  type ListedCredentials,
  type ListedPage,
} from './types.js';

export interface ClientOptions {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
  transport: Transport;
  /** The step's time for API calls: each request is cut to what is left of it. */
  budget?: Budget;
}

export class DeepgramClient {
  constructor(private readonly options: ClientOptions) {}

  /** The longest one request may take; a create's in-flight mark reaches this far. */
  get timeoutMs(): number {
    return this.options.timeoutMs;
  }

  /** The step's time for API calls, which the retries between requests draw on as well. */
  get budget(): Budget | undefined {
    return this.options.budget;
  }

  async create(projectId: string, request: CreateRequest): Promise<CreatedCredentials> {
    const query = new URLSearchParams();
    for (const scope of request.scopes) query.append('scopes', scope);
    query.append('provider', request.provider);
    const action = 'create distribution credentials';
    const response = await this.exchange(action, 'POST', `${this.collection(projectId)}?${query}`, request);
    return parseCreated(createdBody(action, response));
  }

  /**
   * The project's sets, and the API's clock as its answer gave it. The answer is read as it
   * arrives, each entry kept as a ListedCredentials and the rest dropped, so a project of any size
   * is listed in memory bounded by what is kept (LIST_LIMITS), never by the answer's text.
   */
  async list(projectId: string): Promise<ListedPage> {
    const action = 'list distribution credentials';
    const reader = new JsonItemsReader({ key: 'distribution_credentials', item: listedItem, ...LIST_LIMITS.items });
    const stream: BodySink = {
      maxBytes: LIST_LIMITS.maxBytes,
      write: (chunk) => {
        try {
          reader.write(chunk);
        } catch (error) {
          throw listError(action, error);
        }
      },
    };
    const response = await this.exchange(action, 'GET', this.collection(projectId), undefined, stream);
    let items: ListedCredentials[];
    try {
      items = reader.end();
    } catch (error) {
      throw listError(action, error);
    }
    const date = headerValue(response, 'date');
    return date === undefined ? { items } : { items, date };
  }

  /** Deletes one set of credentials; one that is already gone (404) counts as done. */
  async delete(projectId: string, credentialsId: string): Promise<DeleteResult> {
    if (!isCredentialsId(credentialsId)) {
      throw new DeepgramApiError(`Refusing to delete "${untrusted(credentialsId)}": not a distribution credentials ID`, FATAL);
    }
    try {
      // Done once the server says 2xx, whatever the body (its shape differs by generation).
      await this.exchange(
        `delete distribution credentials ${credentialsId}`,
        'DELETE',
        `${this.collection(projectId)}/${encodeURIComponent(credentialsId)}`,
      );
      return 'deleted';
    } catch (error) {
      if (error instanceof DeepgramApiError && error.status === 404 && error.details.code !== 'PROJECT_NOT_FOUND') {
        return 'already-gone';
      }
      throw error;
    }
  }

  private collection(projectId: string): string {
    return `${this.options.apiUrl}/v1/projects/${encodeURIComponent(projectId)}/self-hosted/distribution/credentials`;
  }

  /**
   * One request; resolves to a 2xx answer, or throws a DeepgramApiError. With a `stream`, a 2xx
   * answer's body goes to the sink as it arrives (and an error the sink throws fails the request).
   */
  private async exchange(
    action: string,
    method: HttpRequest['method'],
    url: string,
    payload?: unknown,
    stream?: BodySink,
  ): Promise<HttpResponse> {
    const headers: Record<string, string> = { Authorization: `Token ${this.options.apiKey}`, Accept: 'application/json' };
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    const { budget } = this.options;
    const timeoutMs = Math.min(this.options.timeoutMs, budget?.remainingMs() ?? Infinity);
    // Less than a second left is no time for a request: it could only time out.
    if (budget && timeoutMs < 1000) throw new BudgetExhaustedError(`Deepgram API: ${action}`, budget);
    let response: HttpResponse;
    try {
      response = await this.options.transport({
        method,
        url,
        headers,
        // A GET or a DELETE has no payload, and so no body: JSON.stringify(undefined) is undefined.
        body: JSON.stringify(payload) as string | undefined,
        timeoutMs,
        ...(stream ? { stream } : {}),
      });
    } catch (error) {
      // The sink refused the answer: that is what the answer is, not a network failure.
      if (error instanceof DeepgramApiError) throw error;
      throw networkError(action, url, error);
    }
    if (response.status < 200 || response.status > 299) throw apiError(action, response);
    return response;
  }
}
