/**
 * The floor of the main step, for `npm run bench`: the least a program can do and still do the
 * main step's job. One Node process, node built-ins only: read the inputs the runner passes, send
 * the create request the action sends (same URL, query, headers and body), then run the same
 * `docker login --password-stdin`, found through the step's PATH (docker reads DOCKER_CONFIG from
 * the environment it inherits). No validation, masking, retries, outputs, state or summary: those
 * are the action's overhead. It prints the new credentials' ID so the benchmark can hand it to the
 * post floor.
 *
 * CommonJS, not ESM, and node:http only: on Node 24 an ESM import of node:http also loads Node's
 * bundled undici (30 to 60 ms), which the bundle does not; the floor is the fastest honest program.
 */
'use strict';
const { spawn } = require('node:child_process');
const { request } = require('node:http');

const input = (name) => process.env[`INPUT_${name.toUpperCase()}`] ?? '';
const env = process.env;
const scopes = input('scopes')
  .split(/[,\n]/)
  .map((scope) => scope.trim())
  .filter(Boolean);
const marker = `dg-action:${Math.random().toString(16).slice(2, 14).padEnd(12, '0')}`;
const comment = `GitHub Actions: ${env.GITHUB_REPOSITORY} / ${env.GITHUB_WORKFLOW} run ${env.GITHUB_RUN_ID} attempt ${env.GITHUB_RUN_ATTEMPT} [${marker}]`;
const url = new URL(`${input('api-url')}/v1/projects/${encodeURIComponent(input('project-id'))}/self-hosted/distribution/credentials`);
for (const scope of scopes) url.searchParams.append('scopes', scope);
url.searchParams.append('provider', 'quay');
if (url.protocol !== 'http:') throw new Error(`the floor speaks plain http (the sandbox has no TLS), not ${url.protocol}`);
const body = JSON.stringify({ comment, scopes, provider: 'quay' });

const req = request(url, {
  method: 'POST',
  headers: {
    Authorization: `Token ${input('api-key')}`,
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'User-Agent': 'deepgram-self-hosted-login-floor',
  },
});
req.on('error', (error) => fail(`create failed: ${error.message}`));
req.on('response', (res) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => (text += chunk));
  res.on('end', () => {
    if (res.statusCode !== 200) return fail(`create failed: HTTP ${res.statusCode} ${text}`);
    const parsed = JSON.parse(text);
    const created = parsed.distribution_credentials ?? parsed;
    login(created.username || `deepgram+${created.distribution_credentials_id}`, created.secret, created.distribution_credentials_id);
  });
});
req.end(body);

function login(username, secret, id) {
  const docker = spawn('docker', ['login', '--username', username, '--password-stdin', input('registry')], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  docker.stdout.on('data', (chunk) => (output += chunk));
  docker.stderr.on('data', (chunk) => (output += chunk));
  docker.stdin.end(secret);
  docker.on('error', (error) => fail(`docker login failed: ${error.message}`));
  docker.on('close', (code) => {
    if (code !== 0) return fail(`docker login failed (${code}): ${output}`);
    console.log(`credentials-id=${id}`);
  });
}

function fail(message) {
  console.error(message);
  process.exitCode = 1;
}
