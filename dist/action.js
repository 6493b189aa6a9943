const __lazyBuiltin = (id) => { let m; const load = () => (m ??= require(id)); return new Proxy(() => {}, { get: (_, key) => load()[key], has: (_, key) => key in load(), ownKeys: () => Reflect.ownKeys(load()), getOwnPropertyDescriptor: (_, key) => { const d = Reflect.getOwnPropertyDescriptor(load(), key); return d && { ...d, configurable: true }; }, apply: (_, self, args) => Reflect.apply(load(), self, args) }); }; const __lazyPromises = (fs) => new Proxy({}, { get: (_, key) => (...args) => fs.promises[key](...args) });/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 613:
/***/ ((module) => {

module.exports = __lazyBuiltin("assert");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 67:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ }),

/***/ 928:
/***/ ((module) => {

module.exports = require("path");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".action.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  main: () => (/* reexport */ run),
  post: () => (/* reexport */ post_run),
  retire: () => (/* reexport */ runRetire)
});

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = require("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __lazyBuiltin("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(928);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = __lazyPromises(external_fs_);
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return file_command_issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    command_issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
;// CONCATENATED MODULE: ./src/net/retry.ts
/**
 * What is worth another attempt, and how long to wait before it: exponential backoff with full
 * jitter, bounded by max-attempts, honouring a Retry-After the server sends.
 */
/** Statuses that say "try again": the server timed out, is over a limit, or is briefly broken. */
const TRANSIENT_STATUSES = [408, 429, 500, 502, 503, 504];
/** Of those, the ones where the server may have carried out the request before it failed. */
const AMBIGUOUS_STATUSES = [500, 502, 503, 504];
/** Network errors raised before the request could reach a server: nothing can have happened there. */
const NOT_SENT_CODES = [
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'ENETDOWN',
    'EHOSTDOWN',
    'CONNECT_TIMEOUT',
    // The proxy gave no tunnel (unreachable, dropped the CONNECT, or answered it 408, 429 or 5xx).
    // Once a tunnel is open, a failure is ambiguous like any other: the request may have gone through.
    'PROXY_FAILED',
];
/** Failures before the request left that another attempt would meet again: the proxy said no (407, 403). */
const REFUSED_CODES = ['PROXY_REFUSED'];
/** Network errors that a later attempt can get past: those, and ones after the request went out. */
const TRANSIENT_CODES = [
    ...NOT_SENT_CODES,
    'ECONNRESET',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'UND_ERR_SOCKET',
    'REQUEST_TIMEOUT',
];
// RESPONSE_TOO_LARGE (an answer past 1 MiB) is neither transient nor in the lists above. Not
// transient: the API's answers are a few hundred bytes, so one that size is not the API under load
// but something else answering (a portal, a misrouted URL) or a broken server, and the next
// attempt would get the same. Ambiguous: the request went out and the server may have acted on it,
// so a create cut off that way may have made credentials, and the sweep must look for them.
const BASE_DELAY_MS = 1_000;
const MAX_BACKOFF_MS = 10_000;
/** A Retry-After longer than this is cut to it: a job should not sleep for minutes. */
const MAX_RETRY_AFTER_MS = 60_000;
function isClassified(error) {
    return error instanceof Error && typeof error.kind === 'object';
}
function classifyStatus(status, retryAfter) {
    return {
        transient: TRANSIENT_STATUSES.includes(status),
        ambiguous: AMBIGUOUS_STATUSES.includes(status),
        retryAfterMs: retryAfter === undefined ? undefined : parseRetryAfter(retryAfter),
    };
}
/** A network-level failure: transient when its code says so; ambiguous unless it never left. */
function classifyNetworkError(code) {
    const transient = code !== undefined && TRANSIENT_CODES.includes(code);
    const notSent = code !== undefined && (NOT_SENT_CODES.includes(code) || REFUSED_CODES.includes(code));
    return { transient, ambiguous: !notSent };
}
/** Retry-After is either delay-seconds or an HTTP date; anything else is ignored. */
function parseRetryAfter(value, now = Date.now()) {
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    // An HTTP date names its day or month ("Wed, 21 Oct 2015 07:28:00 GMT"); a bare "-5" is no date.
    if (!/[a-z]/i.test(text))
        return undefined;
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/**
 * How long to wait before attempt `attempt + 1`: full jitter over an exponential ceiling, or the
 * server's Retry-After (capped) when it gave one.
 */
function retryDelayMs(attempt, kind, random = Math.random) {
    if (kind.retryAfterMs !== undefined)
        return Math.min(kind.retryAfterMs, MAX_RETRY_AFTER_MS);
    const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
    return Math.floor(random() * ceiling);
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Runs `operation` until it succeeds, fails for good, or has used max-attempts. */
async function withRetries(operation, options) {
    const wait = options.sleep ?? sleep;
    for (let attempt = 1;; attempt++) {
        try {
            return await operation(attempt);
        }
        catch (error) {
            if (!isClassified(error) || !error.kind.transient || attempt >= options.maxAttempts)
                throw error;
            await options.beforeRetry?.(error);
            const delay = retryDelayMs(attempt, error.kind, options.random);
            if (options.remainingMs && delay >= options.remainingMs()) {
                options.log(`Attempt ${attempt} of ${options.maxAttempts} to ${options.action} failed: ${error.message}. ` +
                    `Not retrying: a wait of ${(delay / 1000).toFixed(1)} s would outlast this step's time for API calls.`);
                throw error;
            }
            const reason = error.kind.retryAfterMs !== undefined ? ' (as the server asked with Retry-After)' : '';
            options.log(`Attempt ${attempt} of ${options.maxAttempts} to ${options.action} failed: ${error.message}. ` +
                `Retrying in ${(delay / 1000).toFixed(1)} s${reason}.`);
            await wait(delay);
        }
    }
}

;// CONCATENATED MODULE: ./src/net/budget.ts
/**
 * One step's time for talking to the API. Every request and every wait of a step (creates, sweeps,
 * revokes, pruning, and their retries) draws on the same budget, so retries inside retries cannot
 * multiply a step's length: a request is cut to what is left, and a wait that would outlast it is
 * not begun.
 *
 * The budget is what max-attempts requests of request-timeout each, with the longest backoff
 * between them, would take: 4 × 30 s + 3 × 10 s = 2 min 30 s at the defaults (README, "How long").
 */

class Budget {
    totalMs;
    now;
    deadline;
    constructor(totalMs, now = Date.now) {
        this.totalMs = totalMs;
        this.now = now;
        this.deadline = now() + totalMs;
    }
    /** A step's budget for these settings. */
    static forStep(settings, now) {
        return new Budget(stepBudgetMs(settings.maxAttempts, settings.requestTimeoutMs), now);
    }
    remainingMs() {
        return Math.max(0, this.deadline - this.now());
    }
}
function stepBudgetMs(maxAttempts, requestTimeoutMs) {
    return maxAttempts * requestTimeoutMs + (maxAttempts - 1) * MAX_BACKOFF_MS;
}
/** Raised instead of a request or a wait that the step's budget has no room for. */
class BudgetExhaustedError extends Error {
    kind = { transient: false, ambiguous: false };
    constructor(what, budget) {
        super(`${what}: not sent, this step's time for API calls (${Math.round(budget.totalMs / 1000)} s) is used up`);
        this.name = 'BudgetExhaustedError';
    }
}

;// CONCATENATED MODULE: ./src/runner/log.ts
/**
 * The step's log, safe against text that came from outside (the API, the environment, docker).
 *
 * The runner reads every line a step prints for workflow commands: a line that starts with `::`
 * (after spaces), and the older `##[command]` form anywhere in a line. core.info prints a message
 * as it is, so an id, an error code or a comment from a hostile API holding "\n::set-output …"
 * would print a line the runner obeys. Every message goes through here: control characters are
 * shown as escapes, so a message is always one line, and neither form of command can start.
 */

/** `text` as one printable line: control characters escaped, no workflow command possible. */
function untrusted(text) {
    return (text
        // C0 and C1 controls, DEL, and the Unicode line and paragraph separators: matching them is the point.
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, escapeControl)
        .replace(/##\[/g, '##\\[')
        .replace(/^(\s*)::/, '$1\\::'));
}
function escapeControl(c) {
    if (c === '\n')
        return '\\n';
    if (c === '\r')
        return '\\r';
    if (c === '\t')
        return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
const log_info = (message) => info(untrusted(message));
const log_warning = (message) => warning(untrusted(message));

;// CONCATENATED MODULE: ./src/runner/secrets.ts
/**
 * One place that knows every secret value of this process: each is registered with the runner's
 * log masking (core.setSecret) and kept here, so that error text built from a server's reply can
 * be redacted before it is printed or thrown.
 */

const known = new Set();
/** Mask `value` in the log and in every message that passes through redact(). */
function protectSecret(value) {
    if (!value || known.has(value))
        return;
    known.add(value);
    core_setSecret(value);
}
/** Replaces every registered secret in `text` with ***. */
function redact(text) {
    let result = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...known].sort((a, b) => b.length - a.length)) {
        result = result.split(secret).join('***');
    }
    return result;
}
/** For tests: forget what was registered. */
function forgetSecrets() {
    known.clear();
}

;// CONCATENATED MODULE: ./src/deepgram/client.ts
/**
 * Deepgram's distribution-credentials API: create, list and delete, one attempt each. It speaks
 * both generations of the API (see shared notes): the create request carries scopes and provider
 * in the query *and* comment, scopes and provider in the body, and both response shapes are read.
 * Every failure is a DeepgramApiError that carries Deepgram's own words and what the retry loop
 * needs to know.
 */




/**
 * A credentials ID the action will put in a URL or a log: a UUID-like token. Anything else (".."
 * would turn a DELETE into one on the collection's parent) is refused.
 */
function isCredentialsId(value) {
    return typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/.test(value);
}
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
/**
 * A listed set's `created`, in ms since the epoch, when it is an ISO 8601 time; undefined
 * otherwise (Date.parse would guess at other forms, and an age decides what is deleted).
 */
function createdTimeMs(created) {
    if (created === undefined || !ISO_TIME.test(created))
        return undefined;
    const ms = Date.parse(created);
    return Number.isNaN(ms) ? undefined : ms;
}
/** A registry username docker can take: no whitespace, control characters or ':', and no leading '-'. */
const USERNAME = /^[^\s\p{C}:-][^\s\p{C}:]{0,255}$/u;
/** A secret that can go through --password-stdin and be masked whole: one line of visible text. */
const SECRET = /^[^\s\p{C}]{1,1024}$/u;
/** A scope as the API names them; anything else in an answer is dropped. */
const SCOPE = /^[a-z0-9][a-z0-9._-]*(:[a-z0-9][a-z0-9._-]*)+$/i;
class DeepgramApiError extends Error {
    kind;
    details;
    constructor(message, kind, details = {}) {
        super(message);
        this.kind = kind;
        this.details = details;
        this.name = 'DeepgramApiError';
    }
    get status() {
        return this.details.status;
    }
}
const FATAL = { transient: false, ambiguous: false };
/** A create answered 2xx, so it was carried out, but the answer cannot be used: sweep for what it made. */
const CREATED_UNUSABLE = { transient: false, ambiguous: true };
class DeepgramClient {
    options;
    constructor(options) {
        this.options = options;
    }
    async create(projectId, request) {
        const query = new URLSearchParams();
        for (const scope of request.scopes)
            query.append('scopes', scope);
        query.append('provider', request.provider);
        const body = await this.call('create distribution credentials', 'POST', `${this.collection(projectId)}?${query}`, request);
        return parseCreated(body);
    }
    async list(projectId) {
        const body = await this.call('list distribution credentials', 'GET', this.collection(projectId));
        const items = isRecord(body) ? body.distribution_credentials : undefined;
        if (!Array.isArray(items))
            throw unexpected('list distribution credentials', 'no distribution_credentials array');
        return items.map((item) => {
            const record = credentialsRecord(item);
            const id = record?.distribution_credentials_id;
            if (typeof id !== 'string')
                throw unexpected('list distribution credentials', 'an entry has no distribution_credentials_id');
            return {
                id,
                comment: typeof record?.comment === 'string' ? record.comment : '',
                ...(typeof record?.created === 'string' ? { created: record.created } : {}),
            };
        });
    }
    /** Deletes one set of credentials; one that is already gone (404) counts as done. */
    async delete(projectId, credentialsId) {
        if (!isCredentialsId(credentialsId)) {
            throw new DeepgramApiError(`Refusing to delete "${untrusted(credentialsId)}": not a distribution credentials ID`, FATAL);
        }
        try {
            await this.call(`delete distribution credentials ${credentialsId}`, 'DELETE', `${this.collection(projectId)}/${encodeURIComponent(credentialsId)}`);
            return 'deleted';
        }
        catch (error) {
            if (error instanceof DeepgramApiError && error.status === 404 && error.details.code !== 'PROJECT_NOT_FOUND') {
                return 'already-gone';
            }
            throw error;
        }
    }
    collection(projectId) {
        return `${this.options.apiUrl}/v1/projects/${encodeURIComponent(projectId)}/self-hosted/distribution/credentials`;
    }
    /** One request; resolves to the parsed JSON body of a 2xx, or throws a DeepgramApiError. */
    async call(action, method, url, payload) {
        const headers = { Authorization: `Token ${this.options.apiKey}`, Accept: 'application/json' };
        if (payload !== undefined)
            headers['Content-Type'] = 'application/json';
        const { budget } = this.options;
        const timeoutMs = Math.min(this.options.timeoutMs, budget?.remainingMs() ?? Infinity);
        // Less than a second left is no time for a request: it could only time out.
        if (budget && timeoutMs < 1000)
            throw new BudgetExhaustedError(`Deepgram API: ${action}`, budget);
        let response;
        try {
            response = await this.options.transport({
                method,
                url,
                headers,
                body: payload === undefined ? undefined : JSON.stringify(payload),
                timeoutMs,
            });
        }
        catch (error) {
            throw networkError(action, url, error);
        }
        if (response.status < 200 || response.status > 299)
            throw apiError(action, response);
        try {
            return JSON.parse(response.body);
        }
        catch {
            // A delete is done once the server says 2xx, whatever the body (shapes differ by generation).
            if (method === 'DELETE')
                return {};
            const what = `HTTP ${response.status} with a body that is not JSON: ${excerpt(response.body) || '(empty)'}`;
            throw unexpected(action, what, method === 'POST' ? CREATED_UNUSABLE : FATAL);
        }
    }
}
/**
 * The credentials in a create answer. The answer came with a 2xx, so the set exists: an answer
 * that cannot be used whole (not JSON, no or odd id, no secret, a username docker cannot take) is
 * CREATED_UNUSABLE, and the caller sweeps for what it made. Nothing in it is trusted: what is
 * used must have the shape it should.
 */
function parseCreated(body) {
    const action = 'create distribution credentials';
    const unusable = (what, credentialsId) => new DeepgramApiError(`Deepgram API: ${action} answered with credentials that cannot be used: ${what}`, CREATED_UNUSABLE, {
        credentialsId,
    });
    if (!isRecord(body))
        throw unusable('the body is not a JSON object');
    // Current API: fields under "distribution_credentials"; older API: the same fields at the top level.
    const record = credentialsRecord(body) ?? {};
    const pick = (field) => record[field] ?? body[field];
    const id = pick('distribution_credentials_id');
    if (id === undefined || id === '')
        throw unusable('no distribution_credentials_id');
    if (!isCredentialsId(id))
        throw unusable(`distribution_credentials_id ${describe(id)} is not a credentials ID`);
    const secret = pick('secret');
    if (typeof secret !== 'string' || secret === '')
        throw unusable(`no secret for ${id}, so it cannot log in`, id);
    if (!SECRET.test(secret))
        throw unusable(`the secret for ${id} is not one line of visible text`, id);
    const given = pick('username');
    const username = given === undefined || given === '' ? `deepgram+${id}` : given;
    if (typeof username !== 'string' || !USERNAME.test(username)) {
        throw unusable(`username ${describe(username)} is not one docker can log in with`, id);
    }
    const scopes = pick('scopes');
    const comment = pick('comment');
    return {
        id,
        secret,
        username,
        scopes: Array.isArray(scopes) ? scopes.filter((s) => typeof s === 'string' && SCOPE.test(s)) : [],
        comment: typeof comment === 'string' ? comment : '',
    };
}
/** A value from an answer, for a message: a string escaped and cut short, anything else by its type. */
function describe(value) {
    if (typeof value !== 'string')
        return `(a ${value === null ? 'null' : typeof value})`;
    return `"${untrusted(value.length > 80 ? `${value.slice(0, 80)}…` : value)}"`;
}
/** The object holding the credentials' fields: nested (current API) or the item itself (older API). */
function credentialsRecord(item) {
    if (!isRecord(item))
        return undefined;
    return isRecord(item.distribution_credentials) ? item.distribution_credentials : item;
}
function apiError(action, response) {
    const { status } = response;
    const header = headerValue(response, 'dg-request-id') ?? headerValue(response, 'x-request-id');
    const requestId = header ? excerpt(header, 128) : undefined;
    let code;
    let message = '';
    let bodyRequestId;
    try {
        const body = JSON.parse(response.body);
        if (isRecord(body)) {
            // Two error forms: {err_code, err_msg, request_id} and {category, message, details, request_id}.
            code = stringField(body, 'err_code') ?? stringField(body, 'category');
            message = stringField(body, 'err_msg') ?? stringField(body, 'message') ?? '';
            const details = stringField(body, 'details');
            if (details && details !== message)
                message = message ? `${message} (${details})` : details;
            bodyRequestId = stringField(body, 'request_id');
        }
        else if (typeof body === 'string') {
            message = body;
        }
    }
    catch {
        message = response.body; // the plain-string error form
    }
    const reqId = bodyRequestId ?? requestId;
    const words = [code, excerpt(message)].filter(Boolean).join(': ');
    const hint = hintFor(status, code, message);
    const text = `Deepgram API: ${action} failed with HTTP ${status}` +
        (words ? ` ${words}` : '') +
        (reqId ? ` (request ID ${reqId})` : '') +
        (hint ? `. ${hint}` : '');
    return new DeepgramApiError(redact(text), classifyStatus(status, headerValue(response, 'retry-after')), {
        status,
        code,
        requestId: reqId,
    });
}
function hintFor(status, code, message) {
    const text = `${code ?? ''} ${message}`.toLowerCase();
    if (status === 401)
        return 'Check that api-key is a valid, unexpired Deepgram API key (short-lived tokens from /v1/auth/grant do not work here).';
    if (status === 403 || text.includes('insufficient') || text.includes('permission')) {
        return 'The API key needs the owner or admin role, or the keys:write scope, on a project with self-hosted access.';
    }
    if (status === 404)
        return 'Check project-id, and that the project has been granted self-hosted (on-prem) access.';
    if (status === 429)
        return 'The project is over its concurrency limit; fewer parallel jobs or a higher max-attempts help.';
    return undefined;
}
function networkError(action, url, error) {
    const code = isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
    const cause = error instanceof Error ? error.message : String(error);
    const host = new URL(url).host;
    return new DeepgramApiError(redact(`Deepgram API: ${action} failed: could not get a response from ${host}: ${cause}`), classifyNetworkError(code), {});
}
function unexpected(action, what, kind = FATAL) {
    return new DeepgramApiError(redact(`Deepgram API: ${action} returned an unexpected response: ${what}`), kind);
}
function headerValue(response, name) {
    const value = response.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/** A string field of an error body, as text safe for a message. */
function stringField(record, field) {
    const value = record[field];
    return typeof value === 'string' && value !== '' ? excerpt(value) : undefined;
}
/**
 * Server text for a message: secrets redacted first, so a cut cannot leave part of one behind;
 * white space folded and anything else that could end the line or start a workflow command escaped.
 */
function excerpt(text, limit = 300) {
    const flat = untrusted(redact(text).replace(/\s+/g, ' ').trim());
    return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __lazyBuiltin("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = require("node:fs");
;// CONCATENATED MODULE: ./src/net/random.ts
/**
 * Random bytes from the operating system's generator, without loading node:crypto where the
 * system offers its generator as a file.
 *
 * The marker is made before the create goes out, and node:crypto costs about 5 ms to load on
 * Node 24 (a tenth of the main step; see `npm run bench`). /dev/urandom is the same kernel
 * generator node:crypto's own seed comes from; where there is none (Windows), or it gives fewer
 * bytes than asked, node:crypto gives them.
 */


const SYSTEM_RANDOM = '/dev/urandom';
/** `count` random bytes, as lowercase hex. */
function randomHex(count, source = SYSTEM_RANDOM) {
    return (readSystemRandom(count, source) ?? (0,external_node_crypto_namespaceObject.randomBytes)(count)).toString('hex');
}
function readSystemRandom(count, source) {
    if (process.platform === 'win32')
        return undefined;
    let fd;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(source, 'r');
        const bytes = Buffer.alloc(count);
        return (0,external_node_fs_namespaceObject.readSync)(fd, bytes, 0, count, null) === count ? bytes : undefined;
    }
    catch {
        return undefined;
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/deepgram/tags.ts
/**
 * The tag this action ends every comment it writes with, and the exact tests that find it again.
 *
 *   [dg-action:<12 hex>]              a job's set: revoked at job end; pruned once it is older than
 *                                     `prune-after` (its job cannot still be running)
 *   [dg-action:<12 hex> kept]         kept on purpose (`revoke: false`): never pruned
 *   [dg-action:<12 hex> keep=<name>]  kept under a name (`keep`): never pruned, found by its name
 *
 * The 12 hex digits are the execution's marker (`dg-action:<hex>`): one execution's own sweep finds
 * every set it made, whatever the kind, while pruning and name look-ups match one kind exactly.
 * Only the tag at the very end of a comment counts, so text a person put earlier in a comment
 * (a copied tag, say) can never make a set look like one of ours.
 */

/** A name for `keep`: 1 to 63 of a-z, 0-9 and '-'. */
const KEEP_NAME = /^[a-z0-9-]{1,63}$/;
const TRAILING_TAG = / ?\[(dg-action:[0-9a-f]{12})(?: (kept|keep=[a-z0-9-]{1,63}))?\]$/;
/** A token unique to this execution of the action, e.g. "dg-action:5f0c2a9e7b4d". */
function newMarker() {
    return `dg-action:${randomHex(6)}`;
}
/** The kind of set a step makes: kept under a name, kept (revoke: false), or a job's own. */
function tagKindFor(settings) {
    if (settings.keep)
        return { kind: 'named', name: settings.keep };
    return settings.revoke ? { kind: 'job' } : { kind: 'kept' };
}
/** The tag's text, brackets included. */
function formatTag(tag) {
    const suffix = tag.kind.kind === 'job' ? '' : tag.kind.kind === 'kept' ? ' kept' : ` keep=${tag.kind.name}`;
    return `[${tag.marker}${suffix}]`;
}
/** The comment sent to Deepgram: the person's comment, then the tag. */
function tagComment(comment, tag) {
    return comment ? `${comment} ${formatTag(tag)}` : formatTag(tag);
}
/** The tag a comment ends with, or undefined when it ends with none of ours. */
function parseTag(comment) {
    const match = TRAILING_TAG.exec(comment);
    if (!match)
        return undefined;
    const marker = match[1];
    const suffix = match[2];
    if (suffix === undefined)
        return { marker, kind: { kind: 'job' } };
    if (suffix === 'kept')
        return { marker, kind: { kind: 'kept' } };
    return { marker, kind: { kind: 'named', name: suffix.slice('keep='.length) } };
}
/** Made by the execution that owns `marker`, whatever the kind. */
function madeBy(comment, marker) {
    return parseTag(comment)?.marker === marker;
}
/** A job's set (the only kind pruning may touch). */
function isJobSet(comment) {
    return parseTag(comment)?.kind.kind === 'job';
}
/** Kept under exactly this name. */
function isKeptAs(comment, name) {
    const kind = parseTag(comment)?.kind;
    return kind?.kind === 'named' && kind.name === name;
}

;// CONCATENATED MODULE: ./src/deepgram/credentials.ts




/** Creates credentials, retrying transient failures; whatever a failure may have created is swept. */
async function createCredentials(ctx, request, marker, hooks) {
    const attempt = async () => {
        hooks.inFlight(Date.now() + ctx.requestTimeoutMs);
        try {
            const credentials = await ctx.client.create(ctx.projectId, request);
            hooks.created(credentials.id);
            return credentials;
        }
        catch (error) {
            if (isClassified(error) && error.kind.ambiguous)
                hooks.mayHaveStrays();
            throw error;
        }
        finally {
            hooks.inFlight(0);
        }
    };
    try {
        return await withRetries(attempt, {
            ...retryOptions(ctx, 'create distribution credentials'),
            beforeRetry: async (error) => {
                if (error.kind.ambiguous)
                    await sweepOnce(ctx, marker);
            },
        });
    }
    catch (error) {
        if (isClassified(error) && error.kind.ambiguous) {
            // A set whose id the answer gave goes by that id, even where the key may not list.
            const known = error instanceof DeepgramApiError ? error.details.credentialsId : undefined;
            if (known)
                await revokeCredentials(ctx, known, 1).catch(() => undefined);
            await sweepOnce(ctx, marker);
        }
        throw error;
    }
}
/** Deletes one set of credentials, retrying transient failures; 404 counts as already done. */
async function revokeCredentials(ctx, credentialsId, maxAttempts = ctx.maxAttempts) {
    const result = await withRetries(() => ctx.client.delete(ctx.projectId, credentialsId), {
        ...retryOptions(ctx, `delete distribution credentials ${credentialsId}`),
        maxAttempts,
    });
    ctx.info(result === 'deleted'
        ? `Revoked distribution credentials ${credentialsId}.`
        : `Distribution credentials ${credentialsId} were already gone.`);
    return result;
}
/** The project's credentials, retrying transient failures. */
function listCredentials(ctx, maxAttempts = ctx.maxAttempts) {
    return withRetries(() => ctx.client.list(ctx.projectId), {
        ...retryOptions(ctx, 'list distribution credentials'),
        maxAttempts,
    });
}
/**
 * Deletes each of `sets`; one that cannot be deleted is a warning, not a failure. Returns those
 * deleted. An id that is not a credentials ID is never put in a URL.
 */
async function deleteEach(ctx, sets, what, maxAttempts = ctx.maxAttempts) {
    const deleted = [];
    for (const set of sets) {
        if (!isCredentialsId(set.id)) {
            ctx.warning(`Could not delete ${what} "${untrusted(set.id)}": the API listed it with an ID that is not a credentials ID.`);
            continue;
        }
        try {
            await revokeCredentials(ctx, set.id, maxAttempts);
            deleted.push(set);
        }
        catch (error) {
            ctx.warning(`Could not delete ${what} ${set.id}: ${errorMessage(error)}`);
        }
    }
    return deleted;
}
/** The sets in `listed` that this execution made, but for the one it handed out (`keepId`). */
function straysOf(listed, marker, keepId = '') {
    return listed.filter((item) => madeBy(item.comment, marker) && item.id !== keepId);
}
/**
 * Main's sweep, inside a create: one list and one delete attempt each, no retries (the post step
 * sweeps again with its own). A failure is logged, not thrown: the create's own error matters more.
 */
async function sweepOnce(ctx, marker) {
    let listed;
    try {
        listed = await listCredentials(ctx, 1);
    }
    catch (error) {
        ctx.info(`Could not look for credentials the failed create may have left (the post step looks again): ${errorMessage(error)}`);
        return;
    }
    const strays = straysOf(listed, marker);
    if (strays.length === 0)
        return;
    const deleted = await deleteEach(ctx, strays, 'stray distribution credentials', 1);
    ctx.info(`Deleted ${deleted.length} of ${strays.length} set(s) of credentials the failed create left ([${marker}]).`);
}
function retryOptions(ctx, action) {
    return {
        maxAttempts: ctx.maxAttempts,
        action,
        log: ctx.info,
        sleep: ctx.sleep,
        random: ctx.random,
        remainingMs: () => ctx.budget.remainingMs(),
    };
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = require("node:net");
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
;// CONCATENATED MODULE: ./src/net/http.ts



const USER_AGENT = 'deepgram-self-hosted-login-action';
/** Raised when no complete response arrived within the request's deadline. */
class RequestTimeoutError extends Error {
    code = 'REQUEST_TIMEOUT';
    constructor(timeoutMs) {
        super(`no response within ${timeoutMs / 1000} s (request-timeout)`);
        this.name = 'RequestTimeoutError';
    }
}
/**
 * How long a TCP connection may take to open, within the request's own deadline. A host that
 * drops packets would otherwise hold each attempt for the whole request-timeout (30 s, 2 min over
 * four attempts); a connection that never opened sent nothing, so it is safe to retry at once.
 */
const CONNECT_TIMEOUT_MS = 10_000;
/** Raised when the connection to the server did not open in time: nothing was sent. */
class ConnectTimeoutError extends Error {
    code = 'CONNECT_TIMEOUT';
    constructor(timeoutMs) {
        super(`could not connect within ${timeoutMs / 1000} s`);
        this.name = 'ConnectTimeoutError';
    }
}
/**
 * The most of an answer this action reads. The API's answers are a few hundred bytes; anything
 * near this is not the API speaking (a portal page, a misrouted URL, a broken server), and an
 * answer without end would otherwise grow in memory until the runner dies (1.6 GB in 8 s).
 */
const MAX_RESPONSE_BYTES = 1024 * 1024;
/** Raised when the answer is larger than MAX_RESPONSE_BYTES: reading stopped, the connection was closed. */
class ResponseTooLargeError extends Error {
    code = 'RESPONSE_TOO_LARGE';
    constructor(limit) {
        super(`the answer was larger than ${limit / 1024 / 1024} MiB, the most this action reads; the connection was closed`);
        this.name = 'ResponseTooLargeError';
    }
}
/**
 * Raised when the proxy gave no tunnel to the API: it could not be reached, dropped the
 * connection, or answered the CONNECT with an error. Nothing reached the API either way.
 * PROXY_FAILED is worth another attempt (the proxy down, timing out or overloaded: 408, 429,
 * 5xx); PROXY_REFUSED is the proxy's decision (407 authentication, 403 a host it does not allow).
 */
class ProxyTunnelError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'ProxyTunnelError';
    }
}
/**
 * What one attempt opened, to be undone when it ends, whichever way. Something opened after the
 * end (an import that resolved late) is undone at once, so a lost race cannot leave it open.
 */
class Attempt {
    undo = [];
    over = false;
    own(undo) {
        if (this.over)
            undo();
        else
            this.undo.push(undo);
    }
    end() {
        this.over = true;
        for (const undo of this.undo.splice(0))
            undo();
    }
    /** Stops a step that would open something after the end (it lost the race with the deadline). */
    stillOn() {
        if (this.over)
            throw new Error('the attempt is over');
    }
}
const sendRequest = async (request) => {
    const attempt = new Attempt();
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new RequestTimeoutError(request.timeoutMs)), request.timeoutMs);
    });
    const exchange = (async () => {
        const url = new URL(request.url);
        const proxy = proxyFor(url);
        const tunnel = proxy ? await openTunnel(request, url, proxy, attempt) : undefined;
        return exchangeOn(request, url, tunnel, attempt);
    })();
    // Whichever loses the race must not surface later as an unhandled rejection.
    exchange.catch(() => undefined);
    try {
        return await Promise.race([exchange, deadline]);
    }
    finally {
        clearTimeout(timer);
        // Destroying every request and socket is how a late or endless answer is cut off.
        attempt.end();
    }
};
/** True when @actions/http-client would send a request for `url` through a proxy. */
function usesProxy(url) {
    return proxyFor(url) !== undefined;
}
/** The proxy for `url`, by http-client's rules (its URL decodes the user name and password). */
function proxyFor(url) {
    const proxy = getProxyUrl(url);
    // The same test http-client applies before it builds a tunnelling agent.
    return proxy?.hostname ? proxy : undefined;
}
/** The request itself, on a fresh connection (or the tunnel) that closes after the answer. */
async function exchangeOn(request, url, tunnel, attempt) {
    const secure = url.protocol === 'https:';
    const { request: send } = secure ? await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 708, 23)) : await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 67, 23));
    const tls = tunnel && secure ? await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 692, 23)) : undefined;
    attempt.stillOn();
    let connection = tunnel;
    if (tunnel && tls) {
        const host = bareHost(url.hostname);
        // TLS to the API inside the tunnel; `host` is what the certificate is checked against.
        const secured = tls.connect({ socket: tunnel, host, servername: (0,external_node_net_namespaceObject.isIP)(host) ? undefined : host });
        attempt.own(() => secured.destroy());
        connection = secured;
    }
    const headers = { ...request.headers, 'user-agent': USER_AGENT };
    if (request.body !== undefined)
        headers['content-length'] = Buffer.byteLength(request.body, 'utf8');
    return new Promise((resolve, reject) => {
        // agent: false is a one-off agent without keep-alive; a tunnel is one connection of its own.
        const req = connection
            ? send(url, { method: request.method, headers, createConnection: () => connection })
            : send(url, { method: request.method, headers, agent: false });
        attempt.own(() => req.destroy());
        req.on('error', reject);
        if (!connection)
            limitConnect(req, request);
        req.on('response', (response) => readAnswer(req, response, resolve, reject));
        req.end(request.body);
    });
}
/** Reads the answer up to MAX_RESPONSE_BYTES; past that it stops and closes the connection. */
function readAnswer(req, response, resolve, reject) {
    const tooLarge = () => {
        reject(new ResponseTooLargeError(MAX_RESPONSE_BYTES));
        req.destroy();
    };
    // A declared length past the cap fails before a byte of the body is read.
    if (Number(response.headers['content-length']) > MAX_RESPONSE_BYTES)
        return tooLarge();
    const chunks = [];
    let size = 0;
    response.on('data', (chunk) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES)
            return tooLarge();
        chunks.push(chunk);
    });
    response.on('error', reject);
    response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
}
/** Fails the request with ConnectTimeoutError when its TCP connection does not open in time. */
function limitConnect(req, request) {
    req.on('socket', (socket) => {
        if (!socket.connecting)
            return;
        const connectTimeoutMs = Math.min(request.connectTimeoutMs ?? CONNECT_TIMEOUT_MS, request.timeoutMs);
        const timer = setTimeout(() => req.destroy(new ConnectTimeoutError(connectTimeoutMs)), connectTimeoutMs);
        socket.once('connect', () => clearTimeout(timer));
        req.once('close', () => clearTimeout(timer));
    });
}
/**
 * Asks the proxy for a tunnel to the API's host and port, and resolves to it once the proxy says
 * 200. Until then nothing has gone to the API, so every failure here is a ProxyTunnelError.
 */
