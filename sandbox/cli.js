// The sandbox's command line, `node sandbox/server.js [options]` (server.js runs it when it is the
// script node was started with): for CI, the demo and a person trying the action by hand. Prints
// one line when listening, logs each request on stderr, and exits 0 on SIGINT or SIGTERM.
import { parseArgs } from 'node:util';
import { SANDBOX_API_KEY, SANDBOX_PROJECT_ID } from './options.js';
import { startSandbox } from './start.js';

const USAGE = `Usage: node sandbox/server.js [options]
  --port N               port on 127.0.0.1 (default: a free one)
  --generation G         current (default) | legacy
  --error-style S        err_code (default) | category | text
  --omit-username        leave username out of create responses (current generation)
  --project ID           project id (default ${SANDBOX_PROJECT_ID})
  --api-key KEY          owner API key (default ${SANDBOX_API_KEY})
  --quiet                do not log requests to stderr
  -h, --help             show this help`;

/** Runs the CLI with `argv` (the arguments after the script); a bad option exits 2 with the usage. */
export function runCli(argv) {
  main(argv).catch((error) => {
    console.error(`sandbox: ${error instanceof Error ? error.message : error}`);
    console.error(USAGE);
    process.exit(2);
  });
}

async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      generation: { type: 'string' },
      'error-style': { type: 'string' },
      'omit-username': { type: 'boolean' },
      project: { type: 'string' },
      'api-key': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const projectId = values.project ?? SANDBOX_PROJECT_ID;
  const apiKey = values['api-key'] ?? SANDBOX_API_KEY;
  const sandbox = await startSandbox({
    port: values.port === undefined ? 0 : Number(values.port),
    // startSandbox validates these two and names the allowed values.
    generation: /** @type {any} */ (values.generation),
    errorStyle: /** @type {any} */ (values['error-style']),
    omitUsername: values['omit-username'] ?? false,
    keys: { [apiKey]: { role: 'owner' } },
    projects: { [projectId]: { selfHosted: true } },
    quiet: values.quiet ?? false,
    log: (line) => console.error(line),
  });
  console.log(`Deepgram API sandbox listening on ${sandbox.url} (project ${projectId}, api key ${apiKey})`);
  const stop = () => sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
