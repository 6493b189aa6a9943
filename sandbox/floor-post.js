/**
 * The floor of the post step, for `npm run bench`: one Node process, node built-ins only, sending
 * the delete request the action sends for the credentials the main floor created (its ID comes in
 * as STATE_credentialsId, as the runner passes saved state), then the same `docker logout`.
 */
import { spawn } from 'node:child_process';

const input = (name) => process.env[`INPUT_${name.toUpperCase()}`] ?? '';
const id = process.env.STATE_credentialsId ?? '';
const registry = process.env.STATE_loggedInTo ?? '';
const url = new URL(
  `${input('api-url')}/v1/projects/${encodeURIComponent(input('project-id'))}/self-hosted/distribution/credentials/${encodeURIComponent(id)}`,
);

const { request } = await import(url.protocol === 'https:' ? 'node:https' : 'node:http');
const status = await new Promise((resolve, reject) => {
  const req = request(url, {
    method: 'DELETE',
    headers: {
      Authorization: `Token ${input('api-key')}`,
      Accept: 'application/json',
      'User-Agent': 'deepgram-self-hosted-login-floor',
    },
  });
  req.on('response', (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode));
  });
  req.on('error', reject);
  req.end();
});
if (status < 200 || status > 299) throw new Error(`delete failed: HTTP ${status}`);

const docker = spawn('docker', ['logout', registry], { stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
docker.stdout.on('data', (chunk) => (output += chunk));
docker.stderr.on('data', (chunk) => (output += chunk));
const exitCode = await new Promise((resolve, reject) => {
  docker.on('error', reject);
  docker.on('close', resolve);
});
if (exitCode !== 0) throw new Error(`docker logout failed (${exitCode}): ${output}`);