async function openTunnel(request, url, proxy, attempt) {
    const { request: send } = proxy.protocol === 'https:' ? await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 708, 23)) : await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 67, 23));
    attempt.stillOn();
    const target = `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
    // The proxy's address without its user info: it goes into error messages.
    const where = `the proxy ${proxy.host}`;
    const headers = { host: target };
    if (proxy.username || proxy.password) {
        headers['proxy-authorization'] = `Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')}`;
    }
    const host = bareHost(proxy.hostname);
    return new Promise((resolve, reject) => {
        const connectReq = send({
            host,
            port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
            method: 'CONNECT',
            path: target,
            headers,
            // An https proxy proves it is the proxy: without this, node:https takes the name to check its
            // certificate against (and to send as SNI) from the Host header, which names the API.
            servername: (0,external_node_net_namespaceObject.isIP)(host) ? '' : host,
            agent: false,
        });
        attempt.own(() => connectReq.destroy());
        limitConnect(connectReq, request);
        connectReq.on('error', (cause) => reject(new ProxyTunnelError('PROXY_FAILED', `could not open a tunnel through ${where}: ${cause.message}`)));
        connectReq.on('connect', (response, socket, head) => {
            attempt.own(() => socket.destroy());
            // A socket error after the hand-over reaches the request on it; this one keeps it from being unhandled.
            socket.on('error', reject);
            const status = response.statusCode ?? 0;
            if (status < 200 || status > 299) {
                socket.destroy();
                const code = TRANSIENT_STATUSES.includes(status) ? 'PROXY_FAILED' : 'PROXY_REFUSED';
                const hint = status === 407 ? ' (proxy authentication required: check the user and password in the proxy variable)' : '';
                reject(new ProxyTunnelError(code, `${where} refused a tunnel to ${target} with HTTP ${status}${hint}`));
                return;
            }
            // Bytes the proxy passed on past its answer belong to the stream inside the tunnel.
            if (head.length > 0)
                socket.unshift(head);
            resolve(socket);
        });
        connectReq.end();
    });
}
/** An IPv6 literal as sockets want it: without the brackets a URL puts around it. */
function bareHost(hostname) {
    return hostname.replace(/^\[(.*)\]$/, '$1');
}

