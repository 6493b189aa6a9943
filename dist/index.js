const __WEBPACK_EXTERNAL_require = process.getBuiltinModule ?? ((id) => { throw new Error(`Node.js ${process.version} has no process.getBuiltinModule to load ${id}: this action runs on Node.js 24 (action.yml).`); }); const __WEBPACK_EXTERNAL_lazy = (id) => { let m; const load = () => (m ??= __WEBPACK_EXTERNAL_require(id)); return new Proxy(() => {}, { get: (_, key) => load()[key], has: (_, key) => key in load(), ownKeys: () => Reflect.ownKeys(load()), getOwnPropertyDescriptor: (_, key) => { const d = Reflect.getOwnPropertyDescriptor(load(), key); return d && { ...d, configurable: true }; }, apply: (_, self, args) => Reflect.apply(load(), self, args) }); };
/******/ var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_lazy("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("child_process");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_lazy("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_lazy("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_require("util");

/***/ }),

/***/ 9783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ getProxyUrl)
/* harmony export */ });
/* unused harmony export checkBypass */
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

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ src_run)
});

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
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
    process.stdout.write(cmd.toString() + external_os_.EOL);
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
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_lazy("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
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
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
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
        return this.addRaw(external_os_.EOL);
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
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_require("node:child_process");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_require("node:path");
;// CONCATENATED MODULE: ./src/shims/exec.ts
/**
 * What the bundle gives every `import * as exec from '@actions/exec'` (tsconfig.json "paths", as
 * for src/shims/http-client.ts; jest, which ignores "paths", runs the tests with the package):
 * exec() runs a command the way @actions/exec does for the calls this action makes (an absolute
 * path found on PATH, `silent`, `ignoreReturnCode`, stdout/stderr listeners, optional `input`),
 * straight through child_process.spawn; any other call goes to the package itself, loaded then.
 *
 * Why: @actions/exec (with @actions/io) is the largest part of the bundle evaluated at start-up,
 * and for each command it first stats the path again asynchronously (io.which), the step's first
 * use of libuv's thread pool, before it spawns: 2 to 3 ms of each step (npm run bench).
 * @actions/core imports it as it loads, for platform details this action never asks for.
 */


let loading;
const loadExec = () => (loading ??= __nccwpck_require__.e(/* import() */ 955).then(__nccwpck_require__.bind(__nccwpck_require__, 1955)));
/** The options the direct path handles exactly as @actions/exec does; anything else goes to it. */
const DIRECT = new Set(['silent', 'ignoreReturnCode', 'listeners', 'input']);
const DIRECT_LISTENERS = new Set(['stdout', 'stderr']);
function isDirect(commandLine, args, options) {
    return (process.platform !== 'win32' &&
        // exec() splits commandLine into tool and arguments; a bare absolute path splits into itself.
        (0,external_node_path_namespaceObject.isAbsolute)(commandLine) &&
        !/[\s"']/.test(commandLine) &&
        args !== undefined &&
        options?.silent === true &&
        options.ignoreReturnCode === true &&
        Object.keys(options).every((key) => DIRECT.has(key)) &&
        Object.keys(options.listeners ?? {}).every((key) => DIRECT_LISTENERS.has(key)));
}
/** @actions/exec's exec(): resolves with the exit code (null when a signal ended the command). */
async function exec_exec(commandLine, args, options) {
    if (!isDirect(commandLine, args, options))
        return (await loadExec()).exec(commandLine, args, options);
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(commandLine, args, { stdio: 'pipe' });
        child.stdout.on('data', (data) => options?.listeners?.stdout?.(data));
        child.stderr.on('data', (data) => options?.listeners?.stderr?.(data));
        child.on('error', (error) => reject(new Error(`There was an error when attempting to execute the process '${commandLine}'. This may indicate the process failed to start. Error: ${error.message}`)));
        // 'close': the command has exited and its output has all been read, as @actions/exec waits for.
        child.on('close', (code) => resolve(code));
        if (options?.input)
            child.stdin.end(options.input);
    });
}
async function getExecOutput(commandLine, args, options) {
    return (await loadExec()).getExecOutput(commandLine, args, options);
}

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
const platform = external_os_.platform();
const arch = external_os_.arch();
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
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
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
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
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
function core_warning(message, properties = {}) {
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
    process.stdout.write(message + external_os_.EOL);
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
        return file_command_issueFileCommand('STATE', file_command_prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, utils_toCommandValue(value));
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
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/retry.ts
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
];
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
    return { transient, ambiguous: !(code !== undefined && NOT_SENT_CODES.includes(code)) };
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
            const reason = error.kind.retryAfterMs !== undefined ? ' (as the server asked with Retry-After)' : '';
            options.log(`Attempt ${attempt} of ${options.maxAttempts} to ${options.action} failed: ${error.message}. ` +
                `Retrying in ${(delay / 1000).toFixed(1)} s${reason}.`);
            await wait(delay);
        }
    }
}

