/**
 * Reads the entries of one array in a JSON object (`{"items": [...], ...}`), the list answer, as it
 * arrives, a chunk at a time: memory is bounded by what is kept of each entry, never by the answer.
 *
 * The JSON is read by @streamparser/json (maintained, no dependencies, JSON.parse's grammar): its
 * tokenizer checks every byte, its token parser the grammar of the whole document, and it builds
 * only the entries, each dropped from the parser once emitted. Chosen over stream-json (measured in
 * docs/performance.md; sandbox/json-parsers.js measures both again): it holds less memory and takes
 * less CPU to read a large list, loads faster, and its `write` is synchronous, so it fits the HTTP
 * layer's sink as it is (stream-json is a chain of Node streams); and stream-json says it is not
 * meant for hostile input, which an API answer must be taken to be.
 *
 * The entries are handed over only by `end()`, once the whole answer has parsed as one JSON object,
 * so nothing is acted on for an answer that is not JSON (a missing colon, text after the array).
 * What this module adds to the parser, each a bound no option of it sets:
 *   - nesting deeper than MAX_DEPTH is refused before the parser sees the bracket that opens it;
 *   - an entry longer than `maxItemBytes` is refused as its text arrives, before it grows further;
 *   - more than `maxItems` entries are refused;
 *   - more than MAX_TOKENS_OUTSIDE tokens outside the array are refused (the parser builds all of
 *     it; white space, which builds nothing, is not counted, so spaces without end meet the answer's cap);
 *   - the array must be the value of `key` at the top level, and `key` may appear there only once.
 */
import { Tokenizer, TokenParser, TokenType, type ParsedTokenInfo } from '@streamparser/json';

/** Raised when the answer is not a JSON object with one `key` array of items this reader can take. */
export class JsonItemsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonItemsError';
  }
}

/** The deepest nesting read: the API's entries are five deep with their object and array; more is not the API. */
export const MAX_DEPTH = 64;
/** The most JSON tokens outside the array, which the parser builds whole: the API sends four. */
export const MAX_TOKENS_OUTSIDE = 10_000;

export interface JsonItemsOptions<T> {
  /** The top-level key whose array holds the items. */
  key: string;
  /** Maps one parsed item to what is kept of it; may throw to refuse the answer. */
  item: (value: unknown) => T;
  /** The longest item read, in bytes of the text between the separators around it. */
  maxItemBytes: number;
  /** The most items read. */
  maxItems: number;
}

export class JsonItemsReader<T> {
  private readonly tokenizer = new Tokenizer();
  private readonly parser: TokenParser;
  private readonly items: T[] = [];
  /** Bytes written so far. */
  private bytes = 0;
  private started = false;
  /** Containers open: 1 in the top-level object, 2 directly in one of its values. */
  private depth = 0;
  /**
   * At the top level, the next string is a key (after '{' or ','). Only read at the top level, so a
   * comma deeper in may set it too: the next top-level token after it is a ',' or the closing '}'.
   */
  // Stryker disable next-line BooleanLiteral: equivalent, the '{' every answer must open with sets it
  private expectKey = false;
  private lastKey: string | undefined;
  private keySeen = false;
  /** The array was found (its '[' read). */
  private found = false;
  private tokensOutside = 0;
  /** Where the text of the entry being read begins (after the '[' or ',' before it); -1 outside the array. */
  private entryStart = -1;
  /** What `item` threw, to pass on as it is. */
  private itemError: unknown;

  constructor(private readonly options: JsonItemsOptions<T>) {
    if (!/^\w+$/.test(options.key)) throw new Error(`not a key this reader can look for: ${options.key}`);
    // keepStack false: each entry is dropped from the array once emitted, so the parser holds none.
    this.parser = new TokenParser({ paths: [`$.${options.key}.*`], keepStack: false });
    this.parser.onValue = ({ value }) => this.take(value);
    this.tokenizer.onToken = (token) => this.token(token);
  }

