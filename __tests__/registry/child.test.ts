import { describe, expect, jest, test } from '@jest/globals';
import { childEnv, runChild } from '../../src/registry/child.js';

// The listeners before this file's steps installed any: jest's own, if it has some.
const JESTS = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };

/** process.kill with the step's own death recorded instead of carried out (a group's is carried out). */
function recordOwnDeath() {
  const kill = process.kill.bind(process);
  const died: (string | number | undefined)[] = [];
  const spy = jest.spyOn(process, 'kill').mockImplementation((pid, sig) => {
    if (pid === process.pid) died.push(sig);
    else kill(pid, sig);
    return true;
  });
  return { died, restore: () => spy.mockRestore() };
}

describe('childEnv', () => {
  test('drops INPUT_* and STATE_* (any case), keeps everything else', () => {
    const env = childEnv({
      'INPUT_API-KEY': 'dgkey',
      INPUT_REGISTRY: 'quay.io',
      STATE_marker: 'dg-action:0123456789ab',
      input_lower: 'x',
      PATH: '/usr/bin',
      HOME: '/home/runner',
      DOCKER_CONFIG: '/tmp/d',
      REGISTRY_AUTH_FILE: '/tmp/a.json',
      HTTPS_PROXY: 'http://proxy:3128',
      MY_INPUT_X: 'kept',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      DOCKER_CONFIG: '/tmp/d',
      REGISTRY_AUTH_FILE: '/tmp/a.json',
      HTTPS_PROXY: 'http://proxy:3128',
      MY_INPUT_X: 'kept',
    });
  });
});

describe('runChild (real processes)', () => {
  test('stdin in, stdout and stderr out, the exit code', async () => {
    const result = await runChild('sh', ['-c', 'read line; echo "got $line"; echo oops >&2; exit 3'], { input: Buffer.from('abc\n') });
    expect(result).toEqual({ exitCode: 3, output: 'got abc\noops\n', timedOut: false, stopped: false });
  });

  test('the child sees no INPUT_ variable of this process', async () => {
    process.env['INPUT_API-KEY'] = 'dgkey-unit';
    try {
      const result = await runChild('sh', ['-c', 'env']);
      expect(result.output).not.toContain('INPUT_');
      expect(result.output).not.toContain('dgkey-unit');
      expect(result.output).toContain('PATH=');
    } finally {
      delete process.env['INPUT_API-KEY'];
    }
  });

  test('past the time bound the answer comes at once, though a grandchild holds the pipes open', async () => {
    // The grandchild holds stdout open: the bound must not wait for it.
    const result = await runChild('sh', ['-c', 'sleep 30 & sleep 30'], { timeoutMs: 200 });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBe(-1);
  });

  test('a program that does not exist is an exit code of -1 with the reason', async () => {
    const result = await runChild('/nonexistent/docker', ['login']);
    expect(result.exitCode).toBe(-1);
    expect(result.output).toContain('ENOENT');
  });

  test('a program that exits without reading its stdin is no error', async () => {
    await expect(runChild('true', [], { input: Buffer.alloc(1 << 20) })).resolves.toMatchObject({ exitCode: 0 });
  });

  test.each(['SIGINT', 'SIGTERM'] as const)(
    'a step stopped by %s ends the child and its process group, then dies of that signal itself',
    async (signal) => {
      const { died, restore } = recordOwnDeath();
      try {
        // The grandchild is in the group too: the answer comes only once both are gone (the pipes close).
        // Ten minutes each: were the group not ended, the test would hang to jest's bound and fail.
        const running = runChild('sh', ['-c', 'sleep 600 & sleep 600']);
        expect(process.listenerCount(signal)).toBe(JESTS[signal] + 1);
        process.emit(signal, signal);
        const result = await running;
        expect(result).toMatchObject({ exitCode: -1, stopped: true });
        expect(died).toEqual([signal]);
        // No handler is left behind: Node's default is back, and the signal it raised again kills.
        expect(process.listenerCount(signal)).toBe(JESTS[signal]);
      } finally {
        restore();
      }
    },
  );

  test('once the child has exited, a signal still ends the step at once, and stops nothing that is over', async () => {
    // The handler stays once installed: removing it could lose a signal that had just arrived.
    await runChild('true', []);
    const { died, restore } = recordOwnDeath();
    try {
      process.emit('SIGTERM', 'SIGTERM');
      expect(died).toEqual(['SIGTERM']);
      expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual([JESTS.SIGINT, JESTS.SIGTERM]);
    } finally {
      restore();
    }
  });
});