;// CONCATENATED MODULE: ./src/secrets.ts
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

;// CONCATENATED MODULE: ./src/deepgram.ts
/**
 * Deepgram's distribution-credentials API: create, list and delete, one attempt each. It speaks
 * both generations of the API (see shared notes): the create request carries scopes and provider
 * in the query *and* comment, scopes and provider in the body, and both response shapes are read.
 * Every failure is a DeepgramApiError that carries Deepgram's own words and what the retry loop
 * needs to know.
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
            return { id, comment: typeof record?.comment === 'string' ? record.comment : '' };
        });
    }
    /** Deletes one set of credentials; one that is already gone (404) counts as done. */
    async delete(projectId, credentialsId) {
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
        let response;
        try {
            response = await this.options.transport({
                method,
                url,
                headers,
                body: payload === undefined ? undefined : JSON.stringify(payload),
                timeoutMs: this.options.timeoutMs,
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
            throw unexpected(action, `HTTP ${response.status} with a body that is not JSON: ${excerpt(response.body)}`);
        }
    }
}
function parseCreated(body) {
    const action = 'create distribution credentials';
    if (!isRecord(body))
        throw unexpected(action, 'the body is not a JSON object');
    // Current API: fields under "distribution_credentials"; older API: the same fields at the top level.
    const record = credentialsRecord(body) ?? {};
    const pick = (field) => record[field] ?? body[field];
    const id = pick('distribution_credentials_id');
    if (typeof id !== 'string' || id === '')
        throw unexpected(action, 'no distribution_credentials_id');
    const secret = pick('secret');
    if (typeof secret !== 'string' || secret === '') {
        throw new DeepgramApiError(`Deepgram created distribution credentials ${id} but returned no secret, so they cannot be used to log in.`, FATAL, { credentialsId: id });
    }
    const username = pick('username');
    const scopes = pick('scopes');
    const comment = pick('comment');
    return {
        id,
        secret,
        username: typeof username === 'string' && username !== '' ? username : `deepgram+${id}`,
        scopes: Array.isArray(scopes) ? scopes.filter((s) => typeof s === 'string') : [],
        comment: typeof comment === 'string' ? comment : '',
    };
}
/** The object holding the credentials' fields: nested (current API) or the item itself (older API). */
function credentialsRecord(item) {
    if (!isRecord(item))
        return undefined;
    return isRecord(item.distribution_credentials) ? item.distribution_credentials : item;
}
function apiError(action, response) {
    const { status } = response;
    const requestId = headerValue(response, 'dg-request-id') ?? headerValue(response, 'x-request-id');
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
function unexpected(action, what) {
    return new DeepgramApiError(redact(`Deepgram API: ${action} returned an unexpected response: ${what}`), FATAL);
}
function headerValue(response, name) {
    const value = response.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function stringField(record, field) {
    const value = record[field];
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** Server text for a message: secrets redacted first, so a cut cannot leave part of one behind. */
function excerpt(text, limit = 300) {
    const flat = redact(text).replace(/\s+/g, ' ').trim();
    return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/credentials.ts
/**
 * The credentials' life cycle on top of the API client: create without leaving orphans, revoke,
 * and sweep up what an ambiguous failure may have created.
 *
 * A create is not idempotent: one that times out or gets a 5xx may still have been carried out.
 * Every comment therefore carries a per-execution marker, and before a create is retried after
 * such a failure, the project's credentials carrying the marker are deleted.
 */



/** A short token unique to this execution of the action, e.g. "dg-action:5f0c2a9e7b4d". */
function newMarker() {
    return `dg-action:${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
}
function commentWithMarker(comment, marker) {
    return `${comment} [${marker}]`;
}
/**
 * Creates credentials, retrying transient failures. `onAmbiguous` runs the first moment a create
 * may have landed unseen, so the caller can tell the post step to sweep again.
 */
async function createCredentials(ctx, request, marker, onAmbiguous) {
    try {
        return await withRetries(() => ctx.client.create(ctx.projectId, request), {
            ...retryOptions(ctx, 'create distribution credentials'),
            beforeRetry: async (error) => {
                if (!error.kind.ambiguous)
                    return;
                onAmbiguous();
                await sweepMarked(ctx, marker);
            },
        });
    }
    catch (error) {
        // Gave up after a failure that may have landed: the post step sweeps for it (it may land later still).
        if (isClassified(error) && error.kind.ambiguous)
            onAmbiguous();
        // Created but unusable (no secret in the answer): it must not outlive this step.
        const orphan = error instanceof DeepgramApiError ? error.details.credentialsId : undefined;
        if (orphan) {
            await revokeCredentials(ctx, orphan).catch((revokeError) => {
                // Its comment carries the marker: the post step's sweep gets another go at it.
                onAmbiguous();
                ctx.warning(`Could not delete the unusable credentials ${orphan} (the post step tries again): ${errorMessage(revokeError)}`);
            });
        }
        throw error;
    }
}
/** Deletes one set of credentials, retrying transient failures; 404 counts as already done. */
async function revokeCredentials(ctx, credentialsId) {
    const result = await withRetries(() => ctx.client.delete(ctx.projectId, credentialsId), retryOptions(ctx, `delete distribution credentials ${credentialsId}`));
    ctx.info(result === 'deleted'
        ? `Revoked distribution credentials ${credentialsId}.`
        : `Distribution credentials ${credentialsId} were already gone.`);
    return result;
}
/**
 * Deletes every set of credentials in the project whose comment carries `marker`, except `keepId`.
 * Best effort: a key that may not list, or an API that keeps failing, gets a warning, not a failure.
 */
async function sweepMarked(ctx, marker, keepId = '') {
    let listed;
    try {
        listed = await withRetries(() => ctx.client.list(ctx.projectId), retryOptions(ctx, 'list distribution credentials'));
    }
    catch (error) {
        ctx.warning(`Could not look for credentials that an interrupted create may have left (comment marker [${marker}]): ` +
            `${errorMessage(error)}. Check the project's distribution credentials for that marker.`);
        return 0;
    }
    const tag = `[${marker}]`;
    const strays = listed.filter((item) => item.comment.includes(tag) && item.id !== keepId);
    let deleted = 0;
    for (const stray of strays) {
        try {
            await revokeCredentials(ctx, stray.id);
            deleted++;
        }
        catch (error) {
            ctx.warning(`Could not delete stray distribution credentials ${stray.id}: ${errorMessage(error)}`);
        }
    }
    return deleted;
}
function retryOptions(ctx, action) {
    return { maxAttempts: ctx.maxAttempts, action, log: ctx.info, sleep: ctx.sleep, random: ctx.random };
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var proxy = __nccwpck_require__(9783);
;// CONCATENATED MODULE: ./src/http.ts
/**
 * The one door to the network: a single HTTP request, bounded as a whole by a deadline so a
 * stalled server cannot hang the job.
 *
 * A request pays only for what it needs. Without a proxy it goes straight out through node:http,
 * or node:https for an https URL (TLS is loaded only then). When a proxy applies to the URL it is
 * sent by @actions/http-client, loaded only then. Whether a proxy applies is decided by
 * http-client's own getProxyUrl (https_proxy / HTTPS_PROXY, http_proxy / HTTP_PROXY, no_proxy /
 * NO_PROXY, loopback never proxied), so the variables mean exactly what they mean there.
 */

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
const sendRequest = async (request) => {
    const cleanup = [];
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new RequestTimeoutError(request.timeoutMs)), request.timeoutMs);
    });
    const exchange = (async () => {
        const url = new URL(request.url);
        return usesProxy(url) ? throughProxy(request, cleanup) : direct(request, url, cleanup);
    })();
    // Whichever loses the race must not surface later as an unhandled rejection.
    exchange.catch(() => undefined);
    try {
        return await Promise.race([exchange, deadline]);
    }
    catch (error) {
        // http-client reports its own socket timeout as a plain Error("Request timeout: <path>").
        if (error instanceof Error && error.message.startsWith('Request timeout'))
            throw new RequestTimeoutError(request.timeoutMs);
        throw error;
    }
    finally {
        clearTimeout(timer);
        // Destroying the request (or disposing the client) is how a late one is cut off.
        for (const undo of cleanup)
            undo();
    }
};
/** True when @actions/http-client would send a request for `url` through a proxy. */
function usesProxy(url) {
    // The same test http-client applies before it builds a tunnelling agent.
    return Boolean((0,proxy/* getProxyUrl */.s)(url)?.hostname);
}
/** No proxy: one request on a fresh connection that closes after the reply. */
async function direct(request, url, cleanup) {
    const { request: send } = url.protocol === 'https:' ? await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23)) : await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7067, 23));
    const headers = { ...request.headers, 'user-agent': USER_AGENT };
    if (request.body !== undefined)
        headers['content-length'] = Buffer.byteLength(request.body, 'utf8');
    return new Promise((resolve, reject) => {
        // agent: false is a one-off agent without keep-alive, as http-client's keepAlive: false was.
        const req = send(url, { method: request.method, headers, agent: false });
        cleanup.push(() => req.destroy());
        req.on('error', reject);
        req.on('socket', (socket) => {
            if (!socket.connecting)
                return;
            const connectTimeoutMs = Math.min(request.connectTimeoutMs ?? CONNECT_TIMEOUT_MS, request.timeoutMs);
            const timer = setTimeout(() => req.destroy(new ConnectTimeoutError(connectTimeoutMs)), connectTimeoutMs);
            socket.once('connect', () => clearTimeout(timer));
            cleanup.push(() => clearTimeout(timer));
        });
        req.on('response', (response) => {
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        });
        req.end(request.body);
    });
}
/** Through a proxy: @actions/http-client, with its tunnelling agent and proxy authentication. */
async function throughProxy(request, cleanup) {
    const { HttpClient } = await __nccwpck_require__.e(/* import() */ 106).then(__nccwpck_require__.bind(__nccwpck_require__, 4106));
    const client = new HttpClient(USER_AGENT, [], {
        socketTimeout: request.timeoutMs,
        allowRedirects: false,
        allowRetries: false,
        keepAlive: false,
    });
    cleanup.push(() => client.dispose());
    const response = await client.request(request.method, request.url, request.body ?? null, request.headers);
    const body = await response.readBody();
    return { status: response.message.statusCode ?? 0, headers: response.message.headers, body };
}

