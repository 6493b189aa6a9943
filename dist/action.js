const __lazyBuiltin = (id) => { let m; const load = () => (m ??= require(id)); return new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load(), ownKeys: () => Reflect.ownKeys(load()), getOwnPropertyDescriptor: (_, key) => { const d = Reflect.getOwnPropertyDescriptor(load(), key); return d && { ...d, configurable: true }; } }); };/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 613:
/***/ ((module) => {

module.exports = require("assert");

/***/ }),

/***/ 140:
/***/ ((module) => {

module.exports = require("constants");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = require("events");

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

/***/ }),

/***/ 203:
/***/ ((module) => {

module.exports = require("stream");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = require("util");

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
  audit: () => (/* reexport */ audit_step_run),
  main: () => (/* reexport */ run),
  post: () => (/* reexport */ post_run),
  retire: () => (/* reexport */ step_run)
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


const { access, appendFile, writeFile } = external_fs_.promises;
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
// RESPONSE_TOO_LARGE (an answer past 1 MiB, a list past 64 MiB) is neither transient nor in the
// lists above. Not transient: the API's answers are a few hundred bytes (a list, some 300 bytes a
// set), so one that size is not the API under load but something else answering (a portal, a
// misrouted URL) or a broken server, and the next attempt would get the same. Ambiguous: the request went out and the server may have acted on it,
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
/**
 * A network-level failure: transient when its code says so; ambiguous unless it never left. The
 * code is whatever the error carried (Node's are strings such as ECONNRESET): a value that is no
 * code in these lists, or none at all, is neither transient nor known to be unsent.
 */
function classifyNetworkError(code) {
    const isIn = (codes) => codes.includes(code);
    return { transient: isIn(TRANSIENT_CODES), ambiguous: !(isIn(NOT_SENT_CODES) || isIn(REFUSED_CODES)) };
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

;// CONCATENATED MODULE: ./src/deepgram/errors.ts
/**
 * The Deepgram API's failures as one error class that carries Deepgram's own words (its error
 * body, request ID and a hint) and what the retry loop needs to know (net/retry.ts's FailureKind).
 * Every string from an answer goes through excerpt(): redacted, folded to one line, escaped.
 */



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
    // Stryker disable next-line LogicalOperator,StringLiteral: equivalent, no hint's words are in what stands for a missing code
    const codeText = code ?? '';
    const text = `${codeText} ${message}`.toLowerCase();
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
    // Node's errors carry a string code (ECONNRESET); classifyNetworkError knows only those.
    const code = isRecord(error) ? error.code : undefined;
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
/** Any thrown value as one line of text for a log or an error message. */
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/net/budget.ts
/**
 * One step's time for talking to the API. Every request and every wait of a step (creates, sweeps,
 * revokes, pruning, and their retries) draws on the same budget, so retries inside retries cannot
 * multiply a step's length: a request is cut to what is left, and a wait that would outlast it is
 * not begun.
 *
 * The budget is what max-attempts requests of request-timeout each, with the longest backoff
 * between them, would take: 4 × 30 s + 3 × 10 s = 2 min 30 s at the defaults (docs/how-it-works.md,
 * "How long each step can take").
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

;// CONCATENATED MODULE: ./node_modules/@streamparser/json/dist/mjs/utils/bufferedString.js
/**
 * The accumulators that the tokenizer gathers strings and numbers into while
 * their bytes arrive.
 *
 * @module
 */
/**
 * A {@linkcode StringBuilder} that accumulates the token as a JavaScript
 * string. This is the default: it's the fastest option for the small strings
 * and numbers that dominate real JSON.
 */
class NonBufferedString {
    constructor() {
        // fatal: true makes invalid byte sequences (e.g. a lead byte followed by a
        // non-continuation byte) throw instead of silently decoding to U+FFFD.
        this.decoder = new TextDecoder("utf-8", { fatal: true });
        // Pieces appended since the last toString(), not yet folded into `string`.
        this.pending = [];
        this.string = "";
        this.byteLength = 0;
    }
    appendChar(char) {
        this.pending.push(String.fromCharCode(char));
        this.byteLength += 1;
    }
    appendBuf(buf, start = 0, end = buf.length) {
        this.pending.push(this.decoder.decode(buf.subarray(start, end)));
        this.byteLength += end - start;
    }
    appendCharCode(code) {
        this.pending.push(String.fromCharCode(code));
    }
    reset() {
        this.pending = [];
        this.string = "";
        this.byteLength = 0;
    }
    // Folds only the pieces appended since the last call into `string`, so
    // repeated calls (one per chunk when emitting partial tokens) stay linear
    // overall instead of re-joining the whole accumulated string every time.
    toString() {
        if (this.pending.length > 0) {
            this.string += this.pending.join("");
            this.pending = [];
        }
        return this.string;
    }
}
/**
 * A {@linkcode StringBuilder} that accumulates the token's bytes into a
 * fixed-size `Uint8Array` and only decodes them once the buffer is full.
 *
 * Enabled through the tokenizer's `stringBufferSize`/`numberBufferSize`
 * options. It avoids V8's over-allocation on repeated string concatenation,
 * which is what makes very large strings and numbers exhaust memory, at the
 * cost of an encoding/decoding round trip that isn't worth it for small values.
 */
class BufferedString {
    /**
     * @param bufferSize The size, in bytes, of the buffer to accumulate into.
     */
    constructor(bufferSize) {
        // fatal: true makes invalid byte sequences (e.g. a lead byte followed by a
        // non-continuation byte) throw instead of silently decoding to U+FFFD.
        this.decoder = new TextDecoder("utf-8", { fatal: true });
        this.bufferOffset = 0;
        this.string = "";
        this.byteLength = 0;
        this.buffer = new Uint8Array(bufferSize);
    }
    appendChar(char) {
        if (this.bufferOffset >= this.buffer.length)
            this.flushStringBuffer();
        this.buffer[this.bufferOffset++] = char;
        this.byteLength += 1;
    }
    appendBuf(buf, start = 0, end = buf.length) {
        const size = end - start;
        if (this.bufferOffset + size > this.buffer.length)
            this.flushStringBuffer();
        if (size > this.buffer.length) {
            // Span larger than the working buffer: decode it straight into the
            // string instead of copying it in (buffer.set would overflow). Safe
            // because callers only append complete-character spans -- the tokenizer
            // never splits a multi-byte char across appendBuf calls -- so decoding
            // this span on its own can't cut through the middle of a character.
            this.string += this.decoder.decode(buf.subarray(start, end));
            this.byteLength += size;
            return;
        }
        this.buffer.set(buf.subarray(start, end), this.bufferOffset);
        this.bufferOffset += size;
        this.byteLength += size;
    }
    appendCharCode(code) {
        this.flushStringBuffer();
        this.string += String.fromCharCode(code);
    }
    flushStringBuffer() {
        this.string += this.decoder.decode(this.buffer.subarray(0, this.bufferOffset));
        this.bufferOffset = 0;
    }
    reset() {
        this.string = "";
        this.bufferOffset = 0;
        this.byteLength = 0;
    }
    toString() {
        this.flushStringBuffer();
        return this.string;
    }
}
//# sourceMappingURL=bufferedString.js.map
;// CONCATENATED MODULE: ./node_modules/@streamparser/json/dist/mjs/utils/types/tokenType.js
/**
 * The JSON token types emitted by the tokenizer.
 *
 * @module
 */
/** The type of a JSON token, as reported by the tokenizer's `onToken` callback. */
var TokenType;
(function (TokenType) {
    /** `{` */
    TokenType[TokenType["LEFT_BRACE"] = 0] = "LEFT_BRACE";
    /** `}` */
    TokenType[TokenType["RIGHT_BRACE"] = 1] = "RIGHT_BRACE";
    /** `[` */
    TokenType[TokenType["LEFT_BRACKET"] = 2] = "LEFT_BRACKET";
    /** `]` */
    TokenType[TokenType["RIGHT_BRACKET"] = 3] = "RIGHT_BRACKET";
    /** `:` */
    TokenType[TokenType["COLON"] = 4] = "COLON";
    /** `,` */
    TokenType[TokenType["COMMA"] = 5] = "COMMA";
    /** `true` */
    TokenType[TokenType["TRUE"] = 6] = "TRUE";
    /** `false` */
    TokenType[TokenType["FALSE"] = 7] = "FALSE";
    /** `null` */
    TokenType[TokenType["NULL"] = 8] = "NULL";
    /** A string, with all its escape sequences already resolved. */
    TokenType[TokenType["STRING"] = 9] = "STRING";
    /** A number, already parsed into a JavaScript number. */
    TokenType[TokenType["NUMBER"] = 10] = "NUMBER";
    /** The configured separator between consecutive JSON documents. */
    TokenType[TokenType["SEPARATOR"] = 11] = "SEPARATOR";
})(TokenType || (TokenType = {}));
/* harmony default export */ const tokenType = (TokenType);
//# sourceMappingURL=tokenType.js.map
;// CONCATENATED MODULE: ./node_modules/@streamparser/json/dist/mjs/utils/utf-8.js
/**
 * The utf-8 byte values that the tokenizer matches the incoming stream against.
 *
 * @module
 */
/** The utf-8 byte value of each character that is meaningful to the tokenizer. */
var charset;
(function (charset) {
    charset[charset["BACKSPACE"] = 8] = "BACKSPACE";
    charset[charset["FORM_FEED"] = 12] = "FORM_FEED";
    charset[charset["NEWLINE"] = 10] = "NEWLINE";
    charset[charset["CARRIAGE_RETURN"] = 13] = "CARRIAGE_RETURN";
    charset[charset["TAB"] = 9] = "TAB";
    charset[charset["SPACE"] = 32] = "SPACE";
    charset[charset["EXCLAMATION_MARK"] = 33] = "EXCLAMATION_MARK";
    charset[charset["QUOTATION_MARK"] = 34] = "QUOTATION_MARK";
    charset[charset["NUMBER_SIGN"] = 35] = "NUMBER_SIGN";
    charset[charset["DOLLAR_SIGN"] = 36] = "DOLLAR_SIGN";
    charset[charset["PERCENT_SIGN"] = 37] = "PERCENT_SIGN";
    charset[charset["AMPERSAND"] = 38] = "AMPERSAND";
    charset[charset["APOSTROPHE"] = 39] = "APOSTROPHE";
    charset[charset["LEFT_PARENTHESIS"] = 40] = "LEFT_PARENTHESIS";
    charset[charset["RIGHT_PARENTHESIS"] = 41] = "RIGHT_PARENTHESIS";
    charset[charset["ASTERISK"] = 42] = "ASTERISK";
    charset[charset["PLUS_SIGN"] = 43] = "PLUS_SIGN";
    charset[charset["COMMA"] = 44] = "COMMA";
    charset[charset["HYPHEN_MINUS"] = 45] = "HYPHEN_MINUS";
    charset[charset["FULL_STOP"] = 46] = "FULL_STOP";
    charset[charset["SOLIDUS"] = 47] = "SOLIDUS";
    charset[charset["DIGIT_ZERO"] = 48] = "DIGIT_ZERO";
    charset[charset["DIGIT_ONE"] = 49] = "DIGIT_ONE";
    charset[charset["DIGIT_TWO"] = 50] = "DIGIT_TWO";
    charset[charset["DIGIT_THREE"] = 51] = "DIGIT_THREE";
    charset[charset["DIGIT_FOUR"] = 52] = "DIGIT_FOUR";
    charset[charset["DIGIT_FIVE"] = 53] = "DIGIT_FIVE";
    charset[charset["DIGIT_SIX"] = 54] = "DIGIT_SIX";
    charset[charset["DIGIT_SEVEN"] = 55] = "DIGIT_SEVEN";
    charset[charset["DIGIT_EIGHT"] = 56] = "DIGIT_EIGHT";
    charset[charset["DIGIT_NINE"] = 57] = "DIGIT_NINE";
    charset[charset["COLON"] = 58] = "COLON";
    charset[charset["SEMICOLON"] = 59] = "SEMICOLON";
    charset[charset["LESS_THAN_SIGN"] = 60] = "LESS_THAN_SIGN";
    charset[charset["EQUALS_SIGN"] = 61] = "EQUALS_SIGN";
    charset[charset["GREATER_THAN_SIGN"] = 62] = "GREATER_THAN_SIGN";
    charset[charset["QUESTION_MARK"] = 63] = "QUESTION_MARK";
    charset[charset["COMMERCIAL_AT"] = 64] = "COMMERCIAL_AT";
    charset[charset["LATIN_CAPITAL_LETTER_A"] = 65] = "LATIN_CAPITAL_LETTER_A";
    charset[charset["LATIN_CAPITAL_LETTER_B"] = 66] = "LATIN_CAPITAL_LETTER_B";
    charset[charset["LATIN_CAPITAL_LETTER_C"] = 67] = "LATIN_CAPITAL_LETTER_C";
    charset[charset["LATIN_CAPITAL_LETTER_D"] = 68] = "LATIN_CAPITAL_LETTER_D";
    charset[charset["LATIN_CAPITAL_LETTER_E"] = 69] = "LATIN_CAPITAL_LETTER_E";
    charset[charset["LATIN_CAPITAL_LETTER_F"] = 70] = "LATIN_CAPITAL_LETTER_F";
    charset[charset["LATIN_CAPITAL_LETTER_G"] = 71] = "LATIN_CAPITAL_LETTER_G";
    charset[charset["LATIN_CAPITAL_LETTER_H"] = 72] = "LATIN_CAPITAL_LETTER_H";
    charset[charset["LATIN_CAPITAL_LETTER_I"] = 73] = "LATIN_CAPITAL_LETTER_I";
    charset[charset["LATIN_CAPITAL_LETTER_J"] = 74] = "LATIN_CAPITAL_LETTER_J";
    charset[charset["LATIN_CAPITAL_LETTER_K"] = 75] = "LATIN_CAPITAL_LETTER_K";
    charset[charset["LATIN_CAPITAL_LETTER_L"] = 76] = "LATIN_CAPITAL_LETTER_L";
    charset[charset["LATIN_CAPITAL_LETTER_M"] = 77] = "LATIN_CAPITAL_LETTER_M";
    charset[charset["LATIN_CAPITAL_LETTER_N"] = 78] = "LATIN_CAPITAL_LETTER_N";
    charset[charset["LATIN_CAPITAL_LETTER_O"] = 79] = "LATIN_CAPITAL_LETTER_O";
    charset[charset["LATIN_CAPITAL_LETTER_P"] = 80] = "LATIN_CAPITAL_LETTER_P";
    charset[charset["LATIN_CAPITAL_LETTER_Q"] = 81] = "LATIN_CAPITAL_LETTER_Q";
    charset[charset["LATIN_CAPITAL_LETTER_R"] = 82] = "LATIN_CAPITAL_LETTER_R";
    charset[charset["LATIN_CAPITAL_LETTER_S"] = 83] = "LATIN_CAPITAL_LETTER_S";
    charset[charset["LATIN_CAPITAL_LETTER_T"] = 84] = "LATIN_CAPITAL_LETTER_T";
    charset[charset["LATIN_CAPITAL_LETTER_U"] = 85] = "LATIN_CAPITAL_LETTER_U";
    charset[charset["LATIN_CAPITAL_LETTER_V"] = 86] = "LATIN_CAPITAL_LETTER_V";
    charset[charset["LATIN_CAPITAL_LETTER_W"] = 87] = "LATIN_CAPITAL_LETTER_W";
    charset[charset["LATIN_CAPITAL_LETTER_X"] = 88] = "LATIN_CAPITAL_LETTER_X";
    charset[charset["LATIN_CAPITAL_LETTER_Y"] = 89] = "LATIN_CAPITAL_LETTER_Y";
    charset[charset["LATIN_CAPITAL_LETTER_Z"] = 90] = "LATIN_CAPITAL_LETTER_Z";
    charset[charset["LEFT_SQUARE_BRACKET"] = 91] = "LEFT_SQUARE_BRACKET";
    charset[charset["REVERSE_SOLIDUS"] = 92] = "REVERSE_SOLIDUS";
    charset[charset["RIGHT_SQUARE_BRACKET"] = 93] = "RIGHT_SQUARE_BRACKET";
    charset[charset["CIRCUMFLEX_ACCENT"] = 94] = "CIRCUMFLEX_ACCENT";
    charset[charset["LOW_LINE"] = 95] = "LOW_LINE";
    charset[charset["GRAVE_ACCENT"] = 96] = "GRAVE_ACCENT";
    charset[charset["LATIN_SMALL_LETTER_A"] = 97] = "LATIN_SMALL_LETTER_A";
    charset[charset["LATIN_SMALL_LETTER_B"] = 98] = "LATIN_SMALL_LETTER_B";
    charset[charset["LATIN_SMALL_LETTER_C"] = 99] = "LATIN_SMALL_LETTER_C";
    charset[charset["LATIN_SMALL_LETTER_D"] = 100] = "LATIN_SMALL_LETTER_D";
    charset[charset["LATIN_SMALL_LETTER_E"] = 101] = "LATIN_SMALL_LETTER_E";
    charset[charset["LATIN_SMALL_LETTER_F"] = 102] = "LATIN_SMALL_LETTER_F";
    charset[charset["LATIN_SMALL_LETTER_G"] = 103] = "LATIN_SMALL_LETTER_G";
    charset[charset["LATIN_SMALL_LETTER_H"] = 104] = "LATIN_SMALL_LETTER_H";
    charset[charset["LATIN_SMALL_LETTER_I"] = 105] = "LATIN_SMALL_LETTER_I";
    charset[charset["LATIN_SMALL_LETTER_J"] = 106] = "LATIN_SMALL_LETTER_J";
    charset[charset["LATIN_SMALL_LETTER_K"] = 107] = "LATIN_SMALL_LETTER_K";
    charset[charset["LATIN_SMALL_LETTER_L"] = 108] = "LATIN_SMALL_LETTER_L";
    charset[charset["LATIN_SMALL_LETTER_M"] = 109] = "LATIN_SMALL_LETTER_M";
    charset[charset["LATIN_SMALL_LETTER_N"] = 110] = "LATIN_SMALL_LETTER_N";
    charset[charset["LATIN_SMALL_LETTER_O"] = 111] = "LATIN_SMALL_LETTER_O";
    charset[charset["LATIN_SMALL_LETTER_P"] = 112] = "LATIN_SMALL_LETTER_P";
    charset[charset["LATIN_SMALL_LETTER_Q"] = 113] = "LATIN_SMALL_LETTER_Q";
    charset[charset["LATIN_SMALL_LETTER_R"] = 114] = "LATIN_SMALL_LETTER_R";
    charset[charset["LATIN_SMALL_LETTER_S"] = 115] = "LATIN_SMALL_LETTER_S";
    charset[charset["LATIN_SMALL_LETTER_T"] = 116] = "LATIN_SMALL_LETTER_T";
    charset[charset["LATIN_SMALL_LETTER_U"] = 117] = "LATIN_SMALL_LETTER_U";
    charset[charset["LATIN_SMALL_LETTER_V"] = 118] = "LATIN_SMALL_LETTER_V";
    charset[charset["LATIN_SMALL_LETTER_W"] = 119] = "LATIN_SMALL_LETTER_W";
    charset[charset["LATIN_SMALL_LETTER_X"] = 120] = "LATIN_SMALL_LETTER_X";
    charset[charset["LATIN_SMALL_LETTER_Y"] = 121] = "LATIN_SMALL_LETTER_Y";
    charset[charset["LATIN_SMALL_LETTER_Z"] = 122] = "LATIN_SMALL_LETTER_Z";
    charset[charset["LEFT_CURLY_BRACKET"] = 123] = "LEFT_CURLY_BRACKET";
    charset[charset["VERTICAL_LINE"] = 124] = "VERTICAL_LINE";
    charset[charset["RIGHT_CURLY_BRACKET"] = 125] = "RIGHT_CURLY_BRACKET";
    charset[charset["TILDE"] = 126] = "TILDE";
})(charset || (charset = {}));
/**
 * The character that each JSON escape sequence stands for, keyed by the byte
 * that follows the backslash. Unicode escapes (`\uXXXX`) are not in here; the
 * tokenizer resolves those itself.
 */
const escapedSequences = {
    [34 /* charset.QUOTATION_MARK */]: 34 /* charset.QUOTATION_MARK */,
    [92 /* charset.REVERSE_SOLIDUS */]: 92 /* charset.REVERSE_SOLIDUS */,
    [47 /* charset.SOLIDUS */]: 47 /* charset.SOLIDUS */,
    [98 /* charset.LATIN_SMALL_LETTER_B */]: 8 /* charset.BACKSPACE */,
    [102 /* charset.LATIN_SMALL_LETTER_F */]: 12 /* charset.FORM_FEED */,
    [110 /* charset.LATIN_SMALL_LETTER_N */]: 10 /* charset.NEWLINE */,
    [114 /* charset.LATIN_SMALL_LETTER_R */]: 13 /* charset.CARRIAGE_RETURN */,
    [116 /* charset.LATIN_SMALL_LETTER_T */]: 9 /* charset.TAB */,
};
//# sourceMappingURL=utf-8.js.map
;// CONCATENATED MODULE: ./node_modules/@streamparser/json/dist/mjs/tokenizer.js
/**
 * A JSON-compliant tokenizer that turns a utf-8 stream into JSON tokens.
 *
 * @example
 * ```ts
 * import Tokenizer from "@streamparser/json/tokenizer.js";
 *
 * const tokenizer = new Tokenizer();
 * tokenizer.onToken = ({ token, value, offset }) => {
 *   // process the token
 * };
 *
 * tokenizer.write('{ "test": ["a"] }');
 * ```
 *
 * @module
 */



// Tokenizer States
var TokenizerStates;
(function (TokenizerStates) {
    TokenizerStates[TokenizerStates["START"] = 0] = "START";
    TokenizerStates[TokenizerStates["ENDED"] = 1] = "ENDED";
    TokenizerStates[TokenizerStates["ERROR"] = 2] = "ERROR";
    TokenizerStates[TokenizerStates["TRUE1"] = 3] = "TRUE1";
    TokenizerStates[TokenizerStates["TRUE2"] = 4] = "TRUE2";
    TokenizerStates[TokenizerStates["TRUE3"] = 5] = "TRUE3";
    TokenizerStates[TokenizerStates["FALSE1"] = 6] = "FALSE1";
    TokenizerStates[TokenizerStates["FALSE2"] = 7] = "FALSE2";
    TokenizerStates[TokenizerStates["FALSE3"] = 8] = "FALSE3";
    TokenizerStates[TokenizerStates["FALSE4"] = 9] = "FALSE4";
    TokenizerStates[TokenizerStates["NULL1"] = 10] = "NULL1";
    TokenizerStates[TokenizerStates["NULL2"] = 11] = "NULL2";
    TokenizerStates[TokenizerStates["NULL3"] = 12] = "NULL3";
    TokenizerStates[TokenizerStates["STRING_DEFAULT"] = 13] = "STRING_DEFAULT";
    TokenizerStates[TokenizerStates["STRING_AFTER_BACKSLASH"] = 14] = "STRING_AFTER_BACKSLASH";
    TokenizerStates[TokenizerStates["STRING_UNICODE_DIGIT_1"] = 15] = "STRING_UNICODE_DIGIT_1";
    TokenizerStates[TokenizerStates["STRING_UNICODE_DIGIT_2"] = 16] = "STRING_UNICODE_DIGIT_2";
    TokenizerStates[TokenizerStates["STRING_UNICODE_DIGIT_3"] = 17] = "STRING_UNICODE_DIGIT_3";
    TokenizerStates[TokenizerStates["STRING_UNICODE_DIGIT_4"] = 18] = "STRING_UNICODE_DIGIT_4";
    TokenizerStates[TokenizerStates["STRING_INCOMPLETE_CHAR"] = 19] = "STRING_INCOMPLETE_CHAR";
    TokenizerStates[TokenizerStates["NUMBER_AFTER_INITIAL_MINUS"] = 20] = "NUMBER_AFTER_INITIAL_MINUS";
    TokenizerStates[TokenizerStates["NUMBER_AFTER_INITIAL_ZERO"] = 21] = "NUMBER_AFTER_INITIAL_ZERO";
    TokenizerStates[TokenizerStates["NUMBER_AFTER_INITIAL_NON_ZERO"] = 22] = "NUMBER_AFTER_INITIAL_NON_ZERO";
    TokenizerStates[TokenizerStates["NUMBER_AFTER_FULL_STOP"] = 23] = "NUMBER_AFTER_FULL_STOP";
    TokenizerStates[TokenizerStates["NUMBER_AFTER_DECIMAL"] = 24] = "NUMBER_AFTER_DECIMAL";
    TokenizerStates[TokenizerStates["NUMBER_AFTER_E"] = 25] = "NUMBER_AFTER_E";
    TokenizerStates[TokenizerStates["NUMBER_AFTER_E_AND_SIGN"] = 26] = "NUMBER_AFTER_E_AND_SIGN";
    TokenizerStates[TokenizerStates["NUMBER_AFTER_E_AND_DIGIT"] = 27] = "NUMBER_AFTER_E_AND_DIGIT";
    TokenizerStates[TokenizerStates["SEPARATOR"] = 28] = "SEPARATOR";
    TokenizerStates[TokenizerStates["BOM_OR_START"] = 29] = "BOM_OR_START";
    TokenizerStates[TokenizerStates["BOM"] = 30] = "BOM";
})(TokenizerStates || (TokenizerStates = {}));
function TokenizerStateToString(tokenizerState) {
    return [
        "START",
        "ENDED",
        "ERROR",
        "TRUE1",
        "TRUE2",
        "TRUE3",
        "FALSE1",
        "FALSE2",
        "FALSE3",
        "FALSE4",
        "NULL1",
        "NULL2",
        "NULL3",
        "STRING_DEFAULT",
        "STRING_AFTER_BACKSLASH",
        "STRING_UNICODE_DIGIT_1",
        "STRING_UNICODE_DIGIT_2",
        "STRING_UNICODE_DIGIT_3",
        "STRING_UNICODE_DIGIT_4",
        "STRING_INCOMPLETE_CHAR",
        "NUMBER_AFTER_INITIAL_MINUS",
        "NUMBER_AFTER_INITIAL_ZERO",
        "NUMBER_AFTER_INITIAL_NON_ZERO",
        "NUMBER_AFTER_FULL_STOP",
        "NUMBER_AFTER_DECIMAL",
        "NUMBER_AFTER_E",
        "NUMBER_AFTER_E_AND_SIGN",
        "NUMBER_AFTER_E_AND_DIGIT",
        "SEPARATOR",
        "BOM_OR_START",
        "BOM",
    ][tokenizerState];
}
const defaultOpts = {
    stringBufferSize: 0,
    numberBufferSize: 0,
    separator: undefined,
    emitPartialTokens: false,
};
/** The error thrown when the tokenizer is misconfigured or hits invalid JSON. */
class TokenizerError extends Error {
    /**
     * @param message What went wrong.
     */
    constructor(message) {
        super(message);
        // Typescript is broken. This is a workaround
        Object.setPrototypeOf(this, TokenizerError.prototype);
    }
}
// A non-integer buffer size (e.g. 0.5) silently truncates when passed to
// `new Uint8Array(size)` (0.5 becomes a *zero-length* buffer) instead of
// throwing, so every appended byte gets silently dropped rather than
// buffered -- corrupting the parsed value instead of failing loudly.
function validateBufferSize(name, size) {
    if (size === undefined)
        return;
    if (!Number.isInteger(size) || size < 0) {
        throw new TokenizerError(`Invalid "${name}": ${size}. Expected a non-negative integer.`);
    }
}
// Byte length of the UTF-8 character starting with `leadByte`. Invalid or
// continuation lead bytes fall through to 3/4 here and are rejected later by
// the fatal TextDecoder when the bytes are actually decoded.
function utf8SequenceLength(leadByte) {
    if (leadByte >= 194 && leadByte <= 223)
        return 2;
    if (leadByte <= 239)
        return 3;
    return 4;
}
// Index just past the last COMPLETE multi-byte character of the run starting at
// `start`. Stops at the first ASCII byte, or at a character whose bytes would
// run past the end of the buffer (a boundary split the caller carries over).
function multiByteRunEnd(buffer, start) {
    let j = start;
    while (j < buffer.length && buffer[j] >= 128) {
        const seqLength = utf8SequenceLength(buffer[j]);
        if (j + seqLength > buffer.length)
            break; // split across the chunk boundary
        j += seqLength;
    }
    return j;
}
/**
 * A JSON-compliant tokenizer that turns a utf-8 stream into JSON tokens.
 *
 * Data is pushed in with {@linkcode Tokenizer.write} and the resulting tokens
 * come back through the {@linkcode Tokenizer.onToken} callback, which the user
 * is expected to override. Feed the tokens to a `TokenParser` to get JSON
 * values back, or use a `JSONParser`, which chains both.
 *
 * @example
 * ```ts
 * import Tokenizer from "@streamparser/json/tokenizer.js";
 *
 * const tokenizer = new Tokenizer({ separator: "\n" });
 * tokenizer.onToken = ({ token, value, offset }) => {
 *   // process the token
 * };
 * tokenizer.onError = (err) => console.error(err);
 *
 * tokenizer.write('{ "test": ["a"] }');
 * tokenizer.end();
 * ```
 */
class tokenizer_Tokenizer {
    /**
     * @param opts How to tokenize. See {@linkcode TokenizerOptions}.
     */
    constructor(opts) {
        this.state = 29 /* TokenizerStates.BOM_OR_START */;
        this.bomIndex = 0;
        this.separatorIndex = 0;
        this.escapedCharsByteLength = 0;
        this.bytes_remaining = 0; // number of bytes remaining in multi byte utf8 char to read after split boundary
        this.bytes_in_sequence = 0; // bytes in multi byte utf8 char to read
        this.char_split_buffer = new Uint8Array(4); // for rebuilding chars split before boundary is reached
        this.encoder = new TextEncoder();
        this.offset = -1;
        this.streamByteLength = 0; // Total bytes consumed across all write() calls before the current one
        opts = Object.assign(Object.assign({}, defaultOpts), opts);
        validateBufferSize("stringBufferSize", opts.stringBufferSize);
        validateBufferSize("numberBufferSize", opts.numberBufferSize);
        this.emitPartialTokens = opts.emitPartialTokens === true;
        this.bufferedString =
            opts.stringBufferSize && opts.stringBufferSize > 4
                ? new BufferedString(opts.stringBufferSize)
                : new NonBufferedString();
        this.bufferedNumber =
            opts.numberBufferSize && opts.numberBufferSize > 0
                ? new BufferedString(opts.numberBufferSize)
                : new NonBufferedString();
        this.separator = opts.separator;
        this.separatorBytes = opts.separator
            ? this.encoder.encode(opts.separator)
            : undefined;
    }
    /** Whether the tokenizer is ended, and thus no longer accepting data. */
    get isEnded() {
        return this.state === 1 /* TokenizerStates.ENDED */;
    }
    // Appends the code unit decoded from one \uXXXX escape, matching
    // JSON.parse's handling of surrogates: a valid high/low surrogate pair
    // combines into one character; an unpaired high or low surrogate is kept
    // as a raw UTF-16 code unit rather than replaced or dropped (JS strings
    // are free to contain lone surrogates; only encoding them as UTF-8 bytes
    // is lossy, which is why appendCharCode -- not the encoder -- is used for
    // them).
    appendUnicodeCodeUnit(intVal) {
        if (this.highSurrogate !== undefined) {
            if (intVal >= 0xdc00 && intVal <= 0xdfff) {
                // <56320,57343> - valid low surrogate: combine with the pending
                // high surrogate into a single character.
                const unicodeString = String.fromCharCode(this.highSurrogate, intVal);
                const unicodeBuffer = this.encoder.encode(unicodeString);
                this.bufferedString.appendBuf(unicodeBuffer);
                // len(\u0000)=6 minus the fact you're appending len(buf)
                this.escapedCharsByteLength += 6 - unicodeBuffer.byteLength;
                this.highSurrogate = undefined;
                return;
            }
            // Not a matching low surrogate: the pending high surrogate stands on
            // its own, and intVal is processed independently below.
            this.flushPendingHighSurrogate();
        }
        if (intVal >= 0xd800 && intVal <= 0xdbff) {
            // <55296,56319> - high surrogate: defer until we know whether a
            // matching low surrogate follows.
            this.highSurrogate = intVal;
            this.escapedCharsByteLength += 6;
            return;
        }
        if (intVal >= 0xdc00 && intVal <= 0xdfff) {
            // <56320,57343> - lone low surrogate with no preceding high
            // surrogate: keep as a raw code unit.
            this.bufferedString.appendCharCode(intVal);
            this.escapedCharsByteLength += 6;
            return;
        }
        const unicodeString = String.fromCharCode(intVal);
        const unicodeBuffer = this.encoder.encode(unicodeString);
        this.bufferedString.appendBuf(unicodeBuffer);
        // len(\u0000)=6 minus the fact you're appending len(buf)
        this.escapedCharsByteLength += 6 - unicodeBuffer.byteLength;
    }
    flushPendingHighSurrogate() {
        if (this.highSurrogate !== undefined) {
            this.bufferedString.appendCharCode(this.highSurrogate);
            this.highSurrogate = undefined;
        }
    }
    // Stash the leading bytes of a multi-byte character split across the chunk
    // boundary; STRING_INCOMPLETE_CHAR completes it from the next chunk.
    startIncompleteChar(buffer, start) {
        this.bytes_in_sequence = utf8SequenceLength(buffer[start]);
        this.bytes_remaining = start + this.bytes_in_sequence - buffer.length;
        this.char_split_buffer.set(buffer.subarray(start));
        this.state = 19 /* TokenizerStates.STRING_INCOMPLETE_CHAR */;
    }
    /**
     * Pushes the next chunk of the JSON stream into the tokenizer.
     *
     * Tokenizing happens synchronously, so every token in `input` is emitted
     * through {@linkcode Tokenizer.onToken} before this returns. A chunk may end
     * anywhere, including in the middle of a multi-byte character; the rest of it
     * is picked up from the next chunk.
     *
     * @param input The chunk to tokenize: a string, a `TypedArray`, or any
     * iterable of utf-8 byte values.
     * @throws {TokenizerError} If the data is not valid JSON and no
     * {@linkcode Tokenizer.onError} callback has been set.
     */
    write(input) {
        try {
            let buffer;
            if (input instanceof Uint8Array) {
                buffer = input;
            }
            else if (typeof input === "string") {
                if (this.pendingStringSurrogate !== undefined) {
                    input = this.pendingStringSurrogate + input;
                    this.pendingStringSurrogate = undefined;
                }
                const lastCharCode = input.charCodeAt(input.length - 1);
                if (lastCharCode >= 0xd800 && lastCharCode <= 0xdbff) {
                    // Lone high surrogate at the very end of this chunk: hold it back
                    // instead of encoding it (and corrupting it into U+FFFD) alone,
                    // in case the next chunk supplies its matching low surrogate.
                    this.pendingStringSurrogate = input[input.length - 1];
                    input = input.slice(0, -1);
                }
                buffer = this.encoder.encode(input);
            }
            else if (ArrayBuffer.isView(input)) {
                buffer = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
            }
            else if (input !== null &&
                typeof input === "object" &&
                typeof input[Symbol.iterator] === "function") {
                // Any Iterable<number>, not just literal Arrays (e.g. Set, Map
                // values(), a generator) -- matching the public write() signature,
                // which already types `input` as Iterable<number> | string.
                buffer = Uint8Array.from(input);
            }
            else {
                throw new TypeError("Unexpected type. The `write` function only accepts Iterables (e.g. Arrays, Sets, Generators), TypedArrays and Strings.");
            }
            for (let i = 0; i < buffer.length; i += 1) {
                const n = buffer[i]; // get current byte from buffer
                switch (this.state) {
                    // @ts-expect-error fall through case
                    case 29 /* TokenizerStates.BOM_OR_START */:
                        if (n === 0xef) {
                            this.bom = [0xef, 0xbb, 0xbf];
                            this.bomIndex += 1;
                            this.state = 30 /* TokenizerStates.BOM */;
                            continue;
                        }
                        if (input instanceof Uint16Array) {
                            if (n === 0xfe) {
                                this.bom = [0xfe, 0xff];
                                this.bomIndex += 1;
                                this.state = 30 /* TokenizerStates.BOM */;
                                continue;
                            }
                            if (n === 0xff) {
                                this.bom = [0xff, 0xfe];
                                this.bomIndex += 1;
                                this.state = 30 /* TokenizerStates.BOM */;
                                continue;
                            }
                        }
                        if (input instanceof Uint32Array) {
                            if (n === 0x00) {
                                this.bom = [0x00, 0x00, 0xfe, 0xff];
                                this.bomIndex += 1;
                                this.state = 30 /* TokenizerStates.BOM */;
                                continue;
                            }
                            if (n === 0xff) {
                                this.bom = [0xff, 0xfe, 0x00, 0x00];
                                this.bomIndex += 1;
                                this.state = 30 /* TokenizerStates.BOM */;
                                continue;
                            }
                        }
                    case 0 /* TokenizerStates.START */:
                        this.offset += 1;
                        if (this.separatorBytes && n === this.separatorBytes[0]) {
                            if (this.separatorBytes.length === 1) {
                                this.state = 0 /* TokenizerStates.START */;
                                this.onToken({
                                    token: tokenType.SEPARATOR,
                                    value: this.separator,
                                    offset: this.offset + this.separatorBytes.length - 1,
                                });
                                continue;
                            }
                            this.state = 28 /* TokenizerStates.SEPARATOR */;
                            continue;
                        }
                        if (n === 32 /* charset.SPACE */ ||
                            n === 10 /* charset.NEWLINE */ ||
                            n === 13 /* charset.CARRIAGE_RETURN */ ||
                            n === 9 /* charset.TAB */) {
                            // whitespace
                            continue;
                        }
                        if (n === 123 /* charset.LEFT_CURLY_BRACKET */) {
                            this.onToken({
                                token: tokenType.LEFT_BRACE,
                                value: "{",
                                offset: this.offset,
                            });
                            continue;
                        }
                        if (n === 125 /* charset.RIGHT_CURLY_BRACKET */) {
                            this.onToken({
                                token: tokenType.RIGHT_BRACE,
                                value: "}",
                                offset: this.offset,
                            });
                            continue;
                        }
                        if (n === 91 /* charset.LEFT_SQUARE_BRACKET */) {
                            this.onToken({
                                token: tokenType.LEFT_BRACKET,
                                value: "[",
                                offset: this.offset,
                            });
                            continue;
                        }
                        if (n === 93 /* charset.RIGHT_SQUARE_BRACKET */) {
                            this.onToken({
                                token: tokenType.RIGHT_BRACKET,
                                value: "]",
                                offset: this.offset,
                            });
                            continue;
                        }
                        if (n === 58 /* charset.COLON */) {
                            this.onToken({
                                token: tokenType.COLON,
                                value: ":",
                                offset: this.offset,
                            });
                            continue;
                        }
                        if (n === 44 /* charset.COMMA */) {
                            this.onToken({
                                token: tokenType.COMMA,
                                value: ",",
                                offset: this.offset,
                            });
                            continue;
                        }
                        if (n === 116 /* charset.LATIN_SMALL_LETTER_T */) {
                            this.state = 3 /* TokenizerStates.TRUE1 */;
                            continue;
                        }
                        if (n === 102 /* charset.LATIN_SMALL_LETTER_F */) {
                            this.state = 6 /* TokenizerStates.FALSE1 */;
                            continue;
                        }
                        if (n === 110 /* charset.LATIN_SMALL_LETTER_N */) {
                            this.state = 10 /* TokenizerStates.NULL1 */;
                            continue;
                        }
                        if (n === 34 /* charset.QUOTATION_MARK */) {
                            this.bufferedString.reset();
                            this.escapedCharsByteLength = 0;
                            this.state = 13 /* TokenizerStates.STRING_DEFAULT */;
                            continue;
                        }
                        if (n >= 49 /* charset.DIGIT_ONE */ && n <= 57 /* charset.DIGIT_NINE */) {
                            this.bufferedNumber.reset();
                            this.bufferedNumber.appendChar(n);
                            this.state = 22 /* TokenizerStates.NUMBER_AFTER_INITIAL_NON_ZERO */;
                            continue;
                        }
                        if (n === 48 /* charset.DIGIT_ZERO */) {
                            this.bufferedNumber.reset();
                            this.bufferedNumber.appendChar(n);
                            this.state = 21 /* TokenizerStates.NUMBER_AFTER_INITIAL_ZERO */;
                            continue;
                        }
                        if (n === 45 /* charset.HYPHEN_MINUS */) {
                            this.bufferedNumber.reset();
                            this.bufferedNumber.appendChar(n);
                            this.state = 20 /* TokenizerStates.NUMBER_AFTER_INITIAL_MINUS */;
                            continue;
                        }
                        break;
                    // STRING
                    case 13 /* TokenizerStates.STRING_DEFAULT */:
                        if (n === 34 /* charset.QUOTATION_MARK */) {
                            this.flushPendingHighSurrogate();
                            const string = this.bufferedString.toString();
                            this.state = 0 /* TokenizerStates.START */;
                            this.onToken({
                                token: tokenType.STRING,
                                value: string,
                                offset: this.offset,
                            });
                            this.offset +=
                                this.escapedCharsByteLength +
                                    this.bufferedString.byteLength +
                                    1;
                            continue;
                        }
                        if (n === 92 /* charset.REVERSE_SOLIDUS */) {
                            this.state = 14 /* TokenizerStates.STRING_AFTER_BACKSLASH */;
                            continue;
                        }
                        if (n >= 128) {
                            this.flushPendingHighSurrogate();
                            // Decode the whole run of complete multi-byte characters in one
                            // TextDecoder call, rather than one character at a time -- much
                            // faster for multi-byte text (CJK/emoji). ASCII stays on the
                            // per-character appendChar path below.
                            const runEnd = multiByteRunEnd(buffer, i);
                            if (runEnd > i) {
                                this.bufferedString.appendBuf(buffer, i, runEnd);
                                i = runEnd - 1; // the for-loop's i += 1 lands on runEnd
                            }
                            // A character straddling the chunk boundary is carried over to
                            // the next chunk via STRING_INCOMPLETE_CHAR.
                            if (runEnd < buffer.length && buffer[runEnd] >= 128) {
                                this.startIncompleteChar(buffer, runEnd);
                                i = buffer.length - 1;
                            }
                            continue;
                        }
                        if (n >= 32 /* charset.SPACE */) {
                            this.flushPendingHighSurrogate();
                            let j = i;
                            while (j < buffer.length) {
                                const b = buffer[j];
                                if (b < 32 /* charset.SPACE */ ||
                                    b >= 128 ||
                                    b === 34 /* charset.QUOTATION_MARK */ ||
                                    b === 92 /* charset.REVERSE_SOLIDUS */)
                                    break;
                                j += 1;
                            }
                            // appendBuf is one TextDecoder call: worth it only once the run is
                            // long enough to amortize that fixed cost. Short strings (keys,
                            // ids) dominate real JSON, so append those char-by-char instead --
                            // always-appendBuf regresses key/record-heavy JSON ~12%.
                            if (j - i >= 16) {
                                this.bufferedString.appendBuf(buffer, i, j);
                            }
                            else {
                                for (let k = i; k < j; k += 1)
                                    this.bufferedString.appendChar(buffer[k]);
                            }
                            i = j - 1;
                            continue;
                        }
                        break;
                    case 19 /* TokenizerStates.STRING_INCOMPLETE_CHAR */: {
                        // check for carry over of a multi byte char split between data chunks
                        // & fill temp buffer it with start of this data chunk up to the boundary limit set in the last iteration
                        // The rest of the sequence might still not be complete if this chunk is smaller
                        // than the number of bytes still missing (e.g. one byte at a time), so only
                        // consume what's actually available and keep waiting otherwise.
                        const available = Math.min(this.bytes_remaining, buffer.length - i);
                        this.char_split_buffer.set(buffer.subarray(i, i + available), this.bytes_in_sequence - this.bytes_remaining);
                        this.bytes_remaining -= available;
                        if (this.bytes_remaining > 0) {
                            i = buffer.length - 1;
                            continue;
                        }
                        this.bufferedString.appendBuf(this.char_split_buffer, 0, this.bytes_in_sequence);
                        i += available - 1;
                        this.state = 13 /* TokenizerStates.STRING_DEFAULT */;
                        continue;
                    }
                    case 14 /* TokenizerStates.STRING_AFTER_BACKSLASH */: {
                        const controlChar = escapedSequences[n];
                        if (controlChar) {
                            this.flushPendingHighSurrogate();
                            this.bufferedString.appendChar(controlChar);
                            this.escapedCharsByteLength += 1; // len(\")=2 minus the fact you're appending len(controlChar)=1
                            this.state = 13 /* TokenizerStates.STRING_DEFAULT */;
                            continue;
                        }
                        if (n === 117 /* charset.LATIN_SMALL_LETTER_U */) {
                            this.unicode = "";
                            this.state = 15 /* TokenizerStates.STRING_UNICODE_DIGIT_1 */;
                            continue;
                        }
                        break;
                    }
                    case 15 /* TokenizerStates.STRING_UNICODE_DIGIT_1 */:
                    case 16 /* TokenizerStates.STRING_UNICODE_DIGIT_2 */:
                    case 17 /* TokenizerStates.STRING_UNICODE_DIGIT_3 */:
                        if ((n >= 48 /* charset.DIGIT_ZERO */ && n <= 57 /* charset.DIGIT_NINE */) ||
                            (n >= 65 /* charset.LATIN_CAPITAL_LETTER_A */ &&
                                n <= 70 /* charset.LATIN_CAPITAL_LETTER_F */) ||
                            (n >= 97 /* charset.LATIN_SMALL_LETTER_A */ &&
                                n <= 102 /* charset.LATIN_SMALL_LETTER_F */)) {
                            this.unicode += String.fromCharCode(n);
                            this.state += 1;
                            continue;
                        }
                        break;
                    case 18 /* TokenizerStates.STRING_UNICODE_DIGIT_4 */:
                        if ((n >= 48 /* charset.DIGIT_ZERO */ && n <= 57 /* charset.DIGIT_NINE */) ||
                            (n >= 65 /* charset.LATIN_CAPITAL_LETTER_A */ &&
                                n <= 70 /* charset.LATIN_CAPITAL_LETTER_F */) ||
                            (n >= 97 /* charset.LATIN_SMALL_LETTER_A */ &&
                                n <= 102 /* charset.LATIN_SMALL_LETTER_F */)) {
                            const intVal = parseInt(this.unicode + String.fromCharCode(n), 16);
                            this.appendUnicodeCodeUnit(intVal);
                            this.state = 13 /* TokenizerStates.STRING_DEFAULT */;
                            continue;
                        }
                        break;
                    // Number
                    case 20 /* TokenizerStates.NUMBER_AFTER_INITIAL_MINUS */:
                        if (n === 48 /* charset.DIGIT_ZERO */) {
                            this.bufferedNumber.appendChar(n);
                            this.state = 21 /* TokenizerStates.NUMBER_AFTER_INITIAL_ZERO */;
                            continue;
                        }
                        if (n >= 49 /* charset.DIGIT_ONE */ && n <= 57 /* charset.DIGIT_NINE */) {
                            this.bufferedNumber.appendChar(n);
                            this.state = 22 /* TokenizerStates.NUMBER_AFTER_INITIAL_NON_ZERO */;
                            continue;
                        }
                        break;
                    case 21 /* TokenizerStates.NUMBER_AFTER_INITIAL_ZERO */:
                        if (n === 46 /* charset.FULL_STOP */) {
                            this.bufferedNumber.appendChar(n);
                            this.state = 23 /* TokenizerStates.NUMBER_AFTER_FULL_STOP */;
                            continue;
                        }
                        if (n === 101 /* charset.LATIN_SMALL_LETTER_E */ ||
                            n === 69 /* charset.LATIN_CAPITAL_LETTER_E */) {
                            this.bufferedNumber.appendChar(n);
                            this.state = 25 /* TokenizerStates.NUMBER_AFTER_E */;
                            continue;
                        }
                        i -= 1;
                        this.state = 0 /* TokenizerStates.START */;
                        this.emitNumber();
                        continue;
                    case 22 /* TokenizerStates.NUMBER_AFTER_INITIAL_NON_ZERO */:
                        if (n >= 48 /* charset.DIGIT_ZERO */ && n <= 57 /* charset.DIGIT_NINE */) {
                            this.bufferedNumber.appendChar(n);
                            continue;
                        }
                        if (n === 46 /* charset.FULL_STOP */) {
                            this.bufferedNumber.appendChar(n);
                            this.state = 23 /* TokenizerStates.NUMBER_AFTER_FULL_STOP */;
                            continue;
                        }
                        if (n === 101 /* charset.LATIN_SMALL_LETTER_E */ ||
                            n === 69 /* charset.LATIN_CAPITAL_LETTER_E */) {
                            this.bufferedNumber.appendChar(n);
                            this.state = 25 /* TokenizerStates.NUMBER_AFTER_E */;
                            continue;
                        }
                        i -= 1;
                        this.state = 0 /* TokenizerStates.START */;
                        this.emitNumber();
                        continue;
                    case 23 /* TokenizerStates.NUMBER_AFTER_FULL_STOP */:
                        if (n >= 48 /* charset.DIGIT_ZERO */ && n <= 57 /* charset.DIGIT_NINE */) {
                            this.bufferedNumber.appendChar(n);
                            this.state = 24 /* TokenizerStates.NUMBER_AFTER_DECIMAL */;
                            continue;
                        }
                        break;
                    case 24 /* TokenizerStates.NUMBER_AFTER_DECIMAL */:
                        if (n >= 48 /* charset.DIGIT_ZERO */ && n <= 57 /* charset.DIGIT_NINE */) {
                            this.bufferedNumber.appendChar(n);
                            continue;
                        }
                        if (n === 101 /* charset.LATIN_SMALL_LETTER_E */ ||
                            n === 69 /* charset.LATIN_CAPITAL_LETTER_E */) {
                            this.bufferedNumber.appendChar(n);
                            this.state = 25 /* TokenizerStates.NUMBER_AFTER_E */;
                            continue;
                        }
                        i -= 1;
                        this.state = 0 /* TokenizerStates.START */;
                        this.emitNumber();
                        continue;
                    // @ts-expect-error fall through case
                    case 25 /* TokenizerStates.NUMBER_AFTER_E */:
                        if (n === 43 /* charset.PLUS_SIGN */ || n === 45 /* charset.HYPHEN_MINUS */) {
                            this.bufferedNumber.appendChar(n);
                            this.state = 26 /* TokenizerStates.NUMBER_AFTER_E_AND_SIGN */;
                            continue;
                        }
                    case 26 /* TokenizerStates.NUMBER_AFTER_E_AND_SIGN */:
                        if (n >= 48 /* charset.DIGIT_ZERO */ && n <= 57 /* charset.DIGIT_NINE */) {
                            this.bufferedNumber.appendChar(n);
                            this.state = 27 /* TokenizerStates.NUMBER_AFTER_E_AND_DIGIT */;
                            continue;
                        }
                        break;
                    case 27 /* TokenizerStates.NUMBER_AFTER_E_AND_DIGIT */:
                        if (n >= 48 /* charset.DIGIT_ZERO */ && n <= 57 /* charset.DIGIT_NINE */) {
                            this.bufferedNumber.appendChar(n);
                            continue;
                        }
                        i -= 1;
                        this.state = 0 /* TokenizerStates.START */;
                        this.emitNumber();
                        continue;
                    // TRUE
                    case 3 /* TokenizerStates.TRUE1 */:
                        if (n === 114 /* charset.LATIN_SMALL_LETTER_R */) {
                            this.state = 4 /* TokenizerStates.TRUE2 */;
                            continue;
                        }
                        break;
                    case 4 /* TokenizerStates.TRUE2 */:
                        if (n === 117 /* charset.LATIN_SMALL_LETTER_U */) {
                            this.state = 5 /* TokenizerStates.TRUE3 */;
                            continue;
                        }
                        break;
                    case 5 /* TokenizerStates.TRUE3 */:
                        if (n === 101 /* charset.LATIN_SMALL_LETTER_E */) {
                            this.state = 0 /* TokenizerStates.START */;
                            this.onToken({
                                token: tokenType.TRUE,
                                value: true,
                                offset: this.offset,
                            });
                            this.offset += 3;
                            continue;
                        }
                        break;
                    // FALSE
                    case 6 /* TokenizerStates.FALSE1 */:
                        if (n === 97 /* charset.LATIN_SMALL_LETTER_A */) {
                            this.state = 7 /* TokenizerStates.FALSE2 */;
                            continue;
                        }
                        break;
                    case 7 /* TokenizerStates.FALSE2 */:
                        if (n === 108 /* charset.LATIN_SMALL_LETTER_L */) {
                            this.state = 8 /* TokenizerStates.FALSE3 */;
                            continue;
                        }
                        break;
                    case 8 /* TokenizerStates.FALSE3 */:
                        if (n === 115 /* charset.LATIN_SMALL_LETTER_S */) {
                            this.state = 9 /* TokenizerStates.FALSE4 */;
                            continue;
                        }
                        break;
                    case 9 /* TokenizerStates.FALSE4 */:
                        if (n === 101 /* charset.LATIN_SMALL_LETTER_E */) {
                            this.state = 0 /* TokenizerStates.START */;
                            this.onToken({
                                token: tokenType.FALSE,
                                value: false,
                                offset: this.offset,
                            });
                            this.offset += 4;
                            continue;
                        }
                        break;
                    // NULL
                    case 10 /* TokenizerStates.NULL1 */:
                        if (n === 117 /* charset.LATIN_SMALL_LETTER_U */) {
                            this.state = 11 /* TokenizerStates.NULL2 */;
                            continue;
                        }
                        break;
                    case 11 /* TokenizerStates.NULL2 */:
                        if (n === 108 /* charset.LATIN_SMALL_LETTER_L */) {
                            this.state = 12 /* TokenizerStates.NULL3 */;
                            continue;
                        }
                        break;
                    case 12 /* TokenizerStates.NULL3 */:
                        if (n === 108 /* charset.LATIN_SMALL_LETTER_L */) {
                            this.state = 0 /* TokenizerStates.START */;
                            this.onToken({
                                token: tokenType.NULL,
                                value: null,
                                offset: this.offset,
                            });
                            this.offset += 3;
                            continue;
                        }
                        break;
                    case 28 /* TokenizerStates.SEPARATOR */:
                        this.separatorIndex += 1;
                        if (!this.separatorBytes ||
                            n !== this.separatorBytes[this.separatorIndex]) {
                            break;
                        }
                        if (this.separatorIndex === this.separatorBytes.length - 1) {
                            this.state = 0 /* TokenizerStates.START */;
                            this.onToken({
                                token: tokenType.SEPARATOR,
                                value: this.separator,
                                offset: this.offset + this.separatorIndex,
                            });
                            this.separatorIndex = 0;
                        }
                        continue;
                    // BOM support
                    case 30 /* TokenizerStates.BOM */:
                        if (n === this.bom[this.bomIndex]) {
                            if (this.bomIndex === this.bom.length - 1) {
                                this.state = 0 /* TokenizerStates.START */;
                                this.bom = undefined;
                                this.bomIndex = 0;
                                continue;
                            }
                            this.bomIndex += 1;
                            continue;
                        }
                        break;
                    case 1 /* TokenizerStates.ENDED */:
                        if (n === 32 /* charset.SPACE */ ||
                            n === 10 /* charset.NEWLINE */ ||
                            n === 13 /* charset.CARRIAGE_RETURN */ ||
                            n === 9 /* charset.TAB */) {
                            // whitespace
                            continue;
                        }
                }
                throw new TokenizerError(`Unexpected "${String.fromCharCode(n)}" at chunk position "${i}" (absolute position "${this.streamByteLength + i}") in state ${TokenizerStateToString(this.state)}`);
            }
            this.streamByteLength += buffer.length;
            if (this.emitPartialTokens) {
                switch (this.state) {
                    case 3 /* TokenizerStates.TRUE1 */:
                    case 4 /* TokenizerStates.TRUE2 */:
                    case 5 /* TokenizerStates.TRUE3 */:
                        this.onToken({
                            token: tokenType.TRUE,
                            value: true,
                            offset: this.offset,
                            partial: true,
                        });
                        break;
                    case 6 /* TokenizerStates.FALSE1 */:
                    case 7 /* TokenizerStates.FALSE2 */:
                    case 8 /* TokenizerStates.FALSE3 */:
                    case 9 /* TokenizerStates.FALSE4 */:
                        this.onToken({
                            token: tokenType.FALSE,
                            value: false,
                            offset: this.offset,
                            partial: true,
                        });
                        break;
                    case 10 /* TokenizerStates.NULL1 */:
                    case 11 /* TokenizerStates.NULL2 */:
                    case 12 /* TokenizerStates.NULL3 */:
                        this.onToken({
                            token: tokenType.NULL,
                            value: null,
                            offset: this.offset,
                            partial: true,
                        });
                        break;
                    case 13 /* TokenizerStates.STRING_DEFAULT */: {
                        const string = this.bufferedString.toString();
                        this.onToken({
                            token: tokenType.STRING,
                            value: string,
                            offset: this.offset,
                            partial: true,
                        });
                        break;
                    }
                    case 21 /* TokenizerStates.NUMBER_AFTER_INITIAL_ZERO */:
                    case 22 /* TokenizerStates.NUMBER_AFTER_INITIAL_NON_ZERO */:
                    case 24 /* TokenizerStates.NUMBER_AFTER_DECIMAL */:
                    case 27 /* TokenizerStates.NUMBER_AFTER_E_AND_DIGIT */:
                        try {
                            this.onToken({
                                token: tokenType.NUMBER,
                                value: this.parseNumber(this.bufferedNumber.toString()),
                                offset: this.offset,
                                partial: true,
                            });
                        }
                        catch (_a) {
                            // Number couldn't be parsed. Do nothing.
                        }
                }
            }
        }
        catch (err) {
            this.error(err);
        }
    }
    emitNumber() {
        this.onToken({
            token: tokenType.NUMBER,
            value: this.parseNumber(this.bufferedNumber.toString()),
            offset: this.offset,
        });
        this.offset += this.bufferedNumber.byteLength - 1;
    }
    /**
     * Turns the characters of a JSON number into a JavaScript value.
     *
     * Equivalent to `Number(numberStr)`. Override it to handle numbers that a
     * JavaScript number can't represent, for example by keeping them as strings.
     *
     * @param numberStr The number, as it appeared in the JSON stream.
     * @returns The parsed number.
     */
    parseNumber(numberStr) {
        return Number(numberStr);
    }
    /**
     * Puts the tokenizer in an error state and reports `err` through
     * {@linkcode Tokenizer.onError}. The tokenizer can't be used afterwards.
     *
     * @param err What went wrong.
     */
    error(err) {
        if (this.state !== 1 /* TokenizerStates.ENDED */) {
            this.state = 2 /* TokenizerStates.ERROR */;
        }
        this.onError(err);
    }
    /**
     * Signals that the stream is over, flushing any number that was still being
     * tokenized and then ending the tokenizer, which can't be used afterwards.
     *
     * @throws {TokenizerError} If the stream ended in the middle of a token and no
     * {@linkcode Tokenizer.onError} callback has been set.
     */
    end() {
        switch (this.state) {
            case 21 /* TokenizerStates.NUMBER_AFTER_INITIAL_ZERO */:
            case 22 /* TokenizerStates.NUMBER_AFTER_INITIAL_NON_ZERO */:
            case 24 /* TokenizerStates.NUMBER_AFTER_DECIMAL */:
            case 27 /* TokenizerStates.NUMBER_AFTER_E_AND_DIGIT */:
                this.state = 1 /* TokenizerStates.ENDED */;
                this.emitNumber();
                this.onEnd();
                break;
            case 29 /* TokenizerStates.BOM_OR_START */:
            case 0 /* TokenizerStates.START */:
            case 2 /* TokenizerStates.ERROR */:
                this.state = 1 /* TokenizerStates.ENDED */;
                this.onEnd();
                break;
            default:
                this.error(new TokenizerError(`Tokenizer ended in the middle of a token (state: ${TokenizerStateToString(this.state)}). Either not all the data was received or the data was invalid.`));
        }
    }
    /**
     * Called with every token found in the stream. Override it to consume them;
     * by default it throws.
     *
     * @param parsedToken The token and where it was found.
     */
    // biome-ignore lint/correctness/noUnusedFunctionParameters: override point; the parameter is part of the public signature
    onToken(parsedToken) {
        // Override me
        throw new TokenizerError('Can\'t emit tokens before the "onToken" callback has been set up.');
    }
    /**
     * Called when the data can't be tokenized. Override it to handle errors
     * asynchronously; by default it throws, so the error surfaces out of the
     * {@linkcode Tokenizer.write} or {@linkcode Tokenizer.end} call that caused it.
     *
     * @param err What went wrong.
     */
    onError(err) {
        // Override me
        throw err;
    }
    /** Called once the tokenizer has ended. Override it to react to that; by default it does nothing. */
    onEnd() {
        // Override me
    }
}
//# sourceMappingURL=tokenizer.js.map
;// CONCATENATED MODULE: ./node_modules/@streamparser/json/dist/mjs/tokenparser.js
/**
 * A parser that assembles the tokens emitted by the tokenizer into JSON values.
 *
 * @example
 * ```ts
 * import Tokenizer from "@streamparser/json/tokenizer.js";
 * import TokenParser from "@streamparser/json/tokenparser.js";
 *
 * const tokenizer = new Tokenizer();
 * const tokenParser = new TokenParser({ paths: ["$.*"] });
 * tokenizer.onToken = tokenParser.write.bind(tokenParser);
 * tokenParser.onValue = ({ value }) => {
 *   // process the value
 * };
 *
 * tokenizer.write('{ "test": ["a"] }');
 * ```
 *
 * @module
 */

// Parser States
var TokenParserState;
(function (TokenParserState) {
    TokenParserState[TokenParserState["VALUE"] = 0] = "VALUE";
    TokenParserState[TokenParserState["KEY"] = 1] = "KEY";
    TokenParserState[TokenParserState["COLON"] = 2] = "COLON";
    TokenParserState[TokenParserState["COMMA"] = 3] = "COMMA";
    TokenParserState[TokenParserState["ENDED"] = 4] = "ENDED";
    TokenParserState[TokenParserState["ERROR"] = 5] = "ERROR";
    TokenParserState[TokenParserState["SEPARATOR"] = 6] = "SEPARATOR";
})(TokenParserState || (TokenParserState = {}));
function TokenParserStateToString(state) {
    return ["VALUE", "KEY", "COLON", "COMMA", "ENDED", "ERROR", "SEPARATOR"][state];
}
// Plain bracket assignment invokes the inherited `Object.prototype.__proto__`
// setter for that one key name, letting a "__proto__" key in the input alter
// obj's actual prototype instead of becoming a property of obj. Only that key
// needs the safe (but slower) Object.defineProperty path -- every other key,
// i.e. the overwhelming majority, keeps the fast, JIT-friendly assignment.
function setProperty(obj, key, value) {
    if (key === "__proto__") {
        Object.defineProperty(obj, key, {
            value,
            writable: true,
            enumerable: true,
            configurable: true,
        });
        return;
    }
    obj[key] = value;
}
const tokenparser_defaultOpts = {
    paths: undefined,
    keepStack: true,
    separator: undefined,
    emitPartialValues: false,
};
/** The error thrown when the token parser is misconfigured or gets an unexpected token. */
class TokenParserError extends Error {
    /**
     * @param message What went wrong.
     */
    constructor(message) {
        super(message);
        // Typescript is broken. This is a workaround
        Object.setPrototypeOf(this, TokenParserError.prototype);
    }
}
/**
 * A parser that assembles the tokens emitted by a tokenizer into JSON values.
 *
 * Tokens are pushed in with {@linkcode TokenParser.write} and the resulting
 * values come back through the {@linkcode TokenParser.onValue} callback, which
 * the user is expected to override. Values are emitted innermost first, as soon
 * as each one is complete, and can be narrowed down to the ones of interest with
 * the `paths` option.
 *
 * @example
 * ```ts
 * import Tokenizer from "@streamparser/json/tokenizer.js";
 * import TokenParser from "@streamparser/json/tokenparser.js";
 *
 * const tokenizer = new Tokenizer();
 * const tokenParser = new TokenParser();
 * tokenizer.onToken = tokenParser.write.bind(tokenParser);
 * tokenParser.onValue = ({ value, key, parent, stack }) => {
 *   // process the value
 * };
 *
 * tokenizer.write('{ "test": ["a"] }');
 * // onValue is called 3 times: "a", ["a"] and { test: ["a"] }
 * ```
 */
class tokenparser_TokenParser {
    /**
     * @param opts What to emit and how. See {@linkcode TokenParserOptions}.
     * @throws {TokenParserError} If any of the configured `paths` is not a valid selector.
     */
    constructor(opts) {
        this.state = 0 /* TokenParserState.VALUE */;
        this.mode = undefined;
        this.key = undefined;
        this.value = undefined;
        this.stack = [];
        // Tracked explicitly rather than inferred from `value` because keepStack:false
        // deletes emitted properties from `value`, so Object.keys(value).length can no
        // longer be trusted to tell an empty object from one whose members were purged.
        this.memberCount = 0;
        opts = Object.assign(Object.assign({}, tokenparser_defaultOpts), opts);
        if (opts.paths) {
            const root = { children: new Map(), terminal: false };
            // A match-everything selector makes the whole set match everything, which
            // we represent by leaving the trie undefined (as with no paths at all).
            let matchEverything = false;
            for (const path of opts.paths) {
                if (path === undefined || path === "$*") {
                    matchEverything = true;
                    continue;
                }
                if (!path.startsWith("$"))
                    throw new TokenParserError(`Invalid selector "${path}". Should start with "$".`);
                const segments = path.split(".").slice(1);
                if (segments.includes(""))
                    throw new TokenParserError(`Invalid selector "${path}". ".." syntax not supported.`);
                let node = root;
                for (const segment of segments) {
                    let child = node.children.get(segment);
                    if (!child) {
                        child = { children: new Map(), terminal: false };
                        node.children.set(segment, child);
                    }
                    node = child;
                }
                node.terminal = true;
            }
            if (!matchEverything)
                this.selectorTrie = root;
        }
        this.keepStack = opts.keepStack || false;
        this.separator = opts.separator;
        if (!opts.emitPartialValues) {
            this.emitPartial = () => { };
        }
    }
    shouldEmit() {
        if (!this.selectorTrie)
            return true;
        return this.matchesSelector(this.selectorTrie, 0);
    }
    // Depth-first walk of the selector trie down the current value's key path:
    //   [stack[1].key, ..., stack[n-1].key, this.key]   (n = stack.length)
    // A value matches iff some branch reaches a terminal node at the exact depth.
    // Recursion (rather than an explicit frontier) keeps the common single-path
    // walk allocation-free and short-circuits on the first match, like the old
    // rescan did, while collapsing its O(number of selectors) cost to O(depth).
    matchesSelector(node, level) {
        const keyCount = this.stack.length;
        if (level === keyCount)
            return node.terminal;
        const key = level < keyCount - 1 ? this.stack[level + 1].key : this.key;
        // "*" matches any key; try it first since it needs no key lookup.
        const wildcard = node.children.get("*");
        if (wildcard && this.matchesSelector(wildcard, level + 1))
            return true;
        // Then a literal match. Resolving the key to a string allocates for numeric
        // array indices, so skip it unless there's a literal child to match.
        const hasLiteralChild = node.children.size > (wildcard ? 1 : 0);
        if (hasLiteralChild) {
            const segment = key === null || key === void 0 ? void 0 : key.toString();
            if (segment !== undefined) {
                const child = node.children.get(segment);
                if (child && this.matchesSelector(child, level + 1))
                    return true;
            }
        }
        return false;
    }
    push() {
        this.stack.push({
            key: this.key,
            value: this.value,
            mode: this.mode,
            emit: this.shouldEmit(),
            memberCount: this.memberCount,
        });
    }
    pop() {
        const value = this.value;
        // biome-ignore lint/suspicious/noImplicitAnyLet: assigned via the destructuring assignment below
        let emit;
        ({
            key: this.key,
            value: this.value,
            mode: this.mode,
            emit,
            memberCount: this.memberCount,
        } = this.stack.pop());
        this.state =
            this.mode !== undefined ? 3 /* TokenParserState.COMMA */ : 0 /* TokenParserState.VALUE */;
        this.emit(value, emit);
    }
    emit(value, emit) {
        if (!this.keepStack &&
            this.value &&
            this.stack.every((item) => !item.emit)) {
            if (Array.isArray(this.value)) {
                // Shrinking `.length` drops the slot, unlike `delete`, which only leaves a hole
                this.value.length -= 1;
            }
            else {
                delete this.value[this.key];
            }
        }
        if (emit) {
            this.onValue({
                value: value,
                key: this.key,
                parent: this.value,
                stack: this.stack,
            });
        }
        if (this.stack.length === 0) {
            if (this.separator) {
                this.state = 6 /* TokenParserState.SEPARATOR */;
            }
            else if (this.separator === undefined) {
                this.end();
            }
            // else if separator === '', expect next JSON object.
        }
    }
    emitPartial(value) {
        if (!this.shouldEmit())
            return;
        if (this.state === 1 /* TokenParserState.KEY */) {
            this.onValue({
                value: undefined,
                key: value,
                parent: this.value,
                stack: this.stack,
                partial: true,
            });
            return;
        }
        this.onValue({
            value: value,
            key: this.key,
            parent: this.value,
            stack: this.stack,
            partial: true,
        });
    }
    /** Whether the token parser is ended, and thus no longer accepting tokens. */
    get isEnded() {
        return this.state === 4 /* TokenParserState.ENDED */;
    }
    /**
     * Pushes the next token into the parser.
     *
     * Parsing happens synchronously, so every value that the token completes is
     * emitted through {@linkcode TokenParser.onValue} before this returns.
     *
     * @param parsedTokenInfo The token to process, as emitted by a tokenizer.
     * @throws {TokenParserError} If the token can't appear at this point of the
     * JSON document and no {@linkcode TokenParser.onError} callback has been set.
     */
    write({ token, value, partial, }) {
        try {
            if (partial) {
                if (this.state !== 0 /* TokenParserState.VALUE */ &&
                    this.state !== 1 /* TokenParserState.KEY */) {
                    throw new TokenParserError(`Unexpected partial ${tokenType[token]} (${JSON.stringify(value)}) in state ${TokenParserStateToString(this.state)}`);
                }
                this.emitPartial(value);
                return;
            }
            if (this.state === 0 /* TokenParserState.VALUE */) {
                if (token === tokenType.STRING ||
                    token === tokenType.NUMBER ||
                    token === tokenType.TRUE ||
                    token === tokenType.FALSE ||
                    token === tokenType.NULL) {
                    if (this.mode === 0 /* TokenParserMode.OBJECT */) {
                        setProperty(this.value, this.key, value);
                        this.state = 3 /* TokenParserState.COMMA */;
                        this.memberCount++;
                    }
                    else if (this.mode === 1 /* TokenParserMode.ARRAY */) {
                        this.value.push(value);
                        this.state = 3 /* TokenParserState.COMMA */;
                        this.memberCount++;
                    }
                    this.emit(value, this.shouldEmit());
                    return;
                }
                if (token === tokenType.LEFT_BRACE) {
                    this.memberCount++;
                    this.push();
                    if (this.mode === 0 /* TokenParserMode.OBJECT */) {
                        const val = {};
                        setProperty(this.value, this.key, val);
                        this.value = val;
                    }
                    else if (this.mode === 1 /* TokenParserMode.ARRAY */) {
                        const val = {};
                        this.value.push(val);
                        this.value = val;
                    }
                    else {
                        this.value = {};
                    }
                    this.mode = 0 /* TokenParserMode.OBJECT */;
                    this.state = 1 /* TokenParserState.KEY */;
                    this.key = undefined;
                    this.memberCount = 0;
                    this.emitPartial();
                    return;
                }
                if (token === tokenType.LEFT_BRACKET) {
                    this.memberCount++;
                    this.push();
                    if (this.mode === 0 /* TokenParserMode.OBJECT */) {
                        const val = [];
                        setProperty(this.value, this.key, val);
                        this.value = val;
                    }
                    else if (this.mode === 1 /* TokenParserMode.ARRAY */) {
                        const val = [];
                        this.value.push(val);
                        this.value = val;
                    }
                    else {
                        this.value = [];
                    }
                    this.mode = 1 /* TokenParserMode.ARRAY */;
                    this.state = 0 /* TokenParserState.VALUE */;
                    this.key = 0;
                    this.memberCount = 0;
                    this.emitPartial();
                    return;
                }
                if (this.mode === 1 /* TokenParserMode.ARRAY */ &&
                    token === tokenType.RIGHT_BRACKET &&
                    this.memberCount === 0) {
                    this.pop();
                    return;
                }
            }
            if (this.state === 1 /* TokenParserState.KEY */) {
                if (token === tokenType.STRING) {
                    this.key = value;
                    this.state = 2 /* TokenParserState.COLON */;
                    this.emitPartial();
                    return;
                }
                if (token === tokenType.RIGHT_BRACE && this.memberCount === 0) {
                    this.pop();
                    return;
                }
            }
            if (this.state === 2 /* TokenParserState.COLON */) {
                if (token === tokenType.COLON) {
                    this.state = 0 /* TokenParserState.VALUE */;
                    return;
                }
            }
            if (this.state === 3 /* TokenParserState.COMMA */) {
                if (token === tokenType.COMMA) {
                    if (this.mode === 1 /* TokenParserMode.ARRAY */) {
                        this.state = 0 /* TokenParserState.VALUE */;
                        this.key += 1;
                        return;
                    }
                    /* istanbul ignore else */
                    if (this.mode === 0 /* TokenParserMode.OBJECT */) {
                        this.state = 1 /* TokenParserState.KEY */;
                        return;
                    }
                }
                if ((token === tokenType.RIGHT_BRACE &&
                    this.mode === 0 /* TokenParserMode.OBJECT */) ||
                    (token === tokenType.RIGHT_BRACKET &&
                        this.mode === 1 /* TokenParserMode.ARRAY */)) {
                    this.pop();
                    return;
                }
            }
            if (this.state === 6 /* TokenParserState.SEPARATOR */) {
                if (token === tokenType.SEPARATOR && value === this.separator) {
                    this.state = 0 /* TokenParserState.VALUE */;
                    return;
                }
            }
            // Edge case in which the separator is just whitespace and it's found in the middle of the JSON
            if (token === tokenType.SEPARATOR &&
                this.state !== 6 /* TokenParserState.SEPARATOR */ &&
                Array.from(value)
                    .map((n) => n.charCodeAt(0))
                    .every((n) => n === 32 /* charset.SPACE */ ||
                    n === 10 /* charset.NEWLINE */ ||
                    n === 13 /* charset.CARRIAGE_RETURN */ ||
                    n === 9 /* charset.TAB */)) {
                // whitespace
                return;
            }
            throw new TokenParserError(`Unexpected ${tokenType[token]} (${JSON.stringify(value)}) in state ${TokenParserStateToString(this.state)}`);
        }
        catch (err) {
            this.error(err);
        }
    }
    /**
     * Puts the token parser in an error state and reports `err` through
     * {@linkcode TokenParser.onError}. The parser can't be used afterwards.
     *
     * @param err What went wrong.
     */
    error(err) {
        if (this.state !== 4 /* TokenParserState.ENDED */) {
            this.state = 5 /* TokenParserState.ERROR */;
        }
        this.onError(err);
    }
    /**
     * Signals that there are no more tokens, ending the token parser, which can't
     * be used afterwards.
     *
     * @throws {Error} If the JSON document was left half-parsed and no
     * {@linkcode TokenParser.onError} callback has been set.
     */
    end() {
        if ((this.state !== 0 /* TokenParserState.VALUE */ &&
            this.state !== 6 /* TokenParserState.SEPARATOR */) ||
            this.stack.length > 0) {
            this.error(new Error(`Parser ended in mid-parsing (state: ${TokenParserStateToString(this.state)}). Either not all the data was received or the data was invalid.`));
        }
        else {
            this.state = 4 /* TokenParserState.ENDED */;
            this.onEnd();
        }
    }
    /**
     * Called with every value that matches the configured `paths`. Override it to
     * consume them; by default it throws.
     *
     * @param parsedElementInfo The value and where it was found. Its `parent` and
     * `stack` are live references into the parser's in-progress structures, so use
     * `cloneParsedElementInfo` to snapshot them if they need to outlive the call.
     */
    // biome-ignore lint/correctness/noUnusedFunctionParameters: override point; the parameter is part of the public signature
    onValue(parsedElementInfo) {
        // Override me
        throw new TokenParserError('Can\'t emit data before the "onValue" callback has been set up.');
    }
    /**
     * Called when the tokens don't add up to valid JSON. Override it to handle
     * errors asynchronously; by default it throws, so the error surfaces out of the
     * {@linkcode TokenParser.write} or {@linkcode TokenParser.end} call that caused it.
     *
     * @param err What went wrong.
     */
    onError(err) {
        // Override me
        throw err;
    }
    /** Called once the token parser has ended. Override it to react to that; by default it does nothing. */
    onEnd() {
        // Override me
    }
}
//# sourceMappingURL=tokenparser.js.map
;// CONCATENATED MODULE: ./node_modules/@streamparser/json/dist/mjs/jsonparser.js
/**
 * A streaming drop-in replacement for `JSON.parse`, chaining the tokenizer and
 * the token parser.
 *
 * @example
 * ```ts
 * import JSONParser from "@streamparser/json/jsonparser.js";
 *
 * const parser = new JSONParser();
 * parser.onValue = ({ value }) => {
 *   // process the value
 * };
 *
 * parser.write('{ "test": ["a"] }');
 * ```
 *
 * @module
 */


/**
 * A full JSON parser: a {@linkcode Tokenizer} and a {@linkcode TokenParser}
 * wired to each other.
 *
 * Data is pushed in with {@linkcode JSONParser.write} and the parsed values come
 * back through the {@linkcode JSONParser.onValue} callback.
 *
 * @example
 * ```ts
 * import JSONParser from "@streamparser/json/jsonparser.js";
 *
 * const parser = new JSONParser({ paths: ["$.*"], keepStack: false });
 * parser.onValue = ({ value }) => {
 *   // process the value
 * };
 * parser.onError = (err) => console.error(err);
 *
 * // The document can arrive split across any number of chunks.
 * parser.write('[{ "id": 1 },');
 * parser.write('{ "id": 2 }]');
 * ```
 */
class JSONParser {
    /**
     * @param opts How to tokenize and what to emit. See {@linkcode JSONParserOptions}.
     */
    constructor(opts = {}) {
        this.tokenizer = new Tokenizer(opts);
        this.tokenParser = new TokenParser(opts);
        this.tokenizer.onToken = this.tokenParser.write.bind(this.tokenParser);
        this.tokenizer.onEnd = () => {
            if (!this.tokenParser.isEnded)
                this.tokenParser.end();
        };
        this.tokenParser.onError = this.tokenizer.error.bind(this.tokenizer);
        this.tokenParser.onEnd = () => {
            if (!this.tokenizer.isEnded)
                this.tokenizer.end();
        };
    }
    /** Whether the parser is ended, and thus no longer accepting data. */
    get isEnded() {
        return this.tokenizer.isEnded && this.tokenParser.isEnded;
    }
    /**
     * Pushes the next chunk of the JSON stream into the parser.
     *
     * Parsing happens synchronously, so every value that the chunk completes is
     * emitted through {@linkcode JSONParser.onValue} before this returns.
     *
     * @param input The chunk to parse: a string, a `TypedArray`, or any iterable
     * of utf-8 byte values.
     * @throws {Error} If the data is not valid JSON and no
     * {@linkcode JSONParser.onError} callback has been set.
     */
    write(input) {
        this.tokenizer.write(input);
    }
    /**
     * Signals that the stream is over, ending the parser, which can't be used
     * afterwards.
     *
     * @throws {Error} If the JSON document was left half-parsed and no
     * {@linkcode JSONParser.onError} callback has been set.
     */
    end() {
        this.tokenizer.end();
    }
    /** Sets the callback to be called with every token found in the stream. */
    set onToken(cb) {
        this.tokenizer.onToken = (parsedToken) => {
            cb(parsedToken);
            this.tokenParser.write(parsedToken);
        };
    }
    /** Sets the callback to be called with every value that matches the configured `paths`. */
    set onValue(cb) {
        this.tokenParser.onValue = cb;
    }
    /**
     * Sets the callback to be called when the data can't be parsed. Without one,
     * errors are thrown out of the {@linkcode JSONParser.write} or
     * {@linkcode JSONParser.end} call that caused them.
     */
    set onError(cb) {
        this.tokenizer.onError = cb;
    }
    /** Sets the callback to be called once the parser has ended. */
    set onEnd(cb) {
        this.tokenParser.onEnd = () => {
            if (!this.tokenizer.isEnded)
                this.tokenizer.end();
            cb.call(this.tokenParser);
        };
    }
}
//# sourceMappingURL=jsonparser.js.map
;// CONCATENATED MODULE: ./node_modules/@streamparser/json/dist/mjs/utils/types/stackElement.js
/**
 * The shape of the token parser's stack, i.e. the chain of containers that a
 * parsed value is nested in.
 *
 * @module
 */
/** Whether the container being parsed is a JSON object or a JSON array. */
var TokenParserMode;
(function (TokenParserMode) {
    /** The container is a JSON object, so its members are keyed by property name. */
    TokenParserMode[TokenParserMode["OBJECT"] = 0] = "OBJECT";
    /** The container is a JSON array, so its members are keyed by index. */
    TokenParserMode[TokenParserMode["ARRAY"] = 1] = "ARRAY";
})(TokenParserMode || (TokenParserMode = {}));
//# sourceMappingURL=stackElement.js.map
;// CONCATENATED MODULE: ./node_modules/@streamparser/json/dist/mjs/index.js



/** The types of the JSON values that the parser produces. */



/** The utf-8 byte values that the tokenizer matches the incoming stream against. */

//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./src/net/json-items.ts
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
    tokenizer = new tokenizer_Tokenizer();
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
        this.parser = new tokenparser_TokenParser({ paths: [`$.${options.key}.*`], keepStack: false });
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
            if (token !== tokenType.LEFT_BRACE)
                throw new JsonItemsError('the answer is not a JSON object');
            this.started = true;
            this.expectKey = true;
        }
        const opens = token === tokenType.LEFT_BRACE || token === tokenType.LEFT_BRACKET;
        if (opens && this.depth >= MAX_DEPTH)
            throw new JsonItemsError(`the answer is nested more than ${MAX_DEPTH} deep`);
        this.parser.write(parsed);
        if (opens) {
            if (this.depth === 1 && token === tokenType.LEFT_BRACKET && this.lastKey === this.options.key) {
                this.found = true;
                this.entryStart = offset + 1;
            }
            this.depth += 1;
        }
        else if (token === tokenType.RIGHT_BRACE || token === tokenType.RIGHT_BRACKET) {
            this.depth -= 1;
            if (this.depth === 1 && this.entryStart !== -1)
                this.closeArray(offset);
        }
        else if (token === tokenType.COMMA) {
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

;// CONCATENATED MODULE: ./src/deepgram/scopes.ts
/** Deepgram's product scopes: the shape of a scope name, and the ones Deepgram documents today. */
/**
 * A scope is a colon-separated name such as self-hosted:product:api; nothing outside this set. The
 * scopes input is refused when one is not (login/inputs.ts), and one in an answer is dropped (client.ts).
 */
const SCOPE_SHAPE = /^[a-z0-9][a-z0-9._-]*(:[a-z0-9][a-z0-9._-]*)+$/i;
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

;// CONCATENATED MODULE: ./src/deepgram/types.ts
/**
 * A credentials ID the action will put in a URL or a log: a UUID-like token. Anything else (".."
 * would turn a DELETE into one on the collection's parent) is refused.
 */
function isCredentialsId(value) {
    return typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/.test(value);
}

;// CONCATENATED MODULE: ./src/deepgram/answers.ts
/**
 * What of the API's answers is believed: the create's answer and each entry of a list, in both
 * generations' shapes (docs/deepgram-api.md: the fields under "distribution_credentials", or the
 * same fields at the top level). Nothing in an answer is trusted: what is used must have the
 * shape it should, and a list is read within LIST_LIMITS.
 */




/** A registry username docker can take: no whitespace, control characters or ':', and no leading '-'. */
const USERNAME = /^[^\s\p{C}:-][^\s\p{C}:]{0,255}$/u;
/** A secret that can go through --password-stdin and be masked whole: one line of visible text. */
const SECRET = /^[^\s\p{C}]{1,1024}$/u;
/** A create's 2xx answer as JSON: the set was made, so an answer that is not JSON is CREATED_UNUSABLE. */
function createdBody(action, response) {
    try {
        return JSON.parse(response.body);
    }
    catch {
        const what = `HTTP ${response.status} with a body that is not JSON: ${excerpt(response.body) || '(empty)'}`;
        throw unexpected(action, what, CREATED_UNUSABLE);
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
        scopes: Array.isArray(scopes) ? scopes.filter((s) => typeof s === 'string' && SCOPE_SHAPE.test(s)) : [],
        ...(typeof comment === 'string' ? { comment } : {}),
    };
}
/** A value from an answer, for a message: a string escaped and cut short, anything else by its type. */
function describe(value) {
    if (typeof value !== 'string')
        return `(a ${value === null ? 'null' : typeof value})`;
    return `"${untrusted(value.length > 80 ? `${value.slice(0, 80)}…` : value)}"`;
}
/**
 * How much of a list answer is read. A list is not a create: its length grows with the project
 * (about 300 bytes a set, so 20,000 sets are 6 MB), and it is read as it arrives, never held
 * whole. The caps bound what a broken or hostile server can make the step hold: 64 MiB of answer
 * (about 200,000 sets, ten times the largest project this action is measured with) and 250,000
 * entries, each at most 64 KiB of text. An answer without end stops at the first cap reached, or
 * at request-timeout, whichever comes first.
 */
const LIST_LIMITS = { maxBytes: 64 * 1024 * 1024, items: { maxItems: 250_000, maxItemBytes: 64 * 1024 } };
/**
 * One entry of a list answer, as this action keeps it: the id, the comment ('' without one), the
 * creation time, the scopes and the member's email as the API gave them. Every field of a listed
 * set goes through here.
 */
function listedItem(item) {
    const record = credentialsRecord(item);
    if (!record || typeof record.distribution_credentials_id !== 'string') {
        throw unexpected('list distribution credentials', 'an entry has no distribution_credentials_id');
    }
    const { distribution_credentials_id: id, comment, created, scopes } = record;
    return {
        id,
        comment: typeof comment === 'string' ? comment : '',
        ...(typeof created === 'string' ? { created } : {}),
        ...(Array.isArray(scopes) ? { scopes: scopes.filter((s) => typeof s === 'string') } : {}),
        ...memberOf(item),
    };
}
/** The member beside a listed set (`{ member: { member_id, email }, distribution_credentials }`): its email, when it is text. */
function memberOf(item) {
    const member = isRecord(item) ? item.member : undefined;
    return isRecord(member) && typeof member.email === 'string' ? { member: member.email } : {};
}
/** A list answer the reader refused, as the client's error; one from listedItem is already that. */
function listError(action, error) {
    if (error instanceof DeepgramApiError)
        return error;
    return unexpected(action, error instanceof Error ? error.message : String(error));
}
/** The object holding the credentials' fields: nested (current API) or the item itself (older API). */
function credentialsRecord(item) {
    if (!isRecord(item))
        return undefined;
    return isRecord(item.distribution_credentials) ? item.distribution_credentials : item;
}

;// CONCATENATED MODULE: ./src/deepgram/client.ts
/**
 * Deepgram's distribution-credentials API: create, list and delete, one attempt each. It speaks
 * both generations of the API (docs/deepgram-api.md): the create request carries scopes and provider
 * in the query *and* comment, scopes and provider in the body, and both response shapes are read.
 * Every failure is a DeepgramApiError that carries Deepgram's own words and what the retry loop
 * needs to know.
 */






class DeepgramClient {
    options;
    constructor(options) {
        this.options = options;
    }
    /** The longest one request may take; a create's in-flight mark reaches this far. */
    get timeoutMs() {
        return this.options.timeoutMs;
    }
    /** The step's time for API calls, which the retries between requests draw on as well. */
    get budget() {
        return this.options.budget;
    }
    async create(projectId, request) {
        const query = new URLSearchParams();
        for (const scope of request.scopes)
            query.append('scopes', scope);
        query.append('provider', request.provider);
        const action = 'create distribution credentials';
        const response = await this.exchange(action, 'POST', `${this.collection(projectId)}?${query}`, request);
        return parseCreated(createdBody(action, response));
    }
    /**
     * The project's sets, and the API's clock as its answer gave it. The answer is read as it
     * arrives, each entry kept as a ListedCredentials and the rest dropped, so a project of any size
     * is listed in memory bounded by what is kept (LIST_LIMITS), never by the answer's text.
     */
    async list(projectId) {
        const action = 'list distribution credentials';
        const reader = new JsonItemsReader({ key: 'distribution_credentials', item: listedItem, ...LIST_LIMITS.items });
        const stream = {
            maxBytes: LIST_LIMITS.maxBytes,
            write: (chunk) => {
                try {
                    reader.write(chunk);
                }
                catch (error) {
                    throw listError(action, error);
                }
            },
        };
        const response = await this.exchange(action, 'GET', this.collection(projectId), undefined, stream);
        let items;
        try {
            items = reader.end();
        }
        catch (error) {
            throw listError(action, error);
        }
        const date = headerValue(response, 'date');
        return date === undefined ? { items } : { items, date };
    }
    /** Deletes one set of credentials; one that is already gone (404) counts as done. */
    async delete(projectId, credentialsId) {
        if (!isCredentialsId(credentialsId)) {
            throw new DeepgramApiError(`Refusing to delete "${untrusted(credentialsId)}": not a distribution credentials ID`, FATAL);
        }
        try {
            // Done once the server says 2xx, whatever the body (its shape differs by generation).
            await this.exchange(`delete distribution credentials ${credentialsId}`, 'DELETE', `${this.collection(projectId)}/${encodeURIComponent(credentialsId)}`);
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
    /**
     * One request; resolves to a 2xx answer, or throws a DeepgramApiError. With a `stream`, a 2xx
     * answer's body goes to the sink as it arrives (and an error the sink throws fails the request).
     */
    async exchange(action, method, url, payload, stream) {
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
                // A GET or a DELETE has no payload, and so no body: JSON.stringify(undefined) is undefined.
                body: JSON.stringify(payload),
                timeoutMs,
                ...(stream ? { stream } : {}),
            });
        }
        catch (error) {
            // The sink refused the answer: that is what the answer is, not a network failure.
            if (error instanceof DeepgramApiError)
                throw error;
            throw networkError(action, url, error);
        }
        if (response.status < 200 || response.status > 299)
            throw apiError(action, response);
        return response;
    }
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
;// CONCATENATED MODULE: ./src/net/proxy.ts
/**
 * Which proxy an API request goes through, and what the step says about proxy variables it cannot
 * take as written.
 *
 * @actions/http-client's getProxyUrl and checkBypass decide (https_proxy / HTTPS_PROXY,
 * http_proxy / HTTP_PROXY, no_proxy / NO_PROXY, loopback never proxied), so the variables mean
 * what they mean there. But where it finds a variable set and still goes direct, it does so
 * without a word: a host without a scheme (`proxy.corp:3128` reads as a URL of scheme
 * `proxy.corp:`), or a user name or password with a `%` that starts no %XX escape (decoding it
 * throws). Such a value still names a proxy, and a runner that sets one usually has no other way
 * out: it is used as curl and docker read it (http://, the `%` as written), and one warning says
 * so. A value that names no host at all is left as http-client leaves it (direct), with a warning.
 * NO_PROXY entries http-client does not understand (address ranges, `*.` wildcards, a trailing
 * dot) are ignored, as there, and one warning names them. Never the password.
 */

/** The proxy for `url`, or undefined for a direct request. */
function proxy_proxyFor(url) {
    const proxy = getProxyUrl(url);
    // The same test http-client applies before it builds a tunnelling agent.
    if (proxy?.hostname)
        return proxy;
    return checkBypass(url) ? undefined : repaired(url)?.proxy;
}
/** One warning per proxy variable that cannot be used as written, for requests to `apiUrl`. */
function proxyWarnings(apiUrl) {
    let url;
    try {
        url = new URL(apiUrl);
    }
    catch {
        return [];
    }
    if (checkBypass(url))
        return [];
    const variable = proxyVariable(url);
    if (variable === undefined)
        return [];
    const warnings = [];
    const proxy = getProxyUrl(url);
    let through = proxy?.hostname ? `${proxy.protocol}//${proxy.host}` : undefined;
    if (through === undefined) {
        const fixed = repaired(url);
        if (fixed?.proxy) {
            through = `${fixed.proxy.protocol}//${fixed.proxy.host}`;
            warnings.push(`${variable.name} cannot be used as written (${fixed.problems.join('; ')}): requests to ${url.host} go through ${through}.`);
        }
        else {
            warnings.push(`${variable.name} is set but names no proxy host (expected http://host:port): requests to ${url.host} go direct, not through a proxy.`);
        }
    }
    const noProxy = noProxyVariable();
    const unknown = noProxy
        ? noProxy.value
            .split(',')
            .map((entry) => entry.trim())
            .filter(notUnderstood)
        : [];
    if (through !== undefined && noProxy && unknown.length > 0) {
        warnings.push(`${noProxy.name} entries ${unknown.join(', ')} are not understood (address ranges, * wildcards and trailing dots are not supported) and were ignored: ` +
            `requests to ${url.host} go through ${through}. Name hosts and domains as they are (example.com, .example.com).`);
    }
    return warnings;
}
/** The variable http-client reads for `url`, lower case first. */
function proxyVariable(url) {
    const names = url.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
    const name = names.find((candidate) => process.env[candidate]);
    return name === undefined ? undefined : { name, value: process.env[name] };
}
function noProxyVariable() {
    const name = ['no_proxy', 'NO_PROXY'].find((candidate) => process.env[candidate]);
    return name === undefined ? undefined : { name, value: process.env[name] };
}
/** A form http-client's NO_PROXY matching never matches (it compares names, and `*` alone). */
function notUnderstood(entry) {
    return entry !== '' && entry !== '*' && (entry.includes('/') || entry.includes('*') || entry.endsWith('.'));
}
/** The proxy a variable http-client could not use still names, and what had to be read differently. */
function repaired(url) {
    const variable = proxyVariable(url);
    if (variable === undefined)
        return undefined;
    const problems = [];
    let text = variable.value.trim();
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
        text = `http://${text}`;
        problems.push('no scheme: read as http://');
    }
    let proxy;
    try {
        proxy = new URL(text);
    }
    catch {
        return { problems };
    }
    if (!proxy.hostname || (proxy.protocol !== 'http:' && proxy.protocol !== 'https:'))
        return { problems };
    const username = decodeLeniently(proxy.username);
    const password = decodeLeniently(proxy.password);
    if (username.lenient || password.lenient)
        problems.push('a % in its user name or password starts no %XX escape: sent as written (write it as %25)');
    return { proxy: withCredentials(proxy, username.text, password.text), problems };
}
/** %XX escapes decoded; a % that starts none is kept as it is. */
function decodeLeniently(text) {
    try {
        return { text: decodeURIComponent(text), lenient: false };
    }
    catch {
        const decoded = text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
            try {
                return decodeURIComponent(run);
            }
            catch {
                return run; // bytes that are not UTF-8: as written
            }
        });
        return { text: decoded, lenient: true };
    }
}
/** The URL with its user name and password read as decoded text, as http-client's own proxy URL gives them. */
function withCredentials(proxy, username, password) {
    return Object.defineProperties(proxy, {
        username: { get: () => username },
        password: { get: () => password },
    });
}

