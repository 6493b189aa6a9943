/**
 * Loopback network fixtures: a port with nothing listening, and one that never answers.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';

/** A free loopback port: nothing listens there (until something else takes it). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * A loopback port that never completes a TCP handshake, like a host behind a firewall that drops
 * packets: a listening socket whose accept queue is full and never drained, so the kernel drops
 * further SYNs. Node always accepts connections, so a tiny python3 script holds the socket.
 */
const SCRIPT = `
import select, socket, sys
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(0)
port = server.getsockname()[1]
fillers = []
for _ in range(3):
    filler = socket.socket()
    filler.setblocking(False)
    try:
        filler.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    fillers.append(filler)
# The queue is full once the first filler's handshake is done: wait for that, not for a time.
select.select([], [fillers[0]], [], 60)
print(port, flush=True)
# Until the test ends it (stop), or its parent is gone: stdin closes with the parent.
sys.stdin.read()
`;

export async function startBlackhole(): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn('python3', ['-c', SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const [value] = await Promise.race([once(lines, 'line'), exited.then(() => [''])]);
  lines.close();
  const port = Number(value);
  const stop = async (): Promise<void> => {
    child.kill('SIGKILL');
    await exited;
  };
  if (!port) {
    await stop();
    throw new Error('the blackhole helper did not start (is python3 installed?)');
  }
  return { port, stop };
}
