import { describe, expect, jest, test } from '@jest/globals';
import { childEnv, runChild } from '../src/registry/child.js';

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
      const before = process.listenerCount(signal);
      const kill = process.kill.bind(process);
      // This process must not really die: its own kill is recorded; the group's is carried out.
      const died: (string | number | undefined)[] = [];
      const spy = jest.spyOn(process, 'kill').mockImplementation((pid, sig) => {
        if (pid === process.pid) died.push(sig);
        else kill(pid, sig);
        return true;
      });
      try {
        // The grandchild is in the group too: the answer comes only once both are gone (the pipes close).
        const running = runChild('sh', ['-c', 'sleep 30 & sleep 30']);
        expect(process.listenerCount(signal)).toBe(before + 1);
        const started = Date.now();
        process.emit(signal, signal);
        const result = await running;
        expect(result).toMatchObject({ exitCode: -1, stopped: true });
        expect(Date.now() - started).toBeLessThan(5000);
        expect(died).toEqual([signal]);
        // No handler is left behind: Node's default is back.
        expect(process.listenerCount(signal)).toBe(before);
      } finally {
        spy.mockRestore();
      }
    },
  );

  test("once the child has exited, a signal is no longer the action's to handle", async () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    await runChild('true', []);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });
});
