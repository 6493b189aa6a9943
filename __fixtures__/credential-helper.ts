/**
 * A real docker credential helper for tests: a program `docker-credential-<name>` in a folder
 * the test puts on PATH, answering `get`, `list`, `store` and `erase` as the protocol says, its
 * logins kept in a JSON file. It records every call (the verb and the server, never a secret), so
 * a test can assert which were made; a call whose verb has a hold file waits until the test
 * removes it, so a test controls how long a helper hangs without a fixed wait.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CredentialHelper {
  /** `docker-credential-<name>`'s folder: put it on PATH. */
  bin: string;
  /** Each call as `<verb> <server>`, in order. */
  calls: () => string[];
  /** The logins it holds, by server URL. */
  logins: () => Record<string, { Username: string; Secret: string }>;
  /** Makes calls of `verb` wait (from now) until release(verb). */
  hold: (verb: string) => void;
  release: (verb: string) => void;
}

export function installCredentialHelper(
  dir: string,
  name: string,
  logins: Record<string, { Username: string; Secret: string }> = {},
  /** failList: `list` fails, as a locked keyring does; listOutput: `list` prints this text instead of its logins. */
  options: { failList?: boolean; listOutput?: string } = {},
): CredentialHelper {
  const state = join(dir, `helper-${name}`);
  const bin = join(dir, 'helper-bin');
  mkdirSync(state, { recursive: true });
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(state, 'logins.json'), JSON.stringify(logins));
  const program = join(bin, `docker-credential-${name}`);
  writeFileSync(
    program,
    `#!${process.execPath}
const fs = require('node:fs');
const path = require('node:path');
const state = ${JSON.stringify(state)};
const verb = process.argv[2];
const input = fs.readFileSync(0, 'utf8').trim();
const server = verb === 'store' ? JSON.parse(input).ServerURL : input;
fs.appendFileSync(path.join(state, 'calls'), verb + ' ' + server + '\\n');
const hold = path.join(state, 'hold-' + verb);
while (fs.existsSync(hold)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
const file = path.join(state, 'logins.json');
const logins = JSON.parse(fs.readFileSync(file, 'utf8'));
const found = (url) => [url, 'https://' + url, 'http://' + url].find((key) => Object.hasOwn(logins, key));
if (verb === 'list') {
  if (${options.failList ? 'true' : 'false'}) { process.stderr.write('the keyring is locked\\n'); process.exit(1); }
  const listed = ${options.listOutput === undefined ? 'undefined' : JSON.stringify(options.listOutput)};
  process.stdout.write(listed ?? JSON.stringify(Object.fromEntries(Object.entries(logins).map(([url, login]) => [url, login.Username]))));
} else if (verb === 'get') {
  const key = found(server);
  if (key === undefined) { process.stdout.write('credentials not found in native keychain'); process.exit(1); }
  process.stdout.write(JSON.stringify({ ServerURL: server, ...logins[key] }));
} else if (verb === 'store') {
  const { Username, Secret } = JSON.parse(input);
  logins[server] = { Username, Secret };
  fs.writeFileSync(file, JSON.stringify(logins));
} else if (verb === 'erase') {
  const key = found(server);
  if (key !== undefined) delete logins[key];
  fs.writeFileSync(file, JSON.stringify(logins));
} else process.exit(1);
`,
  );
  chmodSync(program, 0o755);
  const callsFile = join(state, 'calls');
  return {
    bin,
    calls: () => (existsSync(callsFile) ? readFileSync(callsFile, 'utf8').split('\n').filter(Boolean) : []),
    logins: () => JSON.parse(readFileSync(join(state, 'logins.json'), 'utf8')),
    hold: (verb) => writeFileSync(join(state, `hold-${verb}`), ''),
    release: (verb) => rmSync(join(state, `hold-${verb}`), { force: true }),
  };
}
