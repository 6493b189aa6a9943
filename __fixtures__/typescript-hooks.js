/**
 * Module hooks that let a child process a test starts run this repository's TypeScript as it is:
 * `node --import <this file's URL> <a .ts file>`, for tests that need a second process running the
 * source (another job's step holding a lock). Hand-written because Node 20 runs no TypeScript, and
 * Node 24's type stripping does not find the `.ts` file behind the `.js` name the source imports it
 * by; tsx does both, but would add esbuild's native binary to every `npm ci` for a few tests.
 * TypeScript, already a dev dependency, transpiles each file on its own, as ts-jest does here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

// Loaded by --import on the main thread: this same file becomes the hooks, which run on a thread of their own.
if (isMainThread) register(import.meta.url);

/** `./x.js` imported from a `.ts` file is `./x.ts` where that exists. */
export async function resolve(specifier, context, nextResolve) {
  if (context.parentURL?.endsWith('.ts') && /^\.\.?\/.*\.js$/.test(specifier)) {
    const url = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

/** A `.ts` file, its types taken out: an ES module. */
export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const { default: ts } = await import('typescript');
  const file = fileURLToPath(url);
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
