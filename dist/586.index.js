export const id = 586;
export const ids = [586];
export const modules = {

/***/ 6586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

var _node_modules_tunnel_index_js__WEBPACK_IMPORTED_MODULE_0___namespace_cache;
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I9: () => (/* binding */ httpsOverHttp),
/* harmony export */   aQ: () => (/* binding */ httpOverHttps),
/* harmony export */   vX: () => (/* binding */ httpsOverHttps),
/* harmony export */   xj: () => (/* binding */ httpOverHttp)
/* harmony export */ });
/* harmony import */ var _node_modules_tunnel_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(770);
/**
 * What the bundle gives @actions/http-client's `import * as tunnel from 'tunnel'` (tsconfig.json
 * "paths", as for src/shims/http-client.ts): tunnel's own four agents, except that a proxy's
 * credentials are encoded with Buffer.from. tunnel 0.0.6, its last release, encodes them with
 * `new Buffer()`, deprecated (DEP0005); Node warns about that for code outside node_modules, which
 * bundled code is, so every step through a proxy with a user and password printed a
 * DeprecationWarning into the job's log. The header sent is the same: Proxy-Authorization: Basic
 * base64(user:password), on the CONNECT request only.
 */
// @ts-expect-error -- tunnel ships no types; the part used here is typed below. A relative path,
// because the package name itself leads back here in the bundle.

/** tunnel's factory, with the proxy's credentials put in the CONNECT request's headers here. */
function withProxyAuth(make) {
    return (options = {}) => {
        const proxyAuth = options.proxy?.proxyAuth;
        if (!proxyAuth)
            return make(options);
        // tunnel skips an undefined option, so it no longer encodes the credentials itself.
        const agent = make({ ...options, proxy: { ...options.proxy, proxyAuth: undefined } });
        const authorization = `Basic ${Buffer.from(proxyAuth).toString('base64')}`;
        const request = agent.request;
        agent.request = (connect) => request({ ...connect, headers: { ...connect.headers, 'Proxy-Authorization': authorization } });
        return agent;
    };
}
const real = /*#__PURE__*/ (_node_modules_tunnel_index_js__WEBPACK_IMPORTED_MODULE_0___namespace_cache || (_node_modules_tunnel_index_js__WEBPACK_IMPORTED_MODULE_0___namespace_cache = __webpack_require__.t(_node_modules_tunnel_index_js__WEBPACK_IMPORTED_MODULE_0__, 2)));
const httpOverHttp = withProxyAuth(real.httpOverHttp);
const httpsOverHttp = withProxyAuth(real.httpsOverHttp);
const httpOverHttps = withProxyAuth(real.httpOverHttps);
const httpsOverHttps = withProxyAuth(real.httpsOverHttps);


/***/ })

};

//# sourceMappingURL=586.index.js.map