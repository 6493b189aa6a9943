// Checks what the action (run with `uses: ./` in ci.yml) handed to the job: its outputs, the set
// of credentials the sandbox now holds, and docker's config. Reads the outputs from OUT_* variables
// and never prints the secret.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const env = process.env;
const registry = env.SANDBOX_REGISTRY ?? '';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
let failures = 0;

function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

const id = env.OUT_CREDENTIALS_ID ?? '';
const username = env.OUT_USERNAME ?? '';
const secret = env.OUT_SECRET ?? '';
check(UUID.test(id), `credentials-id is a UUID (${id})`);
check(username.startsWith('deepgram+') && username === `deepgram+${id}`, `username is deepgram+<credentials-id> (${username})`);
check(secret.length > 0, 'secret is set');
check(env.OUT_REGISTRY === registry, `registry is ${registry} (${env.OUT_REGISTRY})`);

let auth;
try {
  auth = JSON.parse(env.OUT_DOCKER_CONFIG_JSON ?? '').auths?.[registry]?.auth;
} catch {
  auth = undefined;
}
check(
  typeof auth === 'string' && Buffer.from(auth, 'base64').toString() === `${username}:${secret}`,
  `docker-config-json holds base64(username:secret) for ${registry}`,
);

// The sandbox's admin endpoint lists live credentials (without secrets).
const response = await fetch(`${env.SANDBOX_URL}/__sandbox/credentials`);
const { credentials } = await response.json();
const live = credentials.find((c) => c.id === id);
check(live !== undefined, 'the sandbox holds the credentials');
check(
  /^GitHub Actions: .+ \/ .+ run \d+ attempt \d+ \[dg-action:[0-9a-f]{12} job\]$/.test(live?.comment ?? ''),
  `their comment names the run and carries the marker (${live?.comment})`,
);

if (env.LOGGED_IN === 'true') {
  const file = join(env.DOCKER_CONFIG ?? '', 'config.json');
  const auths = existsSync(file) ? Object.keys(JSON.parse(readFileSync(file, 'utf8')).auths ?? {}) : [];
  check(auths.includes(registry), `docker's config (${file}) has a login for ${registry} (${auths.join(', ') || 'none'})`);
}

if (failures > 0) {
  console.log(`${failures} check(s) failed`);
  process.exit(1);
}
