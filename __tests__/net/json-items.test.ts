/**
 * The items of one array in a JSON object, read chunk by chunk: the same items JSON.parse finds,
 * however the text is cut, handed over only once the whole answer has parsed, and a clear refusal
 * of anything that is not such an object.
 */
import { describe, expect, test } from '@jest/globals';
import { JsonItemsError, JsonItemsReader, MAX_DEPTH, MAX_TOKENS_OUTSIDE, type JsonItemsOptions } from '../../src/net/json-items.js';

const options = (overrides: Partial<JsonItemsOptions<unknown>> = {}): JsonItemsOptions<unknown> => ({
  key: 'items',
  item: (value) => value,
  maxItemBytes: 1024,
  maxItems: 1000,
  ...overrides,
});

/** Reads `text` cut into pieces of `size` bytes (of its UTF-8, so a character may be cut too). */
function read(text: string, size: number, overrides: Partial<JsonItemsOptions<unknown>> = {}): unknown[] {
  const reader = new JsonItemsReader(options(overrides));
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at += size) reader.write(bytes.subarray(at, at + size));
  return reader.end();
}

function refusal(text: string, overrides: Partial<JsonItemsOptions<unknown>> = {}): string {
  try {
    read(text, 7, overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(JsonItemsError);
    return (error as Error).message;
  }
  throw new Error('the reader took it');
}

describe('what it reads', () => {
  const text = JSON.stringify({
    before: { items: [1, 2], text: 'a "quoted" ] } , [ {' },
    items: [
      { id: 'a', comment: 'commas, brackets ] } [ { and "quotes" \\ \u2013 é 🙂', n: [1, { x: null }] },
      'plain',
      42,
      null,
      [],
      { nested: { items: ['not these'] } },
    ],
    after: [{ items: 3 }],
  });

  test.each([1, 2, 3, 5, 64, 100_000])('the items JSON.parse finds, in pieces of %i bytes', (size) => {
    expect(read(text, size)).toEqual((JSON.parse(text) as { items: unknown[] }).items);
  });

  test('white space anywhere, and an empty array', () => {
    expect(read(' \n{ "a" : 1 ,\t"items" :\r\n[ ] } \n', 3)).toEqual([]);
    expect(read('{"items":[ {"a":1} , {"b":2} ]}', 4)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  test('a key spelled with escapes is the key it spells', () => {
    expect(read('{"\\u0069tems":[1]}', 2)).toEqual([1]);
  });

  test('each item goes through `item`, which may refuse the answer', () => {
    expect(read('{"items":[1,2]}', 1, { item: (value) => Number(value) * 10 })).toEqual([10, 20]);
    const item = () => {
      throw new Error('not an item');
    };
    expect(() => read('{"items":[1]}', 1, { item })).toThrow('not an item');
  });
});

describe('what it refuses', () => {
  test.each([
    ['', 'the answer is empty'],
    ['  ', 'the answer is empty'],
    ['[1,2]', 'the answer is not a JSON object'],
    ['"items"', 'the answer is not a JSON object'],
    ['{"items":[1,2]', 'the answer ended before its JSON did'],
    ['{"items":[1,{"a":"b', 'the answer ended before its JSON did'],
    ['{"other":[1]}', 'no items array'],
    ['{"items":null}', 'no items array'],
    ['{"x":{"items":[1]}}', 'no items array'],
    ['{"items":[1],"items":[2]}', 'items appears twice'],
    ['{"items":[1]} {"items":[2]}', 'the answer goes on after its JSON object'],
    ['{"items":[1]}x', 'the answer goes on after its JSON object'],
    ['{"items":[1]]}', 'the answer is not well-formed JSON'],
    ['{"items":[1,,2]}', 'the answer is not well-formed JSON'],
    ['{"items":[,1]}', 'the answer is not well-formed JSON'],
    ['{"items":[1,]}', 'the answer is not well-formed JSON'],
    ['{"items":[{"a":}]}', 'the answer is not well-formed JSON'],
    ['{"items":[tru]}', 'the answer is not well-formed JSON'],
    ['{"items":[{"a" 1}]}', 'the answer is not well-formed JSON'],
    ['{"items":[{1:2}]}', 'the answer is not well-formed JSON'],
    ['{"items":["a\\u00"]}', 'the answer is not well-formed JSON'],
    ['{"items":{"a":1}}', 'no items array'],
    ['{"items":null,"items":[1]}', 'items appears twice'],
    ['tru', 'the answer is not a JSON object'],
    ['12', 'the answer is not a JSON object'],
    ['<html>', 'the answer is not a JSON object'],
  ])('%j: %s', (text, message) => {
    expect(refusal(text)).toBe(message);
  });

  test('a key it cannot look for is a mistake of the caller', () => {
    for (const key of ['a.b', '.a', 'a.', '']) {
      expect(() => new JsonItemsReader(options({ key }))).toThrow(`not a key this reader can look for: ${key}`);
    }
  });

  test('its errors are JsonItemsErrors by name too', () => {
    expect(new JsonItemsError('x').name).toBe('JsonItemsError');
  });

  test("an entry's own commas and brackets do not cut it short", () => {
    // 50 bytes of text before a comma and a bracket inside the entry, and more after them.
    const entry = `{"a":"${'x'.repeat(40)}","b":[1,2],"c":"${'y'.repeat(20)}"}`;
    expect(read(`{"items":[${entry}]}`, 7, { maxItemBytes: entry.length })).toHaveLength(1);
    expect(refusal(`{"items":[${entry}]}`, { maxItemBytes: entry.length - 1 })).toBe(
      `an entry in items is longer than ${entry.length - 1} bytes`,
    );
  });

  test('a string deeper in is not a top-level key, after a comma or not', () => {
    expect(read('{"items":[1],"x":[1,"items"],"y":{"a":1,"items":2}}', 3)).toEqual([1]);
  });

  test('values under the key when it is not an array are not items', () => {
    const seen: unknown[] = [];
    expect(refusal('{"items":{"a":1,"b":[2]}}', { item: (value) => seen.push(value) })).toBe('no items array');
    expect(seen).toEqual([]);
  });

  test('the parser holds no entry once it has been handed over', () => {
    const reader = new JsonItemsReader(options());
    reader.write(Buffer.from('{"items":[{"a":1},{"b":2},{"c":3},'));
    // Private: the array the parser is building, which its keepStack option decides to empty.
    const building = (reader as unknown as { parser: { value: unknown } }).parser.value;
    expect(building).toEqual([]);
  });

  test('text that is not UTF-8', () => {
    const reader = new JsonItemsReader(options());
    expect(() => {
      reader.write(Buffer.from('{"items":["a'));
      reader.write(Buffer.from([0xff, 0xfe]));
      reader.write(Buffer.from('"]}'));
      reader.end();
    }).toThrow(new JsonItemsError('the answer is not well-formed JSON'));
  });

  test('what `item` throws passes as it is', () => {
    const refused = new TypeError('not an item');
    const reader = new JsonItemsReader(
      options({
        item: () => {
          throw refused;
        },
      }),
    );
    let thrown: unknown;
    try {
      reader.write(Buffer.from('{"items":[1]}'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBe(refused);
  });

  test('an item longer than maxItemBytes, before it grows further; its bytes, not its characters', () => {
    expect(refusal(`{"items":["${'x'.repeat(100)}"]}`, { maxItemBytes: 50 })).toBe('an entry in items is longer than 50 bytes');
    expect(read(`{"items":["${'x'.repeat(48)}"]}`, 7, { maxItemBytes: 50 })).toEqual(['x'.repeat(48)]);
    // 24 two-byte characters and the quotes are 50 bytes; one more is 52.
    expect(read(`{"items":[1,"${'é'.repeat(24)}",2]}`, 7, { maxItemBytes: 50 })).toEqual([1, 'é'.repeat(24), 2]);
    expect(refusal(`{"items":[1,"${'é'.repeat(25)}",2]}`, { maxItemBytes: 50 })).toBe('an entry in items is longer than 50 bytes');
    // The last entry, closed by the bracket, is held to the same bound.
    expect(refusal(`{"items":[1,"${'é'.repeat(25)}"]}`, { maxItemBytes: 50 })).toBe('an entry in items is longer than 50 bytes');
  });

  test('more items than maxItems', () => {
    expect(refusal('{"items":[1,2,3]}', { maxItems: 2 })).toBe('items holds more than 2 entries, the most this action reads');
    expect(read('{"items":[1,2]}', 7, { maxItems: 2 })).toEqual([1, 2]);
  });

  test('an item without end is refused at maxItemBytes, however it arrives', () => {
    const reader = new JsonItemsReader(options({ maxItemBytes: 10_000 }));
    reader.write(Buffer.from('{"items":["'));
    let written = 0;
    expect(() => {
      for (; written < 100; written++) reader.write(Buffer.alloc(1000, 'y'));
    }).toThrow('an entry in items is longer than 10000 bytes');
    // The tenth chunk takes it past 10,000 bytes (the quote before them is the entry's too).
    expect(written).toBe(9);
  });

  test('more than MAX_TOKENS_OUTSIDE tokens outside the array, however they arrive; white space is not counted', () => {
    const message = `the answer holds more than ${MAX_TOKENS_OUTSIDE} JSON tokens outside its items array`;
    // k times '0,' make 2k + 16 tokens outside: the pad's, "p"'s, and '{', '}', '"items"', its ':' and ']'.
    const padded = (tokens: number) => `{"p":[],"pad":[${'0,'.repeat((tokens - 16) / 2)}0],"items":[1]}`;
    expect(read(padded(MAX_TOKENS_OUTSIDE), 64 * 1024)).toEqual([1]);
    expect(refusal(padded(MAX_TOKENS_OUTSIDE + 2))).toBe(message);
    // After the array, as before it, and before any array; tokens in the array are not counted.
    expect(read(`{"items":[${'1,'.repeat(3 * MAX_TOKENS_OUTSIDE)}1]}`, 64 * 1024, { maxItems: 4 * MAX_TOKENS_OUTSIDE })).toHaveLength(
      3 * MAX_TOKENS_OUTSIDE + 1,
    );
    expect(() => read(`{"items":[1],"pad":[${'{},'.repeat(MAX_TOKENS_OUTSIDE)}{}]}`, 64 * 1024)).toThrow(message);
    expect(() => read(`{"pad":[${'{},'.repeat(MAX_TOKENS_OUTSIDE)}`, 64 * 1024)).toThrow(message);
    expect(read(`{"items":[1]}${' '.repeat(4 * 1024 * 1024)}`, 64 * 1024)).toEqual([1]);
  });
});

describe('nesting', () => {
  /** An answer whose one item is nested `depth` deep in all (the object and the array count). */
  const nested = (depth: number) => `{"items":[${'['.repeat(depth - 2)}${']'.repeat(depth - 2)}]}`;

  test(`${MAX_DEPTH} deep is read, one more is refused`, () => {
    expect(read(nested(MAX_DEPTH), 64)).toHaveLength(1);
    expect(refusal(nested(MAX_DEPTH + 1))).toBe(`the answer is nested more than ${MAX_DEPTH} deep`);
  });

  test.each(['[', '{"a":'])('8 MiB of %j is refused in its first chunk, before the parser holds more', (open) => {
    const reader = new JsonItemsReader(options());
    reader.write(Buffer.from('{"items":'));
    const chunk = Buffer.from(open.repeat(Math.ceil((64 * 1024) / open.length)));
    let written = 0;
    expect(() => {
      for (; written < 128; written++) reader.write(chunk);
    }).toThrow(`the answer is nested more than ${MAX_DEPTH} deep`);
    expect(written).toBe(0);
  });
});

describe('nothing is handed over from an answer that is not JSON', () => {
  /**
   * Answers whose entries all read as good ones, but which are not JSON: the old hand-written
   * reader took their entries. Each is refused, and `item` saw at most the entries before the fault.
   */
  const good = '[{"id":"a"},{"id":"b"}]';
  test.each([
    ['no colon after the key', `{"items" ${good}}`],
    ['text after the array', `{"items":${good} garbage}`],
    ['a colon and a value after the array', `{"items":${good} : "y"}`],
    ['a comma and nothing after the array', `{"items":${good},}`],
    ['the array twice, the second without its key', `{"items":${good},${good}}`],
    ['no closing brace', `{"items":${good}`],
    ['a second document', `{"items":${good}}{"items":[]}`],
    ['deep nesting after the array', `{"items":${good},"x":${'['.repeat(100_000)}`],
  ])('%s: the list fails, and no item comes back', (_, text) => {
    const seen: unknown[] = [];
    const reader = new JsonItemsReader(options({ item: (value) => seen.push(value) }));
    let items: unknown[] | undefined;
    expect(() => {
      const bytes = Buffer.from(text);
      for (let at = 0; at < bytes.length; at += 5) reader.write(bytes.subarray(at, at + 5));
      items = reader.end();
    }).toThrow(JsonItemsError);
    expect(items).toBeUndefined();
    expect(seen.length).toBeLessThanOrEqual(2);
  });
});
