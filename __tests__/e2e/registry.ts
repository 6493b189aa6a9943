/**
 * A real registry for the end-to-end tests: Debian's docker-registry (distribution 2.8) with
 * htpasswd auth on a free loopback port. Its htpasswd file is read once, at start-up, so the
 * users it accepts are given to start(). useRealRegistry() is the set-up every suite against it
 * shares.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { startHarness, type Harness } from './fixtures.js';
import { freePort } from '../../__fixtures__/network.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allGone } from './processes.js';

export interface Registry {
  host: string;
  stop: () => Promise<void>;
}

export interface RealRegistrySuite {
  /** The file's harness, filled in before its first test: read it inside tests and hooks. */
  h: Harness;
  /** A registry accepting `users`, stopped after the test. */
  start: (users: { username: string; secret: string }[]) => Promise<Registry>;
  /** `server` (a proxy in front of a registry), stopped after the test; what started last stops first. */
  stopAfterTest: <T extends { stop: () => Promise<void> }>(server: T) => T;
}

/**
 * The set-up of a suite against a real registry: one harness for the file, started only where
 * docker-registry and htpasswd are installed (else the suite fails, saying what to install,
 * rather than pass empty), reset before each test. After each test, once every process of its
 * steps is gone, the registries and proxies it started are stopped, the last started first.
 */
export function useRealRegistry(): RealRegistrySuite {
  const h = {} as Harness;
  const started: { stop: () => Promise<void> }[] = [];
  beforeAll(async () => {
    if (!registryAvailable()) throw new Error('docker-registry and htpasswd are needed: apt-get install docker-registry apache2-utils');
    Object.assign(h, await startHarness());
  });
  afterAll(async () => h.close?.());
  beforeEach(() => h.reset());
  afterEach(async () => {
    await allGone(h.workdir);
    for (const server of started.splice(0).reverse()) await server.stop();
  });
  const stopAfterTest = <T extends { stop: () => Promise<void> }>(server: T): T => {
    started.push(server);
    return server;
  };
  return { h, start: async (users) => stopAfterTest(await startRegistry(users)), stopAfterTest };
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
  // A free port can be taken by another test's server before the registry binds it: then it exits
  // at once, saying so, and starts again on another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const started = await serve(dir, port);
    if (started.child) return registryOn(started.child, dir, `127.0.0.1:${port}`);
    if (attempt === 5 || !started.stderr.includes('address already in use')) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`docker-registry did not start on 127.0.0.1:${port}: ${started.stderr}`);
    }
  }
}

/**
 * Starts docker-registry on `port`; resolves once it says it is listening (it binds first), or
 * with what it printed if it exits before. Its own line, not an answer on the port: another
 * server that took the port meanwhile would answer too.
 */
function serve(dir: string, port: number): Promise<{ child?: ChildProcess; stderr: string }> {
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log: {level: info}',
      `storage: {filesystem: {rootdirectory: ${join(dir, 'data')}}}`,
      `http: {addr: "127.0.0.1:${port}", secret: e2e-only}`,
      `auth: {htpasswd: {realm: e2e-registry, path: ${join(dir, 'htpasswd')}}}`,
      '',
    ].join('\n'),
  );
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  return new Promise((resolve) => {
    const listening = `msg="listening on 127.0.0.1:${port}"`;
    child.stderr!.on('data', (chunk: Buffer) => {
      const before = stderr.includes(listening);
      stderr += chunk.toString();
      if (!before && stderr.includes(listening)) resolve({ child, stderr });
    });
    child.once('close', () => resolve({ stderr }));
  });
}

function registryOn(child: ChildProcess, dir: string, host: string): Registry {
  return {
    host,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGTERM');
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
