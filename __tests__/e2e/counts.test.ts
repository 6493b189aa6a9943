/**
 * What one use of the action costs a job, counted on the built bundle run as the runner runs it:
 * in the happy path main sends exactly one request to the Deepgram API, post two side by side
 * (the delete, and the list that pruning needs), and each step runs docker exactly once; a step that needs neither a proxy nor TLS loads neither; and loading the bundle
 * with no inputs sends nothing at all. Counts, not timings: `npm run bench` measures the time.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ACTION_NODE, BUNDLE, entryOf, ROOT } from '../../sandbox/runner.js';
import { expectExit, type Harness, runStep, startHarness } from './fixtures.js';

/**
 * A preload (node --require) that records, at exit, every outgoing connection the process opened
 * and the built-in modules it loaded.
 */
const PROBE = `
const fs = require('node:fs');
const net = require('node:net');
const connects = [];
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const target = Array.isArray(args[0]) ? args[0][0] : args[0];
  connects.push(typeof target === 'object' && target !== null ? \`\${target.host ?? ''}:\${target.port ?? target.path}\` : String(target));
  return connect.apply(this, args);
};
process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  fs.writeFileSync(process.env.PROBE_OUT, JSON.stringify({ connects, builtins }));
});
`;

interface Probe {
  connects: string[];
  builtins: string[];
}

let h: Harness;
let probe: string;
let probeOut: string;
beforeAll(async () => {
  h = await startHarness();
  probe = join(h.workdir, 'probe.cjs');
  probeOut = join(h.workdir, 'probe.json');
  writeFileSync(probe, PROBE);
});
afterAll(async () => h.close());
beforeEach(() => {
  h.reset();
  rmSync(probeOut, { force: true });
});

/** Requests to the Deepgram API (docker's own registry requests are docker's, not the action's). */
const apiRequests = () => h.sandbox.requests.filter((r) => r.op !== 'registry').map((r) => `${r.method} ${r.op}`);
const probed = (): Probe => JSON.parse(readFileSync(probeOut, 'utf8')) as Probe;
const probedOptions = () => ({ ...h.options({}, { PROBE_OUT: probeOut }), nodeArgs: ['--require', probe] });

describe('the happy path', () => {
  test('main: exactly one API request (the create) and one docker process (the login)', async () => {
    const main = await runStep(probedOptions());
    expectExit(main, 0);
    expect(apiRequests()).toEqual(['POST create']);
    expect(h.dockerArgv()).toHaveLength(1);
    expect(h.dockerArgv()[0]).toMatch(/^login --username deepgram\+\S+ --password-stdin -- 127\.0\.0\.1:\d+$/);
    // docker logged in for real: its registry requests reached the sandbox.
    expect(h.sandbox.requests.some((r) => r.op === 'registry' && r.status === 200)).toBe(true);
    // One connection of the action's own: the API request (the probe sees this process only).
    expect(probed().connects).toEqual([`127.0.0.1:${h.sandbox.port}`]);
  });

  test('post: two API requests side by side (the delete and the list for pruning) and one docker process (the logout)', async () => {
    const main = await runStep(h.options());
    expectExit(main, 0);
    h.sandbox.clearRequests();
    const before = h.dockerArgv().length;
    const post = await runStep(probedOptions(), main.state);
    expectExit(post, 0);
    expect(apiRequests().sort()).toEqual(['DELETE delete', 'GET list']);
    expect(h.dockerArgv().slice(before)).toEqual([`logout -- ${h.sandbox.registryHost}`]);
    expect(probed().connects).toEqual([`127.0.0.1:${h.sandbox.port}`, `127.0.0.1:${h.sandbox.port}`]);
  });

  test('post: the list for pruning adds no round trip: it goes out while the delete is still unanswered', async () => {
    const main = await runStep(h.options({ login: 'false' }));
    h.sandbox.clearRequests();
    // A delete that takes a second to answer: a list sent after it would arrive a second later.
    h.sandbox.addFault({ op: 'delete', delayMs: 1000 });
    const post = await runStep(h.options({ login: 'false' }), main.state);
    expectExit(post, 0);
    const at = (op: string) => h.sandbox.requests.find((r) => r.op === op)!.at;
    expect(Math.abs(at('list') - at('delete'))).toBeLessThan(500);
  });

  test('a request that needs neither a proxy nor TLS loads neither', async () => {
    const main = await runStep(probedOptions());
    expectExit(main, 0);
    const { builtins } = probed();
    expect(builtins).toContain('http');
    // node:https and node:tls come with an https URL or a proxy (http-client, tunnel, undici).
    expect(builtins).not.toContain('https');
    expect(builtins).not.toContain('tls');
    expect(builtins).not.toContain('http2');
    await runStep(h.options(), main.state);
  });

  test('neither step loads what it does not use: node:crypto and node:assert', async () => {
    // crypto: the marker and the file commands need none (scripts/bundle-startup.js). assert:
    // nothing the action runs on Linux uses it (only @actions/io and the lock, in their chunks).
    const unused = ['crypto', 'assert'];
    const main = await runStep(probedOptions());
    expectExit(main, 0);
    expect(probed().builtins).toEqual(expect.arrayContaining(['http', 'child_process']));
    for (const id of unused) expect(probed().builtins).not.toContain(id);
    const post = await runStep(probedOptions(), main.state);
    expectExit(post, 0);
    for (const id of unused) expect(probed().builtins).not.toContain(id);
  });
});

