/**
 * Wires the API client to the step's settings and the runner's log: what main and post share
 * to talk to Deepgram (and the retire action too).
 */
import { Budget } from '../net/budget.js';
import type { Context } from '../deepgram/credentials.js';
import { DeepgramClient } from '../deepgram/client.js';
import { sendRequest } from '../net/http.js';
import { proxyWarnings } from '../net/proxy.js';
import type { ApiSettings } from '../inputs/api.js';
import * as log from '../runner/log.js';

/** @param extraMs time the step may spend waiting beyond its budget for API calls (the post step's wait for an interrupted create). */
export function apiContext(settings: ApiSettings, extraMs = 0): Context {
  // Once per step, before any request: a proxy variable that cannot be used as written.
  proxyWarnings(settings.apiUrl).forEach(log.warning);
  const budget = new Budget(Budget.forStep(settings).totalMs + extraMs);
  return {
    client: new DeepgramClient({
      apiUrl: settings.apiUrl,
      apiKey: settings.apiKey,
      timeoutMs: settings.requestTimeoutMs,
      transport: sendRequest,
      budget,
    }),
    projectId: settings.projectId,
    maxAttempts: settings.maxAttempts,
    requestTimeoutMs: settings.requestTimeoutMs,
    budget,
    info: log.info,
    warning: log.warning,
  };
}
