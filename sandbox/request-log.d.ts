// Types for sandbox/request-log.js (plain JavaScript, no build step), for its unit test.
import type { IncomingHttpHeaders } from 'node:http';
import type { RequestRecord } from './server.js';

export declare function logEntry(req: { method?: string; headers: IncomingHttpHeaders }, url: URL): RequestRecord;
export declare function loggedBody(rawBody: string): unknown;
export declare function logLine(entry: RequestRecord): string;
export declare function snapshot(requests: RequestRecord[]): RequestRecord[];
