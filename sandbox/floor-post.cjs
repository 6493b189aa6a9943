/**
 * The floor of the post step, for `npm run bench`: one Node process, node built-ins only, sending
 * the delete request the action sends for the credentials the main floor created (its ID comes in
 * as STATE_credentialsId, as the runner passes saved state), then the same `docker logout`, found
 * through the step's PATH. CommonJS and node:http only, as floor-main.cjs says why.
 */
'use strict';
const { spawn } = require('node:child_process');
const { request } = require('node:http');

const input = (name) => process.env[`INPUT_${name.toUpperCase()}`] ?? '';
const id = process.env.STATE_credentialsId ?? '';
const url = new URL(
  `${input('api-url')}/v1/projects/${encodeURIComponent(input('project-id'))}/self-hosted/distribution/credentials/${encodeURIComponent(id)}`,
);
if (url.protocol !== 'http:') throw new Error(`the floor speaks plain http (the sandbox has no TLS), not ${url.protocol}`);

const req = request(url, {
  method: 'DELETE',
  headers: {
    Authorization: `Token ${input('api-key')}`,
    Accept: 'application/json',
    'User-Agent': 'deepgram-self-hosted-login-floor',
  },
});
req.on('error', (error) => fail(`delete failed: ${error.message}`));
req.on('response', (res) => {
  res.resume();
  res.on('end', () => {
    if (res.statusCode < 200 || res.statusCode > 299) return fail(`delete failed: HTTP ${res.statusCode}`);
    logout();
  });
});
req.end();

function logout() {
  const docker = spawn('docker', ['logout', process.env.STATE_loggedInTo ?? ''], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  docker.stdout.on('data', (chunk) => (output += chunk));
  docker.stderr.on('data', (chunk) => (output += chunk));
  docker.on('error', (error) => fail(`docker logout failed: ${error.message}`));
  docker.on('close', (code) => {
    if (code !== 0) fail(`docker logout failed (${code}): ${output}`);
  });
}

function fail(message) {
  console.error(message);
  process.exitCode = 1;
}
