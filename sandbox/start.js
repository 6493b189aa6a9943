// startSandbox: the HTTP server on 127.0.0.1 and the handle a test holds (server.d.ts's Sandbox):
// the request log, the live sets, fault rules, reset, issue, presetNext, the clock, close. The
// requests themselves go through pipeline.js.
import http from 'node:http';
import { issue } from './api.js';
import { normalizeFault } from './faults.js';
import { HOST, normalizeOptions } from './options.js';
import { handleRequest } from './pipeline.js';
import { snapshot } from './request-log.js';
import { internalError } from './send.js';
import { cancelDelays, createState, cutOffInFlight, liveCredentials, presetNext, resetState } from './state.js';

/**
 * Starts the sandbox on 127.0.0.1. The options and the handle it resolves to: SandboxOptions and
 * Sandbox in server.d.ts (named there, not imported here: server.js imports this module).
 */
export async function startSandbox(options = {}) {
  const state = createState(normalizeOptions(options));
  const server = http.createServer((req, res) => {
    handleRequest(state, req, res).catch((error) => internalError(res, error));
  });
  await listen(server, state.port);
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return sandboxHandle(state, server, port);
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The object startSandbox resolves to. */
function sandboxHandle(state, server, port) {
  let closing;
  return {
    url: `http://${HOST}:${port}`,
    port,
    registryHost: `${HOST}:${port}`,
    get requests() {
      return snapshot(state.requests);
    },
    clearRequests: () => {
      state.requests.length = 0;
    },
    credentials: (projectId) => liveCredentials(state, projectId),
    /** Delayed or endless answers still under way: none after reset() or close(). */
    get pendingDelays() {
      return state.delays.size;
    },
    addFault: (rule) => {
      state.faults.push(normalizeFault(rule));
    },
    clearFaults: () => {
      state.faults.length = 0;
    },
    reset: () => {
      resetState(state);
      // Nothing asked before the reset acts or answers after it: a delayed create would make a set
      // in the next test's project. Idle kept-alive connections stay: they carry nothing yet.
      cancelDelays(state);
      cutOffInFlight(state);
    },
    issue: (projectId, fields) => issue(state, projectId, fields),
    presetNext: () => presetNext(state),
    shiftClock: (ms) => {
      state.clockOffsetMs += ms;
    },
    close() {
      closing ??= closeServer(state, server);
      return closing;
    },
  };
}

function closeServer(state, server) {
  state.closed = true;
  cancelDelays(state);
  const closed = new Promise((resolve) => server.close(() => resolve()));
  // server.close() alone waits for idle keep-alive sockets to time out.
  server.closeAllConnections();
  return closed;
}
