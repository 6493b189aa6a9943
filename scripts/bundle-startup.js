/**
 * `npm run build`'s last step on dist/action.js: node:crypto, which the bundle requires as it
 * loads, is required on first use instead.
 *
 * What it saves: loading node:crypto, the largest cost of a step's start-up that the step does not
 * need (docs/performance.md has the figures, dated, from `npm run bench -- --versus`). Only
 * @actions/core's multi-line file commands use it (their random delimiter), which
 * src/runner/file-commands.ts avoids for one-line values, and the marker on Windows
 * (src/net/random.ts). The three belong together: drop one and every step loads node:crypto again.
 * What would break it: a module of the bundle that calls node:crypto as it loads, or on every run
 * (`__tests__/e2e/counts.test.ts` then fails: no step may load it); or ncc no longer writing
 * `require("crypto")` for the built-in, which fails this script.
 *
 * Each `require("crypto")` becomes a stand-in that requires the module on first use. Only
 * generated lines change and no line is added (the stand-in is defined at the start of line 1,
 * webpack's bootstrap, which maps to no source), so dist/action.js.map stays true.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = process.argv[2] ?? 'dist/action.js';
const REQUIRE = /\brequire\(("(?:node:)?crypto")\)/g;
// A stand-in that requires the module on first use of one of its properties (crypto.randomUUID).
// Its target is an empty object, which has no property the module could contradict.
const PRELUDE =
  'const __lazyBuiltin = (id) => { let m; const load = () => (m ??= require(id));' +
  ' return new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load(), ownKeys: () => Reflect.ownKeys(load()),' +
  ' getOwnPropertyDescriptor: (_, key) => { const d = Reflect.getOwnPropertyDescriptor(load(), key); return d && { ...d, configurable: true }; } }); };';

let text = readFileSync(FILE, 'utf8');
if (!text.startsWith('/******/ (() => { // webpackBootstrap\n'))
  throw new Error(`${FILE}: ncc's output no longer starts with webpack's bootstrap`);
const map = JSON.parse(readFileSync(`${FILE}.map`, 'utf8'));
if (!map.mappings.startsWith(';')) throw new Error(`${FILE}: line 1 maps to a source, so the prelude cannot go there`);

let lazy = 0;
text =
  PRELUDE +
  text.replaceAll(REQUIRE, (_, literal) => {
    lazy++;
    return `__lazyBuiltin(${literal})`;
  });
if (lazy === 0) throw new Error(`${FILE}: node:crypto is no longer required as the bundle loads: update ${import.meta.filename}`);
writeFileSync(FILE, text);