;// CONCATENATED MODULE: ./src/project/context.ts
/**
 * Wires the API client to the step's settings and the runner's log: what main and post share
 * to talk to Deepgram (and the retire action too).
 */




/** @param extraMs time the step may spend waiting beyond its budget for API calls (the post step's wait for an interrupted create). */
function apiContext(settings, extraMs = 0) {
    const budget = new Budget(Budget.forStep(settings).totalMs + extraMs);
    return {
        client: new DeepgramClient({
            apiUrl: settings.apiUrl,
            apiKey: settings.apiKey,
            timeoutMs: settings.requestTimeoutMs,
            transport: sendRequest,
            budget,
        }),
        projectId: settings.projectId,
        maxAttempts: settings.maxAttempts,
        requestTimeoutMs: settings.requestTimeoutMs,
        budget,
        info: log_info,
        warning: log_warning,
    };
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = require("node:os");
;// CONCATENATED MODULE: ./src/runner/file-commands.ts
/**
 * The runner's file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV), written in their one-line
 * form, `name=value`, whenever the value allows it.
 *
 * @actions/core writes every entry in the multi-line form, `name<<ghadelimiter_<uuid>`, and the
 * random delimiter loads node:crypto: about 5 ms on Node 24, a tenth of the main step, paid before
 * the create goes out because the step's marker and the create in flight are saved first (see
 * `npm run bench`). The runner reads `name=value` as it reads the multi-line form (the form
 * GitHub's documentation shows: `echo "name=value" >> "$GITHUB_OUTPUT"`), and everything this
 * action writes is one line: IDs, flags, hosts and paths, and a username and secret that the API
 * client accepts only on one line. A value with a line break, or a runner that gives no file, goes
 * to @actions/core as before, so nothing can ever be written in a form the runner would misread.
 */



/** A name the runner cannot misread: no `=`, `<<`, space or line break. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** No character that ends a line for the runner (or for anyone reading the file). */
const ONE_LINE = /^[^\r\n\u0085\u2028\u2029]*$/;
/** Sets a step output, like core.setOutput. */
function file_commands_setOutput(name, value) {
    if (!appendOneLine('GITHUB_OUTPUT', name, value))
        setOutput(name, value);
}
/** Saves a value for the post step, like core.saveState. */
function file_commands_saveState(name, value) {
    if (!appendOneLine('GITHUB_STATE', name, value))
        saveState(name, value);
}
/** Sets a variable for this step and the job's later steps, like core.exportVariable. */
function file_commands_exportVariable(name, value) {
    if (!appendOneLine('GITHUB_ENV', name, value))
        return exportVariable(name, value);
    process.env[name] = value;
}
/** Appends `name=value` to the file the variable names; false when that form cannot carry it. */
function appendOneLine(fileVariable, name, value) {
    const file = process.env[fileVariable];
    // A missing file is @actions/core's to report, as it always has.
    if (!file || !(0,external_node_fs_namespaceObject.existsSync)(file) || !PLAIN_NAME.test(name) || !ONE_LINE.test(value))
        return false;
    // utf8 is appendFileSync's own default for a string: naming it only says so, and no test can
    // tell the option from its absence.
    // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent (see above)
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}=${value}${external_node_os_namespaceObject.EOL}`, { encoding: 'utf8' });
    return true;
}

;// CONCATENATED MODULE: ./src/settings/input-error.ts
/** Bad input: the message names the input and says what is accepted. */
class InputError extends Error {
    input;
    constructor(input, message) {
        super(`Input "${input}": ${message}`);
        this.input = input;
        this.name = 'InputError';
    }
}

;// CONCATENATED MODULE: ./src/settings/duration.ts
/**
 * Durations as inputs write them (`90s`, `30m`, `12h`, `5d`, `0`), and ages as people read them.
 * One syntax for every duration input (`min-age` of the retire action, `prune-after`), so a
 * value that works in one works in the other.
 */
// Not from inputs.ts: inputs.ts reads durations too (prune-after), and imports must not cycle.

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** A whole number and one unit; longer than any job or rotation period a workflow can have. */
const DURATION = /^(\d{1,6})([smhd])$/;
/**
 * Milliseconds for a duration input: `<whole number><s|m|h|d>`, or `0` (and `off` when allowed),
 * which both give 0. Anything else is an InputError naming the input and the accepted forms.
 */
function parseDuration(input, raw, options = {}) {
    const value = raw.trim().toLowerCase();
    if (value === '0' || (options.allowOff && value === 'off'))
        return 0;
    const match = DURATION.exec(value);
    if (match)
        return Number(match[1]) * UNIT_MS[match[2]];
    const zero = options.allowOff ? '`0` or `off`' : '`0`';
    throw new InputError(input, `"${raw}" is not a duration; use a whole number followed by s, m, h or d (such as 12h or 5d), or ${zero}.`);
}
/** An age for a log line or summary, in its largest unit and the next: "3d 4h", "2h 0m", "45s". */
function formatAge(ms) {
    const seconds = Math.max(0, Math.floor(ms / 1000));
    const units = [
        ['d', Math.floor(seconds / 86_400)],
        ['h', Math.floor(seconds / 3_600) % 24],
        ['m', Math.floor(seconds / 60) % 60],
        ['s', seconds % 60],
    ];
    const first = units.findIndex(([, count]) => count > 0);
    if (first < 0)
        return '0s';
    return units
        .slice(first, first + 2)
        .map(([unit, count]) => `${count}${unit}`)
        .join(' ');
}

;// CONCATENATED MODULE: ./src/settings/inputs.ts
/**
 * Reads every input the runner passes and validates it into one typed Settings object, so that
 * bad input fails the step with a message naming the input, before any request is sent.
 */



/** Product scopes Deepgram documents today; others are sent with a warning (new products appear). */
const KNOWN_SCOPES = [
    'self-hosted:products',
    'self-hosted:product:api',
    'self-hosted:product:engine',
    'self-hosted:product:license-proxy',
    'self-hosted:product:dgtools',
    'self-hosted:product:billing',
    'self-hosted:product:hotpepper',
    'self-hosted:product:metrics-server',
    'onprem:products',
    'onprem:product:api',
    'onprem:product:engine',
    'onprem:product:license-proxy',
    'onprem:product:dgtools',
    'onprem:product:billing',
    'onprem:product:hotpepper',
    'onprem:product:metrics-server',
];
const MAX_ATTEMPTS_LIMIT = 10;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A scope is a colon-separated name such as self-hosted:product:api; nothing outside this set.
const SCOPE_SHAPE = /^[a-z0-9][a-z0-9._-]*(:[a-z0-9][a-z0-9._-]*)+$/i;
// A registry host with an optional port, as docker accepts it (no scheme, no path).
const REGISTRY_SHAPE = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:\d{1,5})?$/i;
/**
 * @param getInput returns an input's value as the runner gives it (core.getInput trims it).
 * @param env the process environment, for the generated comment.
 */
function readSettings(getInput, env = process.env) {
    const warnings = [];
    const notes = [];
    const api = readApiSettings(getInput);
    const scopes = parseScopes(getInput('scopes'));
    for (const scope of scopes) {
        if (!KNOWN_SCOPES.includes(scope)) {
            warnings.push(`Scope "${scope}" is not one Deepgram documents; sending it anyway (new products get new scopes).`);
        }
    }
    const provider = getInput('provider') || 'quay';
    if (provider !== 'quay')
        throw new InputError('provider', `"${provider}" is not accepted; the only provider Deepgram supports is "quay".`);
    const registry = getInput('registry') || 'quay.io';
    if (!isRegistryHost(registry)) {
        throw new InputError('registry', `"${registry}" is not a registry host; expected a host name with an optional port, such as quay.io (no scheme or path).`);
    }
    const keep = parseKeep(getInput('keep'));
    let revoke = parseBoolean('revoke', getInput('revoke'), true);
    if (keep && revoke) {
        notes.push(`keep: the credentials are kept as "${keep}" at job end, so revoke: true does not apply.`);
        revoke = false;
    }
    return {
        settings: {
            ...api,
            scopes,
            comment: parseComment(getInput('comment')) || defaultComment(env),
            provider,
            registry,
            login: parseBoolean('login', getInput('login'), true),
            logout: parseBoolean('logout', getInput('logout'), true),
            revoke,
            keep,
            pruneAfterMs: parsePruneAfter(getInput('prune-after'), warnings),
            cli: parseChoice('cli', getInput('cli'), ['auto', 'docker', 'podman']),
            dockerConfig: parseChoice('docker-config', getInput('docker-config'), ['default', 'job']),
        },
        warnings,
        notes,
    };
}
/**
 * A registry host with an optional port, as docker and podman accept it: what the `registry`
 * input must be, and what the post step checks a registry from saved state against.
 */
function isRegistryHost(registry) {
    return REGISTRY_SHAPE.test(registry) && Number(/:(\d+)$/.exec(registry)?.[1] ?? 0) <= 65535;
}
/** One of `choices`; empty means the first. */
function parseChoice(input, raw, choices) {
    if (raw === '')
        return choices[0];
    const value = choices.find((choice) => choice === raw.toLowerCase());
    if (value === undefined)
        throw new InputError(input, `"${raw}" is not accepted; use ${choices.join(', ').replace(/, ([^,]*)$/, ' or $1')}.`);
    return value;
}
/** The inputs every step that talks to the API shares, validated the same way everywhere. */
function readApiSettings(getInput) {
    const apiKey = getInput('api-key');
    if (!apiKey)
        throw new InputError('api-key', 'is required: pass a Deepgram API key, e.g. ${{ secrets.DEEPGRAM_API_KEY }}.');
    if (/\s/.test(apiKey))
        throw new InputError('api-key', 'contains whitespace; a Deepgram API key is a single token.');
    // The key itself is never quoted: a message goes to the log, and the key may not be masked yet.
    if (/\p{Cc}/u.test(apiKey)) {
        throw new InputError('api-key', 'contains a control character; a Deepgram API key is a single token of printable characters.');
    }
    const projectId = getInput('project-id');
    if (!projectId)
        throw new InputError('project-id', 'is required: pass the Deepgram project ID (a UUID).');
    if (!UUID.test(projectId)) {
        throw new InputError('project-id', `"${projectId}" is not a UUID; expected the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.`);
    }
    return {
        apiKey,
        projectId,
        apiUrl: parseApiUrl(getInput('api-url') || 'https://api.deepgram.com'),
        requestTimeoutMs: parseTimeout(getInput('request-timeout')),
        maxAttempts: parseMaxAttempts(getInput('max-attempts')),
    };
}
/** A name to keep the set under: '' (not kept by name), or 1 to 63 of a-z, 0-9 and '-'. */
function parseKeep(raw) {
    if (raw === '' || KEEP_NAME.test(raw))
        return raw;
    throw new InputError('keep', `"${raw}" is not a name to keep credentials under; use 1 to 63 of a-z, 0-9 and '-' (such as prod-pull-secret).`);
}
/** Comma- and/or newline-separated scopes; empty parts are skipped, the default is all products. */
function parseScopes(raw) {
    const scopes = [];
    for (const part of raw.split(/[,\n]/)) {
        const scope = part.trim();
        if (!scope)
            continue;
        if (!SCOPE_SHAPE.test(scope)) {
            throw new InputError('scopes', `"${scope}" is not a scope; scopes look like self-hosted:product:api and are separated by commas or newlines.`);
        }
        if (!scopes.includes(scope))
            scopes.push(scope);
    }
    return scopes.length > 0 ? scopes : ['self-hosted:products'];
}
/** The action's own tag goes at the end of every comment; a comment that forged one could pass for another kind of set. */
function parseComment(raw) {
    if (raw.includes('[dg-action:')) {
        throw new InputError('comment', 'contains "[dg-action:", which the action keeps for the tag it adds itself; leave it out.');
    }
    return raw;
}
/** Default 5d: the longest a GitHub job can run, so an older job set has lost its post step. */
function parsePruneAfter(raw, warnings) {
    const ms = parseDuration('prune-after', raw === '' ? '5d' : raw, { allowOff: true });
    if (ms > 0 && ms < SIX_HOURS_MS) {
        warnings.push(`prune-after is ${raw}: a job of this action that is still running after that long (jobs on GitHub-hosted runners may run 6 h, on self-hosted ones 5 d) loses its credentials to another job's pruning.`);
    }
    return ms;
}
const SIX_HOURS_MS = 6 * 3_600_000;
function parseBoolean(input, raw, fallback) {
    if (raw === '')
        return fallback;
    const value = raw.toLowerCase();
    if (value === 'true')
        return true;
    if (value === 'false')
        return false;
    throw new InputError(input, `"${raw}" is not a boolean; use true or false.`);
}
/** The longest request-timeout: an attempt longer than 10 minutes is a hang, not a slow link. */
const MAX_REQUEST_TIMEOUT_S = 600;
function parseTimeout(raw) {
    const seconds = raw === '' ? 30 : /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    // Under 1 s no real API call completes (0.0004 would round to 0 ms); far above, setTimeout
    // overflows its 32-bit range and fires at once, so every attempt would "time out" immediately.
    if (!(seconds >= 1 && seconds <= MAX_REQUEST_TIMEOUT_S)) {
        throw new InputError('request-timeout', `"${raw}" is not accepted; use a number of seconds from 1 to ${MAX_REQUEST_TIMEOUT_S} (such as 30; decimals allowed).`);
    }
    return Math.round(seconds * 1000);
}
function parseMaxAttempts(raw) {
    const attempts = raw === '' ? 4 : /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(attempts >= 1 && attempts <= MAX_ATTEMPTS_LIMIT)) {
        throw new InputError('max-attempts', `"${raw}" is not accepted; use a whole number from 1 to ${MAX_ATTEMPTS_LIMIT}.`);
    }
    return attempts;
}
/** The API key must never cross a network in clear text: plain http is for loopback only. */
function parseApiUrl(raw) {
    // Messages quote the URL without any user info in it: a password there must not reach the log.
    const shown = withoutUserInfo(raw);
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new InputError('api-url', `"${shown}" is not a URL; use an https:// URL such as https://api.deepgram.com.`);
    }
    if (url.username || url.password) {
        throw new InputError('api-url', `"${shown}" carries a user name or password (not shown here); they are not accepted. ` +
            'Use the base URL alone, such as https://api.deepgram.com: the API key goes in api-key.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new InputError('api-url', `"${shown}" is not an http(s) URL; use an https:// URL such as https://api.deepgram.com.`);
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        throw new InputError('api-url', `"${shown}" uses plain http to a host that is not loopback; the API key would cross the network in clear text. Use https://.`);
    }
    if (/[?#]/.test(raw)) {
        throw new InputError('api-url', `"${shown}" must be a base URL without a query or fragment, such as https://api.deepgram.com.`);
    }
    return url.href.replace(/\/+$/, '');
}
/**
 * `raw` with anything that may be user info cut out: all from the scheme to the last "@"
 * ("https://u:p@host" -> "https://***@host"). Cruder than a URL parser on purpose: it must also
 * hide a password in something that does not parse ("https://u:pa/ss@host").
 */
function withoutUserInfo(raw) {
    const at = raw.lastIndexOf('@');
    if (at < 0)
        return raw;
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? '';
    return `${scheme}***${raw.slice(at)}`;
}
function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
/** Names the run that made the credentials, so a person reading the project's list knows whose they are. */
function defaultComment(env) {
    const repository = env.GITHUB_REPOSITORY || 'unknown repository';
    const workflow = env.GITHUB_WORKFLOW || 'unknown workflow';
    const runId = env.GITHUB_RUN_ID || 'local';
    const attempt = env.GITHUB_RUN_ATTEMPT || '1';
    return `GitHub Actions: ${repository} / ${workflow} run ${runId} attempt ${attempt}`;
}

;// CONCATENATED MODULE: ./src/project/kept.ts
/**
 * Sets kept under a name (`keep`): found in the project's list by their exact tag, newest first.
 * The main step reports the ones kept before it (`kept-before`); the retire action deletes them.
 * Everything here comes from the API, so an id is used (and printed) only when it has the shape
 * of a credentials ID, and a created time only when it is an ISO 8601 time.
 */



/** The sets in `listed` kept under exactly `name`, newest first. */
function keptUnder(listed, name) {
    const tagged = listed.filter((item) => isKeptAs(item.comment, name));
    const sets = tagged.filter((item) => isCredentialsId(item.id)).map((item) => ({ id: item.id, createdMs: createdTimeMs(item.created) }));
    sets.sort((a, b) => (b.createdMs ?? -Infinity) - (a.createdMs ?? -Infinity));
    return { sets, refused: tagged.length - sets.length };
}
/**
 * For `kept-before`: started alongside the create, resolves to the IDs of the other sets kept
 * under `name`, newest first, comma-separated; undefined without a name. Sets this execution
 * made (the new one, or a stray of an interrupted create) are never among them. Never rejects:
 * a list it cannot make is a warning and an empty output.
 */
async function keptBefore(ctx, name, marker) {
    if (!name)
        return undefined;
    let listed;
    try {
        listed = await listCredentials(ctx);
    }
    catch (error) {
        ctx.warning(`Could not list the sets kept as "${name}", so kept-before is empty: ${errorMessage(error)}`);
        return '';
    }
    const { sets, refused } = keptUnder(listed.filter((item) => !madeBy(item.comment, marker)), name);
    if (refused > 0) {
        ctx.warning(`${refused} set(s) kept as "${name}" have an ID this action does not accept; they are left out of kept-before.`);
    }
    return sets.map((set) => set.id).join(',');
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = require("node:child_process");
;// CONCATENATED MODULE: ./src/registry/child.ts
/**
 * Runs the registry CLI (docker or podman) as a child process: with an environment that holds no
 * input or state of this step, with its input on stdin, and bounded in time.
 *
 * The runner hands a step its inputs as INPUT_* variables, the API key among them; docker, podman
 * and every credential helper or plugin they start would inherit them. They need none of them:
 * what they do need (PATH, HOME, DOCKER_CONFIG, REGISTRY_AUTH_FILE, proxies...) is kept.
 */

/** The process environment without INPUT_* and STATE_* variables. */
function childEnv(env = process.env) {
    const result = {};
    for (const [key, value] of Object.entries(env)) {
        if (value !== undefined && !/^(INPUT|STATE)_/i.test(key))
            result[key] = value;
    }
    return result;
}
function runChild(file, args, options = {}) {
    return new Promise((resolve) => {
        let output = '';
        let timedOut = false;
        // Its own process group, so that a timeout also ends the credential helpers it started.
        const child = (0,external_node_child_process_namespaceObject.spawn)(file, args, { env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
        const timer = options.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                killGroup(child.pid, () => child.kill('SIGKILL'));
            }, options.timeoutMs);
        const done = (exitCode) => {
            clearTimeout(timer);
            resolve({ exitCode, output, timedOut });
        };
        child.stdout.on('data', (chunk) => (output += chunk.toString()));
        child.stderr.on('data', (chunk) => (output += chunk.toString()));
        child.on('error', (error) => {
            output += error.message;
            done(-1);
        });
        // 'close' waits for the pipes; a killed process's descendants could hold them open, so after
        // a timeout its exit is enough.
        child.on('close', (code) => done(code ?? -1));
        child.on('exit', (code) => {
            if (timedOut)
                done(code ?? -1);
        });
        // A CLI that exits before reading stdin closes the pipe: that is its answer, not ours to report.
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input);
    });
}
function killGroup(pid, fallback) {
    try {
        if (pid === undefined || process.platform === 'win32')
            throw new Error('no group');
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        fallback();
    }
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: ./src/registry/which.ts
/**
 * Where a program is on PATH: the answer @actions/io's which(tool) gives, for less.
 *
 * io.which stats every directory on PATH, one asynchronous stat after another, and then takes the
 * first match: 2-3 ms at the start of every step on a runner's 15-odd PATH entries. On Linux and
 * macOS the same search (same directories, same order, same test for an executable file) is done
 * here with synchronous stats that stop at the first match, in a fraction of that. On Windows,
 * where PATHEXT and file-name case come into it, io.which itself answers.
 */


/** The path of the first executable file named `tool` on PATH, or '' when there is none. */
async function which(tool) {
    // Loaded only there: @actions/io is not needed at a Linux or macOS step's start.
    if (process.platform === 'win32')
        return (await __nccwpck_require__.e(/* import() */ 669).then(__nccwpck_require__.bind(__nccwpck_require__, 669))).which(tool, false);
    for (const directory of (process.env.PATH ?? '').split(external_node_path_namespaceObject.delimiter)) {
        if (!directory)
            continue;
        const file = (0,external_node_path_namespaceObject.join)(directory, tool);
        let stats;
        try {
            stats = (0,external_node_fs_namespaceObject.statSync)(file, { throwIfNoEntry: false });
        }
        catch {
            continue; // not a directory, not readable: io.which skips it too
        }
        if (stats?.isFile() && isUnixExecutable(stats))
            return file;
    }
    return '';
}
/** @actions/io's test: executable by others, or by our group or by us as the owner. */
function isUnixExecutable(stats) {
    return ((stats.mode & 0o001) > 0 ||
        ((stats.mode & 0o010) > 0 && process.getgid !== undefined && stats.gid === process.getgid()) ||
        ((stats.mode & 0o100) > 0 && process.getuid !== undefined && stats.uid === process.getuid()));
}

;// CONCATENATED MODULE: ./src/registry/cli.ts
/**
 * The registry CLI, docker or podman: which one to use, login with retries and a time bound on
 * each attempt, and logout. Both take the same flags; the secret goes to `--password-stdin`,
 * never onto a command line, and the registry always follows `--`, so no value can be read as an
 * option.
 */




class RegistryCliError extends Error {
    kind;
    constructor(message, transient = false) {
        super(message);
        this.name = 'RegistryCliError';
        this.kind = { transient, ambiguous: false };
    }
}
/**
 * The CLI to log in with, or a clear error: `consequence` says what cannot happen without it and
 * what to do instead ("log in; set `login: false` ..."). `auto` prefers docker, then podman.
 */
async function findRegistryCli(choice, consequence) {
    const names = choice === 'auto' ? ['docker', 'podman'] : [choice];
    for (const name of names) {
        const path = await which(name);
        if (path)
            return { name, path };
    }
    const missing = choice === 'auto' ? 'Neither the docker nor the podman CLI was' : `The ${choice} CLI was not`;
    throw new RegistryCliError(`${missing} found on PATH, so the action cannot ${consequence}.`);
}
/** Logs in, retrying what is transient (5xx, 408, 429, timeouts, unreachable) but never a refusal. */
async function cliLogin(cli, registry, username, secret, options) {
    const args = ['login', '--username', username, '--password-stdin', '--', registry];
    await withRetries(async () => {
        const result = await runChild(cli.path, args, { input: Buffer.from(secret), timeoutMs: options.attemptTimeoutMs });
        if (result.exitCode === 0 && !result.timedOut)
            return;
        throw loginError(cli, registry, result, options.attemptTimeoutMs);
    }, { maxAttempts: options.maxAttempts, action: `${cli.name} login to ${registry}`, log: options.log, sleep: options.sleep });
}
function loginError(cli, registry, result, timeoutMs) {
    if (result.timedOut) {
        return new RegistryCliError(`${cli.name} login to ${registry} did not finish within ${timeoutMs / 1000} s (request-timeout)`, true);
    }
    const reason = cleanCliOutput(result.output);
    return new RegistryCliError(`${cli.name} login to ${registry} failed: ${reason || `exit code ${result.exitCode}`}`, isTransientLoginFailure(reason));
}
/** The registry refused the credentials: trying again cannot help. */
const REFUSED = /\b(401|403)\b|unauthori[sz]ed|forbidden|denied|invalid username\/password|incorrect username or password/i;
/** A status the registry may not give next time: it timed out, is over a limit, or briefly broken. */
const TRANSIENT_STATUS = /status(?: code)?(?: from registry)?:?\s*(408|429|5\d\d)\b/i;
/** The registry could not be reached, or stopped answering. */
const UNREACHABLE = /timeout|timed out|deadline exceeded|connection refused|connection reset|no such host|temporary failure in name resolution|network is unreachable|no route to host|server misbehaving|\bEOF\b/i;
function isTransientLoginFailure(reason) {
    if (REFUSED.test(reason))
        return false;
    return TRANSIENT_STATUS.test(reason) || UNREACHABLE.test(reason);
}
/**
 * Logs out. A registry that is not a registry host is refused: it may come from saved state,
 * which the runner keeps in the environment, and goes onto a command line.
 */
async function cliLogout(cli, registry, timeoutMs) {
    if (!isRegistryHost(registry))
        throw new RegistryCliError('The saved registry is not a registry host; not logging out of it.');
    // A logout is local, but a credential helper it starts could hang: the post step must end.
    const result = await runChild(cli.path, ['logout', '--', registry], { timeoutMs });
    if (result.timedOut)
        throw new RegistryCliError(`${cli.name} logout from ${registry} did not finish within ${timeoutMs / 1000} s (request-timeout)`);
    const reason = cleanCliOutput(result.output);
    // podman says so when the entry is already gone (docker exits 0): nothing is left to remove.
    if (result.exitCode === 0 || /^not logged into\b/i.test(reason))
        return;
    throw new RegistryCliError(`${cli.name} logout from ${registry} failed: ${reason || `exit code ${result.exitCode}`}`);
}
/** The CLI's reason, without the warnings and progress it prints on every run. */
function cleanCliOutput(output) {
    return output
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' &&
        !/^WARNING!/i.test(line) &&
        // Logs of each endpoint the CLI tries (time="…" level=info msg="…"), docker's and podman's.
        !/^time="[^"]*"\s+level=/.test(line) &&
        !/credential helper/i.test(line) &&
        !/^https:\/\/docs\.docker\.com/i.test(line) &&
        !/^(Login Succeeded|Removing login credentials|Removed login credentials)/i.test(line))
        .map((line) => line.replace(/^Error( response from daemon)?:\s*/i, ''))
        .join(' ')
        .trim();
}

