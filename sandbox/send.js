// Writing a reply to the socket: whole, never finished (trickled or endless, for fault rules that
// bound a client), or not at all (the socket destroyed). The only module that writes to a response;
// the routes return reply values (replies.js), so a fault rule can swap a reply before anything
// is sent. Delays it starts are kept in the state, so reset() and close() can cut them short.
import { STATUS_CODES } from 'node:http';
import { render } from './replies.js';
import { sandboxNow } from './state.js';

/**
 * Answers `reply` whole. An exchange is { req, res, entry, requestId, destroyed } (pipeline.js).
 * @param {import('./replies.js').Reply} reply
 */
export function send(state, { res, entry, requestId }, reply) {
  entry.status = reply.status;
  if (res.destroyed) return; // the client left; the action (if any) has already happened
  const { type, payload } = render(reply, state.errorStyle, requestId);
  res.writeHead(reply.status, { 'content-type': type, 'dg-request-id': requestId, date: httpDate(state), ...reply.headers });
  res.end(payload);
}

/**
 * Answers `reply` in a way that never finishes: trickled (the headers or the body, one piece per
 * interval) or endless (the body, then filler, as fast as the client reads). Resolves when the
 * client leaves or the sandbox closes.
 */
export function sendWithoutEnd(state, exchange, reply, fault) {
  const { req, res, entry, requestId } = exchange;
  entry.status = reply.status;
  const socket = req.socket;
  return new Promise((resolve) => {
    let timer;
    const stop = () => {
      clearInterval(timer);
      state.delays.delete(handle);
      resolve();
    };
    const handle = {
      cancel() {
        stop();
        socket.destroy();
      },
    };
    state.delays.add(handle);
    socket.once('close', stop);
    if (res.destroyed) return stop();
    if (fault.trickle === 'headers') {
      socket.write(`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? 'Unknown'}\r\n`);
      timer = setInterval(() => socket.write('x-sandbox-trickle: .\r\n'), fault.intervalMs);
      return undefined;
    }
    const { type, payload } = render(reply, state.errorStyle, requestId);
    // No content-length: the body goes out chunked, so it can go on for as long as it likes.
    res.writeHead(reply.status, { 'content-type': type, 'dg-request-id': requestId, date: httpDate(state), ...reply.headers });
    const bytes = Buffer.from(payload);
    if (fault.trickle === 'body') {
      let sent = 0;
      // The reply one byte at a time, then spaces (still valid JSON so far) for ever.
      timer = setInterval(() => res.write(sent < bytes.length ? bytes.subarray(sent, ++sent) : ' '), fault.intervalMs);
      return undefined;
    }
    const filler = Buffer.alloc(64 * 1024, ' ');
    // The client's pace: write until the socket's buffer is full, then again when it drains.
    const pump = () => {
      while (!res.destroyed && res.write(filler));
    };
    res.on('drain', pump);
    res.write(bytes);
    pump();
    return undefined;
  });
}

/** The Date header, by the sandbox's clock (a fault rule's headers may set another). */
function httpDate(state) {
  return sandboxNow(state).toUTCString();
}

/** Ends the exchange without an answer: the client sees its connection reset. */
export function destroy(exchange) {
  exchange.destroyed = true;
  exchange.req.socket.destroy();
}

/** Waits `ms`; resolves false instead if reset() or close() cut the wait short. */
export function sleep(state, ms) {
  return new Promise((resolve) => {
    const delay = {
      cancel() {
        clearTimeout(timer);
        state.delays.delete(delay);
        resolve(false);
      },
    };
    const timer = setTimeout(() => {
      state.delays.delete(delay);
      resolve(true);
    }, ms);
    state.delays.add(delay);
  });
}

/** A bug in the sandbox answers 500 with its stack, rather than leaving the client waiting. */
export function internalError(res, error) {
  if (!res.headersSent && !res.destroyed) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`sandbox bug: ${error?.stack ?? error}`);
  }
}
