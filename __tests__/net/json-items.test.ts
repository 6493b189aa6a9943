/**
 * The items of one array in a JSON object, read chunk by chunk: the same items JSON.parse finds,
 * however the text is cut, and a clear refusal of anything that is not such an object.
 */
import { describe, expect, test } from '@jest/globals';
import { JsonItemsError, JsonItemsReader, type JsonItemsOptions } from '../../src/net/json-items.js';

const options = (overrides: Partial<JsonItemsOptions<unknown>> = {}): JsonItemsOptions<unknown> => ({
  key: 'items',
  item: (value) => value,
  maxItemChars: 1024,
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
    ['{"items":[1,,2]}', 'an empty entry in items'],
    ['{"items":[,1]}', 'an empty entry in items'],
    ['{"items":[1,]}', 'an empty entry in items'],
    ['{"items":[{"a":}]}', 'an entry in items is not well-formed JSON'],
    ['{"items":[tru]}', 'an entry in items is not well-formed JSON'],
  ])('%j: %s', (text, message) => {
    expect(refusal(text)).toBe(message);
  });

  test('an item longer than maxItemChars, before it grows further', () => {
    expect(refusal(`{"items":["${'x'.repeat(100)}"]}`, { maxItemChars: 50 })).toBe('an entry in items is longer than 50 characters');
    expect(read(`{"items":["${'x'.repeat(48)}"]}`, 7, { maxItemChars: 50 })).toEqual(['x'.repeat(48)]);
  });

  test('more items than maxItems', () => {
    expect(refusal('{"items":[1,2,3]}', { maxItems: 2 })).toBe('items holds more than 2 entries, the most this action reads');
    expect(read('{"items":[1,2]}', 7, { maxItems: 2 })).toEqual([1, 2]);
  });

  test('an item without end is refused at maxItemChars, however it arrives', () => {
    const reader = new JsonItemsReader(options({ maxItemChars: 10_000 }));
    reader.write(Buffer.from('{"items":["'));
    expect(() => {
      for (let i = 0; i < 100; i++) reader.write(Buffer.alloc(1000, 'y'));
    }).toThrow('an entry in items is longer than 10000 characters');
  });
});