describe('what loads only on use', () => {
  /**
   * A preload that records which of dist/'s files the process read; with FAKE_PLATFORM it also
   * makes the process say it runs on that platform (before the bundle loads).
   */
  const FILES_PROBE = `
const fs = require('node:fs');
if (process.env.FAKE_PLATFORM) Object.defineProperty(process, 'platform', { value: process.env.FAKE_PLATFORM });
process.on('exit', () => fs.writeFileSync(process.env.FILES_OUT, JSON.stringify(Object.keys(require.cache))));
`;
  const distFilesRead = (): string[] =>
    (JSON.parse(readFileSync(join(h.workdir, 'files.json'), 'utf8')) as string[])
      .filter((file) => dirname(file) === dirname(BUNDLE))
      .map((file) => basename(file))
      .sort();
  const options = (env: Record<string, string> = {}, inputs: Record<string, string> = {}) => {
    writeFileSync(join(h.workdir, 'files-probe.cjs'), FILES_PROBE);
    return {
      ...h.options(inputs, { FILES_OUT: join(h.workdir, 'files.json'), PROBE_OUT: probeOut, ...env }),
      nodeArgs: ['--require', join(h.workdir, 'files-probe.cjs'), '--require', probe],
    };
  };

  test('a step on a GitHub-hosted runner reads the bundle and its entry, and no chunk', async () => {
    const main = await runStep(options());
    expectExit(main, 0);
    expect(distFilesRead()).toEqual(['action.js', 'index.js']);
    // Post lists the project (for pruning), with the parser in the bundle, and takes no lock.
    const post = await runStep(options(), main.state);
    expectExit(post, 0);
    expect(distFilesRead()).toEqual(['action.js', 'post.js']);
  });

  test('on Windows docker is found by @actions/io, which loads from its own chunk in dist/', async () => {
    // On "Windows" io.which looks for docker.exe and the like, which this machine has not: the
    // step fails saying so, before anything is created. A missing chunk would fail it otherwise.
    const main = await runStep(options({ FAKE_PLATFORM: 'win32' }));
    expectExit(main, 1);
    expect(main.log).toContain('::error::Neither the docker nor the podman CLI was found on PATH');
    expect(distFilesRead()).toEqual(expect.arrayContaining(['action.js', 'index.js']));
    expect(distFilesRead().filter((file) => /^\d+\.action\.js$/.test(file))).toHaveLength(1);
    expect(h.sandbox.requests).toEqual([]);
  });

  test("on Windows the marker's random bytes come from node:crypto, through the bundle's stand-in for it", async () => {
    // login: false, so that no CLI is looked for: the step creates, and its marker is in the comment.
    const main = await runStep(options({ FAKE_PLATFORM: 'win32' }, { login: 'false' }));
    expectExit(main, 0);
    expect(probed().builtins).toContain('crypto');
    expect(h.sandbox.credentials()).toHaveLength(1);
    expect(h.sandbox.credentials()[0]!.comment).toMatch(/ \[dg-action:[0-9a-f]{12} job\]$/);
    await runStep(h.options({ login: 'false' }), main.state);
    expect(h.sandbox.credentials()).toEqual([]);
  });
});

