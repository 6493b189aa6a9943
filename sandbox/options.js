// startSandbox's options: their defaults (the sandbox's own project and API key, which the CLI,
// the demo, CI and the tests use) and their checks, so that a mistyped option fails at start-up
// with the values it accepts instead of a sandbox that behaves oddly later.
import { ROLES } from './keys.js';

export const SANDBOX_PROJECT_ID = '3f1c2a9e-7b4d-4e8a-9c61-2d5f0b8a7e13';
export const SANDBOX_API_KEY = 'dg-sandbox-key';
/** The sandbox listens on loopback only. */
export const HOST = '127.0.0.1';

const GENERATIONS = ['current', 'legacy'];
const ERROR_STYLES = ['err_code', 'category', 'text'];

/** The options (SandboxOptions in server.d.ts) with their defaults filled in; throws a TypeError naming the option at fault. */
export function normalizeOptions(options) {
  const {
    port = 0,
    keys = { [SANDBOX_API_KEY]: { role: 'owner' } },
    projects = { [SANDBOX_PROJECT_ID]: { selfHosted: true } },
    generation = 'current',
    omitUsername = false,
    errorStyle = 'err_code',
    retryAfter,
    quiet = false,
    log,
  } = options;
  check(Number.isInteger(port) && port >= 0 && port <= 65535, 'port must be an integer from 0 to 65535');
  check(GENERATIONS.includes(generation), `generation must be one of ${GENERATIONS.join(', ')}`);
  check(ERROR_STYLES.includes(errorStyle), `errorStyle must be one of ${ERROR_STYLES.join(', ')}`);
  check(typeof omitUsername === 'boolean', 'omitUsername must be a boolean');
  check(retryAfter === undefined || /^\d+(\.\d+)?$/.test(retryAfter), 'retryAfter must be delay-seconds such as "0.1"');
  check(log === undefined || typeof log === 'function', 'log must be a function');
  check(
    isRecord(keys) && Object.values(keys).every(isKeySpec),
    `keys must map API keys to { role: ${ROLES.join('|')}, scopes?: string[] }`,
  );
  check(
    isRecord(projects) && Object.values(projects).every((p) => isRecord(p) && typeof p.selfHosted === 'boolean'),
    'projects must map project ids to { selfHosted: boolean }',
  );
  return { port, keys, projects, generation, omitUsername, errorStyle, retryAfter, log: quiet ? undefined : log };
}

function check(ok, message) {
  if (!ok) throw new TypeError(message);
}

function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKeySpec(spec) {
  return (
    isRecord(spec) &&
    ROLES.includes(spec.role) &&
    (spec.scopes === undefined || (Array.isArray(spec.scopes) && spec.scopes.every((s) => typeof s === 'string')))
  );
}
