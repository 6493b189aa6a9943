/**
 * The floor of the post step, for `npm run bench`: one Node process, node built-ins only, that
 * runs the same `docker logout` (found through the step's PATH) and, beside it, sends the requests
 * the action's post step sends, side by side: the delete of the credentials the main floor created
 * (its ID comes in as STATE_credentialsId, as the runner passes saved state) and the list that
 * pruning reads. The three go at once, as the action's do: neither needs the other's result.
 * CommonJS and node:http only, and process.exit, as floor-main.cjs says why.
 */
'use strict';
const { spawn } = require('node:child_process');
const { request } = require('node:http');

const input = (name) => process.env[`INPUT_${name.toUpperCase()}`] ?? '';
const id = process.env.STATE_credentialsId ?? '';
const collection = `${input('api-url')}/v1/projects/${encodeURIComponent(input('project-id'))}/self-hosted/distribution/credentials`;
if (new URL(collection).protocol !== 'http:') throw new Error('the floor speaks plain http (the sandbox has no TLS)');

/** One request; resolves when its answer has been read, rejects on an error or a non-2xx status. */
function send(method, url) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(url), {
      method,
      headers: {
        Authorization: `Token ${input('api-key')}`,
        Accept: 'application/json',
        'User-Agent': 'deepgram-self-hosted-login-floor',
      },
    });
    req.on('error', (error) => reject(new Error(`${method} failed: ${error.message}`)));
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        if (res.statusCode < 200 || res.statusCode > 299) return reject(new Error(`${method} failed: HTTP ${res.statusCode}`));
        resolve(Buffer.concat(chunks).toString('utf8'));
      });
    });
    req.end();
  });
}

/** `docker logout`; resolves when it has ended well, rejects otherwise. */
function logout() {
  return new Promise((resolve, reject) => {
    const docker = spawn('docker', ['logout', process.env.STATE_loggedInTo ?? ''], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    docker.stdout.on('data', (chunk) => output.push(chunk));
    docker.stderr.on('data', (chunk) => output.push(chunk));
    docker.on('error', (error) => reject(new Error(`docker logout failed: ${error.message}`)));
    docker.on('close', (status) =>
      status === 0 ? resolve() : reject(new Error(`docker logout failed (${status}): ${Buffer.concat(output)}`)),
    );
  });
}

Promise.all([logout(), send('DELETE', `${collection}/${encodeURIComponent(id)}`), send('GET', collection).then(JSON.parse)]).then(
  () => process.exit(0),
  (error) => fail(error.message),
);

function fail(message) {
  console.error(message);
  process.exit(1);
}
