/**
 * `npm run build`'s last step on dist/action.js: what the bundle loads as it starts but one step
 * or neither uses now loads on first use (npm run bench; docs/performance.md).
 *
 * - node:crypto and node:assert, which the bundle requires as it loads: crypto is used only by
 *   @actions/core's multi-line file commands and, on Windows, the marker; assert only by
 *   @actions/io, in the chunk that only a Windows step loads. Each `require("crypto")` becomes a
 *   stand-in that requires the module on first use.
 * - fs.promises, which @actions/core's summary module takes apart as it loads: reading it loads
 *   fs/promises with readline and the file watchers, about 1.5 ms. Each
 *   `const { a, b } = fs.promises;` becomes functions that look the method up when first called.
 *
 * Only generated lines change and no line is added (the stand-ins are defined at the start of
 * line 1, webpack's bootstrap, which maps to no source), so dist/action.js.map stays true. A
 * change in ncc's output that these rewrites no longer match fails the build rather than passing
 * silently.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = process.argv[2] ?? 'dist/action.js';
const LAZY = ['crypto', 'node:crypto', 'assert', 'node:assert'];
const REQUIRE = /\brequire\(("(?:node:)?(?:crypto|assert)")\)/g;
const PROMISES = /^(const \{[\w\s,]+\}) = ([\w$]+)\.promises;$/gm;
const PRELUDE =
  // A stand-in that requires the module on first use: of a property (crypto.randomUUID), or of the
  // module as a function (undici calls assert(...)). Its target is an arrow function, which has
  // no property the module could contradict.
  'const __lazyBuiltin = (id) => { let m; const load = () => (m ??= require(id));' +
  ' return new Proxy(() => {}, { get: (_, key) => load()[key], has: (_, key) => key in load(), ownKeys: () => Reflect.ownKeys(load()),' +
  ' getOwnPropertyDescriptor: (_, key) => { const d = Reflect.getOwnPropertyDescriptor(load(), key); return d && { ...d, configurable: true }; },' +
  ' apply: (_, self, args) => Reflect.apply(load(), self, args) }); };' +
  // Methods of fs.promises, each looked up on its first call.
  ' const __lazyPromises = (fs) => new Proxy({}, { get: (_, key) => (...args) => fs.promises[key](...args) });';

let text = readFileSync(FILE, 'utf8');
if (!text.startsWith('/******/ (() => { // webpackBootstrap\n'))
  throw new Error(`${FILE}: ncc's output no longer starts with webpack's bootstrap`);
const map = JSON.parse(readFileSync(`${FILE}.map`, 'utf8'));
if (!map.mappings.startsWith(';')) throw new Error(`${FILE}: line 1 maps to a source, so the prelude cannot go there`);

const lazy = new Set();
text =
  PRELUDE +
  text.replaceAll(REQUIRE, (_, literal) => {
    lazy.add(JSON.parse(literal).replace(/^node:/, ''));
    return `__lazyBuiltin(${literal})`;
  });
let promises = 0;
text = text.replaceAll(PROMISES, (_, binding, fs) => {
  promises++;
  return `${binding} = __lazyPromises(${fs});`;
});

for (const id of ['crypto', 'assert']) {
  if (!lazy.has(id)) throw new Error(`${FILE}: node:${id} is no longer required as the bundle loads: update ${import.meta.filename}`);
}
if (promises === 0) throw new Error(`${FILE}: @actions/core's destructuring of fs.promises was not found: has ncc's output changed?`);
if (/\.promises;$/m.test(text)) throw new Error(`${FILE}: a read of fs.promises this script does not understand is left`);
if (LAZY.some((id) => text.includes(`require("${id}")`))) throw new Error(`${FILE}: a require of crypto or assert is left`);
writeFileSync(FILE, text);
