/**
 * The one thing a step holds to talk to Deepgram, built once per step: the client (which holds
 * the step's time budget and the request timeout, and cuts each request to them), the project,
 * the retry policy and the log sinks. credentials.ts creates, lists and deletes through it,
 * retrying as the policy says. It is plain data, so a step can hand on a copy with other log sinks.
 */
import { Budget } from '../net/budget.js';
import { DeepgramClient } from './client.js';
import { sendRequest } from '../net/http.js';
import { proxyWarnings } from '../net/proxy.js';
import type { ApiSettings } from '../inputs/api.js';
import * as log from '../runner/log.js';

/** @param extraMs time the step may spend waiting beyond its budget for API calls (the post step's wait for an interrupted create). */
export interface ProjectApi {
  client: DeepgramClient;
  projectId: string;
  /** The retry policy: attempts per call, and the waits between them (tests replace them). */
  maxAttempts: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  info: (message: string) => void;
  warning: (message: string) => void;
}

export function apiContext(settings: ApiSettings, extraMs = 0): ProjectApi {
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
    info: log.info,
    warning: log.warning,
  };
}