describe("the bench's phases probe (npm run bench -- --phases)", () => {
  test('sees every point of a main step, in order, and changes nothing the step does', async () => {
    const out = join(h.workdir, 'phases.json');
    const main = await runStep({
      ...h.options({}, { PHASES_OUT: out }),
      nodeArgs: ['--require', join(ROOT, 'sandbox', 'phases-probe.cjs')],
    });
    expectExit(main, 0);
    expect(apiRequests()).toEqual(['POST create']);
    const marks = JSON.parse(readFileSync(out, 'utf8')) as Record<string, number>;
    const order = ['probe', 'loaded', 'request', 'spawn', 'close', 'exit'];
    expect(Object.keys(marks).sort()).toEqual([...order].sort());
    for (let i = 1; i < order.length; i++) expect(marks[order[i]!]).toBeGreaterThan(marks[order[i - 1]!]!);
    await runStep(h.options(), main.state);
  });
});

describe('loading the bundle with no inputs', () => {
  /** The bundle run with no INPUT_ or STATE_ variables, proxies pointed at the sandbox to catch anything. */
  function load(args: string[]): Promise<{ code: number | null; output: string }> {
    const env: Record<string, string> = { PROBE_OUT: probeOut };
    for (const [key, value] of Object.entries(process.env)) {
      // Not jest's NODE_OPTIONS or NODE_NO_WARNINGS either, so a Node warning shows.
      if (value !== undefined && !/^(INPUT|STATE|GITHUB)_|^NODE_OPTIONS$|^NODE_NO_WARNINGS$/.test(key)) env[key] = value;
    }
    for (const name of ['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY']) env[name] = h.sandbox.url;
    return new Promise((resolve, reject) => {
      const child = spawn(ACTION_NODE, ['--require', probe, ...args], { cwd: h.workdir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      // A bound for a hang only: a step that never exits is killed, and fails on its exit code.
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
  }

  test.each([
    ['node -e \'import("./dist/index.js")\'', ['-e', `import(${JSON.stringify(pathToFileURL(BUNDLE).href)})`]],
    ['node dist/index.js', [BUNDLE]],
  ])('%s: fails on the missing api-key, exits, and sends nothing', async (_name, args) => {
    const { code, output } = await load(args);
    expect(code).toBe(1);
    expect(output).toContain('::error::Input "api-key": is required');
    expect(output).not.toMatch(/^\(node:\d+\) /m);
    expect(probed().connects).toEqual([]);
    expect(h.sandbox.requests).toEqual([]);
    expect(h.dockerArgv()).toEqual([]);
  });

  test('node dist/post.js (runs.post) with no inputs and no state: nothing to clean up, exits 0, sends nothing', async () => {
    const { code, output } = await load([entryOf('post')]);
    expect(code).toBe(0);
    expect(output).toMatch(/^Nothing to clean up/m);
    expect(probed().connects).toEqual([]);
    expect(h.sandbox.requests).toEqual([]);
    expect(h.dockerArgv()).toEqual([]);
  });
});