;// CONCATENATED MODULE: ./src/net/http-errors.ts
/**
 * How one HTTP request fails, beyond Node's own socket errors: each error carries a `code` that
 * net/retry.ts's classifyNetworkError reads to decide whether another attempt is safe.
 */
/** Raised when no complete response arrived within the request's deadline. */
class RequestTimeoutError extends Error {
    code = 'REQUEST_TIMEOUT';
    constructor(timeoutMs) {
        super(`no response within ${timeoutMs / 1000} s (request-timeout)`);
        this.name = 'RequestTimeoutError';
    }
}
/** Raised when the connection to the server did not open in time: nothing was sent. */
class ConnectTimeoutError extends Error {
    code = 'CONNECT_TIMEOUT';
    constructor(timeoutMs) {
        super(`could not connect within ${timeoutMs / 1000} s`);
        this.name = 'ConnectTimeoutError';
    }
}
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

;// CONCATENATED MODULE: ./src/net/connection.ts

/**
 * How long a TCP connection may take to open, within the request's own deadline. A host that
 * drops packets would otherwise hold each attempt for the whole request-timeout (30 s, 2 min over
 * four attempts); a connection that never opened sent nothing, so it is safe to retry at once.
 */
const CONNECT_TIMEOUT_MS = 10_000;
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
/** An IPv6 literal as sockets want it: without the brackets a URL puts around it. */
function bareHost(hostname) {
    return hostname.replace(/^\[(.*)\]$/, '$1');
}

