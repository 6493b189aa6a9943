/**
 * A test's stand-in for the network (src/net/http.ts's Transport) that hands the answer over as
 * the real one does: a 2xx answer to a request with a `stream` goes to the sink as it arrives, a
 * few KiB at a time (a character may be cut between two), never more than the sink's maxBytes,
 * and comes back with an empty body; an error the sink throws fails the request. Any other answer
 * comes back whole. A test writes only what the API answers.
 */
import type { HttpRequest, HttpResponse, Transport } from '../src/net/http.js';
import { CRED } from './ids.js';

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

/** A set as the list answer gives it; `member` is the maker's email. */
export interface ListedSet {
  id: string;
  comment: string;
  created?: string;
  member?: string;
  scopes?: string[];
}

/** The API's list answer (current generation: each set nested beside its member), with `headers` (a `date`, say). */
export function listAnswer(sets: ListedSet[], headers: HttpResponse['headers'] = {}): HttpResponse {
  const distribution_credentials = sets.map(({ id, comment, created, member, scopes }) => ({
    member: member === undefined ? {} : { member_id: 'm', email: member },
    distribution_credentials: { distribution_credentials_id: id, comment, created, scopes },
  }));
  return { status: 200, headers, body: JSON.stringify({ distribution_credentials }) };
}

/** An error answer with Deepgram's `err_code` body. */
export const apiErrorAnswer = (status: number, code: string, message: string): HttpResponse => ({
  status,
  headers: {},
  body: JSON.stringify({ err_code: code, err_msg: message }),
});

/** The create request the client's tests send; the answers below echo its comment and scopes. */
export const CREATE_REQUEST = {
  comment: 'ci run [dg-action:abc]',
  scopes: ['self-hosted:product:api', 'self-hosted:product:engine'],
  provider: 'quay',
};

/** Set CRED as the current API gives it (a create's answer, a list's entry): nested beside its member, `fields` over the rest. */
export const nestedSet = (fields: Record<string, unknown>) => ({
  member: { member_id: 'm-1', email: 'ci@example.com' },
  distribution_credentials: {
    distribution_credentials_id: CRED,
    provider: 'quay',
    comment: CREATE_REQUEST.comment,
    scopes: CREATE_REQUEST.scopes,
    created: '2025-01-01T00:00:00Z',
    ...fields,
  },
});
