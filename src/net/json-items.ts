/**
 * Reads the items of one array in a JSON object (`{"items": [...], ...}`) as the answer arrives,
 * a chunk at a time, so that an answer of any length is read with memory bounded by what is kept
 * of each item, never by the answer: the whole text is never held, nor parsed into one tree.
 *
 * Only the structure around the array is scanned here (strings, nesting, the top-level keys);
 * each item's text is handed whole to JSON.parse, so an item is exactly what JSON.parse makes of
 * it, and an item longer than `maxItemChars` is refused before it grows further. The answer must
 * be one JSON object, complete, with the array under `key` at its top level exactly once.
 */
/** Raised when the answer is not a JSON object with one `key` array of items this reader can take. */
export class JsonItemsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonItemsError';
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
/** Longest top-level key remembered: a longer one cannot be the key looked for. */
const MAX_KEY_CHARS = 256;

export interface JsonItemsOptions<T> {
  /** The top-level key whose array holds the items. */
  key: string;
  /** Maps one parsed item to what is kept of it; may throw to refuse the answer. */
  item: (value: unknown) => T;
  /** The longest item text read, in characters. */
  maxItemChars: number;
  /** The most items read. */
  maxItems: number;
}

export class JsonItemsReader<T> {
  /** UTF-8 to text, a character cut between two chunks kept for the next (a global: nothing to load). */
  private readonly decoder = new TextDecoder('utf-8');
  private readonly items: T[] = [];
  /** Open containers, innermost last: OPEN_OBJECT or OPEN_ARRAY. */
  private readonly open: number[] = [];
  private inString = false;
  private escaped = false;
  private started = false;
  private closed = false;
  /** At the top level: the next string is a key (after '{' or ','). */
  private expectKey = false;
  private keyText: string[] | undefined;
  private keyChars = 0;
  private currentKey: string | undefined;
  private found = false;
  /** Inside the items array (it is open[1]). */
  private inItems = false;
  /** An item is being read: its pieces so far (it may span chunks). */
  private inItem = false;
  private itemText: string[] = [];
  private itemChars = 0;
  /** After a ',' in the items array: another item must follow. */
  private itemDue = false;

  constructor(private readonly options: JsonItemsOptions<T>) {}

  write(chunk: Buffer): void {
    this.scan(this.decoder.decode(chunk, { stream: true }));
  }

  /** The items, once the whole answer has been written. */
  end(): T[] {
    this.scan(this.decoder.decode());
    if (!this.started) throw new JsonItemsError('the answer is empty');
    if (!this.closed) throw new JsonItemsError('the answer ended before its JSON did');
    if (!this.found) throw new JsonItemsError(`no ${this.options.key} array`);
    return this.items;
  }

  private scan(text: string): void {
    // Where the item being read began in this text (0 when it began in an earlier chunk).
    let itemStart = this.inItem ? 0 : -1;
    let keyStart = this.keyText ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (keyStart >= 0) {
            this.addKeyText(text.slice(keyStart, i));
            this.finishKey();
            keyStart = -1;
          }
        }
        continue;
      }
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      if (this.closed) throw new JsonItemsError('the answer goes on after its JSON object');
      if (!this.started) {
        if (c !== OPEN_OBJECT) throw new JsonItemsError('the answer is not a JSON object');
        this.started = true;
      }
      const depth = this.open.length;
      // An item begins at the first character of it, directly inside the items array.
      if (this.inItems && depth === 2 && itemStart < 0 && c !== COMMA && c !== CLOSE_ARRAY) {
        itemStart = i;
        this.inItem = true;
      }
      switch (c) {
        case QUOTE:
          this.inString = true;
          if (depth === 1 && this.expectKey) {
            this.currentKey = undefined;
            this.keyText = [];
            this.keyChars = 0;
            keyStart = i + 1;
          }
          break;
        case OPEN_OBJECT:
        case OPEN_ARRAY:
          if (depth === 1 && c === OPEN_ARRAY && this.currentKey === this.options.key) {
            if (this.found) throw new JsonItemsError(`${this.options.key} appears twice`);
            this.found = true;
            this.inItems = true;
          }
          this.open.push(c);
          if (depth === 0) this.expectKey = true;
          break;
        case CLOSE_OBJECT:
        case CLOSE_ARRAY: {
          if (this.open.pop() !== (c === CLOSE_OBJECT ? OPEN_OBJECT : OPEN_ARRAY)) {
            throw new JsonItemsError('the answer is not well-formed JSON');
          }
          if (depth === 2 && this.inItems) {
            if (itemStart >= 0) this.finishItem(text.slice(itemStart, i));
            else if (this.itemDue) throw new JsonItemsError(`an empty entry in ${this.options.key}`);
            itemStart = -1;
            this.inItems = false;
          }
          if (depth === 1) this.closed = true;
          break;
        }
        case COMMA:
          if (depth === 1) this.expectKey = true;
          if (depth === 2 && this.inItems) {
            if (itemStart < 0) throw new JsonItemsError(`an empty entry in ${this.options.key}`);
            this.finishItem(text.slice(itemStart, i));
            itemStart = -1;
            this.itemDue = true;
          }
          break;
        case COLON:
          if (depth === 1) this.expectKey = false;
          break;
        default:
          break;
      }
    }
    if (keyStart >= 0) this.addKeyText(text.slice(keyStart));
    if (itemStart >= 0) this.addItemText(text.slice(itemStart));
  }

  private addKeyText(piece: string): void {
    if (!this.keyText) return;
    this.keyChars += piece.length;
    if (this.keyChars > MAX_KEY_CHARS) this.keyText = undefined;
    else this.keyText.push(piece);
  }

  private finishKey(): void {
    const raw = this.keyText?.join('');
    this.keyText = undefined;
    // A key spelled with escapes ("\u0069tems") means what JSON.parse makes of it.
    this.currentKey = raw === undefined ? undefined : raw.includes('\\') ? safeParse(`"${raw}"`) : raw;
  }

  private addItemText(piece: string): void {
    this.itemChars += piece.length;
    if (this.itemChars > this.options.maxItemChars) {
      throw new JsonItemsError(`an entry in ${this.options.key} is longer than ${this.options.maxItemChars} characters`);
    }
    this.itemText.push(piece);
  }

  private finishItem(last: string): void {
    this.addItemText(last);
    const text = this.itemText.join('');
    this.itemText = [];
    this.itemChars = 0;
    this.inItem = false;
    this.itemDue = false;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new JsonItemsError(`an entry in ${this.options.key} is not well-formed JSON`);
    }
    if (this.items.length >= this.options.maxItems) {
      throw new JsonItemsError(`${this.options.key} holds more than ${this.options.maxItems} entries, the most this action reads`);
    }
    this.items.push(this.options.item(value));
  }
}

function safeParse(text: string): string | undefined {
  try {
    return JSON.parse(text) as string;
  } catch {
    return undefined;
  }
}
