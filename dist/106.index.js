export const id = 106;
export const ids = [106];
export const modules = {

/***/ 4106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HttpClient: () => (/* binding */ HttpClient)
/* harmony export */ });
/* unused harmony export loadHttpClient */
let loading;
/** @actions/http-client itself, loaded once. */
function loadHttpClient() {
    loading ??= Promise.all(/* import() */[__webpack_require__.e(150), __webpack_require__.e(586)]).then(__webpack_require__.bind(__webpack_require__, 2779));
    return loading;
}
/** http-client's HttpClient, for the methods this action and @actions/core call. */
class HttpClient {
    client;
    constructor(userAgent, handlers, requestOptions) {
        this.client = loadHttpClient().then((http) => new http.HttpClient(userAgent, handlers, requestOptions));
        // A failed load surfaces from the method that needs the client, not as an unhandled rejection.
        this.client.catch(() => undefined);
    }
    async request(...args) {
        return (await this.client).request(...args);
    }
    async getJson(...args) {
        return (await this.client).getJson(...args);
    }
    /** Destroys the client's sockets once it exists (at once, when a request has been made). */
    dispose() {
        void this.client.then((client) => client.dispose(), () => undefined);
    }
}


/***/ })

};

//# sourceMappingURL=106.index.js.map