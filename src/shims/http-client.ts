/**
 * What the bundle gives every `import { HttpClient } from '@actions/http-client'`: the package's
 * own HttpClient, loaded on first use. tsconfig.json "paths" points the name here and ncc follows
 * it (npm run build runs ncc from the project root, where it finds tsconfig.json); tsc checks
 * against this file, and jest, which ignores "paths", runs the tests with the package itself.
 *
 * @actions/core imports HttpClient as it loads, for OIDC tokens (core.getIDToken), which this
 * action never asks for; http-client in turn loads undici (about 1 MB, for fetch() proxies),
 * tunnel and node:https. Bundled, they are most of the bundle and of each step's start-up
 * (actions/toolkit#1621, #1697; docs/performance.md has the measurement). This module has no side effects, so webpack
 * drops core's unused import of it; nothing else in the action uses HttpClient (src/net/http.ts takes
 * only http-client's proxy rules), so the bundle carries none of the package but those rules.
 */
import type { RequestHandler, RequestOptions, TypedResponse } from '@actions/http-client/lib/interfaces';
// A relative path, because the package name itself leads back here in the bundle.
import type * as Package from '../../node_modules/@actions/http-client/lib/index.js';

let loading: Promise<typeof Package> | undefined;

/** @actions/http-client itself, loaded once. */
export function loadHttpClient(): Promise<typeof Package> {
  loading ??= import('../../node_modules/@actions/http-client/lib/index.js');
  return loading;
}

/** http-client's HttpClient, for the methods this action and @actions/core call. */
export class HttpClient {
  private readonly client: Promise<Package.HttpClient>;

  constructor(userAgent?: string, handlers?: RequestHandler[], requestOptions?: RequestOptions) {
    this.client = loadHttpClient().then((http) => new http.HttpClient(userAgent, handlers, requestOptions));
    // A failed load surfaces from the method that needs the client, not as an unhandled rejection.
    this.client.catch(() => undefined);
  }

  async request(...args: Parameters<Package.HttpClient['request']>): Promise<Package.HttpClientResponse> {
    return (await this.client).request(...args);
  }

  async getJson<T>(...args: Parameters<Package.HttpClient['getJson']>): Promise<TypedResponse<T>> {
    return (await this.client).getJson<T>(...args);
  }

  /** Destroys the client's sockets once it exists (at once, when a request has been made). */
  dispose(): void {
    void this.client.then(
      (client) => client.dispose(),
      () => undefined,
    );
  }
}
