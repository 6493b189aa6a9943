/**
 * `npm run build`'s last step: how the bundle ncc writes loads Node's built-in modules, changed
 * for a faster start of every step (npm run bench; README "Performance").
 *
 * - ncc's ESM output imports node:module and calls createRequire(import.meta.url) afresh for each
 *   built-in it requires (a Module and its node_modules paths each time). Here every built-in
 *   comes from process.getBuiltinModule (Node 20.16, 22.3 and later), which needs neither.
 * - The built-ins named in LAZY, which the bundle requires as it loads but one step or neither
 *   uses, load on first use: node:crypto (the post step never uses it: only the main step's marker
 *   and @actions/core's file commands do) and node:assert (@actions/io's and undici's, used by
 *   nothing the happy path runs).
 *
 * Only generated lines change and no line is added, so dist/*.js.map stays true. A change in
 * ncc's output that these rewrites no longer match fails the build rather than passing silently.
 */
import { isBuiltin } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = process.argv[2] ?? 'dist';
const LAZY = ['crypto', 'node:crypto', 'assert', 'node:assert'];
const IMPORT = 'import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";';
const CALL = /__WEBPACK_EXTERNAL_createRequire\(import\.meta\.url\)\(("[^"]+")\)/g;
// In place of the import, on its line, so that no line moves.
const PRELUDE =
  'const __WEBPACK_EXTERNAL_require = process.getBuiltinModule ?? ((id) => { throw new Error(`Node.js ${process.version} has no process.getBuiltinModule to load ${id}: this action runs on Node.js 24 (action.yml).`); });' +
  // A stand-in that requires the module on first use: of a property (crypto.randomUUID), or of the
  // module as a function (undici calls assert(...)). Its target is an arrow function, which has
  // no property the module could contradict.
  ' const __WEBPACK_EXTERNAL_lazy = (id) => { let m; const load = () => (m ??= __WEBPACK_EXTERNAL_require(id));' +
  ' return new Proxy(() => {}, { get: (_, key) => load()[key], has: (_, key) => key in load(), ownKeys: () => Reflect.ownKeys(load()),' +
  ' getOwnPropertyDescriptor: (_, key) => { const d = Reflect.getOwnPropertyDescriptor(load(), key); return d && { ...d, configurable: true }; },' +
  ' apply: (_, self, args) => Reflect.apply(load(), self, args) }); };';

let files = 0;
const lazy = new Set();
for (const name of readdirSync(DIST).filter((name) => name.endsWith('.js'))) {
  const file = join(DIST, name);
  let text = readFileSync(file, 'utf8');
  if (!text.includes('__WEBPACK_EXTERNAL_createRequire')) continue;
  if (!text.startsWith(`${IMPORT}\n`)) throw new Error(`${file}: ncc's output no longer starts with ${IMPORT}`);
  text = PRELUDE + text.slice(IMPORT.length);
  text = text.replaceAll(CALL, (_, literal) => {
    const id = JSON.parse(literal);
    if (!isBuiltin(id)) throw new Error(`${file}: requires ${id}, which is not a Node.js built-in`);
    if (!LAZY.includes(id)) return `__WEBPACK_EXTERNAL_require(${literal})`;
    lazy.add(id.replace(/^node:/, ''));
    return `__WEBPACK_EXTERNAL_lazy(${literal})`;
  });
  if (text.includes('__WEBPACK_EXTERNAL_createRequire'))
    throw new Error(`${file}: a createRequire this script does not understand is left`);
  writeFileSync(file, text);
  files++;
}
if (files === 0) throw new Error(`no file in ${DIST}/ requires a built-in through createRequire: has ncc's output changed?`);
for (const id of ['crypto', 'assert']) {
  if (!lazy.has(id)) throw new Error(`node:${id} is no longer required by the bundle: update LAZY in ${import.meta.filename}`);
}
