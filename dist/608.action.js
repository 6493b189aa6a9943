"use strict";
exports.id = 608;
exports.ids = [608];
exports.modules = {

/***/ 608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JsonItemsReader: () => (/* binding */ JsonItemsReader)
/* harmony export */ });
/* unused harmony exports JsonItemsError, MAX_DEPTH, MAX_TOKENS_OUTSIDE */
/* harmony import */ var _streamparser_json__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(497);
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

/** Raised when the answer is not a JSON object with one `key` array of items this reader can take. */
class JsonItemsError extends Error {
    constructor(message) {
        super(message);
        this.name = 'JsonItemsError';
    }
}
/** The deepest nesting read: the API's entries are five deep with their object and array; more is not the API. */
const MAX_DEPTH = 64;
/** The most JSON tokens outside the array, which the parser builds whole: the API sends four. */
const MAX_TOKENS_OUTSIDE = 10_000;
class JsonItemsReader {
    options;
    tokenizer = new _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .Tokenizer */ ._F();
    parser;
    items = [];
    /** Bytes written so far. */
    bytes = 0;
    started = false;
    /** Containers open: 1 in the top-level object, 2 directly in one of its values. */
    depth = 0;
    /**
     * At the top level, the next string is a key (after '{' or ','). Only read at the top level, so a
     * comma deeper in may set it too: the next top-level token after it is a ',' or the closing '}'.
     */
    // Stryker disable next-line BooleanLiteral: equivalent, the '{' every answer must open with sets it
    expectKey = false;
    lastKey;
    keySeen = false;
    /** The array was found (its '[' read). */
    found = false;
    tokensOutside = 0;
    /** Where the text of the entry being read begins (after the '[' or ',' before it); -1 outside the array. */
    entryStart = -1;
    /** What `item` threw, to pass on as it is. */
    itemError;
    constructor(options) {
        this.options = options;
        if (!/^\w+$/.test(options.key))
            throw new Error(`not a key this reader can look for: ${options.key}`);
        // keepStack false: each entry is dropped from the array once emitted, so the parser holds none.
        this.parser = new _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenParser */ .zb({ paths: [`$.${options.key}.*`], keepStack: false });
        this.parser.onValue = ({ value }) => this.take(value);
        this.tokenizer.onToken = (token) => this.token(token);
    }
    write(chunk) {
        this.guard(() => this.tokenizer.write(chunk));
        this.bytes += chunk.length;
        if (this.entryStart !== -1)
            this.checkEntry(this.bytes);
    }
    /** The items, once the whole answer has been written and has parsed as one JSON object. */
    end() {
        this.guard(() => this.tokenizer.end(), 'the answer ended before its JSON did');
        if (!this.started)
            throw new JsonItemsError('the answer is empty');
        if (!this.parser.isEnded)
            throw new JsonItemsError('the answer ended before its JSON did');
        if (!this.found)
            throw new JsonItemsError(`no ${this.options.key} array`);
        return this.items;
    }
    /**
     * Runs the parser. This module's refusals and `item`'s pass as they are; anything else is the
     * parser's (a token out of place, text that is not UTF-8) and becomes a JsonItemsError.
     */
    guard(run, message = 'the answer is not well-formed JSON') {
        try {
            run();
        }
        catch (error) {
            if (error instanceof JsonItemsError || error === this.itemError)
                throw error;
            if (!this.started)
                throw new JsonItemsError('the answer is not a JSON object');
            if (this.parser.isEnded)
                throw new JsonItemsError('the answer goes on after its JSON object');
            throw new JsonItemsError(message);
        }
    }
    /** One token: the bounds first, then the parser (which checks the grammar), then where it is. */
    token(parsed) {
        const { token, offset } = parsed;
        if (!this.started) {
            if (token !== _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.LEFT_BRACE)
                throw new JsonItemsError('the answer is not a JSON object');
            this.started = true;
            this.expectKey = true;
        }
        const opens = token === _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.LEFT_BRACE || token === _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.LEFT_BRACKET;
        if (opens && this.depth >= MAX_DEPTH)
            throw new JsonItemsError(`the answer is nested more than ${MAX_DEPTH} deep`);
        this.parser.write(parsed);
        if (opens) {
            if (this.depth === 1 && token === _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.LEFT_BRACKET && this.lastKey === this.options.key) {
                this.found = true;
                this.entryStart = offset + 1;
            }
            this.depth += 1;
        }
        else if (token === _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.RIGHT_BRACE || token === _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.RIGHT_BRACKET) {
            this.depth -= 1;
            if (this.depth === 1 && this.entryStart !== -1)
                this.closeArray(offset);
        }
        else if (token === _streamparser_json__WEBPACK_IMPORTED_MODULE_0__/* .TokenType */ .ks.COMMA) {
            this.expectKey = true;
            if (this.depth === 2 && this.entryStart !== -1)
                this.nextEntry(offset);
        }
        else if (this.expectKey && this.depth === 1) {
            // The grammar checked, a string here is a key.
            this.lastKey = parsed.value;
            this.expectKey = false;
            if (this.lastKey === this.options.key) {
                if (this.keySeen)
                    throw new JsonItemsError(`${this.options.key} appears twice`);
                this.keySeen = true;
            }
        }
        if (this.entryStart === -1 && ++this.tokensOutside > MAX_TOKENS_OUTSIDE) {
            throw new JsonItemsError(`the answer holds more than ${MAX_TOKENS_OUTSIDE} JSON tokens outside its ${this.options.key} array`);
        }
    }
    nextEntry(comma) {
        this.checkEntry(comma);
        this.entryStart = comma + 1;
    }
    closeArray(bracket) {
        this.checkEntry(bracket);
        this.entryStart = -1;
    }
    /** The entry being read, from its start to `end` (exclusive), is within maxItemBytes. */
    checkEntry(end) {
        if (end - this.entryStart > this.options.maxItemBytes) {
            throw new JsonItemsError(`an entry in ${this.options.key} is longer than ${this.options.maxItemBytes} bytes`);
        }
    }
    /** An entry, complete. Values under `key` when it is not the array (an object) are not entries. */
    take(value) {
        if (this.entryStart === -1)
            return;
        if (this.items.length >= this.options.maxItems) {
            throw new JsonItemsError(`${this.options.key} holds more than ${this.options.maxItems} entries, the most this action reads`);
        }
        try {
            this.items.push(this.options.item(value));
        }
        catch (error) {
            this.itemError = error;
            throw error;
        }
    }
}


/***/ })

};
;
//# sourceMappingURL=608.action.js.map