  write(chunk: Buffer): void {
    this.guard(() => this.tokenizer.write(chunk));
    this.bytes += chunk.length;
    if (this.entryStart !== -1) this.checkEntry(this.bytes);
  }

  /** The items, once the whole answer has been written and has parsed as one JSON object. */
  end(): T[] {
    this.guard(() => this.tokenizer.end(), 'the answer ended before its JSON did');
    if (!this.started) throw new JsonItemsError('the answer is empty');
    if (!this.parser.isEnded) throw new JsonItemsError('the answer ended before its JSON did');
    if (!this.found) throw new JsonItemsError(`no ${this.options.key} array`);
    return this.items;
  }

  /**
   * Runs the parser. This module's refusals and `item`'s pass as they are; anything else is the
   * parser's (a token out of place, text that is not UTF-8) and becomes a JsonItemsError.
   */
  private guard(run: () => void, message = 'the answer is not well-formed JSON'): void {
    try {
      run();
    } catch (error) {
      if (error instanceof JsonItemsError || error === this.itemError) throw error;
      if (!this.started) throw new JsonItemsError('the answer is not a JSON object');
      if (this.parser.isEnded) throw new JsonItemsError('the answer goes on after its JSON object');
      throw new JsonItemsError(message);
    }
  }

  /** One token: the bounds first, then the parser (which checks the grammar), then where it is. */
  private token(parsed: ParsedTokenInfo): void {
    const { token, offset } = parsed;
    if (!this.started) {
      if (token !== TokenType.LEFT_BRACE) throw new JsonItemsError('the answer is not a JSON object');
      this.started = true;
      this.expectKey = true;
    }
    const opens = token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET;
    if (opens && this.depth >= MAX_DEPTH) throw new JsonItemsError(`the answer is nested more than ${MAX_DEPTH} deep`);
    this.parser.write(parsed);
    if (opens) {
      if (this.depth === 1 && token === TokenType.LEFT_BRACKET && this.lastKey === this.options.key) {
        this.found = true;
        this.entryStart = offset + 1;
      }
      this.depth += 1;
    } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
      this.depth -= 1;
      if (this.depth === 1 && this.entryStart !== -1) this.closeArray(offset);
    } else if (token === TokenType.COMMA) {
      this.expectKey = true;
      if (this.depth === 2 && this.entryStart !== -1) this.nextEntry(offset);
    } else if (this.expectKey && this.depth === 1) {
      // The grammar checked, a string here is a key.
      this.lastKey = parsed.value as string;
      this.expectKey = false;
      if (this.lastKey === this.options.key) {
        if (this.keySeen) throw new JsonItemsError(`${this.options.key} appears twice`);
        this.keySeen = true;
      }
    }
    if (this.entryStart === -1 && ++this.tokensOutside > MAX_TOKENS_OUTSIDE) {
      throw new JsonItemsError(`the answer holds more than ${MAX_TOKENS_OUTSIDE} JSON tokens outside its ${this.options.key} array`);
    }
  }

  private nextEntry(comma: number): void {
    this.checkEntry(comma);
    this.entryStart = comma + 1;
  }

  private closeArray(bracket: number): void {
    this.checkEntry(bracket);
    this.entryStart = -1;
  }

  /** The entry being read, from its start to `end` (exclusive), is within maxItemBytes. */
  private checkEntry(end: number): void {
    if (end - this.entryStart > this.options.maxItemBytes) {
      throw new JsonItemsError(`an entry in ${this.options.key} is longer than ${this.options.maxItemBytes} bytes`);
    }
  }

  /** An entry, complete. Values under `key` when it is not the array (an object) are not entries. */
  private take(value: unknown): void {
    if (this.entryStart === -1) return;
    if (this.items.length >= this.options.maxItems) {
      throw new JsonItemsError(`${this.options.key} holds more than ${this.options.maxItems} entries, the most this action reads`);
    }
    try {
      this.items.push(this.options.item(value));
    } catch (error) {
      this.itemError = error;
      throw error;
    }
  }
}
