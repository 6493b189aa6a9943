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
import * as tunnel from '../../node_modules/tunnel/index.js';

interface ConnectOptions {
  headers?: Record<string, string>;
}
interface TunnelOptions {
  proxy?: { host?: string; port?: number | string; proxyAuth?: string };
  [option: string]: unknown;
}
interface TunnelAgent {
  /** What the agent sends its CONNECT request with (http.request or https.request). */
  request: (options: ConnectOptions) => unknown;
}
type AgentFactory = (options?: TunnelOptions) => TunnelAgent;

/** tunnel's factory, with the proxy's credentials put in the CONNECT request's headers here. */
function withProxyAuth(make: AgentFactory): AgentFactory {
  return (options = {}) => {
    const proxyAuth = options.proxy?.proxyAuth;
    if (!proxyAuth) return make(options);
    // tunnel skips an undefined option, so it no longer encodes the credentials itself.
    const agent = make({ ...options, proxy: { ...options.proxy, proxyAuth: undefined } });
    const authorization = `Basic ${Buffer.from(proxyAuth).toString('base64')}`;
    const request = agent.request;
    agent.request = (connect) => request({ ...connect, headers: { ...connect.headers, 'Proxy-Authorization': authorization } });
    return agent;
  };
}

const real = tunnel as Record<'httpOverHttp' | 'httpsOverHttp' | 'httpOverHttps' | 'httpsOverHttps', AgentFactory>;
export const httpOverHttp = withProxyAuth(real.httpOverHttp);
export const httpsOverHttp = withProxyAuth(real.httpsOverHttp);
export const httpOverHttps = withProxyAuth(real.httpOverHttps);
export const httpsOverHttps = withProxyAuth(real.httpsOverHttps);
