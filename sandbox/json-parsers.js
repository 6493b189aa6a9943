/**
 * `node sandbox/json-parsers.js [--runs N]`: the two maintained streaming JSON parsers that could
 * read a list answer (src/net/json-items.ts), measured the way the action would use them, so the
 * choice in docs/performance.md can be checked again when either changes.
 *
 * For each parser installed in node_modules (`@streamparser/json`, the one the action uses, and
 * `stream-json`, which `npm install --no-save stream-json` adds for a comparison):
 *   - load: ncc bundles a tiny CommonJS entry that requires the parser as the action would (the
 *     same options as its build); each run is a fresh `node`, which times the require of the
 *     bundle (process.hrtime around it), N runs interleaved with the other parser's;
 *   - memory: a fresh `node` per run reads a 20,000-set list answer (the API's nested form, about
 *     280 bytes a set), handed over in 64 KiB chunks, keeping of each set what the action keeps (id,
 *     comment, created); its peak RSS over the same process's RSS just before the read (the answer
 *     already built), and the CPU time of the read.
 * Prints the median of each series. Loopback-free: nothing here opens a socket.
 */
import ncc from '@vercel/ncc';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.bench', 'json-parsers');
const SETS = 20_000;
const CHUNK = 64 * 1024;

/** Each parser: how it is required, and how it reads an answer's chunks into kept sets. */
const PARSERS = {
  // The cost of any bundle (ncc's runtime, the read and the compile of the file), to subtract.
  '(an empty bundle)': `module.exports = () => [];`,
  '@streamparser/json': `
const { Tokenizer, TokenParser } = require('@streamparser/json');
module.exports = (chunks, keep) => {
  const kept = [];
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: ['$.distribution_credentials.*'], keepStack: false });
  tokenizer.onToken = (token) => parser.write(token);
  parser.onValue = ({ value }) => kept.push(keep(value));
  for (const chunk of chunks) tokenizer.write(chunk);
  tokenizer.end();
  return kept;
};`,
  'stream-json': `
const { parser } = require('stream-json');
const { pick } = require('stream-json/filters/pick.js');
const { streamArray } = require('stream-json/streamers/stream-array.js');
const { chain } = require('stream-chain');
const { Readable } = require('node:stream');
module.exports = (chunks, keep) =>
  new Promise((resolve, reject) => {
    const kept = [];
    const pipeline = chain([Readable.from(chunks), parser({ maxDepth: 64 }), pick({ filter: 'distribution_credentials' }), streamArray()]);
    pipeline.on('data', ({ value }) => kept.push(keep(value)));
    pipeline.on('error', reject);
    pipeline.on('end', () => resolve(kept));
  });`,
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The child's part: load the bundle, or read the answer with it; prints one JSON line. */
async function child(mode, bundle) {
  if (mode === 'load') {
    const start = process.hrtime.bigint();
    require(bundle);
    console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - start) / 1e6 }));
    return;
  }
  const read = require(bundle);
  const set = (i) => ({
    member: { member_id: `m-${i % 50}`, email: `member${i % 50}@example.com` },
    distribution_credentials: {
      distribution_credentials_id: `8c5e2a1f-0b9d-4c3e-8f7a-${String(i).padStart(12, '0')}`,
      provider: 'quay',
      comment: `ci run ${i} [dg-action:job-${i}]`,
      scopes: ['self-hosted:products'],
      created: '2026-11-30T12:00:00.000Z',
    },
  });
  const text = Buffer.from(JSON.stringify({ distribution_credentials: Array.from({ length: SETS }, (_, i) => set(i)) }));
  const chunks = [];
  for (let at = 0; at < text.length; at += CHUNK) chunks.push(text.subarray(at, at + CHUNK));
  const keep = ({ distribution_credentials: c }) => ({ id: c.distribution_credentials_id, comment: c.comment, created: c.created });
  global.gc();
  const before = process.memoryUsage();
  const cpu = process.cpuUsage();
  const kept = await read(chunks, keep);
  const { user, system } = process.cpuUsage(cpu);
  if (kept.length !== SETS) throw new Error(`read ${kept.length} sets, not ${SETS}`);
  console.log(
    JSON.stringify({
      answerMiB: text.length / 1024 / 1024,
      peakRssOverMB: (process.resourceUsage().maxRSS * 1024 - before.rss) / 1e6,
      cpuMs: (user + system) / 1000,
    }),
  );
}

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' } } });
  const runs = Number(values.runs);
  const installed = Object.keys(PARSERS).filter(
    (name) => name.startsWith('(') || existsSync(join(ROOT, 'node_modules', name, 'package.json')),
  );
  mkdirSync(OUT, { recursive: true });
  const bundles = {};
  for (const name of installed) {
    const dir = join(OUT, name.replace(/[@/]/g, '_'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'entry.cjs'), PARSERS[name]);
    const { code } = await ncc(join(dir, 'entry.cjs'), { esm: false, quiet: true });
    writeFileSync(join(dir, 'bundle.js'), code);
    writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}\n');
    const version = name.startsWith('(')
      ? ''
      : `@${JSON.parse(execFileSync('npm', ['ls', name, '--json'], { cwd: ROOT, encoding: 'utf8' })).dependencies?.[name]?.version}`;
    bundles[name] = { file: join(dir, 'bundle.js'), version, size: Buffer.byteLength(code), load: [], memory: [] };
  }
  const run = (mode, bundle, nodeArgs = []) =>
    JSON.parse(execFileSync(process.execPath, [...nodeArgs, import.meta.filename, '--child', mode, bundle], { encoding: 'utf8' }));
  for (let i = 0; i < runs; i++) {
    for (const name of i % 2 ? [...installed].reverse() : installed) bundles[name].load.push(run('load', bundles[name].file).ms);
  }
  for (let i = 0; i < Math.min(runs, 7); i++) {
    for (const name of installed.filter((n) => !n.startsWith('(')))
      bundles[name].memory.push(run('memory', bundles[name].file, ['--expose-gc']));
  }
  const reads = Math.max(...Object.values(bundles).map((b) => b.memory.length));
  console.log(`Node ${process.version}, ${runs} load runs, ${reads} reads of ${SETS} sets each`);
  for (const [name, b] of Object.entries(bundles)) {
    const m = (field) => median(b.memory.map((sample) => sample[field]));
    const read = b.memory.length
      ? `; ${m('answerMiB').toFixed(1)} MiB answer: peak RSS +${m('peakRssOverMB').toFixed(0)} MB, ` + `CPU ${m('cpuMs').toFixed(0)} ms`
      : '';
    console.log(`${name}${b.version}: bundle ${(b.size / 1024).toFixed(1)} KiB, require ${median(b.load).toFixed(2)} ms${read}`);
  }
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else await main();
