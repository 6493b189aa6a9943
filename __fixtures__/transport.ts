/**
 * A test's stand-in for the network (src/net/http.ts's Transport) that hands the answer over as
 * the real one does: a 2xx answer to a request with a `stream` goes to the sink as it arrives, a
 * few KiB at a time (a character may be cut between two), never more than the sink's maxBytes,
 * and comes back with an empty body; an error the sink throws fails the request. Any other answer
 * comes back whole. A test writes only what the API answers.
 */
import type { HttpRequest, HttpResponse, Transport } from '../src/net/http.js';

/** An odd size, so that chunks end inside a string, an escape or a multi-byte character. */
const CHUNK_BYTES = 4099;

export function answering(answer: (request: HttpRequest) => HttpResponse | Promise<HttpResponse>): Transport {
  return async (request) => {
    const response = await answer(request);
    const sink = request.stream;
    if (!sink || response.status < 200 || response.status > 299) return response;
    const bytes = Buffer.from(response.body, 'utf8');
    if (bytes.length > sink.maxBytes) {
      throw Object.assign(new Error(`the answer is over ${sink.maxBytes} bytes`), { code: 'RESPONSE_TOO_LARGE' });
    }
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) sink.write(bytes.subarray(at, at + CHUNK_BYTES));
    return { ...response, body: '' };
  };
}
