/**
 * Settings objects the unit tests hand to a step's modules, as the input readers would have made
 * them from action.yml's defaults: the API inputs, then each action's own on top. A test changes
 * only what it is about: `loginSettings({ revoke: false })`.
 */
import type { ApiSettings } from '../src/inputs/api.js';
import type { Settings } from '../src/login/inputs.js';
import { PROJECT } from './ids.js';

const DAY_MS = 86_400_000;

/** api-key, project-id, and the defaults of api-url, request-timeout (30 s) and max-attempts (4). */
export const API_SETTINGS: ApiSettings = {
  apiKey: 'dg_unit_key_abcdef0123456789',
  projectId: PROJECT,
  apiUrl: 'https://api.deepgram.com',
  requestTimeoutMs: 30_000,
  maxAttempts: 4,
};

/** The main action's settings at its defaults (a job's set, revoked at job end, pruning after 5d). */
export function loginSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    ...API_SETTINGS,
    registry: 'quay.io',
    logout: true,
    cli: 'auto',
    dockerConfig: 'default',
    dockerConfigAuto: true,
    scopes: ['self-hosted:products'],
    comment: 'GitHub Actions: octo-org/app / ci run 1 attempt 1',
    provider: 'quay',
    login: true,
    revoke: true,
    pruneAfterMs: 5 * DAY_MS,
    keep: '',
    ...overrides,
  };
}
