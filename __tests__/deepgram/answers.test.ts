/**
 * src/deepgram/answers.ts: what of the API's answers is believed, a create's (createdBody,
 * parseCreated) and each entry of a list (listedItem, listError), in both generations' shapes.
 * How the client sends and reads them whole: client.test.ts.
 */
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import type { HttpResponse } from '../../src/net/http.js';
import { CRED } from '../../__fixtures__/ids.js';
import { nestedSet } from '../../__fixtures__/transport.js';
import { rejectionOf } from '../../__fixtures__/failure.js';

jest.unstable_mockModule('@actions/core', () => core);
const { createdBody, listedItem, listError, parseCreated } = await import('../../src/deepgram/answers.js');
const { DeepgramApiError, unexpected } = await import('../../src/deepgram/errors.js');

const SECRET = 'q'.repeat(64);

let answered: HttpResponse;
beforeEach(() => {
  answered = { status: 0, headers: {}, body: '' };
});

/** The create's answer is this (a 2xx: only those reach the answer's readers). */
function answer(status: number, body: unknown = ''): void {
  answered = { status, headers: {}, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

/** The answer read as client.create reads it: createdBody, then parseCreated. */
const create = async () => parseCreated(createdBody('create distribution credentials', answered));

/** The DeepgramApiError a promise rejects with. */
const apiError = (promise: Promise<unknown>) => rejectionOf(promise, DeepgramApiError);

/** The DeepgramApiError a call throws. */
function thrown(call: () => unknown): InstanceType<typeof DeepgramApiError> {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(DeepgramApiError);
    return error as InstanceType<typeof DeepgramApiError>;
  }
  throw new Error('nothing was thrown');
}

const nested = nestedSet;

describe('parseCreated and createdBody: what of a create answer is believed', () => {
  test('legacy flat shape: fields at the top level', async () => {
    answer(200, {
      distribution_credentials_id: CRED,
      username: `deepgram+${CRED}`,
      secret: SECRET,
      comment: 'old',
      scopes: ['onprem:products'],
      provider: 'quay',
    });
    await expect(create()).resolves.toEqual({
      id: CRED,
      username: `deepgram+${CRED}`,
      secret: SECRET,
      scopes: ['onprem:products'],
      comment: 'old',
    });
  });

  test('nested record with the secret at the top level still yields the secret', async () => {
    answer(200, { ...nested({}), secret: SECRET });
    await expect(create()).resolves.toMatchObject({ id: CRED, secret: SECRET });
  });

  test('no username: it is deepgram+<id>', async () => {
    answer(200, nested({ secret: SECRET }));
    await expect(create()).resolves.toMatchObject({ username: `deepgram+${CRED}` });
  });

  test('an empty username: it is deepgram+<id> too', async () => {
    answer(200, nested({ secret: SECRET, username: '' }));
    await expect(create()).resolves.toMatchObject({ username: `deepgram+${CRED}` });
  });

  test('a body of null: created but unusable (revoke and sweep follow), not a TypeError that skips them', async () => {
    answer(201, 'null');
    const error = await apiError(create());
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
    expect(error.message).toBe(
      'Deepgram API: create distribution credentials answered with credentials that cannot be used: the body is not a JSON object',
    );
  });

  test('no secret: not retried, but "may have created", carrying the id of what was created', async () => {
    answer(200, nested({}));
    const error = await apiError(create());
    expect(error.details.credentialsId).toBe(CRED);
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
    expect(error.message).toBe(
      `Deepgram API: create distribution credentials answered with credentials that cannot be used: no secret for ${CRED}, so it cannot log in`,
    );
  });

  test.each([
    [
      'an id that is a number',
      nested({ distribution_credentials_id: 42, secret: SECRET }),
      'distribution_credentials_id (a number) is not a credentials ID',
    ],
    [
      'an id of ".."',
      nested({ distribution_credentials_id: '..', secret: SECRET }),
      'distribution_credentials_id ".." is not a credentials ID',
    ],
    [
      'an id holding a workflow command',
      nested({ distribution_credentials_id: 'a\n::set-output name=x::y', secret: SECRET }),
      'distribution_credentials_id "a\\n::set-output name=x::y" is not a credentials ID',
    ],
    ['a renamed id field', { distribution_credentials: { id: CRED, secret: SECRET } }, 'no distribution_credentials_id'],
    [
      'a username with a newline',
      nested({ secret: SECRET, username: 'deepgram+x\n::save-state name=a::b' }),
      'username "deepgram+x\\n::save-state name=a::b" is not one docker can log in with',
    ],
    [
      'a username that is a flag',
      nested({ secret: SECRET, username: '--password=x' }),
      'username "--password=x" is not one docker can log in with',
    ],
    ['a username with a colon', nested({ secret: SECRET, username: 'a:b' }), 'username "a:b" is not one docker can log in with'],
    ['a secret with a newline', nested({ secret: `${SECRET}\nmore` }), `the secret for ${CRED} is not one line of visible text`],
    ['an array', [], 'the body is not a JSON object'],
  ])('%s: "may have created", not retried', async (_name, body, what) => {
    answer(201, body);
    const error = await apiError(create());
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
    expect(error.message).toBe(`Deepgram API: create distribution credentials answered with credentials that cannot be used: ${what}`);
    expect(error.message).not.toContain('\n');
  });

  test('scopes in the answer that are not scopes are dropped', async () => {
    answer(201, nested({ secret: SECRET, scopes: ['self-hosted:product:api', '<b>x</b>', 7, 'a\nb:c'] }));
    await expect(create()).resolves.toMatchObject({ scopes: ['self-hosted:product:api'] });
  });

  test.each([
    ['a number', 7],
    ['null', null],
    ['an object', { scope: 'a:b' }],
    // RegExp.test would read ['a:b'] as the string "a:b": the type is checked first.
    ['an array holding a scope', ['a:b']],
    ['a workflow command after a scope', 'a:b\n::set-output name=x::y'],
    ['a space inside', 'a:b c'],
    ['a leading space', ' a:b'],
  ])('a scope that is %s is dropped', async (_name, scope) => {
    answer(201, nested({ secret: SECRET, scopes: [scope, 'self-hosted:product:api'] }));
    await expect(create()).resolves.toMatchObject({ scopes: ['self-hosted:product:api'] });
  });

  test.each([
    ['a string', 'self-hosted:product:api'],
    ['an object', { 0: 'self-hosted:product:api', length: 1 }],
    ['null', null],
  ])('scopes that are %s, not an array, give none', async (_name, scopes) => {
    answer(201, nested({ secret: SECRET, scopes }));
    await expect(create()).resolves.toMatchObject({ scopes: [] });
  });

  test('no distribution_credentials_id: not retried but "may have created"', async () => {
    answer(200, { distribution_credentials: { secret: SECRET } });
    const error = await apiError(create());
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
    expect(error.message).toContain('no distribution_credentials_id');
    expect(error.details.credentialsId).toBeUndefined();
  });

  test.each([
    ['an empty id', nested({ distribution_credentials_id: '', secret: SECRET }), 'no distribution_credentials_id'],
    [
      'an id too long to quote whole',
      nested({ distribution_credentials_id: 'x'.repeat(200), secret: SECRET }),
      `distribution_credentials_id "${'x'.repeat(80)}…" is not a credentials ID`,
    ],
    ['an empty secret', nested({ secret: '' }), `no secret for ${CRED}, so it cannot log in`],
    ['a secret that is a number', nested({ secret: 42 }), `no secret for ${CRED}, so it cannot log in`],
    ['a secret with a space', nested({ secret: 'a b' }), `the secret for ${CRED} is not one line of visible text`],
    ['a secret of 1,025 characters', nested({ secret: 's'.repeat(1025) }), `the secret for ${CRED} is not one line of visible text`],
    ['a username that is a number', nested({ secret: SECRET, username: 42 }), 'username (a number) is not one docker can log in with'],
    [
      'a username that is null at both levels',
      { ...nested({ secret: SECRET, username: null }), username: null },
      'username (a null) is not one docker can log in with',
    ],
    [
      'a username of 80 characters, quoted whole',
      nested({ secret: SECRET, username: `${'u'.repeat(79)}:` }),
      `username "${'u'.repeat(79)}:" is not one docker can log in with`,
    ],
    [
      'a username of 81 characters, cut to 80',
      nested({ secret: SECRET, username: `${'u'.repeat(80)}:` }),
      `username "${'u'.repeat(80)}…" is not one docker can log in with`,
    ],
    [
      'a username of 257 characters',
      nested({ secret: SECRET, username: 'u'.repeat(257) }),
      `username "${'u'.repeat(80)}…" is not one docker can log in with`,
    ],
    ['a username with a space', nested({ secret: SECRET, username: 'a b' }), 'username "a b" is not one docker can log in with'],
    [
      'a username with a control character',
      nested({ secret: SECRET, username: 'a\u0007b' }),
      'username "a\\u0007b" is not one docker can log in with',
    ],
  ])('%s: "may have created"', async (_name, body, what) => {
    answer(201, body);
    const error = await apiError(create());
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
    expect(error.message).toBe(`Deepgram API: create distribution credentials answered with credentials that cannot be used: ${what}`);
  });

  test('the longest secret (1,024 characters) and username (256) are taken', async () => {
    answer(201, nested({ secret: 's'.repeat(1024), username: 'u'.repeat(256) }));
    await expect(create()).resolves.toMatchObject({ secret: 's'.repeat(1024), username: 'u'.repeat(256) });
  });

  test('an answer without a comment, or with one that is not a string, echoes none (nothing to check the tag against)', async () => {
    answer(201, nested({ secret: SECRET, comment: undefined }));
    await expect(create()).resolves.not.toHaveProperty('comment');
    answer(201, nested({ secret: SECRET, comment: 7 }));
    await expect(create()).resolves.not.toHaveProperty('comment');
  });

  test('a 201 with an empty body: "may have created", saying the body was empty', async () => {
    answer(201, '');
    const error = await apiError(create());
    expect(error.kind).toEqual({ transient: false, ambiguous: true });
    expect(error.message).toBe(
      'Deepgram API: create distribution credentials returned an unexpected response: HTTP 201 with a body that is not JSON: (empty)',
    );
  });

  test('a JSON body that is not an object: not usable', async () => {
    answer(200, '[]');
    await expect(create()).rejects.toThrow('the body is not a JSON object');
  });
});

describe('listedItem: one entry of a list answer', () => {
  test("each set's scopes, and the email of the member listed beside it, as data", () => {
    const entries = [
      {
        member: { member_id: 'm', email: 'ops@example.com\n::error::x' },
        distribution_credentials: { distribution_credentials_id: 'a', comment: 'c', scopes: ['self-hosted:products', 7, 'odd scope'] },
      },
      {
        member: { member_id: 'm', email: 42 },
        distribution_credentials: { distribution_credentials_id: 'b', scopes: 'self-hosted:products' },
      },
      { member: 'ops@example.com', distribution_credentials: { distribution_credentials_id: 'c' } },
    ];
    expect(entries.map(listedItem)).toEqual([
      // Kept as the API gave them (strings only): whoever shows them escapes them.
      { id: 'a', comment: 'c', scopes: ['self-hosted:products', 'odd scope'], member: 'ops@example.com\n::error::x' },
      { id: 'b', comment: '' },
      { id: 'c', comment: '' },
    ]);
  });

  test('the created time, when it is text, and only then', () => {
    expect(listedItem({ distribution_credentials: { distribution_credentials_id: 'a', created: '2023-06-28T15:36:59Z' } })).toEqual({
      id: 'a',
      comment: '',
      created: '2023-06-28T15:36:59Z',
    });
    expect(listedItem({ distribution_credentials: { distribution_credentials_id: 'b', created: 1687966619 } })).toEqual({
      id: 'b',
      comment: '',
    });
  });

  test('flat items are read too', () => {
    expect(listedItem({ distribution_credentials_id: 'c', comment: 'flat' })).toEqual({ id: 'c', comment: 'flat' });
  });

  test.each([null, 7, 'a', [CRED], { distribution_credentials: { comment: 'x' } }, { distribution_credentials_id: 7 }])(
    'an entry that is %j: an unexpected-response error, not a TypeError',
    (entry) => {
      const error = thrown(() => listedItem(entry));
      expect(error.message).toBe(
        'Deepgram API: list distribution credentials returned an unexpected response: an entry has no distribution_credentials_id',
      );
      expect(error.kind).toEqual({ transient: false, ambiguous: false });
    },
  );
});

describe("listError: a list answer the reader refused, as the client's error", () => {
  test('a DeepgramApiError (from listedItem) is passed on as it is', () => {
    const error = unexpected('list distribution credentials', 'an entry has no distribution_credentials_id');
    expect(listError('list distribution credentials', error)).toBe(error);
  });

  test('any other error is an unexpected response, neither retried nor "may have created", in the reader\'s words', () => {
    const error = listError('list distribution credentials', new Error('the answer is not well-formed JSON'));
    expect(error).toBeInstanceOf(DeepgramApiError);
    expect(error.message).toBe(
      'Deepgram API: list distribution credentials returned an unexpected response: the answer is not well-formed JSON',
    );
    expect(error.kind).toEqual({ transient: false, ambiguous: false });
  });

  test('a thrown value that is not an Error is named as text', () => {
    expect(listError('list distribution credentials', 'odd').message).toBe(
      'Deepgram API: list distribution credentials returned an unexpected response: odd',
    );
  });
});
