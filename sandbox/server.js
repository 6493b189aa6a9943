#!/usr/bin/env node
// The Deepgram API sandbox's public entry: a loopback server that behaves like Deepgram's
// distribution-credentials API (both the current and the older generation) and answers `docker
// login` for the credentials it hands out, with fault injection for the awkward cases. Node
// built-ins only. See sandbox/README.md (which module holds what) and server.d.ts (the types).
//
//   import { startSandbox, SANDBOX_PROJECT_ID, SANDBOX_API_KEY } from './sandbox/server.js';
//   node sandbox/server.js [--port N] ...     the CLI (cli.js), when this file is the script run
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { runCli } from './cli.js';

export { SANDBOX_API_KEY, SANDBOX_PROJECT_ID } from './options.js';
export { REGISTRY_REALM } from './registry.js';
export { startSandbox } from './start.js';

function isEntryPoint() {
  if (!process.argv[1]) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) runCli(process.argv.slice(2));
