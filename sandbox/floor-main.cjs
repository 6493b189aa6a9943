/**
 * The floor of the main step, for `npm run bench`: the least a program can do and still do the
 * main step's job. One Node process, node built-ins only: read the inputs the runner passes, save
 * the marker for the post step (every main step must, before its create goes out), send the create
 * request the action sends (same URL, query, headers and body), save the new credentials' ID and
 * set the outputs a job uses (as the runner's files take them, `name=value`), then run the same
 * `docker login --password-stdin`, found through the step's PATH (docker reads DOCKER_CONFIG from
 * the environment it inherits), and save the registry it logged in to. No validation, masking,
 * retries or summary: those are the action's overhead.
 *
 * The fastest honest way: docker runs under spawnSync (no pipes and events to wait on), and the
 * process exits at once with process.exit rather than when its last handle closes. An async spawn
 * and a natural exit cost 2 to 4 ms more, which flattered the action's ratio by about 0.04.
 *
 * CommonJS, not ESM, and node:http only: on Node 24 an ESM import of node:http also loads Node's
 * bundled undici (30 to 60 ms), which the bundle does not; the floor is the fastest honest program.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { appendFileSync } = require('node:fs');
const { request } = require('node:http');

const input = (name) => process.env[`INPUT_${name.toUpperCase()}`] ?? '';
const env = process.env;
/** One line of a runner's file command (GITHUB_STATE, GITHUB_OUTPUT), as the action writes it. */
const command = (file, name, value) => appendFileSync(env[file], `${name}=${value}\n`);
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
command('GITHUB_STATE', 'marker', marker);

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
    const id = created.distribution_credentials_id;
    const username = created.username || `deepgram+${id}`;
    command('GITHUB_STATE', 'credentialsId', id);
    for (const [name, value] of [
      ['username', username],
      ['secret', created.secret],
      ['credentials-id', id],
      ['registry', input('registry')],
    ])
      command('GITHUB_OUTPUT', name, value);
    login(username, created.secret);
  });
});
req.end(body);

function login(username, secret) {
  const docker = spawnSync('docker', ['login', '--username', username, '--password-stdin', input('registry')], { input: secret });
  if (docker.error) return fail(`docker login failed: ${docker.error.message}`);
  if (docker.status !== 0) return fail(`docker login failed (${docker.status}): ${docker.stdout}${docker.stderr}`);
  command('GITHUB_STATE', 'loggedInTo', input('registry'));
  process.exit(0);
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