;// CONCATENATED MODULE: ./src/net/tunnel.ts




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

;// CONCATENATED MODULE: ./src/net/http.ts





const USER_AGENT = 'deepgram-self-hosted-login-action';
/**
 * The most of an answer this action keeps. The API's answers are a few hundred bytes; anything
 * near this is not the API speaking (a portal page, a misrouted URL, a broken server), and an
 * answer without end would otherwise grow in memory until the runner dies (1.6 GB in 8 s). A list,
 * whose answer grows with the project, is not kept but read into a sink with a cap of its own.
 */
const MAX_RESPONSE_BYTES = 1024 * 1024;
const sendRequest = async (request) => {
    const attempt = new Attempt();
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new RequestTimeoutError(request.timeoutMs)), request.timeoutMs);
    });
    const exchange = (async () => {
        const url = new URL(request.url);
        const proxy = proxy_proxyFor(url);
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
        req.on('response', (response) => readAnswer(req, response, request.stream, resolve, reject));
        req.end(request.body);
    });
}
/**
 * Reads the answer up to MAX_RESPONSE_BYTES (a 2xx answer to a request with a sink: into the sink,
 * up to its own cap); past that it stops and closes the connection.
 */
function readAnswer(req, response, stream, resolve, reject) {
    const status = response.statusCode ?? 0;
    const sink = status >= 200 && status <= 299 ? stream : undefined;
    const limit = sink?.maxBytes ?? MAX_RESPONSE_BYTES;
    let stopped = false;
    const stop = (error) => {
        stopped = true;
        reject(error);
        req.destroy();
    };
    // A declared length past the cap fails before a byte of the body is read.
    if (Number(response.headers['content-length']) > limit)
        return stop(new ResponseTooLargeError(limit));
    const chunks = [];
    let size = 0;
    response.on('data', (chunk) => {
        if (stopped)
            return;
        size += chunk.length;
        if (size > limit)
            return stop(new ResponseTooLargeError(limit));
        if (!sink)
            return void chunks.push(chunk);
        try {
            sink.write(chunk);
        }
        catch (error) {
            stop(error instanceof Error ? error : new Error(String(error)));
        }
    });
    response.on('error', reject);
    response.on('end', () => resolve({ status, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
}

;// CONCATENATED MODULE: ./src/deepgram/delete-many.ts
/**
 * Many deletes at once, a few at a time: pruning, the sweeps and the retire action go through
 * here. One at a time, hundreds of sets take minutes (a delete is a round trip, 100 ms or more);
 * all at once, they would meet the API's rate limit and the runner's sockets. DELETE_CONCURRENCY
 * keeps a few in flight.
 *
 * Once the step's time for API calls is used up, or deletes keep failing (the API is down, or
 * refuses this key), no more are begun: what was not tried is handed back as such, for the caller
 * to report in one line, not one warning a set.
 */

/** Deletes in flight at once. */
const DELETE_CONCURRENCY = 8;
/**
 * Runs `deleteOne` on each of `sets`, at most `concurrency` at a time, in the order given. A
 * rejection is a failure of that set (a BudgetExhaustedError: not tried, and the end of the run);
 * it never rejects.
 */
async function deleteMany(sets, deleteOne, options = {}) {
    const concurrency = Math.max(1, options.concurrency ?? DELETE_CONCURRENCY);
    const stopAfterFailures = options.stopAfterFailures ?? concurrency;
    const outcome = { deleted: [], failed: [], notTried: [] };
    let next = 0;
    let stopped = false;
    const worker = async () => {
        while (!stopped && next < sets.length) {
            const set = sets[next++];
            try {
                await deleteOne(set);
                outcome.deleted.push(set);
            }
            catch (error) {
                if (error instanceof BudgetExhaustedError) {
                    outcome.notTried.push(set);
                    stopped = true;
                }
                else {
                    outcome.failed.push({ set, error });
                    if (outcome.failed.length >= stopAfterFailures)
                        stopped = true;
                }
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, sets.length) }, worker));
    outcome.notTried.push(...sets.slice(next));
    return outcome;
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
 * What it saves: loading node:crypto in every main step, whose marker is made before the create
 * goes out; one of three parts with file-commands.ts and scripts/bundle-startup.js (see there).
 * /dev/urandom is the same kernel generator node:crypto's own seed comes from; where there is none
 * (Windows), or it gives fewer bytes than asked, node:crypto gives them.
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
 *   [dg-action:<12 hex> job]          a job's set: revoked at job end; pruned once it is older than
 *                                     `prune-after` (its job cannot still be running)
 *   [dg-action:<12 hex> kept]         kept on purpose (`revoke: false`): never pruned
 *   [dg-action:<12 hex> keep=<name>]  kept under a name (`keep`): never pruned, found by its name
 *   [dg-action:<12 hex>]              legacy: release 1.0.0 ended every comment so, job sets and the
 *                                     `revoke: false` sets its README made for pull secrets alike;
 *                                     the tag cannot tell them apart, so no later release prunes
 *                                     it (the execution that wrote it still sweeps its own strays)
 *
 * A release never changes what it does to a tag an earlier release wrote: a new kind of set gets
 * a new form, which no earlier release matches as one of its own kinds.
 *
 * The 12 hex digits are the execution's marker (`dg-action:<hex>`): one execution's own sweep finds
 * every set it made, whatever the kind, while pruning and name look-ups match one kind exactly.
 * Only the tag at the very end of a comment counts, so text a person put earlier in a comment
 * (a copied tag, say) can never make a set look like one of ours.
 */

/** A name for `keep`: 1 to 63 of a-z, 0-9 and '-'. */
const KEEP_NAME = /^[a-z0-9-]{1,63}$/;
const TRAILING_TAG = / ?\[(dg-action:[0-9a-f]{12})(?: (job|kept|keep=[a-z0-9-]{1,63}))?\]$/;
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
    return `[${tag.marker}${suffixOf(tag.kind)}]`;
}
function suffixOf(kind) {
    switch (kind.kind) {
        case 'job':
            return ' job';
        case 'kept':
            return ' kept';
        case 'named':
            return ` keep=${kind.name}`;
        case 'legacy':
            return '';
    }
}
/**
 * The longest comment the action sends, in UTF-16 units (so in characters too, however an API
 * counts them). The tag at the end is all that finds a set again: an API that shortened a longer
 * comment would cut the tag off, and the set could never be swept or pruned.
 */
const MAX_COMMENT_LENGTH = 200;
/**
 * The comment sent to Deepgram: the person's comment, then the tag, at most MAX_COMMENT_LENGTH
 * long. A person's comment too long for that is shortened, ending with '…'; the tag never is.
 */
function tagComment(comment, tag) {
    const text = formatTag(tag);
    if (!comment)
        return text;
    const room = MAX_COMMENT_LENGTH - text.length - 1;
    return `${comment.length <= room ? comment : `${shorten(comment, room - 1).trimEnd()}…`} ${text}`;
}
/** The longest start of `text` at most `length` UTF-16 units long that does not split a character. */
function shorten(text, length) {
    let end = 0;
    for (const char of text) {
        if (end + char.length > length)
            break;
        end += char.length;
    }
    return text.slice(0, end);
}
/** The comment ends with exactly this tag: a sweep, pruning and a look-up by name will find the set. */
function endsWithTag(comment, tag) {
    const found = parseTag(comment);
    return found !== undefined && formatTag(found) === formatTag(tag);
}
/** The tag a comment ends with, or undefined when it ends with none of ours. */
function parseTag(comment) {
    const match = TRAILING_TAG.exec(comment);
    if (!match)
        return undefined;
    const marker = match[1];
    const suffix = match[2];
    if (suffix === undefined)
        return { marker, kind: { kind: 'legacy' } };
    if (suffix === 'job')
        return { marker, kind: { kind: 'job' } };
    if (suffix === 'kept')
        return { marker, kind: { kind: 'kept' } };
    return { marker, kind: { kind: 'named', name: suffix.slice('keep='.length) } };
}
/** Made by the execution that owns `marker`, whatever the kind. */
function madeBy(comment, marker) {
    return parseTag(comment)?.marker === marker;
}
/** A job's set, tagged so by a release that prunes (the only kind pruning may touch; never 1.0.0's tag). */
function isJobSet(comment) {
    return parseTag(comment)?.kind.kind === 'job';
}
/** Kept under exactly this name. */
function isKeptAs(comment, name) {
    const kind = parseTag(comment)?.kind;
    return kind?.kind === 'named' && kind.name === name;
}

;// CONCATENATED MODULE: ./src/deepgram/credential-rules.ts
/**
 * What the credentials' life cycle decides without asking the API (project-api.ts is what asks):
 * which listed sets are this execution's strays, which listed IDs may be put in a URL, and the
 * words for a comment the API stored without its tag and for the sets a run of deletes left.
 */




/** The sets in `listed` that this execution made, but for the one it handed out (`keepId`). */
function straysOf(listed, marker, keepId) {
    return listed.filter((item) => madeBy(item.comment, marker) && item.id !== keepId);
}
/**
 * The create answer echoes the comment as stored. If the API shortened or changed it so that it no
 * longer ends with the tag sent, nothing can find the set again but its ID: the warning that says
 * so, or undefined when the tag is there (or there is nothing to check).
 */
function storedTagWarning(sent, credentials) {
    const tag = parseTag(sent);
    if (credentials.comment === undefined || tag === undefined || endsWithTag(credentials.comment, tag))
        return undefined;
    const fate = tag.kind.kind === 'job'
        ? 'it is revoked at job end by its ID, but if that fails no sweep and no pruning can ever find it'
        : 'it is kept, and no sweep, pruning, kept-before or retire can ever find it: delete it by its ID when it is done with';
    return (`Deepgram stored the comment of distribution credentials ${credentials.id} without the tag the action ended it with ` +
        `(${formatTag(tag)}): ${fate}.`);
}
/**
 * The sets of `sets` whose ID may be put in a URL, and the one warning naming the others (listed
 * with an ID that is not a credentials ID), or undefined when there are none.
 */
function deletableSets(sets, what) {
    const usable = sets.filter((set) => isCredentialsId(set.id));
    const refused = sets.filter((set) => !isCredentialsId(set.id)).map((set) => `"${untrusted(set.id.slice(0, 80))}"`);
    if (refused.length === 0)
        return { usable };
    if (refused.length === 1) {
        return { usable, refusedWarning: `Could not delete ${what} ${refused[0]}: the API listed it with an ID that is not a credentials ID.` };
    }
    const shown = refused.length > 5 ? `${refused.slice(0, 5).join(', ')} and ${refused.length - 5} more` : refused.join(', ');
    return {
        usable,
        refusedWarning: `Could not delete ${refused.length} ${what} (${shown}): the API listed them with IDs that are not credentials IDs.`,
    };
}
/** One line for every set a run of deletes left, or undefined when it left none. */
function undeletedProblem(outcome, what) {
    const { failed, notTried } = outcome;
    const left = failed.length + notTried.length;
    if (left === 0)
        return undefined;
    const total = left + outcome.deleted.length;
    const ids = [...failed.map(({ set }) => set.id), ...notTried.map((set) => set.id)];
    const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
    const why = [
        failed[0] && `${failed.length} failed (the first: ${errorMessage(failed[0].error)})`,
        notTried.length > 0 && `${notTried.length} not tried (the step's time for API calls ran out, or deletes kept failing)`,
    ].filter(Boolean);
    return `Could not delete ${left} of ${total} ${what} (${shown}): ${why.join('; ')}.`;
}

;// CONCATENATED MODULE: ./src/deepgram/project-api.ts
/**
 * The one thing a step holds to talk to Deepgram, built once per step (ProjectApi.forStep): the
 * client (which holds the step's time budget and the request timeout, and cuts each request to
 * them), the project, the retry policy and the log sinks. Its methods create, revoke, list and
 * delete, each retrying transient failures as the policy says; what they decide without the API
 * is in credential-rules.ts.
 *
 * A create is not idempotent: one that times out, gets a 5xx, or answers 2xx with something that
 * cannot be used may still have been carried out. Every comment therefore ends with a tag holding
 * the execution's marker (tags.ts), and such a failure sweeps the project for that marker: before
 * a create is retried, when main gives up, and again in the post step.
 *
 * All the calls of one step draw on one time budget (budget.ts). A sweep made inside main's
 * create is one attempt per request, with no retries of its own: the post step sweeps again.
 */









class ProjectApi {
    options;
    client;
    projectId;
    maxAttempts;
    /** The log sinks: plain functions, so they can be handed on (apiNow(page, api.info)). */
    info;
    warning;
    constructor(options) {
        this.options = options;
        this.client = options.client;
        this.projectId = options.projectId;
        this.maxAttempts = options.maxAttempts;
        this.info = options.info;
        this.warning = options.warning;
    }
    /**
     * A step's, once, before any request: its client holds the step's budget, with `extraMs` on top
     * (time the step may spend waiting beyond it: the post step's wait for an interrupted create).
     */
    static forStep(settings, extraMs = 0) {
        // Once per step, before any request: a proxy variable that cannot be used as written.
        proxyWarnings(settings.apiUrl).forEach(log_warning);
        const budget = new Budget(Budget.forStep(settings).totalMs + extraMs);
        return new ProjectApi({
            client: new DeepgramClient({
                apiUrl: settings.apiUrl,
                apiKey: settings.apiKey,
                timeoutMs: settings.requestTimeoutMs,
                transport: sendRequest,
                budget,
            }),
            projectId: settings.projectId,
            maxAttempts: settings.maxAttempts,
            info: log_info,
            warning: log_warning,
        });
    }
    /** The same client, budget and retry policy, logging to other sinks. */
    withLogSinks(info, warning) {
        return new ProjectApi({ ...this.options, info, warning });
    }
    /** Creates credentials, retrying transient failures; whatever a failure may have created is swept. */
    async create(request, marker, hooks) {
        const attempt = async () => {
            hooks.inFlight(Date.now() + this.client.timeoutMs);
            try {
                const credentials = await this.client.create(this.projectId, request);
                hooks.created(credentials.id);
                const lostTag = storedTagWarning(request.comment, credentials);
                if (lostTag)
                    this.warning(lostTag);
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
                ...this.retryOptions('create distribution credentials'),
                beforeRetry: async (error) => {
                    if (error.kind.ambiguous)
                        await this.sweepOnce(marker);
                },
            });
        }
        catch (error) {
            if (isClassified(error) && error.kind.ambiguous) {
                // A set whose id the answer gave goes by that id, even where the key may not list.
                const known = error instanceof DeepgramApiError ? error.details.credentialsId : undefined;
                if (known)
                    await this.revoke(known, 1).catch(() => undefined);
                await this.sweepOnce(marker);
            }
            throw error;
        }
    }
    /** Deletes one set of credentials, retrying transient failures; 404 counts as already done. */
    async revoke(credentialsId, maxAttempts = this.maxAttempts) {
        const result = await withRetries(() => this.client.delete(this.projectId, credentialsId), {
            ...this.retryOptions(`delete distribution credentials ${credentialsId}`),
            maxAttempts,
        });
        this.info(result === 'deleted'
            ? `Revoked distribution credentials ${credentialsId}.`
            : `Distribution credentials ${credentialsId} were already gone.`);
        return result;
    }
    /** The project's credentials (and the API's time of the answer), retrying transient failures. */
    list(maxAttempts = this.maxAttempts) {
        return withRetries(() => this.client.list(this.projectId), {
            ...this.retryOptions('list distribution credentials'),
            maxAttempts,
        });
    }
    /**
     * Deletes each of `sets`, a few at a time (delete-many.ts); what cannot be deleted is one warning
     * for them all, not a failure, and not a warning a set. Returns those deleted. An id that is not
     * a credentials ID is never put in a URL.
     */
    async deleteEach(sets, what, maxAttempts = this.maxAttempts) {
        const { usable, refusedWarning } = deletableSets(sets, what);
        if (refusedWarning)
            this.warning(refusedWarning);
        const outcome = await deleteMany(usable, (set) => this.revoke(set.id, maxAttempts));
        const problem = undeletedProblem(outcome, what);
        if (problem)
            this.warning(problem);
        return outcome.deleted;
    }
    /**
     * Main's sweep, inside a create: one list and one delete attempt each, no retries (the post step
     * sweeps again with its own). A failure is logged, not thrown: the create's own error matters more.
     */
    async sweepOnce(marker) {
        let listed;
        try {
            ({ items: listed } = await this.list(1));
        }
        catch (error) {
            this.info(`Could not look for credentials the failed create may have left (the post step looks again): ${errorMessage(error)}`);
            return;
        }
        const strays = straysOf(listed, marker);
        if (strays.length === 0)
            return;
        const deleted = await this.deleteEach(strays, 'stray distribution credentials', 1);
        this.info(`Deleted ${deleted.length} of ${strays.length} set(s) of credentials the failed create left ([${marker}]).`);
    }
    retryOptions(action) {
        return {
            maxAttempts: this.maxAttempts,
            action,
            log: this.info,
            sleep: this.options.sleep,
            random: this.options.random,
            // Without a budget (a client built for one request) there is no end to wait past.
            remainingMs: () => this.client.budget?.remainingMs() ?? Infinity,
        };
    }
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = require("node:os");
;// CONCATENATED MODULE: ./src/runner/file-commands.ts
/**
 * The runner's file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV), written in their one-line
 * form, `name=value`, whenever the value allows it.
 *
 * What it saves: loading node:crypto in every step, before the create goes out (the step's marker
 * and the create in flight are saved first). @actions/core writes every entry in the multi-line
 * form, `name<<ghadelimiter_<uuid>`, and its random delimiter loads node:crypto. It works with
 * scripts/bundle-startup.js (which makes the bundle's require of node:crypto lazy) and random.ts:
 * without any of the three every step loads node:crypto again, and __tests__/e2e/counts.test.ts
 * fails. docs/performance.md has the measurement. The runner reads `name=value` as it reads the multi-line form (the form
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
    // A string is written as UTF-8, as the runner reads the file.
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}=${value}${external_node_os_namespaceObject.EOL}`);
    return true;
}

;// CONCATENATED MODULE: ./src/inputs/input-error.ts
/** Bad input: the message names the input and says what is accepted. */
class InputError extends Error {
    input;
    constructor(input, message) {
        super(`Input "${input}": ${message}`);
        this.input = input;
        this.name = 'InputError';
    }
}

;// CONCATENATED MODULE: ./src/inputs/api.ts
/**
 * The inputs every action that talks to the API reads (api-key, project-id, api-url,
 * request-timeout, max-attempts), validated the same way everywhere, before any request is sent.
 */

const MAX_ATTEMPTS_LIMIT = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
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
    // A header carries only visible ASCII: a pasted en dash fails in Node before the request leaves,
    // and an accented letter reaches the API as bytes no key has. Neither is a key.
    const foreign = /[^\x21-\x7e]/u.exec(apiKey)?.[0];
    if (foreign !== undefined) {
        throw new InputError('api-key', `contains ${codePoint(foreign)} at character ${[...apiKey.slice(0, apiKey.indexOf(foreign))].length + 1}, which is not visible ASCII ` +
            '(an en dash, a zero-width space or an accented letter pasted with the key); a Deepgram API key is letters, digits and ASCII punctuation only.');
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
/** U+2013, as a person looks a character up (the character itself may be invisible). */
function codePoint(char) {
    return `U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
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
    if (at === -1)
        return raw;
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? '';
    return `${scheme}***${raw.slice(at)}`;
}
function isLoopbackHost(hostname) {
    // Its one caller passes URL.hostname, which brackets an IPv6 address at both ends and has no
    // bracket anywhere else: either anchor alone gives the same host.
    // Stryker disable next-line Regex: equivalent, as above
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

;// CONCATENATED MODULE: ./src/inputs/keep.ts
/** The `keep` input, as the main action (the name to keep a set under) and the retire action (the name to retire under) read it. */


/** A name to keep the set under: '' (not kept by name), or 1 to 63 of a-z, 0-9 and '-'. */
function parseKeep(raw) {
    if (raw === '' || KEEP_NAME.test(raw))
        return raw;
    throw new InputError('keep', `"${raw}" is not a name to keep credentials under; use 1 to 63 of a-z, 0-9 and '-' (such as prod-pull-secret).`);
}

;// CONCATENATED MODULE: ./src/inputs/parse.ts
/**
 * The parsers every action's inputs share: a boolean, one of a few choices, and a list. Each
 * error names the input and what it accepts.
 */

/** `true` or `false` in any case; empty means `fallback`. */
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
/** One of `choices`, in any case; empty means the first. */
function parseChoice(input, raw, choices) {
    if (raw === '')
        return choices[0];
    const value = choices.find((choice) => choice === raw.toLowerCase());
    if (value === undefined)
        throw new InputError(input, `"${raw}" is not accepted; use ${choices.join(', ').replace(/, ([^,]*)$/, ' or $1')}.`);
    return value;
}
/**
 * A list input's items: separated by commas and/or newlines, each trimmed, empty ones skipped.
 * The caller checks each item and drops repeats by its own rule of sameness.
 */
function splitList(raw) {
    return raw
        .split(/[,\n]/)
        .map((part) => part.trim())
        .filter((part) => part !== '');
}

;// CONCATENATED MODULE: ./src/inputs/duration.ts
/**
 * Durations as inputs write them (`90s`, `30m`, `12h`, `5d`, `0`). One syntax for every duration
 * input (`min-age` of the retire action, `prune-after`, `max-kept-age`), so a value that works in
 * one works in the others.
 */

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

;// CONCATENATED MODULE: ./src/inputs/prune-after.ts
/** The `prune-after` input, as the main action (when its post step prunes) and the audit (when a job set is orphaned) read it. */

const SIX_HOURS_MS = 6 * 3_600_000;
/** Default 5d: the longest a GitHub job can run, so an older job set has lost its post step. */
function parsePruneAfter(raw, warnings) {
    const ms = parseDuration('prune-after', raw === '' ? '5d' : raw, { allowOff: true });
    if (ms > 0 && ms < SIX_HOURS_MS) {
        warnings.push(`prune-after is ${raw}: a job of this action that is still running after that long (jobs on GitHub-hosted runners may run 6 h, on self-hosted ones 5 d) loses its credentials to another job's pruning.`);
    }
    return ms;
}

;// CONCATENATED MODULE: ./src/inputs/registry-host.ts
/**
 * A registry host with an optional port, as docker and podman accept it: what the `registry`
 * input must be, and what the post step checks a registry from saved state against.
 */
// A registry host with an optional port, as docker accepts it (no scheme, no path).
const REGISTRY_SHAPE = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:(?<port>\d{1,5}))?$/i;
function isRegistryHost(registry) {
    // The port as the shape matched it: a ":digits" inside an IPv6 address's brackets is not one.
    const match = REGISTRY_SHAPE.exec(registry);
    return match !== null && Number(match.groups.port ?? 0) <= 65535;
}

;// CONCATENATED MODULE: ./src/login/inputs.ts
/**
 * The main action's inputs (action.yml), read and validated into one typed Settings object, so
 * that bad input fails the step with a message naming the input, before any request is sent. The
 * post step reads them again the same way.
 */







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
    const dockerConfigInput = parseChoice('docker-config', getInput('docker-config'), ['auto', 'default', 'job']);
    // A self-hosted runner's jobs share its user's home, often several at a time; a GitHub-hosted
    // runner is one job's machine, where the usual config is what later steps expect.
    const dockerConfig = dockerConfigInput === 'auto' ? (env.RUNNER_ENVIRONMENT === 'self-hosted' ? 'job' : 'default') : dockerConfigInput;
    const login = parseBoolean('login', getInput('login'), true);
    const logout = parseBoolean('logout', getInput('logout'), true);
    if (login && !logout && revoke && dockerConfig === 'default') {
        warnings.push("logout: false with revoke: true leaves a login to credentials that are revoked at job end in the registry CLI's usual " +
            `config, in place of any login to ${registry} it held before: later pulls there fail until someone logs in again. ` +
            'Use keep: <name> (or revoke: false) for credentials that stay valid after the job, or logout: true to put the earlier login back.');
    }
    return {
        settings: {
            ...api,
            scopes,
            comment: parseComment(getInput('comment')) || defaultComment(env),
            provider,
            registry,
            login,
            logout,
            revoke,
            keep,
            pruneAfterMs: parsePruneAfter(getInput('prune-after'), warnings),
            cli: parseChoice('cli', getInput('cli'), ['auto', 'docker', 'podman']),
            dockerConfig,
            dockerConfigAuto: dockerConfigInput === 'auto',
        },
        warnings,
        notes,
    };
}
/** Comma- and/or newline-separated scopes; empty parts are skipped, the default is all products. */
function parseScopes(raw) {
    const scopes = [];
    for (const scope of splitList(raw)) {
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
/** Names the run that made the credentials, so a person reading the project's list knows whose they are. */
function defaultComment(env) {
    const repository = env.GITHUB_REPOSITORY || 'unknown repository';
    const workflow = env.GITHUB_WORKFLOW || 'unknown workflow';
    const runId = env.GITHUB_RUN_ID || 'local';
    const attempt = env.GITHUB_RUN_ATTEMPT || '1';
    return `GitHub Actions: ${repository} / ${workflow} run ${runId} attempt ${attempt}`;
}

;// CONCATENATED MODULE: ./src/deepgram/clock.ts
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/;
/** No set of this API was made before 2020: an earlier time (the epoch, year 1) is a placeholder, not an age. */
const EARLIEST_REAL_TIME_MS = Date.UTC(2020, 0, 1);
/**
 * A listed set's `created`, in ms since the epoch, when it is a time that can be real: an ISO 8601
 * time of a date that exists (no 2024-02-31, no hour 24, no second 60), no earlier than 2020.
 * Anything else is undefined, unreadable (Date.parse guesses at other forms and rolls 2024-02-31
 * over to March; an age decides what is deleted, so a guess never does).
 */
function createdTimeMs(created) {
    // Stryker disable next-line StringLiteral: equivalent, any text that is not a time reads as none
    const match = ISO_TIME.exec(created ?? '');
    if (!match)
        return undefined;
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
    const local = Date.UTC(year, month - 1, day, hour, minute, second);
    // Date.UTC rolls an impossible field over into the next one (February 31 into March, hour 24
    // into the next day): a date and time that exist come back as they were written. (Years before
    // 100 come back as 19xx, and are refused as before 2020 in any case.)
    const exists = new Date(local).toISOString().startsWith(match[0].slice(0, 19));
    const offsetHours = Number(match[10] ?? 0);
    const offsetMinutes = Number(match[11] ?? 0);
    if (!exists || offsetHours > 23 || offsetMinutes > 59)
        return undefined;
    const fraction = Math.floor(Number(`0${match[7] ?? ''}`) * 1000);
    const offsetMs = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
    const ms = local + fraction - offsetMs;
    return ms >= EARLIEST_REAL_TIME_MS ? ms : undefined;
}
/** Clocks further apart than this are worth a line in the log (HTTP dates are to the second). */
const CLOCK_SKEW_NOTE_MS = 5 * 60_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** IMF-fixdate, the one form HTTP senders must use: `Sun, 06 Nov 1994 08:49:37 GMT`. */
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}:\d{2}:\d{2}) GMT$/;
/**
 * A `Date` header's time in ms since the epoch, by the same rule as a set's created time (a date
 * that exists, no earlier than 2020); undefined for anything else, older HTTP date forms included.
 */
