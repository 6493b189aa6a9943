/**
 * Wires the API client to the step's settings and the runner's log: what main and post share
 * to talk to Deepgram (and the retire action too).
 */
import * as core from '@actions/core';
import type { Context } from './credentials.js';
import { DeepgramClient } from './deepgram.js';
import { sendRequest } from './http.js';
import type { ApiSettings } from './inputs.js';

export function apiContext(settings: ApiSettings): Context {
  return {
    client: new DeepgramClient({
      apiUrl: settings.apiUrl,
      apiKey: settings.apiKey,
      timeoutMs: settings.requestTimeoutMs,
      transport: sendRequest,
    }),
    projectId: settings.projectId,
    maxAttempts: settings.maxAttempts,
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
  };
}
