/**
 * Loopback network fixtures: a port with nothing listening, and one that never answers.
 */
import { spawn } from 'node:child_process';
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
import socket, time
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
time.sleep(0.2)
print(port, flush=True)
time.sleep(300)
`;

export async function startBlackhole(): Promise<{ port: number; stop: () => void }> {
  const child = spawn('python3', ['-c', SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const { value } = await lines.next();
  const port = Number(value);
  if (!port) throw new Error('the blackhole helper did not start (is python3 installed?)');
  return { port, stop: () => child.kill('SIGKILL') };
}