function httpDateMs(header) {
    // Stryker disable next-line StringLiteral: any text the pattern refuses stands for no header.
    const match = IMF_FIXDATE.exec(header ?? '');
    if (!match)
        return undefined;
    const [, day, month, year, time] = match;
    const monthNumber = String(MONTHS.indexOf(month) + 1).padStart(2, '0');
    return createdTimeMs(`${year}-${monthNumber}-${day}T${time}Z`);
}
/**
 * Now, by the API's clock when the list answer gave it, else by the runner's; says so (through
 * `note`) when the two differ by more than CLOCK_SKEW_NOTE_MS.
 */
function apiNow(page, note, runnerNow = Date.now()) {
    const apiTime = httpDateMs(page.date);
    if (apiTime === undefined)
        return runnerNow;
    const skew = runnerNow - apiTime;
    if (Math.abs(skew) > CLOCK_SKEW_NOTE_MS) {
        note(
        // Stryker disable next-line EqualityOperator: skew is never 0 here, so > and >= say the same.
        `The runner's clock is ${formatAge(Math.abs(skew))} ${skew > 0 ? 'ahead of' : 'behind'} the Deepgram API's ` +
            "(its answer's Date header); the sets' ages are measured by the API's clock.");
    }
    return apiTime;
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

;// CONCATENATED MODULE: ./src/deepgram/kept.ts




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
async function keptBefore(api, name, marker) {
    if (!name)
        return undefined;
    let listed;
    try {
        ({ items: listed } = await api.list());
    }
    catch (error) {
        api.warning(`Could not list the sets kept as "${name}", so kept-before is empty: ${errorMessage(error)}`);
        return '';
    }
    const { sets, refused } = keptUnder(listed.filter((item) => !madeBy(item.comment, marker)), name);
    if (refused > 0) {
        api.warning(`${refused} set(s) kept as "${name}" have an ID this action does not accept; they are left out of kept-before.`);
    }
    return sets.map((set) => set.id).join(',');
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = require("node:child_process");
;// CONCATENATED MODULE: ./src/runner/signals.ts
/**
 * What a step does when the runner stops it. A cancelled job, or a step past its timeout-minutes,
 * gets SIGINT, then SIGTERM 7.5 s later, and is killed soon after that; Node's default is to die
 * at once. That is right for most of a step (its saved state already says what post must undo),
 * but not for:
 *
 * - a process it started in a process group of its own (the registry CLI, so that a timeout ends
 *   its helpers too): the runner's signal never reaches that group, so a CLI stopped mid-login
 *   would live on, and could finish its login after post had logged out. `onStopSignal` ends it.
 * - work on a file other jobs share (post putting back the shared docker config under its lock):
 *   left half-done, the next job would wait on the lock and restore a revoked login.
 *   `finishBeforeStop` lets such work end, within the runner's grace, before the step dies.
 * - what must be said when the step dies with work unanswered (a revoke in flight):
 *   `onStoppedExit` says it last.
 *
 * So once any of these has been registered, SIGINT and SIGTERM run the stoppers, wait for the work
 * to finish (never past GRACE_MS of the first signal), say the last words, and then the step dies
 * of the same signal, as it would have without them. The handlers stay until a signal comes, also
 * when nothing is registered any more (they then only pass the signal on): removing them would
 * lose a signal that had just arrived, taken by Node from the system but not yet handed to a
 * listener, and the step would run on.
 */
const SIGNALS = ['SIGINT', 'SIGTERM'];
/**
 * How long, after a signal, finishing work may take: the runner sends SIGTERM 7.5 s after SIGINT
 * and kills about 2.5 s after SIGTERM, so both bounds end well before the kill.
 */
const GRACE_MS = { SIGINT: 6000, SIGTERM: 1500 };
const stoppers = new Set();
const finishing = new Set();
const lastWords = new Set();
/** The signal the step was stopped with, once it was. */
let stoppedBy;
let deadline;
let dead = false;
/** Whether this module's handlers are on SIGINT and SIGTERM. */
let handling = false;
/**
 * Runs `stop` if the step is stopped before the returned function is called (once the process it
 * ends has exited); at once if the step is being stopped already. Not on Windows, where a child
 * shares the console, and so the signal, with us.
 */
function onStopSignal(stop) {
    if (process.platform === 'win32')
        return () => undefined;
    if (stoppedBy !== undefined) {
        stop();
        return () => undefined;
    }
    return register(stoppers, stop);
}
/**
 * Runs `work`; a step stopped meanwhile dies only once it has settled (or at the grace's end), so
 * that it can leave what it shares with other jobs as it should be.
 */
async function finishBeforeStop(work) {
    const running = work();
    if (process.platform === 'win32')
        return running;
    const settled = running.then(() => undefined, () => undefined);
    const release = register(finishing, settled);
    try {
        return await running;
    }
    finally {
        release();
        if (stoppedBy !== undefined && finishing.size === 0)
            die();
    }
}
/** Runs `say` just before a stopped step dies, unless the returned function was called first. */
function onStoppedExit(say) {
    if (process.platform === 'win32')
        return () => undefined;
    return register(lastWords, say);
}
function register(set, item) {
    if (!handling)
        for (const signal of SIGNALS)
            process.on(signal, stopped);
    handling = true;
    set.add(item);
    return () => {
        set.delete(item);
    };
}
function stopped(signal) {
    stoppedBy = signal;
    for (const stop of stoppers) {
        try {
            stop();
        }
        catch {
            // The next stopper must still run, and the step must still end.
        }
    }
    stoppers.clear();
    if (finishing.size === 0)
        return die();
    // A second signal only shortens the time left (SIGTERM after SIGINT).
    const at = Date.now() + (GRACE_MS[signal] ?? 0);
    if (deadline !== undefined && deadline.at <= at)
        return;
    clearTimeout(deadline?.timer);
    deadline = { timer: setTimeout(die, at - Date.now()), at };
}
function die() {
    if (dead)
        return;
    dead = true;
    const signal = stoppedBy ?? 'SIGTERM';
    clearTimeout(deadline?.timer);
    for (const say of lastWords) {
        try {
            say();
        }
        catch {
            // The step must still end.
        }
    }
    lastWords.clear();
    finishing.clear();
    removeHandlers();
    const others = process.listeners(signal);
    // With no handler left, Node's default: the step dies of this signal, as the runner asked.
    if (others.length === 0)
        process.kill(process.pid, signal);
    // Another module's (proper-lockfile's signal-exit, which removes its locks and then dies of the
    // signal): given the signal now, as Node would have, before this step does anything more.
    else
        for (const listener of others)
            listener(signal);
    // Only a process that survives its own signal (a test's) gets here: as if never stopped.
    stoppedBy = undefined;
    deadline = undefined;
    dead = false;
}
function removeHandlers() {
    for (const signal of SIGNALS)
        process.off(signal, stopped);
    handling = false;
}

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
    // No prototype: a variable named __proto__ is a variable like any other.
    const result = Object.create(null);
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
        let stopped = false;
        // Its own process group, so that a timeout (or a stopped step) also ends the helpers it started.
        const child = (0,external_node_child_process_namespaceObject.spawn)(file, args, { env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
        const kill = () => killGroup(child.pid, () => child.kill('SIGKILL'));
        const timer = options.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                kill();
            }, options.timeoutMs);
        // The runner's SIGINT or SIGTERM reaches the step, not the group: the step passes it on.
        const release = onStopSignal(() => {
            stopped = true;
            kill();
        });
        const done = (exitCode) => {
            clearTimeout(timer);
            release();
            resolve({ exitCode, output, timedOut, stopped });
        };
        child.stdout.on('data', (chunk) => (output += chunk.toString()));
        child.stderr.on('data', (chunk) => (output += chunk.toString()));
        child.on('error', (error) => {
            output += error.message;
            done(-1);
        });
        // 'close' waits for the pipes; a killed process's descendants could hold them open, so after
        // a timeout or a stop its exit is enough.
        child.on('close', (code) => done(code ?? -1));
        child.on('exit', (code) => {
            if (timedOut || stopped)
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

;// CONCATENATED MODULE: ./src/registry/which.ts
/**
 * Where a program is on PATH: the answer @actions/io's which(tool) gives, for less.
 *
 * What it saves: loading @actions/io (a chunk of dist/) in every step that logs in or out, and its
 * search, which stats every directory on PATH, one asynchronous stat after another, before taking
 * the first match (docs/performance.md has the measurement). On Linux and macOS the same search
 * (same directories, same order, same test for an executable file) is done here with synchronous
 * stats that stop at the first match. On Windows, where PATHEXT and file-name case come into it,
 * io.which itself answers. What would break it: a difference from io.which's answer, which
 * __tests__/registry/which.test.ts compares on real files.
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

;// CONCATENATED MODULE: ./src/registry/podman.ts
/**
 * The file podman keeps its logins in. podman 4.3 chooses it itself, in an order that depends on
 * the environment and on whether it runs as root, and it is easy to look in one place while
 * podman writes to another (a login left behind, an earlier login never kept aside). So the
 * action works this file out once, the way `podman login` does, and names it on every podman
 * login and logout (`--authfile`): the file the action reads and keeps aside is always the one
 * podman writes, and the one the job's later `podman pull` finds without being told.
 */



/** podman login's own choice: REGISTRY_AUTH_FILE, else $DOCKER_CONFIG/config.json, else auth.json in its runtime folder. */
function podmanAuthFile(env = process.env, uid = process.geteuid?.() ?? 0) {
    if (env.REGISTRY_AUTH_FILE)
        return env.REGISTRY_AUTH_FILE;
    if (env.DOCKER_CONFIG)
        return (0,external_node_path_namespaceObject.join)(env.DOCKER_CONFIG, 'config.json');
    if (env.XDG_RUNTIME_DIR)
        return (0,external_node_path_namespaceObject.join)(env.XDG_RUNTIME_DIR, 'containers', 'auth.json');
    if (uid === 0)
        return '/run/containers/0/auth.json';
    return (0,external_node_path_namespaceObject.join)(rootlessRuntimeDir(env, uid), 'containers', 'auth.json');
}
/**
 * Rootless podman without XDG_RUNTIME_DIR takes the first of these that is (or can be made) a
 * folder of the user's own that no one else may read or write: /run/user/<uid> (a login session's),
 * then $TMPDIR/podman-run-<uid>, then ~/rundir.
 */
function rootlessRuntimeDir(env, uid) {
    const candidates = [(0,external_node_path_namespaceObject.join)('/run/user', String(uid)), (0,external_node_path_namespaceObject.join)(env.TMPDIR || (0,external_node_os_namespaceObject.tmpdir)(), `podman-run-${uid}`)];
    return candidates.find((dir) => usableRuntimeDir(dir, uid)) ?? (0,external_node_path_namespaceObject.join)(env.HOME || (0,external_node_os_namespaceObject.homedir)(), 'rundir');
}
function usableRuntimeDir(dir, uid) {
    const stats = (0,external_node_fs_namespaceObject.statSync)(dir, { throwIfNoEntry: false });
    if (stats === undefined)
        return writableBy((0,external_node_path_namespaceObject.dirname)(dir), uid);
    return stats.isDirectory() && stats.uid === uid && (stats.mode & 0o700) === 0o700 && (stats.mode & 0o066) === 0;
}
/** podman, as `uid`, could make a folder in `parent` (its own, or one anyone may write, as /tmp). */
function writableBy(parent, uid) {
    const stats = (0,external_node_fs_namespaceObject.statSync)(parent, { throwIfNoEntry: false });
    return (stats !== undefined && stats.isDirectory() && ((stats.uid === uid && (stats.mode & 0o300) === 0o300) || (stats.mode & 0o003) === 0o003));
}

;// CONCATENATED MODULE: ./src/registry/cli.ts
/**
 * The registry CLI, docker or podman: which one to use, login with retries and a time bound on
 * each attempt, and logout. Both take the same flags (podman also `--authfile`, see podman.ts);
 * the secret goes to `--password-stdin`, never onto a command line, and the registry always
 * follows `--`, so no value can be read as an option.
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
    const args = ['login', ...authFileFlag(cli), '--username', username, '--password-stdin', '--', registry];
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
    const result = await runChild(cli.path, ['logout', ...authFileFlag(cli), '--', registry], { timeoutMs });
    if (result.timedOut)
        throw new RegistryCliError(`${cli.name} logout from ${registry} did not finish within ${timeoutMs / 1000} s (request-timeout)`);
    if (result.stopped)
        throw new RegistryCliError(`${cli.name} logout from ${registry} was ended: the step was stopped`);
    const reason = cleanCliOutput(result.output);
    // podman says so when the entry is already gone (docker exits 0): nothing is left to remove.
    if (result.exitCode === 0 || /^not logged into\b/i.test(reason))
        return;
    throw new RegistryCliError(`${cli.name} logout from ${registry} failed: ${reason || `exit code ${result.exitCode}`}`);
}
/**
 * podman is told which file to use, the one the action reads (podman.ts says why); one argument,
 * so a path that begins with `-` is still a path. docker has one place only, DOCKER_CONFIG's.
 */
function authFileFlag(cli) {
    return cli.name === 'podman' ? [`--authfile=${podmanAuthFile()}`] : [];
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

;// CONCATENATED MODULE: ./src/registry/auth-file.ts
/**
 * Reading and writing a registry CLI's auth file (docker's config.json, podman's auth.json), for
 * the modules that keep a job's own config and those that share the usual one: the file's shape,
 * an atomic write, and masking what a login entry holds.
 */



/**
 * A map keyed by text from a file, an input or the API: no prototype, so that a key such as
 * `constructor` or `__proto__` is only ever an entry of its own.
 */
const dict = (entries = []) => {
    const map = Object.create(null);
    for (const [key, value] of entries)
        map[key] = value;
    return map;
};
/** `map[key]` when the map itself holds that key; never what an object inherits. */
const own = (map, key) => map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
/** JSON.parse, with every object in it prototype-free (see dict). */
const parseJson = (text) => JSON.parse(text, (_key, value) => typeof value === 'object' && value !== null && !Array.isArray(value) ? dict(Object.entries(value)) : value);
/** The file as JSON, or undefined when it is missing or not a JSON object (the CLI would refuse it too). */
function readAuthFile(file) {
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        const parsed = parseJson(text);
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
/** The entry holds the login itself, not a pointer to a credential store. */
function isInline(entry) {
    return typeof entry === 'object' && entry !== null && Object.values(entry).some((value) => typeof value === 'string' && value);
}
/** The credential helper that holds logins to `registry` in this file, if any. */
function helperFor(config, registry) {
    const entry = own(config?.auths, registry);
    const helper = own(config?.credHelpers, registry);
    if (typeof helper === 'string' && helper)
        return helper;
    return entry !== undefined && !isInline(entry) && typeof config?.credsStore === 'string' ? config.credsStore : undefined;
}
/** Every string of a login entry, and the password inside base64 user:password, is masked. */
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
/** Replaces `file` whole (a reader never sees half of it), keeping its permissions (0600 when new). */
function writeAtomically(target, text) {
    // Through a symlink to where the config really is, as docker itself writes it.
    const file = (0,external_node_fs_namespaceObject.existsSync)(target) ? (0,external_node_fs_namespaceObject.realpathSync)(target) : target;
    const mode = (0,external_node_fs_namespaceObject.statSync)(file, { throwIfNoEntry: false })?.mode ?? 0o600;
    (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.dirname)(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.dg-action-${process.pid}`;
    (0,external_node_fs_namespaceObject.writeFileSync)(temporary, text, { mode: mode & 0o777 });
    (0,external_node_fs_namespaceObject.renameSync)(temporary, file);
}
const authFileText = (config) => JSON.stringify(config, null, '\t');

;// CONCATENATED MODULE: ./src/registry/carried-logins.ts
/**
 * What a job's own config (job-config.ts) carries of the runner user's logins to other registries,
 * so that the job's later steps still push and pull there: every way the user's docker (or
 * podman) finds them, except a way that would make this action's login land outside the job's
 * config.
 *
 * - `auths`: inline logins to other registries are copied (into a 0600 file in a 0700 folder,
 *   masked in the log; post takes every login out of the job's config).
 * - `credHelpers`: kept for other registries; they name programs, not secrets.
 * - `credsStore` (docker): cannot stay, or docker would write this job's login into the store every
 *   job of the runner shares. So each registry the store holds a login to (`docker-credential-<store>
 *   list`, and every `auths` entry that points at the store) gets a `credHelpers` entry naming the
 *   store. A store that cannot list gets one warning.
 *
 * The action's registry never gets a helper, so its login is written inline in the job's config.
 * Nothing here calls a helper's `store` or `erase`, or writes the user's config.
 */



/** The bound on `docker-credential-<store> list`: a store on a headless host may wait on a keyring for ever. */
const STORE_LIST_TIMEOUT_MS = 5000;
/** A store or helper name docker would run as docker-credential-<name>; anything else is never run. */
const PROGRAM_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** Docker Hub's key: docker looks its logins up under this URL, every other registry under its host. */
const DOCKER_HUB = 'https://index.docker.io/v1/';
/**
 * The logins of `user` (the user's usual file) that the job's config for `registry` carries.
 * `ownJob`: the usual file is already a job config of this action's (a second use in the job):
 * all its inline logins are this job's own, the registry's included, and carry on.
 */
async function carriedLogins(cli, user, registry, ownJob) {
    const auths = dict();
    const credHelpers = dict();
    const other = (key) => ownJob || hostOf(key) !== registry;
    for (const [key, entry] of Object.entries(isMap(user.auths) ? user.auths : {})) {
        if (!isInline(entry) || !other(key))
            continue;
        protectEntry(entry);
        auths[key] = entry;
    }
    for (const [key, helper] of Object.entries(isMap(user.credHelpers) ? user.credHelpers : {})) {
        if (typeof helper === 'string' && helper && hostOf(key) !== registry)
            credHelpers[key] = helper;
    }
    const store = user.credsStore;
    if (cli.name === 'docker' && typeof store === 'string' && store) {
        // docker looks a registry up in credHelpers by the key it stores logins under; an explicit helper wins.
        const pointing = Object.entries(isMap(user.auths) ? user.auths : {}).filter(([, entry]) => !isInline(entry));
        const listed = await listStore(store);
        for (const key of [...pointing.map(([key]) => key), ...listed]) {
            const lookup = helperKey(key);
            if (hostOf(lookup) !== registry && !Object.hasOwn(credHelpers, lookup) && !Object.hasOwn(auths, lookup))
                credHelpers[lookup] = store;
        }
    }
    return { auths, credHelpers };
}
/** The server URLs the store holds logins for; none, with one warning, when it cannot say. */
async function listStore(store) {
    const program = `docker-credential-${store}`;
    const lacking = `the job's later docker steps have no login the store holds, but for the registries the usual config names in \`auths\`. ` +
        'Log in to the others in the job, or name them in the usual config under `credHelpers`.';
    if (!PROGRAM_NAME.test(store)) {
        log_warning(`The usual docker config names a credential store (credsStore) that is not a program name; it is not run: ${lacking}`);
        return [];
    }
    const result = await runChild(program, ['list'], { timeoutMs: STORE_LIST_TIMEOUT_MS });
    let problem;
    let urls = [];
    if (result.timedOut)
        problem = `it did not answer within ${STORE_LIST_TIMEOUT_MS / 1000} s`;
    else if (result.exitCode !== 0)
        problem = result.exitCode === -1 ? 'it could not be run' : `it exited with code ${result.exitCode}`;
    else {
        let parsed;
        try {
            parsed = JSON.parse(result.output);
        }
        catch {
            // Not JSON: not the object either.
        }
        if (isMap(parsed))
            urls = Object.keys(parsed);
        else
            problem = 'its answer was not the JSON object `list` gives';
    }
    if (problem !== undefined) {
        log_warning(`The usual docker config keeps logins in the credential store ${program}, which could not list them (${problem}): ${lacking}`);
    }
    return urls;
}
/** The key docker looks a server URL's logins up under: Docker Hub's URL, or else the host. */
function helperKey(serverUrl) {
    return serverUrl === DOCKER_HUB ? serverUrl : hostOf(serverUrl);
}
/** The registry host of an auth-file key: `https://ghcr.io/v1/` and podman's `quay.io/org/repo` alike. */
function hostOf(key) {
    return key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0];
}
const isMap = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

;// CONCATENATED MODULE: ./src/registry/job-config.ts
/**
 * `docker-config: job` (the default on self-hosted runners): a config of this job's own in its
 * execution folder under RUNNER_TEMP, exported to the job's later steps as DOCKER_CONFIG (podman:
 * REGISTRY_AUTH_FILE), so that jobs sharing a runner's home never overwrite or log out each
 * other's logins.
 *
 * It is a whole docker config, not only a place for one login: a runner's docker is often
 * customised (a current context that is not `default` for rootless docker or a remote host,
 * per-user CLI plugins such as buildx and compose, buildx builders, logins to other registries),
 * and a config without them makes the login fail ("context not found") and the job's later steps
 * fail to push or pull elsewhere. So the job's config.json carries every setting of the user's,
 * the user's logins to other registries (carried-logins.ts says how), and links to the user's
 * `contexts/`, `cli-plugins/` and `buildx/` folders (junctions on Windows, which needs no
 * privilege for them), which are used in place and never changed by the action.
 *
 * At job end the folder stays: the post steps of actions that ran before this one run after this
 * one's (post steps run in reverse order) with DOCKER_CONFIG still set, and
 * docker/setup-buildx-action's removes its builder there. Post only takes the logins out of it; the
 * runner empties RUNNER_TEMP when the job ends.
 */







/** The folders of the user's docker config that the job's config reaches through a link. */
const SHARED_FOLDERS = ['contexts', 'cli-plugins', 'buildx'];
const JOB_FILES = ['config.json', 'auth.json'];
/** The name of an execution folder (see executionDir in config.ts). */
const EXECUTION_FOLDER = /^dg-action-[0-9a-f]{12}$/;
/**
 * Main: the job's own config in `dir`, seeded from `userFile` (the CLI's usual file, found before
 * DOCKER_CONFIG is changed), and exported. `registry` is the one this action logs in to; `auto`:
 * `docker-config: auto` chose this mode (the log says so).
 */
async function useJobConfig(cli, dir, userFile, registry, auto) {
    const user = readAuthFile(userFile) ?? dict();
    const seed = dict(Object.entries(user));
    delete seed.auths;
    // No store: this job's login would land in a store every job on the runner shares.
    delete seed.credsStore;
    delete seed.credHelpers;
    // An earlier use of this action in the same job made the usual config a job config already: its
    // logins are this job's own (taken out at job end), so they carry on rather than vanish.
    const userDir = (0,external_node_path_namespaceObject.dirname)(userFile);
    const { auths, credHelpers } = await carriedLogins(cli, user, registry, isExecutionFolder(userDir));
    if (Object.keys(auths).length > 0 || isExecutionFolder(userDir))
        seed.auths = auths;
    if (Object.keys(credHelpers).length > 0)
        seed.credHelpers = credHelpers;
    ownDir(dir);
    const file = (0,external_node_path_namespaceObject.join)(dir, cli.name === 'docker' ? 'config.json' : 'auth.json');
    (0,external_node_fs_namespaceObject.writeFileSync)(file, authFileText(seed), { mode: 0o600 });
    if (cli.name === 'docker')
        linkSharedFolders(userDir, dir);
    // Exported: this step's CLI and the job's later steps use it (exportVariable sets process.env too).
    if (cli.name === 'docker')
        file_commands_exportVariable('DOCKER_CONFIG', dir);
    else
        file_commands_exportVariable('REGISTRY_AUTH_FILE', file);
    const how = auto ? 'docker-config: auto, on a self-hosted runner' : 'docker-config: job';
    log_info(`Using a ${cli.name} config of this job's own (${how}), its logins taken out at job end: ${file}`);
}
/** Links to the user's folders that exist; a folder that does not is left for the job to make as its own. */
function linkSharedFolders(userDir, dir) {
    for (const name of SHARED_FOLDERS) {
        // Absolute: a DOCKER_CONFIG given relative to the workspace must not make a link relative to RUNNER_TEMP.
        const target = (0,external_node_path_namespaceObject.resolve)(userDir, name);
        const link = (0,external_node_path_namespaceObject.join)(dir, name);
        if (!(0,external_node_fs_namespaceObject.existsSync)(target) || (0,external_node_fs_namespaceObject.lstatSync)(link, { throwIfNoEntry: false }))
            continue;
        linkFolder(target, link);
    }
}
/**
 * A link to a folder: a junction on Windows, where a directory symlink needs a privilege runners
 * seldom have (a junction needs none, and an absolute target is all it takes); a symlink elsewhere.
 * A link that cannot be made is a warning, not a failed step: the job's docker then lacks that
 * folder of the user's. `platform` and `symlink` are for tests.
 */
function linkFolder(target, link, platform = process.platform, symlink = external_node_fs_namespaceObject.symlinkSync) {
    try {
        symlink(target, link, platform === 'win32' ? 'junction' : 'dir');
        return true;
    }
    catch (error) {
        log_warning(`Could not link the job's ${link} to the user's ${target} (${error.message}): ` +
            `the job's docker steps do not see the user's ${(0,external_node_path_namespaceObject.basename)(target)}.`);
        return false;
    }
}
const isExecutionFolder = (dir) => EXECUTION_FOLDER.test((0,external_node_path_namespaceObject.basename)(dir)) && (0,external_node_path_namespaceObject.dirname)(dir) === (process.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)());
/**
 * Post: the logins go out of the job's config in `dir` (this step's and any a later step made
 * there); its settings and links stay for the post steps still to come. False when `dir` holds no
 * config of the job's own.
 *
 * A link is never written through: a later step that replaced the job's config (or its folder)
 * with a link to the user's would otherwise have every login of the user's taken out. It is left
 * as it is, with a warning.
 */
function closeJobConfig(dir) {
    const folder = (0,external_node_fs_namespaceObject.lstatSync)(dir, { throwIfNoEntry: false });
    if (folder === undefined)
        return false;
    if (!folder.isDirectory()) {
        log_warning(`${dir} is no longer the folder this job's config was made in (a link?): it is left as it is, logins and all.`);
        return false;
    }
    const present = (0,external_node_fs_namespaceObject.readdirSync)(dir).filter((name) => JOB_FILES.includes(name));
    for (const name of present) {
        const file = (0,external_node_path_namespaceObject.join)(dir, name);
        if (!(0,external_node_fs_namespaceObject.lstatSync)(file).isFile()) {
            log_warning(`${file} is no longer the file this job's config was made as (a link?): it is left as it is, logins and all.`);
            continue;
        }
        const config = readAuthFile(file) ?? dict();
        delete config.auths;
        writeAtomically(file, authFileText(config));
    }
    return present.length > 0;
}

;// CONCATENATED MODULE: ./src/registry/login-record.ts
/**
 * The record beside a shared config (see shared-config.ts): its format, where it lives, and reading
 * and writing it, with no lock of its own (its callers hold record-lock.ts's around both). For
 * each registry: the login the config held before any of this action's jobs, and each running
 * job's own login (its marker, the exact `auth` value it wrote, and when). Whatever in the file is not in the shape main writes is dropped, and every
 * secret in it is masked: the file is only as trusted as the config beside it.
 */



/** The longest a job runs (on a self-hosted runner): a login on record longer than that has lost its job. */
const LONGEST_JOB_MS = 5 * 24 * 3_600_000;
const MARKER = /^dg-action:[0-9a-f]{12}$/;
/** The record beside `file`: hidden, named after it. */
const recordPath = (file) => (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(file), `.${(0,external_node_path_namespaceObject.basename)(file)}.dg-action-logins`);
/**
 * The keys a logout of `registry` removes (docker also erases the https:// and http:// forms), so
 * each is kept aside and put back.
 */
const loginForms = (registry) => [registry, `https://${registry}`, `http://${registry}`];
const mayBeRunning = (login) => Date.now() - login.since < LONGEST_JOB_MS;
/** A login in the shape main writes: a marker, a login's `auth`, and a time (Number.isFinite takes numbers only). */
const isJobLogin = (login) => isObject(login) &&
    typeof login.marker === 'string' &&
    MARKER.test(login.marker) &&
    typeof login.auth === 'string' &&
    login.auth !== '' &&
    Number.isFinite(login.since);
/** The record, with whatever is not in the shape main writes dropped; every secret in it masked. */
function readRecords(file) {
    const records = dict();
    let parsed;
    try {
        // Stryker disable next-line StringLiteral: JSON.parse reads a Buffer as its UTF-8 text too.
        parsed = parseJson((0,external_node_fs_namespaceObject.readFileSync)(recordPath(file), 'utf8'));
    }
    catch {
        // No record yet, or not JSON: no records.
    }
    const registries = isObject(parsed) && isObject(parsed.registries) ? parsed.registries : dict();
    for (const [registry, value] of Object.entries(registries)) {
        if (!isObject(value))
            continue;
        const earlier = dict();
        for (const key of loginForms(registry)) {
            const entry = isObject(value.earlier) ? own(value.earlier, key) : undefined;
            if (isInline(entry))
                earlier[key] = entry;
        }
        const logins = Array.isArray(value.logins) ? value.logins.filter(isJobLogin) : [];
        Object.values(earlier).forEach(protectEntry);
        logins.forEach((login) => protectEntry({ auth: login.auth }));
        records[registry] = { earlier, logins: logins.map(({ marker, auth, since }) => ({ marker, auth, since })) };
    }
    return records;
}
function writeRecords(file, records) {
    if (Object.keys(records).length === 0)
        (0,external_node_fs_namespaceObject.rmSync)(recordPath(file), { force: true });
    else
        writeAtomically(recordPath(file), JSON.stringify({ registries: records }));
}
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

;// CONCATENATED MODULE: ./src/registry/record-lock.ts
/**
 * The lock two jobs' steps take before they read and write a shared config and its record, so
 * that neither ever works on what the other is half-way through changing.
 *
 * It is proper-lockfile's: a folder made beside the record (mkdir is atomic), whose time the
 * holder refreshes while it holds the lock, so that a lock counts as stale only once its holder
 * has stopped refreshing it (the holder was killed) and never while a slow `docker logout` (a
 * credential helper that hangs, up to request-timeout) runs under it. A step stopped by the
 * runner releases it before it dies (signals.ts, finishBeforeStop); proper-lockfile also removes
 * it when the process exits.
 *
 * Loaded only when a step takes the lock: it patches `fs` (graceful-fs) and hooks the process's
 * exit (signal-exit), which no other step needs.
 */




/**
 * A lock whose time has not been refreshed for this long was left by a step that was killed.
 * The holder refreshes it every quarter of that.
 */
const LOCK_STALE_MS = 20_000;
/**
 * For the end-to-end tests only, which must see a lock held past the stale time without waiting
 * that long: proper-lockfile never takes less than 2 s.
 */
const staleMs = (env = process.env) => {
    // Stryker disable next-line StringLiteral: any text that is not 4 to 6 digits stands for none.
    const fromTest = Number(/^\d{4,6}$/.exec(env.DG_ACTION_TEST_LOCK_STALE_MS ?? '')?.[0]);
    return Number.isFinite(fromTest) ? fromTest : LOCK_STALE_MS;
};
/** `work`, run while this step holds the lock of `target` (a file that need not exist). */
async function withLock(target, work) {
    (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.dirname)(target), { recursive: true, mode: 0o700 });
    // A CommonJS package: its exports are `default`, both in Node and in the bundle.
    const { lock } = (await __nccwpck_require__.e(/* import() */ 648).then(__nccwpck_require__.t.bind(__nccwpck_require__, 648, 23))).default;
    const stale = staleMs();
    const release = await lock(target, {
        realpath: false,
        stale,
        // proper-lockfile keeps this between 1 s and half the stale time.
        update: stale / 4,
        // As long as the holder holds it: a live holder is bounded by its request-timeout, a dead
        // one's lock goes stale.
        retries: { forever: true, minTimeout: 20, maxTimeout: 250 },
        onCompromised: (error) => {
            log_warning(`The lock on ${target} was lost while this step held it (${error.message}); another job may have changed it meanwhile.`);
        },
    });
    try {
        return await work();
    }
    finally {
        // A lost lock is no longer ours: proper-lockfile's release then leaves it and rejects.
        await release().catch(() => undefined);
    }
}
/**
 * `work`, holding the lock of the record beside `file`: no other job's step reads or writes it
 * meanwhile. Not on a GitHub-hosted runner: there a job has the machine to itself and its steps
 * run one at a time, so nothing can race for the record, and no step there pays for loading the
 * lock (proper-lockfile with graceful-fs and signal-exit: milliseconds at every step's start).
 */
async function withRecordLock(file, work) {
    if (process.env.RUNNER_ENVIRONMENT === 'github-hosted')
        return work();
    return withLock(recordPath(file), work);
}

;// CONCATENATED MODULE: ./src/registry/shared-config.ts
/**
 * `docker-config: default`: the CLI's usual config, which every job of the runner's user shares,
 * often several at a time on a self-hosted runner. A login to the registry that it held before
 * (the runner's own, long-lived) is kept aside in main and put back at job end, in whatever order
 * jobs on the runner start and end.
 *
 * Two jobs overlap: job 1 logs in over the runner's login, job 2 over job 1's. Job 2 must not take
 * job 1's login for "the earlier login" (job 1 revokes it at its end, and putting it back would
 * lose the runner's for good), and job 1's end must not log job 2 out. So the action keeps a
 * record beside the config, as private as the config itself (the same user's, mode 0600): for
 * each registry, the login that was there before any of this action's jobs, and each job's own
 * login (its marker, the exact `auth` value it wrote, and when). Main keeps the entry aside only
 * when it is no job's login on record. Post logs out only when the entry is still its own: then it
 * puts back the login of the newest job that is still running, or when none is, the earlier one.
 * An entry that is not its own (another job or tool logged in since) is left as it is.
 *
 * An entry is known as this action's only by being byte for byte a login in the record, never by
 * its look: a username deepgram+<uuid> may be a long-lived set an administrator logged in with, or
 * text any step wrote. Whoever could forge the record could as well rewrite the config itself.
 * A job that never reached its post step (a lost runner) stays on record for the longest a job can
 * run (5 days on a self-hosted runner): its login is not taken for an earlier one meanwhile.
 */





/** Main, before the CLI logs in: the earlier login kept aside unless a job of this action wrote it; this job on record. */
async function recordLogin(cli, file, registry, marker, auth) {
    const config = await withRecordLock(file, () => {
        const config = readAuthFile(file);
        const records = readRecords(file);
        const record = own(records, registry) ?? { earlier: dict(), logins: [] };
        const ours = new Set(record.logins.map((login) => login.auth));
        const current = own(config?.auths, registry);
        // A job of this action logged in (and may still run): what was there before it is on record already.
        if (!(isInline(current) && ours.has(current.auth)))
            record.earlier = earlierForms(config, registry, ours);
        record.logins = record.logins.filter((login) => login.marker !== marker && mayBeRunning(login));
        record.logins.push({ marker, auth, since: Date.now() });
        records[registry] = record;
        writeRecords(file, records);
        return config;
    });
    const helper = helperFor(config, registry);
    if (helper) {
        log_warning(`${file} keeps logins to ${registry} in a credential helper (${cli.name}-credential-${helper}): ` +
            `an earlier login there is replaced now, and removed by the logout at job end; the action cannot put it back. ` +
            'Use `docker-config: job` to leave it alone.');
    }
}
/**
 * Post: this job off the record and, with `logout: true` while the entry is still this job's
 * login, out of the registry with the right login put back. A step stopped meanwhile (SIGINT,
 * SIGTERM) finishes this first: its CLI is ended, and the rest takes no time.
 */
async function releaseLogin(file, registry, marker, release) {
    await finishBeforeStop(() => withRecordLock(file, () => releaseHeld(file, registry, marker, release)));
}
async function releaseHeld(file, registry, marker, release) {
    const records = readRecords(file);
    const record = own(records, registry);
    const mine = record?.logins.find((login) => login.marker === marker);
    const others = (record?.logins ?? []).filter((login) => login.marker !== marker && mayBeRunning(login));
    if (record && others.length > 0)
        record.logins = others;
    else
        delete records[registry];
    try {
        if (release.logout)
            await settle(file, registry, mine, others, record?.earlier ?? dict(), release.runLogout);
    }
    finally {
        writeRecords(file, records);
    }
}
async function settle(file, registry, mine, others, earlier, runLogout) {
    const config = readAuthFile(file) ?? {};
    // The login went to a credential helper: only the CLI can remove it, and nothing was kept aside.
    if (helperFor(config, registry))
        return runLogout?.();
    const current = own(config.auths, registry);
    if (mine === undefined || !isInline(current) || current.auth !== mine.auth) {
        log_info(leftAsItIs(file, registry, current, mine, others));
        return;
    }
    const newest = others.at(-1);
    if (newest !== undefined) {
        config.auths = dict([...Object.entries(config.auths ?? {}), [registry, { auth: newest.auth }]]);
        writeAtomically(file, authFileText(config));
        log_info(`Put back the login to ${registry} of another job on this runner that logged in with this action and is still running; ` +
            'the login from before either goes back when the last of them ends.');
        return;
    }
    await runLogout?.();
    const after = readAuthFile(file) ?? {};
    const auths = dict(Object.entries(after.auths ?? {}));
    // A logout that failed (or a CLI gone) left this job's login: it goes all the same, and the earlier one comes back.
    const left = own(auths, registry);
    if (isInline(left) && left.auth === mine.auth)
        delete auths[registry];
    for (const [key, entry] of Object.entries(earlier))
        auths[key] = entry;
    if (JSON.stringify(auths) !== JSON.stringify(after.auths ?? {}))
        writeAtomically(file, authFileText({ ...after, auths }));
    if (Object.keys(earlier).length > 0)
        log_info(`Put back the login to ${registry} that ${file} held before this job.`);
}
function leftAsItIs(file, registry, current, mine, others) {
    if (mine === undefined)
        return `${file} has no login to ${registry} on record for this job: nothing of it to log out of.`;
    if (current === undefined)
        return `${file} holds no login to ${registry} any more: nothing to log out of.`;
    const byAnotherJob = isInline(current) && others.some((login) => login.auth === current.auth);
    const who = byAnotherJob
        ? 'another job on this runner logged in with this action since, and puts back the earlier login when it ends'
        : 'another job or tool logged in since';
    return `The login to ${registry} in ${file} is no longer the one this job wrote (${who}): it is left as it is.`;
}
/** Every form of the registry's entry that holds a login, but this action's. */
function earlierForms(config, registry, ours) {
    const earlier = dict();
    for (const key of loginForms(registry)) {
        const entry = own(config?.auths, key);
        if (!isInline(entry) || ours.has(entry.auth))
            continue;
        protectEntry(entry);
        earlier[key] = entry;
    }
    return earlier;
}

;// CONCATENATED MODULE: ./src/registry/config.ts
/**
 * The file the registry CLI keeps its logins in (docker's config.json, podman's auth.json), and
 * which of two ways this action uses it (see job-config.ts and shared-config.ts):
 *
 * - `docker-config: job`: a whole config of this job's own under RUNNER_TEMP, exported to the
 *   job's later steps; its logins are taken out at job end.
 * - `docker-config: default`: the usual config, shared with every other job of the runner's user;
 *   an earlier login to the registry is kept aside and put back, in whatever order jobs overlap.
 */





/** Where `cli` keeps its logins, as it finds the file itself. */
function authFilePath(cli, env = process.env) {
    if (cli === 'docker')
        return (0,external_node_path_namespaceObject.join)(env.DOCKER_CONFIG || (0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.docker'), 'config.json');
    // The same file the CLI is told to use (--authfile) on every podman login and logout.
    return podmanAuthFile(env);
}
/**
 * This execution's own folder: named after its marker, under RUNNER_TEMP (which the runner
 * empties at job end). Undefined for a marker that is not one main makes (it comes from state).
 */
function executionDir(marker, env = process.env) {
    const hex = /^dg-action:([0-9a-f]{12})$/.exec(marker)?.[1];
    return hex === undefined ? undefined : (0,external_node_path_namespaceObject.join)(env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)(), `dg-action-${hex}`);
}
/**
 * Main, before anything is written: the file this job's login goes to, by `mode`. Paths are made
 * absolute now, so that post (which may run in another folder) finds the same file.
 */
function chooseConfig(cli, mode, auto, marker) {
    const dir = executionDir(marker);
    if (dir === undefined)
        throw new Error(`Not an execution marker: ${marker}`);
    const userFile = (0,external_node_path_namespaceObject.resolve)(authFilePath(cli));
    const file = mode === 'job' ? (0,external_node_path_namespaceObject.resolve)(dir, cli === 'docker' ? 'config.json' : 'auth.json') : userFile;
    return { mode, cli, file, userFile, auto };
}
/** Main, before the login: a job config of its own, or the shared one with this job's login on record. */
async function prepareAuthFile(cli, target, registry, marker, auth) {
    if (target.mode === 'job')
        await useJobConfig(cli, (0,external_node_path_namespaceObject.dirname)(target.file), target.userFile, registry, target.auto);
    else
        await recordLogin(cli, target.file, registry, marker, auth);
}

;// CONCATENATED MODULE: ./src/registry/login.ts
/**
 * The registry side of both steps, each called in one line: main logs in (with the job's own
 * config, or the shared one with this job's login on record, then the CLI with retries); post
 * undoes what main recorded in state: it takes the logins out of the job's config, or logs out of
 * the shared one and puts back what should be there. Post never works the config out again from
 * the inputs: main's choice (mode, CLI, file) is in state.
 */









/** Main: the CLI to log in with, found before anything is created. */
const findLoginCli = (choice) => findRegistryCli(choice, 'log in; set `login: false` to only create the credentials and use the outputs');
async function logIn(options, marker, secret) {
    const { registry, username, cli } = options;
    // What the CLI writes for this login: how a later step knows the entry for this job's.
    const auth = Buffer.from(`${username}:${secret}`).toString('base64');
    await prepareAuthFile(cli, options.config, registry, marker, auth);
    await cliLogin(cli, registry, username, secret, {
        maxAttempts: options.maxAttempts,
        attemptTimeoutMs: options.requestTimeoutMs,
        log: log_info,
    });
}
/** Post: never throws; what fails is a warning that says so. */
async function logOutAtJobEnd(saved, options) {
    if (!saved.loggedInTo)
        return;
    const config = saved.registryConfig;
    if (config === undefined) {
        // Main saves the config before loggedInTo: state without it is not what main wrote.
        log_warning('The saved state names no registry config this action made (mode, CLI and file): not logging out.');
        return;
    }
    if (config.mode === 'job')
        return closeJobConfigAtJobEnd(saved.marker, config, options);
    // From state, which the runner keeps in the environment: named and used only when it is what main would have accepted.
    const registry = isRegistryHost(saved.loggedInTo) ? saved.loggedInTo : undefined;
    const title = options.logout
        ? `Log out of ${registry ?? 'the registry'}`
        : `Leave the login to ${registry ?? 'the registry'} (logout: false)`;
    await group(title, async () => {
        if (registry === undefined)
            return log_warning('The saved registry is not a registry host; not logging out of it.');
        const cli = await findRegistryCli(config.cli, 'log out of the registry').catch((error) => {
            // These messages already say what failed and where.
            if (options.logout)
                log_warning(errorMessage(error));
            return undefined;
        });
        const runLogout = cli &&
            (async () => {
                try {
                    await cliLogout(cli, registry, options.requestTimeoutMs);
                    log_info(`Logged out of ${registry}.`);
                }
                catch (error) {
                    log_warning(errorMessage(error));
                }
            });
        try {
            await releaseLogin(config.file, registry, saved.marker, { logout: options.logout, runLogout });
        }
        catch (error) {
            log_warning(`Could not put back the login to ${registry} that was there before this job: ${errorMessage(error)}`);
        }
    });
}
/** The job's config stays for the post steps still to come (see job-config.ts); its logins go. */
function closeJobConfigAtJobEnd(marker, config, options) {
    const dir = executionDir(marker);
    if (dir === undefined || !options.logout)
        return;
    // Only ever this execution's own folder: a recorded file elsewhere is not one main made.
    if ((0,external_node_path_namespaceObject.dirname)(config.file) !== (0,external_node_path_namespaceObject.resolve)(dir)) {
        log_warning(`The saved registry config ${config.file} is not in this job's own folder (${dir}): it is left as it is.`);
        return;
    }
    try {
        if (closeJobConfig(dir))
            log_info("Took the logins out of this job's own registry config (the runner empties RUNNER_TEMP at job end).");
    }
    catch (error) {
        log_warning(`Could not take the logins out of this job's registry config under RUNNER_TEMP: ${errorMessage(error)}`);
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
    registryConfig: 'registryConfig',
    registryCli: 'registryCli',
    registryFile: 'registryFile',
};
function readState() {
    return {
        marker: getState(KEYS.marker),
        credentialsId: getState(KEYS.credentialsId),
        loggedInTo: getState(KEYS.loggedInTo),
        sweep: getState(KEYS.sweep) === 'true',
        // A number main wrote, or 0: state is text anyone with the runner's files could have touched.
        createInFlightUntil: Number(/^\d{1,15}$/.exec(getState(KEYS.createInFlightUntil))?.[0] ?? 0),
        registryConfig: readRegistryConfig(),
    };
}
/** All three keys in the shape main writes, or none. */
function readRegistryConfig() {
    const mode = getState(KEYS.registryConfig);
    const cli = getState(KEYS.registryCli);
    const file = getState(KEYS.registryFile);
    if ((mode !== 'job' && mode !== 'default') || (cli !== 'docker' && cli !== 'podman') || !(0,external_node_path_namespaceObject.isAbsolute)(file))
        return undefined;
    return { mode, cli, file };
}
const saveMarker = (marker) => file_commands_saveState(KEYS.marker, marker);
const saveCredentialsId = (id) => file_commands_saveState(KEYS.credentialsId, id);
const saveLoggedInTo = (registry) => file_commands_saveState(KEYS.loggedInTo, registry);
const saveSweepNeeded = () => file_commands_saveState(KEYS.sweep, 'true');
/** Saved before each create goes out and cleared when it settles: a step killed in between leaves it set. */
const saveCreateInFlight = (until) => file_commands_saveState(KEYS.createInFlightUntil, until ? String(until) : '');
/** Saved before the login is tried (and before loggedInTo): post undoes what this names. */
function saveRegistryConfig(config) {
    file_commands_saveState(KEYS.registryConfig, config.mode);
    file_commands_saveState(KEYS.registryCli, config.cli);
    file_commands_saveState(KEYS.registryFile, config.file);
}

;// CONCATENATED MODULE: ./src/runner/summary-file.ts
/**
 * The job summary (GITHUB_STEP_SUMMARY) that every action writes to: HTML built with core.summary,
 * taken out of it, and appended by core.summary once the step has it all; and the escaping its
 * tables need.
 */

/** The HTML core.summary has built, taken out of it: its buffer is empty again. */
function takeBuilt(summary) {
    const html = summary.stringify();
    summary.emptyBuffer();
    return html;
}
/**
 * Appends HTML to the job summary with core.summary.write(). Outside a runner that gives the step a
 * summary file (no GITHUB_STEP_SUMMARY) there is nowhere to write; that is not an error, where
 * core.summary would throw.
 */
async function appendToSummary(html) {
    if (!process.env.GITHUB_STEP_SUMMARY || !html)
        return;
    await summary.addRaw(html).write();
}
const code = (text) => `<code>${escapeHtml(text)}</code>`;
/** Escaped for HTML, on one line: a blank line inside the table would end GitHub's HTML block. */
function escapeHtml(text) {
    return text
        .replace(/\s*[\r\n]+\s*/g, ' ')
        .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

;// CONCATENATED MODULE: ./src/deepgram/comment-html.ts
/** A set's comment in a job summary: text from the API, escaped, with the action's tag set apart. */


/** The comment as text, with the action's trailing tag set in code so it is easy to spot and search for. */
function formatComment(comment) {
    const tag = parseTag(comment);
    if (!tag)
        return escapeHtml(comment);
    const text = formatTag(tag);
    const before = comment.slice(0, comment.length - text.length).trimEnd();
    return before ? `${escapeHtml(before)} ${code(text)}` : code(text);
}

;// CONCATENATED MODULE: ./src/login/summary.ts
/** The main action's job summary: what was created and what the post step will do, and what post pruned. Never the secret. */




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

;// CONCATENATED MODULE: ./src/login/main.ts
/**
 * The main step: validate inputs, create credentials, mask them, log the registry CLI in, set
 * outputs and the job summary, and leave the post step what it needs to revoke them.
 */














/**
 * The main step's entry: runs it and turns an error into the step's failure. Importing this module
 * does nothing, so a tool that imports it and calls run() itself (GitHub's local-action) runs the
 * step once; the runner's dist/index.js is a one-line caller of it (through src/action.ts).
 */
async function run() {
    try {
        await runMain();
    }
    catch (error) {
        setFailed(redact(error instanceof Error ? error.message : String(error)));
    }
}
async function runMain() {
    // First thing: a key passed through `vars` or `env` is not masked by the runner on its own.
    protectSecret(getInput('api-key'));
    const { settings, warnings, notes } = readSettings((name) => getInput(name));
    warnings.forEach(log_warning);
    notes.forEach(log_info);
    // Without docker or podman there is nothing to log in with: fail before anything is created.
    const cli = settings.login ? await findLoginCli(settings.cli) : undefined;
    const marker = newMarker();
    saveMarker(marker);
    const api = ProjectApi.forStep(settings);
    const comment = tagComment(settings.comment, { marker, kind: tagKindFor(settings) });
    // One list, alongside the create rather than after it: kept-before costs no extra round trip.
    const before = keptBefore(api, settings.keep, marker);
    const credentials = await api.create({ comment, scopes: settings.scopes, provider: settings.provider }, marker, {
        inFlight: saveCreateInFlight,
        created: saveCredentialsId,
        mayHaveStrays: saveSweepNeeded,
    });
    const dockerConfigJson = protectCredentials(credentials, settings.registry);
    log_info(`Created distribution credentials ${credentials.id} (${credentials.username}).`);
    // The CLI starts logging in at once; the job summary is built meanwhile, and written once it has.
    const loggingIn = cli && logInOrTakeBack(api, cli, settings, marker, credentials);
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
    await appendToSummary(summary);
}
/** Logs the CLI in; credentials it cannot log in with are of no use to anyone: they are taken back before failing. */
async function logInOrTakeBack(api, cli, settings, marker, credentials) {
    // The config is chosen here, once: post undoes what state records of it, never working it out again.
    const config = chooseConfig(cli.name, settings.dockerConfig, settings.dockerConfigAuto, marker);
    saveRegistryConfig({ mode: config.mode, cli: config.cli, file: config.file });
    // Saved before the login: a step stopped mid-login may have written the login, and post must undo it.
    saveLoggedInTo(settings.registry);
    const login = {
        registry: settings.registry,
        username: credentials.username,
        cli,
        config,
        requestTimeoutMs: settings.requestTimeoutMs,
        maxAttempts: settings.maxAttempts,
    };
    try {
        await logIn(login, marker, credentials.secret);
    }
    catch (error) {
        await api.revoke(credentials.id).then(() => saveCredentialsId(''), (revokeError) => log_warning(`Could not revoke ${credentials.id} after the failed login (the post step tries again): ${errorMessage(revokeError)}`));
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

;// CONCATENATED MODULE: ./src/login/cleanup.ts
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
async function cleanUpProject(api, saved, settings) {
    await Promise.all([revokeHandedOut(api, saved, settings), tidyProject(api, saved, settings)]);
}
async function revokeHandedOut(api, saved, settings) {
    if (!saved.credentialsId)
        return;
    if (!settings.revoke) {
        const why = settings.keep ? `kept as "${settings.keep}"` : 'revoke: false';
        api.info(`Keeping distribution credentials ${saved.credentialsId} (${why}); they do not expire.`);
        return;
    }
    const byHand = () => `Delete them by hand: DELETE /v1/projects/${settings.projectId}/self-hosted/distribution/credentials/${saved.credentialsId} ` +
        `(or in the Deepgram console).`;
    // A step stopped (SIGINT, SIGTERM) before the API answered cannot know whether the set is gone,
    // and nothing else may ever delete it (prune-after: off): it says so, naming the set.
    const forget = onStoppedExit(() => api.warning(`The post step was stopped before Deepgram answered the revoke of distribution credentials ${saved.credentialsId}: ` +
        `they may still exist. ${byHand()}`));
    try {
        await api.revoke(saved.credentialsId);
    }
    catch (error) {
        api.warning(`Could not revoke distribution credentials ${saved.credentialsId}: ${errorMessage(error)}. ${byHand()}`);
    }
    finally {
        forget();
    }
}
async function tidyProject(api, saved, settings) {
    const sweep = saved.sweep || saved.createInFlightUntil > 0;
    if (!sweep && settings.pruneAfterMs === 0)
        return;
    const waitMs = inFlightWaitMs(saved);
    if (waitMs > 0) {
        api.info(`The main step stopped while a create was in flight; waiting ${formatAge(waitMs)} (its request-timeout) for it to land before sweeping.`);
        await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    let page;
    try {
        page = await api.list();
    }
    catch (error) {
        api.warning((sweep
            ? `Could not look for credentials that an interrupted create may have left (comment tag [${saved.marker}]): `
            : `Could not list the project's credentials to prune job sets older than ${formatAge(settings.pruneAfterMs)}: `) +
            `${errorMessage(error)}${sweep ? ". Check the project's distribution credentials for that tag." : ''}`);
        return;
    }
    const listed = page.items;
    if (sweep) {
        const strays = straysOf(listed, saved.marker, saved.credentialsId);
        const deleted = await api.deleteEach(strays, 'stray distribution credentials');
        api.info(`Deleted ${deleted.length} stray set(s) of credentials carrying [${saved.marker}].`);
    }
    if (settings.pruneAfterMs > 0)
        await prune(api, page, saved.marker, settings.pruneAfterMs);
}
/**
 * The most job sets one post step prunes, the oldest first; the rest are left to the next job. At a
 * few deletes at a time (delete-many.ts) this is seconds, not the step's whole budget, even with
 * a slow API; and a backlog of hundreds (a fleet of runners that died) is gone in a few jobs.
 */
const MAX_PRUNED_PER_JOB = 250;
/**
 * Deletes other executions' job sets older than `pruneAfterMs` by the API's clock, the oldest
 * first, and says which, with their ages. A set whose created time cannot be read (none, another
 * form, a date that does not exist, one before 2020) has no age this action trusts: it is left
 * alone, and counted.
 */
async function prune(api, page, marker, pruneAfterMs) {
    const now = apiNow(page, api.info);
    const jobSets = page.items.filter((set) => isJobSet(set.comment) && !madeBy(set.comment, marker));
    const dated = jobSets.flatMap((set) => {
        const createdMs = createdTimeMs(set.created);
        return createdMs === undefined ? [] : [{ set, ageMs: now - createdMs }];
    });
    if (dated.length < jobSets.length) {
        api.info(`${jobSets.length - dated.length} job set(s) of other runs have no created time that can be real; they are never pruned by age.`);
    }
    const old = dated.filter(({ ageMs }) => ageMs > pruneAfterMs).sort((a, b) => b.ageMs - a.ageMs);
    if (old.length === 0)
        return;
    const batch = old.slice(0, MAX_PRUNED_PER_JOB);
    if (old.length > batch.length) {
        api.info(`${old.length} job sets are older than ${formatAge(pruneAfterMs)}; pruning the ${batch.length} oldest, ` +
            `and leaving ${old.length - batch.length} to the next jobs (one job prunes at most ${MAX_PRUNED_PER_JOB}).`);
    }
    const deleted = new Set(await api.deleteEach(batch.map(({ set }) => set), 'old job credentials'));
    const pruned = batch.filter(({ set }) => deleted.has(set)).map(({ set, ageMs }) => ({ id: set.id, ageMs }));
    for (const { id, ageMs } of pruned) {
        api.info(`Pruned distribution credentials ${id}, created ${formatAge(ageMs)} ago by a job that never revoked them.`);
    }
    await appendToSummary(pruneSummary(pruned, pruneAfterMs));
}

;// CONCATENATED MODULE: ./src/runner/held-lines.ts
/**
 * Log lines that wait their turn. Work that runs beside an open log group (the post step's API
 * cleanup, beside its logout) logs here: its lines are held, and print in the order they came
 * when released, inside a group of their own, so the log reads as if the two had run one after
 * the other. Lines still held when the step ends, or is stopped (SIGINT, SIGTERM), print first:
 * none is lost.
 */


function holdLines() {
    let held = [];
    const release = () => {
        const lines = held ?? [];
        held = undefined;
        process.removeListener('exit', release);
        forgetStopSignal();
        for (const print of lines)
            print();
    };
    process.once('exit', release);
    const forgetStopSignal = onStopSignal(release);
    const hold = (print) => (message) => {
        if (held)
            held.push(() => print(message));
        else
            print(message);
    };
    return { info: hold(log_info), warning: hold(log_warning), release };
}

;// CONCATENATED MODULE: ./src/login/post.ts
/**
 * The post step (job end): log docker out and put back the login it replaced and, beside it,
 * revoke what main created, sweep up what an interrupted create may have left, and prune job sets
 * whose post step never ran. Cleanup never fails the job: a failure is a warning that says what
 * is left and how to remove it.
 */









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
    const api = ProjectApi.forStep(settings, inFlightWaitMs(saved));
    // The API cleanup and the logout go side by side: the config is put back in the logout's own
    // time, however long the API takes (a post stopped meanwhile has already put it back), and the
    // requests wait on the API while the CLI starts. The cleanup's lines print after the logout's.
    const lines = holdLines();
    const cleanup = cleanUpProject(api.withLogSinks(lines.info, lines.warning), saved, settings);
    cleanup.catch(() => undefined); // awaited below, after the logout: not an unhandled rejection meanwhile
    await logOutAtJobEnd(saved, { logout: settings.logout, requestTimeoutMs: settings.requestTimeoutMs });
    await group('Revoke and clean up distribution credentials', () => {
        lines.release();
        return cleanup;
    });
}

;// CONCATENATED MODULE: ./src/retire/plan.ts
/**
 * What the retire action decides: which of the sets kept under a name go, which stay and why, and
 * the job summary that says so. The step (step.ts) lists, deletes and reports.
 */



/**
 * Which of the sets kept under the name go. Without `except`: all but the newest. With it: those
 * older than the newest set it names, so that a later rotation's set, in service a minute from
 * now, is never retired by an earlier one. Never those younger than min-age, and never one whose
 * age or order the API's times cannot tell. IDs compare without regard to case.
 */
function planRetirement(sets, settings, now) {
    const except = new Set(settings.except.map((id) => id.toLowerCase()));
    const excepted = (set) => except.has(set.id.toLowerCase());
    const times = (chosen) => Math.max(...chosen.map((set) => set.createdMs ?? -Infinity));
    // The set that must stay: the newest under the name, or the newest that except names.
    const limit = except.size > 0 ? times(sets.filter(excepted)) : times(sets);
    const plan = {
        retire: [],
        leave: [],
        strangers: settings.except.filter((id) => !sets.some((set) => set.id.toLowerCase() === id.toLowerCase())),
    };
    for (const set of sets) {
        const reason = excepted(set) ? 'named in except' : keepReason(set, except.size > 0, limit, settings.minAgeMs, now);
        if (reason)
            plan.leave.push({ set, reason });
        else
            plan.retire.push(set);
    }
    return plan;
}
function keepReason(set, hasExcept, limit, minAgeMs, now) {
    // Without a time the set cannot be put in order, nor an age checked: leave it rather than guess.
    if (set.createdMs === undefined)
        return 'the API gave no created time that can be real';
    if (!hasExcept && set.createdMs === limit)
        return 'the newest set under the name';
    if (hasExcept && limit === -Infinity)
        return 'the sets named in except have no created time that can be real, so none is known to be older';
    if (hasExcept && set.createdMs >= limit)
        return 'not older than the newest set named in except';
    if (now - set.createdMs < minAgeMs)
        return `younger than min-age (${age(set, now)} old)`;
    return undefined;
}
function age(set, now) {
    return set.createdMs === undefined ? 'unknown' : formatAge(now - set.createdMs);
}
/** The retire step's job summary: every set kept under the name, its age and what became of it. */
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

;// CONCATENATED MODULE: ./src/retire/inputs.ts
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
/** Credentials IDs separated by commas and/or newlines; empty parts and repeats (in any case) are skipped. */
function parseExcept(raw) {
    const ids = [];
    for (const id of splitList(raw)) {
        if (!isCredentialsId(id)) {
            throw new InputError('except', `"${id}" is not a credentials ID; pass IDs such as the credentials-id output, separated by commas or newlines.`);
        }
        // IDs are UUIDs, the same in either case.
        if (!ids.some((seen) => seen.toLowerCase() === id.toLowerCase()))
            ids.push(id);
    }
    return ids;
}

;// CONCATENATED MODULE: ./src/retire/step.ts
/**
 * The retire action (`retire/action.yml`), the step after a deploy: delete the sets kept under a
 * name, except the one now in service. Unlike cleanup at job end this is the step's purpose, so
 * a list it cannot make or a set it cannot delete fails it, naming what is left.
 */












/** The retire step's entry: runs it and turns an error into the step's failure; dist/retire.js is a one-line caller of it. */
async function step_run() {
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
    const api = ProjectApi.forStep(settings);
    const page = await api.list().catch((error) => {
        throw new Error(`Could not list the project's credentials, so nothing was retired: ${errorMessage(error)}`);
    });
    const { sets, refused } = keptUnder(page.items, settings.keep);
    const now = apiNow(page, log_info);
    const plan = planRetirement(sets, settings, now);
    if (plan.strangers.length > 0) {
        // The set in service is not there: a newer rotation may have retired it already, or the ID is
        // wrong. Either way this rotation is not the one to decide what goes.
        throw new Error(`except names ${plan.strangers.join(', ')}, which is not a set kept as "${settings.keep}" ` +
            `(${sets.length} set(s) are kept under it), so nothing was retired. A newer rotation may have retired it; ` +
            'pass the ID of the set in service (the credentials-id output of the step that made it).');
    }
    log_info(`${sets.length} set(s) kept as "${settings.keep}"; retiring ${plan.retire.length}.`);
    plan.leave.forEach(({ set, reason }) => log_info(`Leaving ${set.id} alone: ${reason}.`));
    const outcomes = new Map(plan.leave.map(({ set, reason }) => [set, `left alone: ${reason}`]));
    const { failed, notTried } = await deleteMany(plan.retire, async (set) => outcomes.set(set, (await api.revoke(set.id)) === 'deleted' ? 'retired' : 'already gone'));
    for (const { set, error } of failed) {
        outcomes.set(set, 'could not delete');
        log_warning(`Could not retire distribution credentials ${set.id}: ${errorMessage(error)}`);
    }
    notTried.forEach((set) => outcomes.set(set, 'could not delete'));
    const retired = plan.retire.filter((set) => outcomes.get(set) === 'retired');
    file_commands_setOutput('retired', retired.map((set) => set.id).join(','));
    await appendToSummary(retireSummary(settings, sets, outcomes, now));
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

;// CONCATENATED MODULE: ./src/audit/classify.ts
/**
 * The audit's classification: every set the project lists is in exactly one class, decided by the
 * tag its comment ends with (tags.ts) and its age; kept sets older than max-kept-age are also
 * stale-kept. Pure: the list, the settings and the time in, the classified sets out. Everything in
 * a listed set came from the API, and stays data here: it is escaped where it is shown.
 */


/** The classes of the audit, in the order the summary and the outputs give them: every set is in exactly one. */
const AUDIT_CLASSES = ['job', 'orphaned', 'kept', 'in-service', 'superseded', 'legacy', 'untagged', 'unreadable'];
function auditSets(listed, policy, now) {
    const byClass = new Map(AUDIT_CLASSES.map((name) => [name, []]));
    for (const item of listed) {
        const set = classify(item, policy, now);
        byClass.get(set.class).push(set);
    }
    markInService(byClass);
    const counts = Object.fromEntries([...AUDIT_CLASSES, 'stale-kept'].map((name) => [name, 0]));
    const sets = [];
    for (const [name, members] of byClass) {
        // Oldest first; a stable sort, so sets of the same second stay in list order (unreadable ones have no time at all).
        if (name !== 'unreadable')
            members.sort((a, b) => a.createdMs - b.createdMs);
        for (const set of members) {
            set.staleKept = isKeptClass(name) && policy.maxKeptAgeMs > 0 && set.ageMs > policy.maxKeptAgeMs;
            if (set.staleKept)
                counts['stale-kept'] += 1;
            sets.push(set);
        }
        counts[name] = members.length;
    }
    return { sets, counts };
}
/** The sets `failOn` names: those in its classes, and the stale-kept ones when it names stale-kept. */
function isFinding(set, failOn) {
    return failOn.includes(set.class) || (set.staleKept && failOn.includes('stale-kept'));
}
/** How many sets `failOn` names: each set counted once, even when it is stale-kept and in a named class. */
function findingsOf(sets, failOn) {
    return failOn.length === 0 ? 0 : sets.filter((set) => isFinding(set, failOn)).length;
}
function isKeptClass(name) {
    return name === 'kept' || name === 'in-service' || name === 'superseded';
}
/** One set's class, but for sets kept under a name: all are superseded until markInService picks the newest. */
function classify(item, { pruneAfterMs }, now) {
    const tag = parseTag(item.comment);
    const createdMs = createdTimeMs(item.created);
    // The age decides every class of the action's own sets, and an age nobody can read is a finding of its own.
    const ageMs = createdMs === undefined ? undefined : now - createdMs;
    return {
        id: item.id,
        class: ageMs === undefined ? 'unreadable' : classOfTag(tag?.kind, ageMs, pruneAfterMs),
        staleKept: false,
        createdMs,
        ageMs,
        created: item.created,
        scopes: item.scopes ?? [],
        comment: item.comment,
        member: item.member,
        tag: tag && formatTag(tag),
        keptAs: tag?.kind.kind === 'named' ? tag.kind.name : undefined,
    };
}
function classOfTag(kind, ageMs, pruneAfterMs) {
    switch (kind?.kind) {
        case undefined:
            return 'untagged';
        case 'legacy':
            return 'legacy';
        case 'kept':
            return 'kept';
        case 'named':
            return 'superseded';
        default:
            // prune-after off: the main action never prunes, so no job set is taken for a lost runner's.
            return pruneAfterMs > 0 && ageMs > pruneAfterMs ? 'orphaned' : 'job';
    }
}
/** The newest set under each name is in service (one per name; a tie goes to the first listed). */
function markInService(byClass) {
    const newest = new Map();
    for (const set of byClass.get('superseded')) {
        const current = newest.get(set.keptAs);
        if (!current || set.createdMs > current.createdMs)
            newest.set(set.keptAs, set);
    }
    if (newest.size === 0)
        return;
    const inService = new Set(newest.values());
    for (const set of inService)
        set.class = 'in-service';
    byClass.set('in-service', [...inService]);
    byClass.set('superseded', byClass.get('superseded').filter((set) => !inService.has(set)));
}

;// CONCATENATED MODULE: ./src/audit/inputs.ts
/**
 * The audit action's inputs: the API inputs exactly as the main action reads them, `prune-after`
 * exactly as the main action reads it (where a job set becomes orphaned), the oldest a kept set
 * may be, and the classes that fail the step.
 */






/** What `fail-on` accepts: a class, or `stale-kept` (a kept, in-service or superseded set older than max-kept-age). */
const FAIL_ON_CHOICES = [...AUDIT_CLASSES, 'stale-kept'];
function readAuditSettings(getInput) {
    const warnings = [];
    const api = readApiSettings(getInput);
    const settings = {
        ...api,
        pruneAfterMs: parsePruneAfter(getInput('prune-after'), warnings),
        maxKeptAgeMs: parseDuration('max-kept-age', getInput('max-kept-age') || 'off', { allowOff: true }),
        failOn: parseFailOn(getInput('fail-on')),
    };
    if (settings.failOn.includes('stale-kept') && settings.maxKeptAgeMs === 0) {
        warnings.push('fail-on names stale-kept, but max-kept-age is off: no set can be stale-kept. Set max-kept-age, such as 90d.');
    }
    return { settings, warnings };
}
/** Classes separated by commas and/or newlines; empty parts are skipped, duplicates dropped. */
function parseFailOn(raw) {
    const classes = [];
    for (const part of splitList(raw)) {
        const known = FAIL_ON_CHOICES.find((choice) => choice === part.toLowerCase());
        if (!known) {
            throw new InputError('fail-on', `"${part}" is not a class of the audit; use any of ${FAIL_ON_CHOICES.join(', ')}, separated by commas or newlines (or leave it empty to report only).`);
        }
        if (!classes.includes(known))
            classes.push(known);
    }
    return classes;
}

;// CONCATENATED MODULE: ./src/audit/report.ts
/**
 * The audit's JSON report: one object per set, in a file under RUNNER_TEMP (report-file) and, while
 * it fits in one step output, inline (report). Lists carry no secret, so neither does the report.
 *
 * The file holds one set per line, so it reads and diffs line by line and still parses as one
 * JSON document. Every string in it came from the API: JSON escapes what must be escaped, and the
 * characters some readers take for line breaks (NEL, U+2028, U+2029) and the C1 controls are
 * escaped too, so a set's line is always one line.
 */





/** GitHub's limit for one step output is 1 MB: the inline report stays under it, envelope included. */
const OUTPUT_LIMIT_BYTES = 1_000_000;
function auditReport(settings, audit, findings, now, limit = OUTPUT_LIMIT_BYTES) {
    const head = (total) => `${json({
        project_id: settings.projectId,
        audited_at: new Date(now).toISOString(),
        prune_after_seconds: settings.pruneAfterMs / 1000,
        max_kept_age_seconds: settings.maxKeptAgeMs / 1000,
        fail_on: settings.failOn,
        counts: audit.counts,
        findings,
        total,
    }).slice(0, -1)},"sets":[`;
    const total = audit.sets.length;
    const lines = audit.sets.map(setLine);
    const text = assemble(head(total), lines, 0);
    if (Buffer.byteLength(text) <= limit)
        return { text, inline: text, omitted: 0 };
    // Too big for one output: the sets fail-on names first, then the rest, as many as fit. The
    // room for the numbers at the end is kept aside, so the cut report is never over the limit.
    const finding = audit.sets.map((set) => isFinding(set, settings.failOn));
    const order = [...lines.filter((_, i) => finding[i]), ...lines.filter((_, i) => !finding[i])];
    let room = limit - Buffer.byteLength(assemble(head(total), [], total)) - 64;
    const kept = [];
    for (const line of order) {
        const bytes = Buffer.byteLength(line) + 2;
        if (bytes > room)
            break;
        kept.push(line);
        room -= bytes;
    }
    const omitted = total - kept.length;
    return { text, inline: assemble(head(total), kept, omitted), omitted };
}
/** Writes the report to a file of its own under RUNNER_TEMP (the system's temp folder outside a runner); returns its path. */
function writeReportFile(report, dir = process.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)()) {
    const file = (0,external_node_path_namespaceObject.join)(dir, `deepgram-credentials-audit-${randomHex(6)}.json`);
    (0,external_node_fs_namespaceObject.writeFileSync)(file, report.text, { encoding: 'utf8', flag: 'wx' });
    return file;
}
function assemble(head, lines, omitted) {
    const note = omitted > 0
        ? `,"note":"${omitted} set(s) left out to fit one step output (the sets fail-on names first); report-file has every set"`
        : '';
    return `${head}${lines.length > 0 ? `\n${lines.join(',\n')}\n` : ''}],"omitted":${omitted}${note}}\n`;
}
/** One set's object, on one line: the same as json() of it, written out (a project may hold tens of thousands). */
function setLine(set) {
    const text = (value) => (value === undefined ? 'null' : JSON.stringify(value));
    const line = `{"id":${text(set.id)},"class":"${set.class}","stale_kept":${set.staleKept},"created":${text(set.created)},` +
        `"age_seconds":${set.ageMs === undefined ? 'null' : Math.floor(set.ageMs / 1000)},"member":${text(set.member)},` +
        `"scopes":${JSON.stringify(set.scopes)},"comment":${text(set.comment)},"tag":${text(set.tag)}}`;
    return oneLine(line);
}
/** JSON on one line, whatever the strings in it hold. */
function json(value) {
    return oneLine(JSON.stringify(value));
}
/** JSON text with the characters some readers take for line breaks, and the C1 controls, escaped as JSON escapes. */
function oneLine(jsonText) {
    return LINE_BREAKING.test(jsonText)
        ? jsonText.replace(LINE_BREAKING_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        : jsonText;
}
const LINE_BREAKING = /[\u007f-\u009f\u2028\u2029]/;
const LINE_BREAKING_ALL = new RegExp(LINE_BREAKING.source, 'g');

;// CONCATENATED MODULE: ./src/audit/summary.ts
/**
 * The audit's job summary: the counts per class first, then one table per class that has sets,
 * oldest first. GitHub refuses a step summary over 1 MiB, so each table is cut to its share of
 * what is left ("and N more"), and long text from the API is clipped: the report file has it all.
 * Every string from the API is escaped; nothing of it can become markup.
 */




/** Under GitHub's 1 MiB for one step's summary, with room for what another step of the job appends. */
const SUMMARY_LIMIT_BYTES = 1_000_000;
/** What each class means, with the settings that draw its lines. */
function classMeaning(name, settings) {
    const pruneAfter = settings.pruneAfterMs > 0 ? `prune-after (${formatAge(settings.pruneAfterMs)})` : 'prune-after (off: no job set is orphaned)';
    switch (name) {
        case 'job':
            return `job sets of this action younger than ${pruneAfter}: their job may be running`;
        case 'orphaned':
            return `job sets older than ${pruneAfter}: their runner was lost; the main action's next post step prunes them`;
        case 'kept':
            return 'kept with revoke: false';
        case 'in-service':
            return 'the newest set kept under a name (one per name)';
        case 'superseded':
            return "older sets kept under a name: a rotation's retire step did not run";
        case 'legacy':
            return 'tagged by release 1.0.0, whose tag does not say what kind of set it is';
        case 'untagged':
            return 'made by a person or another tool';
        case 'unreadable':
            return 'no usable creation time, so no age';
        case 'stale-kept':
            return settings.maxKeptAgeMs > 0
                ? `kept, in-service or superseded sets older than max-kept-age (${formatAge(settings.maxKeptAgeMs)}), also counted in their class`
                : 'kept, in-service or superseded sets older than max-kept-age (off: none is)';
    }
}
function auditSummary(settings, audit, findings, limit = SUMMARY_LIMIT_BYTES) {
    const { counts } = audit;
    const head = `<h3>Deepgram credentials audit of project ${code(settings.projectId)}</h3>\n` +
        `<p>${audit.sets.length} set(s) of distribution credentials. ${verdict(settings, findings)}</p>\n` +
        `<table><tr><th>Class</th><th>Sets</th><th>fail-on</th><th>Meaning</th></tr>\n` +
        [...AUDIT_CLASSES, 'stale-kept']
            .map((name) => `<tr><td>${code(name)}</td><td>${counts[name]}</td><td>${settings.failOn.includes(name) ? 'yes' : ''}</td><td>${escapeHtml(classMeaning(name, settings))}</td></tr>\n`)
            .join('') +
        '</table>\n';
    const classes = AUDIT_CLASSES.filter((name) => counts[name] > 0);
    let room = limit - Buffer.byteLength(head);
    const tables = [];
    classes.forEach((name, i) => {
        // Each table may take its share of what is left; what one does not use goes to the next.
        const table = classTable(name, audit.sets.filter((set) => set.class === name), Math.floor(room / (classes.length - i)), settings);
        room -= Buffer.byteLength(table);
        tables.push(table);
    });
    return head + tables.join('');
}
function verdict(settings, findings) {
    if (settings.failOn.length === 0)
        return 'Report only (fail-on is empty).';
    const named = settings.failOn.map(code).join(', ');
    return findings === 0
        ? `No set is in the fail-on classes (${named}).`
        : `<strong>${findings} set(s) in the fail-on classes</strong> (${named}): the step fails.`;
}
const HEADER = '<tr><th>Credentials ID</th><th>Created</th><th>Age</th><th>Made by</th><th>Scopes</th><th>Comment</th></tr>\n';
/** One class's table, oldest first, cut to `budget` bytes with "and N more". */
function classTable(name, sets, budget, settings) {
    const open = `<h4>${code(name)}: ${sets.length} set(s)</h4>\n<table>${HEADER}`;
    // Room for the closing tag and the longest "and N more" line.
    let room = budget - Buffer.byteLength(open) - 200;
    const rows = [];
    for (const set of sets) {
        const row = rowOf(set, settings);
        const bytes = Buffer.byteLength(row);
        if (bytes > room)
            break;
        rows.push(row);
        room -= bytes;
    }
    const more = sets.length - rows.length;
    const tail = more > 0 ? `<p>and ${more} more (report-file lists every set)</p>\n` : '';
    return `${open}${rows.join('')}</table>\n${tail}`;
}
function rowOf(set, settings) {
    const created = set.created === undefined ? 'none given' : escapeHtml(clip(set.created, 40));
    const age = set.ageMs === undefined
        ? 'unknown'
        : formatAge(set.ageMs) + (set.staleKept ? ` (over max-kept-age, ${formatAge(settings.maxKeptAgeMs)})` : '');
    const scopes = set.scopes.slice(0, 6).map((scope) => code(clip(scope, 80)));
    if (set.scopes.length > 6)
        scopes.push(`and ${set.scopes.length - 6} more`);
    const cells = [
        code(clip(set.id, 64)),
        created,
        age,
        set.member === undefined ? '' : escapeHtml(clip(set.member, 100)),
        scopes.join('<br>'),
        comment(set),
    ];
    return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>\n`;
}
/** The comment, its text clipped and its tag whole. */
function comment(set) {
    const before = set.tag && set.comment.endsWith(set.tag) ? set.comment.slice(0, -set.tag.length).trimEnd() : set.comment;
    return formatComment(set.tag ? `${clip(before, 200)} ${set.tag}`.trimStart() : clip(before, 200));
}
/**
 * API text for a cell: every control character and line or paragraph separator a space (HTML
 * would show them so, but a blank line ends GitHub's HTML block), at most `max` characters
 * (whole code points), with … when cut.
 */
function clip(text, max) {
    // eslint-disable-next-line no-control-regex
    const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
    if (flat.length <= max)
        return flat;
    const points = [...flat];
    return points.length <= max ? flat : `${points.slice(0, max).join('')}…`;
}

;// CONCATENATED MODULE: ./src/audit/step.ts
/**
 * The audit action (`audit/action.yml`), a scheduled security review: list every standing set of
 * distribution credentials in the project, put each in one class (classify.ts), and report
 * them in a JSON file, the step's outputs and the job summary. Read only: it never deletes. With
 * fail-on set it fails, once everything is written, when any set is in those classes; a list it
 * cannot make fails it too, since an audit that saw nothing must not pass.
 */












/**
 * The audit's entry: runs it and turns an error (bad input, a list it cannot make, sets in the
 * fail-on classes) into the step's failure. Importing this module does nothing, so GitHub's
 * local-action can import it and call run(); dist/audit.js is a one-line caller of it.
 */
async function audit_step_run() {
    try {
        await runAudit();
    }
    catch (error) {
        setFailed(redact(error instanceof Error ? error.message : String(error)));
    }
}
/** Findings named one per line in the log; the summary and the report have the rest. */
const LOGGED_FINDINGS = 50;
async function runAudit() {
    protectSecret(getInput('api-key'));
    const { settings, warnings } = readAuditSettings((name) => getInput(name));
    warnings.forEach(log_warning);
    const api = ProjectApi.forStep(settings);
    const page = await api.list().catch((error) => {
        throw new Error(`Could not list the project's distribution credentials, so nothing was audited: ${errorMessage(error)} ` +
            '(The audit needs a key with the owner or admin role: a member key lists only the sets it made.)');
    });
    // Ages by the API's clock where the list answer gives one: a runner's clock can be days off.
    const now = apiNow(page, log_info);
    const audit = auditSets(page.items, settings, now);
    const findings = findingsOf(audit.sets, settings.failOn);
    logAudit(settings, audit);
    const report = auditReport(settings, audit, findings, now);
    file_commands_setOutput('report-file', writeReportFile(report));
    file_commands_setOutput('report', report.inline);
    if (report.omitted > 0)
        log_info(`The report output leaves out ${report.omitted} set(s) to fit one step output; report-file has every set.`);
    file_commands_setOutput('findings', String(findings));
    for (const [name, count] of Object.entries(audit.counts))
        file_commands_setOutput(name, String(count));
    await appendToSummary(auditSummary(settings, audit, findings));
    if (findings > 0) {
        const named = settings.failOn.map((name) => `${name} ${audit.counts[name]}`).join(', ');
        // A stale-kept set is in its own class too: say so, or "orphaned 1, superseded 1, stale-kept 1" reads as 3 sets.
        const inTwo = settings.failOn.reduce((sum, name) => sum + audit.counts[name], 0) - findings;
        throw new Error(`${findings} set(s) of distribution credentials are in the fail-on classes (${named}${inTwo > 0 ? `; ${inTwo} set(s) in two of them` : ''}); ` +
            'see the job summary or report-file.');
    }
}
function logAudit(settings, audit) {
    const counts = [...AUDIT_CLASSES, 'stale-kept'].map((name) => `${name} ${audit.counts[name]}`).join(', ');
    log_info(`Audited ${audit.sets.length} set(s) of distribution credentials in project ${settings.projectId}: ${counts}.`);
    const findings = audit.sets.filter((set) => isFinding(set, settings.failOn));
    for (const set of findings.slice(0, LOGGED_FINDINGS)) {
        const age = set.ageMs === undefined ? 'no usable created time' : `${formatAge(set.ageMs)} old`;
        log_info(`${set.staleKept && !settings.failOn.includes(set.class) ? 'stale-kept' : set.class}: ${step_clip(set.id)}, ${age}, made by ${step_clip(set.member ?? 'unknown')}: ${step_clip(set.comment)}`);
    }
    if (findings.length > LOGGED_FINDINGS)
        log_info(`and ${findings.length - LOGGED_FINDINGS} more in the fail-on classes (see the job summary or report-file).`);
}
/** API text cut for a log line (the summary and the report have it whole or longer). */
const step_clip = (text) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

;// CONCATENATED MODULE: ./src/action.ts
/**
 * The bundle: every step of every action by name, bundled once into dist/action.js, and the only
 * module that sees all three actions. The runner runs one small file per step (action.yml's
 * runs.main and runs.post, the runs.main of retire/action.yml and audit/action.yml), each of which
 * requires its step from here and calls it; scripts/build.js writes them. A new step is one line
 * here and one in scripts/build.js.
 *
 * src/ has a folder per action over a core that knows no action (a test,
 * __tests__/repo/layers.test.ts, holds both rules: an action folder never imports another, and the
 * core never imports an action folder):
 *
 *   login/     the main action: main and post (each with its run()), its inputs, its job summary,
 *              and post's cleanup (revoke, sweep, prune)
 *   retire/    the retire action: its inputs, the plan (what goes, what stays, the summary), the step
 *   audit/     the audit action: its inputs, the classes and classifier, the report, the summary,
 *              the step
 *
 *   deepgram/  the API: the client, creating, listing and revoking sets, the tag every comment ends
 *              with, kept sets, the API's clock and ages, scopes, the per-project API object
 *   registry/  the registry CLI (docker or podman), its config, login and logout
 *   inputs/    the parsers the actions share: the API inputs, boolean, choice, lists, durations,
 *              keep, prune-after, the registry host, and the input error
 *   net/       HTTP with its caps and proxy rules, retries, the time budget
 *   runner/    the runner's file commands, log, state, secrets, signals and job summary file
 *   shims/     lazy stand-ins for packages the bundle loads only on first use
 */





module.exports = __webpack_exports__;
/******/ })()
;
//# sourceMappingURL=action.js.map