;// CONCATENATED MODULE: ./src/context.ts
/**
 * Wires the API client to the step's settings and the runner's log: what main and post share
 * to talk to Deepgram.
 */



function apiContext(settings) {
    return {
        client: new DeepgramClient({
            apiUrl: settings.apiUrl,
            apiKey: settings.apiKey,
            timeoutMs: settings.requestTimeoutMs,
            transport: sendRequest,
        }),
        projectId: settings.projectId,
        maxAttempts: settings.maxAttempts,
        info: (message) => info(message),
        warning: (message) => core_warning(message),
    };
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_require("node:fs");
;// CONCATENATED MODULE: ./src/which.ts
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
        return (await __nccwpck_require__.e(/* import() */ 701).then(__nccwpck_require__.bind(__nccwpck_require__, 8701))).which(tool, false);
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

;// CONCATENATED MODULE: ./src/docker.ts
/**
 * docker login / logout through the docker CLI. The secret goes to `--password-stdin`, never onto
 * a command line; docker itself honours DOCKER_CONFIG, so the environment is passed through.
 */


class DockerError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DockerError';
    }
}
/**
 * The docker CLI's path, or a clear error: `consequence` says what cannot happen without it and
 * what to do instead ("log in; set `login: false` ...").
 */
async function findDocker(consequence) {
    const path = await which('docker');
    if (!path)
        throw new DockerError(`The docker CLI was not found on PATH, so the action cannot ${consequence}.`);
    return path;
}
async function dockerLogin(docker, registry, username, secret) {
    const result = await run(docker, ['login', '--username', username, '--password-stdin', registry], Buffer.from(secret));
    if (result.exitCode !== 0) {
        throw new DockerError(`docker login to ${registry} failed: ${cleanDockerOutput(result.output) || `exit code ${result.exitCode}`}`);
    }
}
async function dockerLogout(docker, registry) {
    const result = await run(docker, ['logout', registry]);
    if (result.exitCode !== 0) {
        throw new DockerError(`docker logout from ${registry} failed: ${cleanDockerOutput(result.output) || `exit code ${result.exitCode}`}`);
    }
}
async function run(docker, args, input) {
    let output = '';
    const exitCode = await exec_exec(docker, args, {
        input,
        // Quiet: docker's stderr is noisy even on success; what matters is reported by the caller.
        silent: true,
        ignoreReturnCode: true,
        listeners: {
            stdout: (data) => (output += data.toString()),
            stderr: (data) => (output += data.toString()),
        },
    });
    return { exitCode, output };
}
/** docker's reason, without the warnings it prints on every run. */
function cleanDockerOutput(output) {
    return output
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' &&
        !/^WARNING!/i.test(line) &&
        // The CLI's client-side login logs each endpoint it tries (time="…" level=info msg="…").
        !/^time="[^"]*"\s+level=/.test(line) &&
        !/credential helper/i.test(line) &&
        !/^https:\/\/docs\.docker\.com/i.test(line) &&
        !/^(Login Succeeded|Removing login credentials)/i.test(line))
        .map((line) => line.replace(/^Error( response from daemon)?:\s*/i, ''))
        .join(' ')
        .trim();
}

