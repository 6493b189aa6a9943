/**
 * A real registry for the end-to-end tests: Debian's docker-registry (distribution 2.8) with
 * htpasswd auth on a free loopback port. Its htpasswd file is read once, at start-up, so the
 * users it accepts are given to start().
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from './network.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Registry {
  host: string;
  stop: () => Promise<void>;
}

export function registryAvailable(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v docker-registry && command -v htpasswd'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function startRegistry(users: { username: string; secret: string }[]): Promise<Registry> {
  const dir = mkdtempSync(join(tmpdir(), 'dg-registry-'));
  // bcrypt entries (the only kind distribution accepts), the password through stdin (-i).
  const htpasswd = users
    .map(({ username, secret }) => execFileSync('htpasswd', ['-niB', username], { input: secret }).toString().trim())
    .join('\n');
  writeFileSync(join(dir, 'htpasswd'), `${htpasswd}\n`);
  const port = await freePort();
  writeFileSync(
    join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log: {level: error}',
      `storage: {filesystem: {rootdirectory: ${join(dir, 'data')}}}`,
      `http: {addr: "127.0.0.1:${port}", secret: e2e-only}`,
      `auth: {htpasswd: {realm: e2e-registry, path: ${join(dir, 'htpasswd')}}}`,
      '',
    ].join('\n'),
  );
  const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const host = `127.0.0.1:${port}`;
  await waitUntilServing(host, child, () => stderr);
  return {
    host,
    stop: async () => {
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls GET /v2/ until the registry answers its login challenge (bounded: 50 tries). */
async function waitUntilServing(host: string, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr()}`);
    try {
      const response = await fetch(`http://${host}/v2/`);
      if (response.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`docker-registry did not start on ${host}: ${stderr()}`);
}
