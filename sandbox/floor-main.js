/**
 * The floor of the main step, for `npm run bench`: the least a program can do and still do the
 * main step's job. One Node process, node built-ins only: read the inputs the runner passes, send
 * the create request the action sends (same URL, query, headers and body), then run the same
 * `docker login --password-stdin` (docker reads DOCKER_CONFIG from the environment it inherits).
 * No validation, masking, retries, outputs, state or summary: those are the action's overhead.
 * It prints the new credentials' ID so the benchmark can hand it to the post floor.
 */
import { spawn } from 'node:child_process';

const input = (name) => process.env[`INPUT_${name.toUpperCase()}`] ?? '';
const apiUrl = input('api-url');
const registry = input('registry');
const scopes = input('scopes')
  .split(/[,\n]/)
  .map((scope) => scope.trim())
  .filter(Boolean);
const marker = `dg-action:${Math.random().toString(16).slice(2, 14).padEnd(12, '0')}`;
const env = process.env;
const comment = `GitHub Actions: ${env.GITHUB_REPOSITORY} / ${env.GITHUB_WORKFLOW} run ${env.GITHUB_RUN_ID} attempt ${env.GITHUB_RUN_ATTEMPT} [${marker}]`;
const url = new URL(`${apiUrl}/v1/projects/${encodeURIComponent(input('project-id'))}/self-hosted/distribution/credentials`);
for (const scope of scopes) url.searchParams.append('scopes', scope);
url.searchParams.append('provider', 'quay');
const body = JSON.stringify({ comment, scopes, provider: 'quay' });

const { request } = await import(url.protocol === 'https:' ? 'node:https' : 'node:http');
const reply = await new Promise((resolve, reject) => {
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
  req.on('response', (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => (text += chunk));
    res.on('end', () => resolve({ status: res.statusCode, text }));
  });
  req.on('error', reject);
  req.end(body);
});
if (reply.status !== 200) throw new Error(`create failed: HTTP ${reply.status} ${reply.text}`);
const parsed = JSON.parse(reply.text);
const created = parsed.distribution_credentials ?? parsed;
const username = created.username || `deepgram+${created.distribution_credentials_id}`;

const docker = spawn('docker', ['login', '--username', username, '--password-stdin', registry], { stdio: ['pipe', 'pipe', 'pipe'] });
let output = '';
docker.stdout.on('data', (chunk) => (output += chunk));
docker.stderr.on('data', (chunk) => (output += chunk));
docker.stdin.end(created.secret);
const exitCode = await new Promise((resolve, reject) => {
  docker.on('error', reject);
  docker.on('close', resolve);
});
if (exitCode !== 0) throw new Error(`docker login failed (${exitCode}): ${output}`);
console.log(`credentials-id=${created.distribution_credentials_id}`);