;// CONCATENATED MODULE: ./src/inputs.ts
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
/** Bad input: the message names the input and says what is accepted. */
class InputError extends Error {
    input;
    constructor(input, message) {
        super(`Input "${input}": ${message}`);
        this.input = input;
        this.name = 'InputError';
    }
}
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
    const apiKey = getInput('api-key');
    if (!apiKey)
        throw new InputError('api-key', 'is required: pass a Deepgram API key, e.g. ${{ secrets.DEEPGRAM_API_KEY }}.');
    if (/\s/.test(apiKey))
        throw new InputError('api-key', 'contains whitespace; a Deepgram API key is a single token.');
    const projectId = getInput('project-id');
    if (!projectId)
        throw new InputError('project-id', 'is required: pass the Deepgram project ID (a UUID).');
    if (!UUID.test(projectId)) {
        throw new InputError('project-id', `"${projectId}" is not a UUID; expected the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.`);
    }
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
    if (!REGISTRY_SHAPE.test(registry) || Number(/:(\d+)$/.exec(registry)?.[1] ?? 0) > 65535) {
        throw new InputError('registry', `"${registry}" is not a registry host; expected a host name with an optional port, such as quay.io (no scheme or path).`);
    }
    return {
        settings: {
            apiKey,
            projectId,
            scopes,
            comment: getInput('comment') || defaultComment(env),
            provider,
            registry,
            login: parseBoolean('login', getInput('login'), true),
            logout: parseBoolean('logout', getInput('logout'), true),
            revoke: parseBoolean('revoke', getInput('revoke'), true),
            apiUrl: parseApiUrl(getInput('api-url') || 'https://api.deepgram.com'),
            requestTimeoutMs: parseTimeout(getInput('request-timeout')),
            maxAttempts: parseMaxAttempts(getInput('max-attempts')),
        },
        warnings,
    };
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
function parseTimeout(raw) {
    const seconds = raw === '' ? 30 : /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!(seconds > 0)) {
        throw new InputError('request-timeout', `"${raw}" is not a positive number of seconds (such as 30).`);
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
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new InputError('api-url', `"${raw}" is not a URL; use an https:// URL such as https://api.deepgram.com.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new InputError('api-url', `"${raw}" is not an http(s) URL; use an https:// URL such as https://api.deepgram.com.`);
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        throw new InputError('api-url', `"${raw}" uses plain http to a host that is not loopback; the API key would cross the network in clear text. Use https://.`);
    }
    if (url.username || url.password || /[?#]/.test(raw)) {
        throw new InputError('api-url', `"${raw}" must be a base URL without credentials, query or fragment.`);
    }
    return url.href.replace(/\/+$/, '');
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

;// CONCATENATED MODULE: ./src/state.ts
/**
 * What the main step hands to the post step through the runner's saved state: identifiers and
 * flags only, never a secret. Each fact is saved as soon as it is true, so a main step that fails
 * half-way still leaves the post step enough to clean up.
 */

const KEYS = {
    isPost: 'isPost',
    marker: 'marker',
    credentialsId: 'credentialsId',
    loggedInTo: 'loggedInTo',
    sweep: 'sweep',
};
function readState() {
    return {
        isPost: getState(KEYS.isPost) === 'true',
        marker: getState(KEYS.marker),
        credentialsId: getState(KEYS.credentialsId),
        loggedInTo: getState(KEYS.loggedInTo),
        sweep: getState(KEYS.sweep) === 'true',
    };
}
/** Saved first thing in main: whatever happens next, the runner's second run is the post step. */
const markMainStarted = () => saveState(KEYS.isPost, 'true');
const saveMarker = (marker) => saveState(KEYS.marker, marker);
const saveCredentialsId = (id) => saveState(KEYS.credentialsId, id);
const saveLoggedInTo = (registry) => saveState(KEYS.loggedInTo, registry);
const saveSweepNeeded = () => saveState(KEYS.sweep, 'true');

;// CONCATENATED MODULE: ./src/summary.ts
/** The job summary: what was created and what the post step will do. Never the secret. */

async function writeSummary(settings, credentials, comment) {
    // Outside a runner (no summary file) there is nowhere to write; that is not an error.
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const scopes = credentials.scopes.length > 0 ? credentials.scopes : settings.scopes;
    await summary
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
        ['Docker login', settings.login ? `logged in to ${code(settings.registry)}` : 'skipped (login: false)'],
    ])
        .addRaw(`<p><strong>At job end:</strong> ${postPlan(settings)}.</p>`, true)
        .write();
}
function postPlan(settings) {
    const revoke = settings.revoke
        ? 'the credentials are revoked'
        : 'the credentials are <strong>kept</strong> (revoke: false): they never expire, delete them when done ' +
            '(in the Deepgram console, or through the API with the credentials ID above)';
    const logout = settings.login && settings.logout ? `docker logs out of ${code(settings.registry)}` : 'no docker logout';
    return `${revoke}; ${logout}`;
}
/** The comment as text, with the action's trailing marker set in code so it is easy to spot and search for. */
function formatComment(comment) {
    const marked = /^(.*) \[(dg-action:[0-9a-f]+)\]$/s.exec(comment);
    if (!marked)
        return escapeHtml(comment);
    return `${escapeHtml(marked[1] ?? '')} ${code(`[${marked[2]}]`)}`;
}
const code = (text) => `<code>${escapeHtml(text)}</code>`;
/** Escaped for HTML, on one line: a blank line inside the table would end GitHub's HTML block. */
function escapeHtml(text) {
    return text
        .replace(/\s*[\r\n]+\s*/g, ' ')
        .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The main step: validate inputs, create credentials, mask them, log docker in, set outputs and
 * the job summary, and leave the post step what it needs to revoke them.
 */








async function runMain() {
    markMainStarted();
    // First thing: a key passed through `vars` or `env` is not masked by the runner on its own.
    protectSecret(getInput('api-key'));
    const { settings, warnings } = readSettings((name) => getInput(name));
    warnings.forEach((warning) => core_warning(warning));
    // Without docker there is nothing to log in with: fail before anything is created.
    const docker = settings.login
        ? await findDocker('log in; set `login: false` to only create the credentials and use the outputs')
        : undefined;
    const marker = newMarker();
    saveMarker(marker);
    const ctx = apiContext(settings);
    const comment = commentWithMarker(settings.comment, marker);
    const credentials = await createCredentials(ctx, { comment, scopes: settings.scopes, provider: settings.provider }, marker, saveSweepNeeded);
    const dockerConfigJson = protectCredentials(credentials, settings.registry);
    saveCredentialsId(credentials.id);
    info(`Created distribution credentials ${credentials.id} (${credentials.username}).`);
    if (docker) {
        try {
            await dockerLogin(docker, settings.registry, credentials.username, credentials.secret);
        }
        catch (error) {
            // Credentials that cannot log in are of no use to anyone: take them back before failing.
            await revokeCredentials(ctx, credentials.id).then(() => saveCredentialsId(''), (revokeError) => core_warning(`Could not revoke ${credentials.id} after the failed login (the post step tries again): ${errorMessage(revokeError)}`));
            throw error;
        }
        saveLoggedInTo(settings.registry);
        info(`Logged in to ${settings.registry} as ${credentials.username}.`);
    }
    setOutput('username', credentials.username);
    setOutput('secret', credentials.secret);
    setOutput('credentials-id', credentials.id);
    setOutput('registry', settings.registry);
    setOutput('docker-config-json', dockerConfigJson);
    await writeSummary(settings, credentials, comment);
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

;// CONCATENATED MODULE: ./src/post.ts
/**
 * The post step (job end): revoke what main created, sweep up what an interrupted create may
 * have left, and log docker out. Cleanup never fails the job: a failure is a warning that says
 * what is left and how to remove it.
 */







async function runPost() {
    const saved = readState();
    if (!saved.marker) {
        info('Nothing to clean up: the main step stopped before it created any credentials.');
        return;
    }
    protectSecret(getInput('api-key'));
    // The runner passes the post step the same inputs as main, which already accepted them.
    const { settings } = readSettings((name) => getInput(name));
    const ctx = apiContext(settings);
    if (saved.credentialsId && settings.revoke) {
        await group('Revoke distribution credentials', async () => {
            try {
                await revokeCredentials(ctx, saved.credentialsId);
            }
            catch (error) {
                core_warning(`Could not revoke distribution credentials ${saved.credentialsId}: ${errorMessage(error)}. ` +
                    `Delete them by hand: DELETE /v1/projects/${settings.projectId}/self-hosted/distribution/credentials/${saved.credentialsId} ` +
                    `(or in the Deepgram console).`);
            }
        });
    }
    else if (saved.credentialsId) {
        info(`Keeping distribution credentials ${saved.credentialsId} (revoke: false); they do not expire.`);
    }
    if (saved.sweep) {
        await group('Sweep credentials an interrupted create may have left', async () => {
            const deleted = await sweepMarked(ctx, saved.marker, saved.credentialsId);
            info(`Deleted ${deleted} stray set(s) of credentials carrying [${saved.marker}].`);
        });
    }
    if (saved.loggedInTo && settings.logout) {
        await group(`Log out of ${saved.loggedInTo}`, async () => {
            try {
                await dockerLogout(await findDocker(`log out of ${saved.loggedInTo}`), saved.loggedInTo);
                info(`Logged out of ${saved.loggedInTo}.`);
            }
            catch (error) {
                // DockerError messages already say what failed and where.
                core_warning(errorMessage(error));
            }
        });
    }
}

;// CONCATENATED MODULE: ./src/index.ts
/**
 * Entry point of both steps: the runner runs this bundle for `main` and again for `post`; the
 * state main saved tells them apart. An error fails the main step but only warns in post.
 */





async function src_run() {
    const isPost = readState().isPost;
    try {
        await (isPost ? runPost() : runMain());
    }
    catch (error) {
        const message = redact(error instanceof Error ? error.message : String(error));
        if (isPost)
            core_warning(`Cleanup failed: ${message}`);
        else
            setFailed(message);
    }
}
// Not a top-level await: that makes the bundle an async module, whose extra webpack machinery
// costs ~3 ms of every step's start-up (npm run bench). run() never rejects, and the pending
// work keeps the process alive until it is done.
void src_run();

var __webpack_exports__run = __webpack_exports__.e;
export { __webpack_exports__run as run };

//# sourceMappingURL=index.js.map