;// CONCATENATED MODULE: ./src/registry/config.ts
/**
 * The file the registry CLI keeps its logins in (docker's config.json, podman's auth.json), and
 * what this action does to it beyond login and logout:
 *
 * - `docker-config: job`: a config of this job's own under RUNNER_TEMP, seeded from the usual one
 *   but without credential stores or helpers, exported to the job's later steps and removed at
 *   job end, so that jobs sharing a self-hosted runner do not overwrite or log out each other.
 * - otherwise, an earlier login to the registry that the file held inline is kept aside in main
 *   and put back after the logout in post. It is a secret: it waits in a file only the runner's
 *   user can read, in this execution's folder under RUNNER_TEMP, never in state or the log.
 */






const EARLIER_LOGIN = 'earlier-login.json';
/** Where `cli` keeps its logins, as it finds the file itself. */
function authFilePath(cli, env = process.env) {
    if (cli === 'docker')
        return (0,external_node_path_namespaceObject.join)(env.DOCKER_CONFIG || (0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.docker'), 'config.json');
    if (env.REGISTRY_AUTH_FILE)
        return env.REGISTRY_AUTH_FILE;
    if (env.XDG_RUNTIME_DIR)
        return (0,external_node_path_namespaceObject.join)(env.XDG_RUNTIME_DIR, 'containers', 'auth.json');
    const uid = process.getuid?.() ?? 0;
    return uid === 0 ? '/run/containers/0/auth.json' : `/run/user/${uid}/containers/auth.json`;
}
/**
 * This execution's own folder: named after its marker, under RUNNER_TEMP (which the runner
 * empties at job end). Undefined for a marker that is not one main makes (it comes from state).
 */
function executionDir(marker, env = process.env) {
    const hex = /^dg-action:([0-9a-f]{12})$/.exec(marker)?.[1];
    return hex === undefined ? undefined : (0,external_node_path_namespaceObject.join)(env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)(), `dg-action-${hex}`);
}
/** Main, before the login: a job config of its own, or the earlier login kept aside. */
function prepareAuthFile(cli, registry, jobConfig, marker) {
    const dir = executionDir(marker);
    if (dir === undefined)
        throw new Error(`Not an execution marker: ${marker}`);
    if (jobConfig)
        useJobConfig(cli, dir);
    else
        keepEarlierLogin(cli, registry, dir);
}
function useJobConfig(cli, dir) {
    const seed = readAuthFile(authFilePath(cli.name)) ?? {};
    // No store or helper: the secret would land in a store every job on the runner shares.
    delete seed.credsStore;
    delete seed.credHelpers;
    // Entries that only say "the store has it" mean nothing without the store.
    for (const [registry, entry] of Object.entries(seed.auths ?? {})) {
        if (!isInline(entry))
            delete seed.auths[registry];
    }
    ownDir(dir);
    const file = (0,external_node_path_namespaceObject.join)(dir, cli.name === 'docker' ? 'config.json' : 'auth.json');
    (0,external_node_fs_namespaceObject.writeFileSync)(file, JSON.stringify(seed, null, '\t'), { mode: 0o600 });
    // Exported: this step's CLI and the job's later steps use it (exportVariable sets process.env too).
    if (cli.name === 'docker')
        file_commands_exportVariable('DOCKER_CONFIG', dir);
    else
        file_commands_exportVariable('REGISTRY_AUTH_FILE', file);
    log_info(`Using a ${cli.name} config of this job's own (docker-config: job), removed at job end: ${file}`);
}
function keepEarlierLogin(cli, registry, dir) {
    const file = authFilePath(cli.name);
    const config = readAuthFile(file);
    const entry = config?.auths?.[registry];
    if (entry !== undefined && isInline(entry)) {
        protectEntry(entry);
        ownDir(dir);
        const earlier = { file, registry, entry };
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(dir, EARLIER_LOGIN), JSON.stringify(earlier), { mode: 0o600 });
        return;
    }
    const helper = config?.credHelpers?.[registry] ?? (entry !== undefined ? config?.credsStore : undefined);
    if (helper) {
        log_warning(`${file} keeps logins to ${registry} in a credential helper (${cli.name}-credential-${helper}): ` +
            `an earlier login there is replaced now, and removed by the logout at job end; the action cannot put it back. ` +
            'Use `docker-config: job` to leave it alone.');
    }
}
/** Post, after the logout: the earlier login main kept aside goes back where it was. */
function restoreEarlierLogin(marker) {
    const dir = executionDir(marker);
    const kept = dir === undefined ? undefined : (0,external_node_path_namespaceObject.join)(dir, EARLIER_LOGIN);
    if (kept === undefined || !(0,external_node_fs_namespaceObject.existsSync)(kept))
        return;
    const earlier = readEarlierLogin(kept);
    protectEntry(earlier.entry);
    const config = readAuthFile(earlier.file) ?? {};
    config.auths = { ...config.auths, [earlier.registry]: earlier.entry };
    writeAtomically(earlier.file, JSON.stringify(config, null, '\t'));
    log_info(`Put back the login to ${earlier.registry} that ${earlier.file} held before this job.`);
}
/** What main wrote; a parse error's message would quote the secret, so it is not passed on. */
function readEarlierLogin(file) {
    let earlier;
    try {
        earlier = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8'));
    }
    catch {
        earlier = undefined;
    }
    if (typeof earlier?.file !== 'string' || typeof earlier.registry !== 'string' || !isInline(earlier.entry)) {
        throw new Error(`${file} is not what the main step wrote`);
    }
    return earlier;
}
/** Post: this execution's folder (job config, earlier login) goes, whatever else happened. */
function removeExecutionDir(marker) {
    const dir = executionDir(marker);
    if (dir === undefined || !(0,external_node_fs_namespaceObject.existsSync)(dir))
        return false;
    (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
    return true;
}
/** The entry holds the login itself, not a pointer to a credential store. */
function isInline(entry) {
    return typeof entry === 'object' && entry !== null && Object.values(entry).some((value) => typeof value === 'string' && value);
}
/** Every string of an earlier login, and the password inside base64 user:password, is masked. */
function protectEntry(entry) {
    for (const value of Object.values(entry)) {
        if (typeof value !== 'string' || !value)
            continue;
        protectSecret(value);
        const decoded = Buffer.from(value, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon >= 0 && Buffer.from(decoded).toString('base64') === value)
            protectSecret(decoded.slice(colon + 1));
    }
}
function readAuthFile(file) {
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        const parsed = JSON.parse(text);
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
    }
    catch {
        // Not JSON: the CLI would refuse it too; nothing here can be kept or seeded from it.
        return undefined;
    }
}
/** A folder only the runner's user can enter; an existing one must be a real folder of ours. */
function ownDir(dir) {
    try {
        (0,external_node_fs_namespaceObject.mkdirSync)(dir, { mode: 0o700 });
    }
    catch (error) {
        const stats = (0,external_node_fs_namespaceObject.lstatSync)(dir, { throwIfNoEntry: false });
        if (!stats?.isDirectory() || (process.getuid !== undefined && stats.uid !== process.getuid()))
            throw error;
        (0,external_node_fs_namespaceObject.chmodSync)(dir, 0o700);
    }
}
/** Replaces `file` whole (a reader never sees half of it), keeping its permissions. */
function writeAtomically(target, text) {
    // Through a symlink to where the config really is, as docker itself writes it.
    const file = (0,external_node_fs_namespaceObject.existsSync)(target) ? (0,external_node_fs_namespaceObject.realpathSync)(target) : target;
    const mode = (0,external_node_fs_namespaceObject.statSync)(file, { throwIfNoEntry: false })?.mode ?? 0o600;
    (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.dirname)(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.dg-action-${process.pid}`;
    (0,external_node_fs_namespaceObject.writeFileSync)(temporary, text, { mode: mode & 0o777 });
    (0,external_node_fs_namespaceObject.renameSync)(temporary, file);
}

;// CONCATENATED MODULE: ./src/registry/login.ts
/**
 * The registry side of both steps, each called in one line: main logs in (with the job's own
 * config or the earlier login kept aside, then the CLI with retries); post logs out, puts the
 * earlier login back and removes what this execution kept under RUNNER_TEMP.
 */






/** Main: the CLI to log in with, found before anything is created. */
const findLoginCli = (settings) => findRegistryCli(settings.cli, 'log in; set `login: false` to only create the credentials and use the outputs');
async function logIn(cli, settings, marker, username, secret) {
    prepareAuthFile(cli, settings.registry, settings.dockerConfig === 'job', marker);
    await cliLogin(cli, settings.registry, username, secret, {
        maxAttempts: settings.maxAttempts,
        // One login is a few requests to the registry; request-timeout bounds each attempt of it.
        attemptTimeoutMs: settings.requestTimeoutMs,
        log: log_info,
    });
}
/** Post: never throws; what fails is a warning that says so. */
async function logOutAtJobEnd(saved, settings) {
    if (saved.loggedInTo && settings.logout && settings.dockerConfig === 'default') {
        // From state: named in the log only when it is what main would have accepted.
        const registry = isRegistryHost(saved.loggedInTo) ? saved.loggedInTo : 'the registry';
        await group(`Log out of ${registry}`, async () => {
            try {
                const cli = await findRegistryCli(settings.cli, 'log out of the registry');
                await cliLogout(cli, saved.loggedInTo, settings.requestTimeoutMs);
                log_info(`Logged out of ${saved.loggedInTo}.`);
            }
            catch (error) {
                // These messages already say what failed and where.
                log_warning(errorMessage(error));
            }
            // Even when the logout failed: putting the earlier entry back replaces this job's login too.
            try {
                restoreEarlierLogin(saved.marker);
            }
            catch (error) {
                log_warning(`Could not put back the login to ${registry} that was there before this job: ${errorMessage(error)}`);
            }
        });
    }
    try {
        if (removeExecutionDir(saved.marker) && settings.dockerConfig === 'job' && saved.loggedInTo) {
            log_info("Removed this job's own registry config, and the login in it.");
        }
    }
    catch (error) {
        log_warning(`Could not remove this job's files under RUNNER_TEMP: ${errorMessage(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/runner/state.ts
/**
 * What the main step hands to the post step through the runner's saved state: identifiers and
 * flags only, never a secret. Each fact is saved as soon as it is true, so a main step that fails
 * half-way still leaves the post step enough to clean up.
 */


const KEYS = {
    marker: 'marker',
    credentialsId: 'credentialsId',
    loggedInTo: 'loggedInTo',
    sweep: 'sweep',
    createInFlightUntil: 'createInFlightUntil',
};
function readState() {
    return {
        marker: getState(KEYS.marker),
        credentialsId: getState(KEYS.credentialsId),
        loggedInTo: getState(KEYS.loggedInTo),
        sweep: getState(KEYS.sweep) === 'true',
        // A number main wrote, or 0: state is text anyone with the runner's files could have touched.
        createInFlightUntil: Number(/^\d{1,15}$/.exec(getState(KEYS.createInFlightUntil))?.[0] ?? 0),
    };
}
const saveMarker = (marker) => file_commands_saveState(KEYS.marker, marker);
const saveCredentialsId = (id) => file_commands_saveState(KEYS.credentialsId, id);
const saveLoggedInTo = (registry) => file_commands_saveState(KEYS.loggedInTo, registry);
const saveSweepNeeded = () => file_commands_saveState(KEYS.sweep, 'true');
/** Saved before each create goes out and cleared when it settles: a step killed in between leaves it set. */
const saveCreateInFlight = (until) => file_commands_saveState(KEYS.createInFlightUntil, until ? String(until) : '');

;// CONCATENATED MODULE: ./src/project/summary.ts
/** The job summary: what was created and what the post step will do. Never the secret. */




/** The job summary's HTML: what was created and what the post step will do. */
function jobSummary(settings, credentials, comment) {
    const scopes = credentials.scopes.length > 0 ? credentials.scopes : settings.scopes;
    return takeBuilt(summary
        .addHeading('Deepgram self-hosted registry credentials', 3)
        .addTable([
        [
            { data: 'Field', header: true },
            { data: 'Value', header: true },
        ],
        ['Credentials ID', code(credentials.id)],
        ['Username', code(credentials.username)],
        ['Registry', code(settings.registry)],
        ['Project', code(settings.projectId)],
        // One per line: a list of long scope names side by side makes the table too wide to read.
        ['Scopes', scopes.map(code).join('<br>')],
        ['Comment', formatComment(comment)],
        ['Registry login', settings.login ? `logged in to ${code(settings.registry)}` : 'skipped (login: false)'],
    ])
        .addRaw(`<p><strong>At job end:</strong> ${postPlan(settings)}.</p>`, true));
}
/** The post step's note on what it pruned; '' when it pruned nothing. */
function pruneSummary(pruned, pruneAfterMs) {
    if (pruned.length === 0)
        return '';
    return takeBuilt(summary
        .addHeading('Deepgram credentials pruned', 3)
        .addRaw(`<p>Job sets older than ${formatAge(pruneAfterMs)} (prune-after), left by jobs that ended without their post step:</p>`, true)
        .addTable([
        [
            { data: 'Credentials ID', header: true },
            { data: 'Age', header: true },
        ],
        ...pruned.map(({ id, ageMs }) => [code(id), formatAge(ageMs)]),
    ]));
}
/** The HTML core.summary has built, taken out of it: its buffer is empty again. */
function takeBuilt(summary) {
    const html = summary.stringify();
    summary.emptyBuffer();
    return html;
}
/**
 * Appends HTML to the job summary, as core.summary.write() does, but in one synchronous call:
 * write() goes through fs/promises, and loading that (with the readline and file-watcher modules
 * it brings) costs a step about 1.5 ms for a single append (see `npm run bench`). Outside a runner
 * (no summary file) there is nowhere to write; that is not an error.
 */
function appendToSummary(html) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file && html)
        (0,external_node_fs_namespaceObject.appendFileSync)(file, html, { encoding: 'utf8' });
}
function postPlan(settings) {
    const revoke = settings.keep
        ? `the credentials are <strong>kept</strong> as ${code(settings.keep)} (keep): they never expire; ` +
            'the retire action deletes the older sets kept under that name once this one is in service'
        : settings.revoke
            ? 'the credentials are revoked'
            : 'the credentials are <strong>kept</strong> (revoke: false): they never expire, delete them when done ' +
                '(in the Deepgram console, or through the API with the credentials ID above)';
    // docker or podman, whichever logged in (cli): the summary names what the user sees either way.
    const logout = settings.login && settings.logout ? `the registry CLI logs out of ${code(settings.registry)}` : 'no registry logout';
    return `${revoke}; ${logout}`;
}
/** The comment as text, with the action's trailing tag set in code so it is easy to spot and search for. */
function formatComment(comment) {
    const tag = parseTag(comment);
    if (!tag)
        return escapeHtml(comment);
    const text = formatTag(tag);
    const before = comment.slice(0, comment.length - text.length).trimEnd();
    return before ? `${escapeHtml(before)} ${code(text)}` : code(text);
}
const code = (text) => `<code>${escapeHtml(text)}</code>`;
/** Escaped for HTML, on one line: a blank line inside the table would end GitHub's HTML block. */
function escapeHtml(text) {
    return text
        .replace(/\s*[\r\n]+\s*/g, ' ')
        .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

;// CONCATENATED MODULE: ./src/steps/main.ts
/**
 * The main step: validate inputs, create credentials, mask them, log the registry CLI in, set
 * outputs and the job summary, and leave the post step what it needs to revoke them.
 */












async function runMain() {
    // First thing: a key passed through `vars` or `env` is not masked by the runner on its own.
    protectSecret(getInput('api-key'));
    const { settings, warnings, notes } = readSettings((name) => getInput(name));
    warnings.forEach(log_warning);
    notes.forEach(log_info);
    // Without docker or podman there is nothing to log in with: fail before anything is created.
    const cli = settings.login ? await findLoginCli(settings) : undefined;
    const marker = newMarker();
    saveMarker(marker);
    const ctx = apiContext(settings);
    const comment = tagComment(settings.comment, { marker, kind: tagKindFor(settings) });
    // One list, alongside the create rather than after it: kept-before costs no extra round trip.
    const before = keptBefore(ctx, settings.keep, marker);
    const credentials = await createCredentials(ctx, { comment, scopes: settings.scopes, provider: settings.provider }, marker, {
        inFlight: saveCreateInFlight,
        created: saveCredentialsId,
        mayHaveStrays: saveSweepNeeded,
    });
    const dockerConfigJson = protectCredentials(credentials, settings.registry);
    log_info(`Created distribution credentials ${credentials.id} (${credentials.username}).`);
    // The CLI starts logging in at once; the job summary is built meanwhile, and written once it has.
    const loggingIn = cli && logInOrTakeBack(ctx, cli, settings, marker, credentials);
    const summary = jobSummary(settings, credentials, comment);
    await loggingIn;
    file_commands_setOutput('username', credentials.username);
    file_commands_setOutput('secret', credentials.secret);
    file_commands_setOutput('credentials-id', credentials.id);
    file_commands_setOutput('registry', settings.registry);
    file_commands_setOutput('docker-config-json', dockerConfigJson);
    const keptIds = await before;
    if (keptIds !== undefined)
        file_commands_setOutput('kept-before', keptIds);
    appendToSummary(summary);
}
/** Logs the CLI in; credentials it cannot log in with are of no use to anyone: they are taken back before failing. */
async function logInOrTakeBack(ctx, cli, settings, marker, credentials) {
    // Saved first: a step stopped mid-login may have written the login, and post must undo it.
    saveLoggedInTo(settings.registry);
    try {
        await logIn(cli, settings, marker, credentials.username, credentials.secret);
    }
    catch (error) {
        await revokeCredentials(ctx, credentials.id).then(() => saveCredentialsId(''), (revokeError) => log_warning(`Could not revoke ${credentials.id} after the failed login (the post step tries again): ${errorMessage(revokeError)}`));
        throw error;
    }
    log_info(`Logged in to ${settings.registry} as ${credentials.username}.`);
}
/** Masks the secret and every form derived from it, and returns the docker config JSON. */
function protectCredentials(credentials, registry) {
    protectSecret(credentials.secret);
    const auth = Buffer.from(`${credentials.username}:${credentials.secret}`).toString('base64');
    protectSecret(auth);
    const dockerConfigJson = JSON.stringify({ auths: { [registry]: { auth } } });
    protectSecret(dockerConfigJson);
    return dockerConfigJson;
}

;// CONCATENATED MODULE: ./src/entries/main.ts
/**
 * The main step's entry: `run()` runs it and turns an error into the step's failure. Importing
 * this module does nothing, so a tool that imports it and calls run() itself (GitHub's
 * local-action) runs the step once; the runner's dist/index.js is a one-line caller of it.
 */



async function run() {
    try {
        await runMain();
    }
    catch (error) {
        setFailed(redact(error instanceof Error ? error.message : String(error)));
    }
}

;// CONCATENATED MODULE: ./src/project/cleanup.ts
/**
 * The post step's work in the Deepgram project: revoke the set main handed out and, alongside it,
 * tidy the project with one list: delete what this execution's interrupted or failed creates left
 * (its sweep), and prune job sets so old that their job cannot still be running (a runner that died
 * before its post step). Cleanup never fails the job: what cannot be done is a warning that says
 * what is left.
 */





/** How long the post step waits for a create that main was stopped in to land, before it sweeps. */
function inFlightWaitMs(saved, now = Date.now()) {
    return Math.max(0, saved.createInFlightUntil - now);
}
async function cleanUpProject(ctx, saved, settings) {
    await Promise.all([revokeHandedOut(ctx, saved, settings), tidyProject(ctx, saved, settings)]);
}
async function revokeHandedOut(ctx, saved, settings) {
    if (!saved.credentialsId)
        return;
    if (!settings.revoke) {
        const why = settings.keep ? `kept as "${settings.keep}"` : 'revoke: false';
        ctx.info(`Keeping distribution credentials ${saved.credentialsId} (${why}); they do not expire.`);
        return;
    }
    try {
        await revokeCredentials(ctx, saved.credentialsId);
    }
    catch (error) {
        ctx.warning(`Could not revoke distribution credentials ${saved.credentialsId}: ${errorMessage(error)}. ` +
            `Delete them by hand: DELETE /v1/projects/${settings.projectId}/self-hosted/distribution/credentials/${saved.credentialsId} ` +
            `(or in the Deepgram console).`);
    }
}
async function tidyProject(ctx, saved, settings) {
    const sweep = saved.sweep || saved.createInFlightUntil > 0;
    if (!sweep && settings.pruneAfterMs === 0)
        return;
    const waitMs = inFlightWaitMs(saved);
    if (waitMs > 0) {
        ctx.info(`The main step stopped while a create was in flight; waiting ${formatAge(waitMs)} (its request-timeout) for it to land before sweeping.`);
        await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    let listed;
    try {
        listed = await listCredentials(ctx);
    }
    catch (error) {
        ctx.warning((sweep
            ? `Could not look for credentials that an interrupted create may have left (comment tag [${saved.marker}]): `
            : `Could not list the project's credentials to prune job sets older than ${formatAge(settings.pruneAfterMs)}: `) +
            `${errorMessage(error)}${sweep ? ". Check the project's distribution credentials for that tag." : ''}`);
        return;
    }
    if (sweep) {
        const strays = straysOf(listed, saved.marker, saved.credentialsId);
        const deleted = await deleteEach(ctx, strays, 'stray distribution credentials');
        ctx.info(`Deleted ${deleted.length} stray set(s) of credentials carrying [${saved.marker}].`);
    }
    if (settings.pruneAfterMs > 0)
        await prune(ctx, listed, saved.marker, settings.pruneAfterMs);
}
/** Deletes other executions' job sets older than `pruneAfterMs`, and says which, with their ages. */
async function prune(ctx, listed, marker, pruneAfterMs) {
    const now = Date.now();
    const old = listed
        .filter((set) => isJobSet(set.comment) && !madeBy(set.comment, marker))
        .map((set) => ({ set, createdMs: createdTimeMs(set.created) }))
        // A set without a creation time in ISO 8601 has no age this action trusts: it is left alone.
        .flatMap(({ set, createdMs }) => (createdMs === undefined ? [] : [{ set, ageMs: now - createdMs }]))
        .filter(({ ageMs }) => ageMs > pruneAfterMs);
    if (old.length === 0)
        return;
    const deleted = new Set(await deleteEach(ctx, old.map(({ set }) => set), 'old job credentials'));
    const pruned = old.filter(({ set }) => deleted.has(set)).map(({ set, ageMs }) => ({ id: set.id, ageMs }));
    for (const { id, ageMs } of pruned) {
        ctx.info(`Pruned distribution credentials ${id}, created ${formatAge(ageMs)} ago by a job that never revoked them.`);
    }
    appendToSummary(pruneSummary(pruned, pruneAfterMs));
}

;// CONCATENATED MODULE: ./src/steps/post.ts
/**
 * The post step (job end): revoke what main created, sweep up what an interrupted create may
 * have left, prune job sets whose post step never ran, and log docker out. Cleanup never fails
 * the job: a failure is a warning that says what is left and how to remove it.
 */








async function runPost() {
    const saved = readState();
    if (!saved.marker) {
        // No marker: main stopped before it could create anything, or the runner handed post no state.
        log_info('Nothing to clean up: no credentials were created by this step (no saved state from the main step).');
        return;
    }
    protectSecret(getInput('api-key'));
    // The runner passes the post step the same inputs as main, which already accepted them.
    const { settings } = readSettings((name) => getInput(name));
    // The wait for a create main was stopped in comes on top of the step's time for API calls.
    const ctx = apiContext(settings, inFlightWaitMs(saved));
    await group('Revoke and clean up distribution credentials', () => cleanUpProject(ctx, saved, settings));
    await logOutAtJobEnd(saved, settings);
}

;// CONCATENATED MODULE: ./src/entries/post.ts
/**
 * The post step's entry, separate from main's: whatever state the runner hands it (none at all
 * from a tool that drops STATE_*), a post step only cleans up, never creates. An error only warns:
 * cleanup never fails the job. Importing this module does nothing; dist/post.js calls run().
 */



async function post_run() {
    try {
        await runPost();
    }
    catch (error) {
        log_warning(`Cleanup failed: ${redact(error instanceof Error ? error.message : String(error))}`);
    }
}

;// CONCATENATED MODULE: ./src/settings/retire-inputs.ts
/**
 * The retire action's inputs: the API inputs exactly as the main action reads them, the name the
 * sets were kept under, the IDs to leave alone, and the youngest age a set may be retired at.
 */




function readRetireSettings(getInput) {
    const api = readApiSettings(getInput);
    const keep = getInput('keep');
    if (!keep) {
        throw new InputError('keep', "is required: the name the sets were kept under (the main action's keep input), such as prod-pull-secret.");
    }
    return {
        ...api,
        keep: parseKeep(keep),
        except: parseExcept(getInput('except')),
        minAgeMs: parseDuration('min-age', getInput('min-age') || '0'),
    };
}
/** Credentials IDs separated by commas and/or newlines; empty parts are skipped. */
function parseExcept(raw) {
    const ids = [];
    for (const part of raw.split(/[,\n]/)) {
        const id = part.trim();
        if (!id)
            continue;
        if (!isCredentialsId(id)) {
            throw new InputError('except', `"${id}" is not a credentials ID; pass IDs such as the credentials-id output, separated by commas or newlines.`);
        }
        if (!ids.includes(id))
            ids.push(id);
    }
    return ids;
}

;// CONCATENATED MODULE: ./src/steps/retire.ts
/**
 * The retire action (`retire/action.yml`), the step after a deploy: delete the sets kept under a
 * name, except the one now in service. Unlike cleanup at job end this is the step's purpose, so
 * a list it cannot make or a set it cannot delete fails it, naming what is left.
 */










/** Runs the step; never rejects (the entry file only calls it). */
async function runRetire() {
    try {
        await retire();
    }
    catch (error) {
        setFailed(redact(errorMessage(error)));
    }
}
async function retire() {
    protectSecret(getInput('api-key'));
    const settings = readRetireSettings((name) => getInput(name));
    const ctx = apiContext(settings);
    const listed = await listCredentials(ctx).catch((error) => {
        throw new Error(`Could not list the project's credentials, so nothing was retired: ${errorMessage(error)}`);
    });
    const { sets, refused } = keptUnder(listed, settings.keep);
    const plan = planRetirement(sets, settings, Date.now());
    log_info(`${sets.length} set(s) kept as "${settings.keep}"; retiring ${plan.retire.length}.`);
    plan.leave.forEach(({ set, reason }) => log_info(`Leaving ${set.id} alone: ${reason}.`));
    plan.strangers.forEach((id) => log_warning(`except names ${id}, which is not a set kept as "${settings.keep}".`));
    const outcomes = new Map(plan.leave.map(({ set, reason }) => [set, `left alone: ${reason}`]));
    for (const set of plan.retire) {
        try {
            outcomes.set(set, (await revokeCredentials(ctx, set.id)) === 'deleted' ? 'retired' : 'already gone');
        }
        catch (error) {
            outcomes.set(set, 'could not delete');
            log_warning(`Could not retire distribution credentials ${set.id}: ${errorMessage(error)}`);
        }
    }
    const retired = plan.retire.filter((set) => outcomes.get(set) === 'retired');
    file_commands_setOutput('retired', retired.map((set) => set.id).join(','));
    appendToSummary(retireSummary(settings, sets, outcomes, Date.now()));
    const left = plan.retire.filter((set) => outcomes.get(set) === 'could not delete').map((set) => set.id);
    const problems = [
        left.length > 0 &&
            `could not delete ${left.join(', ')}: still live, and they never expire. Run the step again, or delete them by hand: ` +
                `DELETE /v1/projects/${settings.projectId}/self-hosted/distribution/credentials/<id>`,
        refused > 0 &&
            `${refused} set(s) kept as "${settings.keep}" have an ID this action does not accept (not printed): delete them in the Deepgram console`,
    ].filter(Boolean);
    if (problems.length > 0)
        throw new Error(`Retired ${retired.length} set(s) kept as "${settings.keep}", but ${problems.join('; ')}.`);
    log_info(`Retired ${retired.length} set(s) kept as "${settings.keep}".`);
}
/**
 * Which of the sets kept under the name go: all but those `except` names (by default the newest),
 * those younger than min-age, and, where the age matters, those whose age the API did not give.
 */
function planRetirement(sets, settings, now) {
    const newest = Math.max(...sets.map((set) => set.createdMs ?? -Infinity));
    const plan = { retire: [], leave: [], strangers: settings.except.filter((id) => !sets.some((set) => set.id === id)) };
    for (const set of sets) {
        const reason = keepReason(set, settings, newest, now);
        if (reason)
            plan.leave.push({ set, reason });
        else
            plan.retire.push(set);
    }
    return plan;
}
function keepReason(set, { except, minAgeMs }, newest, now) {
    if (except.length > 0 && except.includes(set.id))
        return 'named in except';
    // Without a time the newest cannot be told apart, nor an age checked: leave it rather than guess.
    if (set.createdMs === undefined && (except.length === 0 || minAgeMs > 0))
        return 'the API gave no usable created time';
    if (except.length === 0 && set.createdMs === newest)
        return 'the newest set under the name';
    if (set.createdMs !== undefined && now - set.createdMs < minAgeMs)
        return `younger than min-age (${age(set, now)} old)`;
    return undefined;
}
function age(set, now) {
    return set.createdMs === undefined ? 'unknown' : formatAge(now - set.createdMs);
}
function retireSummary(settings, sets, outcomes, now) {
    return takeBuilt(summary
        .addHeading(`Deepgram credentials kept as <code>${settings.keep}</code>`, 3)
        .addTable([
        [
            { data: 'Credentials ID', header: true },
            { data: 'Age', header: true },
            { data: 'Outcome', header: true },
        ],
        ...sets.map((set) => [`<code>${set.id}</code>`, age(set, now), outcomes.get(set) ?? '']),
    ])
        .addRaw(sets.length === 0 ? '<p>No sets are kept under this name.</p>' : '', true));
}

;// CONCATENATED MODULE: ./src/action.ts
/**
 * The bundle: every step of the action by name, bundled once into dist/action.js. The runner runs
 * one small file per step (action.yml's runs.main and runs.post, retire/action.yml's runs.main),
 * each of which requires its step from here and calls it; scripts/build.js writes them. A new step
 * is one line here and one in scripts/build.js.
 *
 * src/ is in folders by concern, each of which imports only from the folders below it (a test,
 * __tests__/layers.test.ts, holds this):
 *
 *   entries/   each step's run(): an error becomes the step's failure (main) or a warning (post)
 *   steps/     main, post, retire: each reads as the flow of its step
 *   project/   what a step does to the user's Deepgram project: cleanup and pruning, kept sets,
 *              the job summary, the API client wired to a step's settings
 *   registry/  the registry CLI (docker or podman), its config, login and logout
 *   settings/  the inputs, read and checked into typed settings
 *   deepgram/  the API client, creating and revoking sets, the tag every comment ends with
 *   net/, runner/  HTTP, retries and the time budget; the runner's file commands, log, state and
 *              secrets (neither imports the other)
 *   shims/     lazy stand-ins for packages the bundle loads only on first use
 */




module.exports = __webpack_exports__;
/******/ })()
;
//# sourceMappingURL=action.js.map