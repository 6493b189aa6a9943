/**
 * The mock wiring a unit test of a step, or of a module that writes file commands, shares: call it
 * before the test imports the module under test (`await import(...)`). @actions/core and the
 * runner's file commands go to the core mock (core.ts); a whole step also gets the registry CLI's
 * child processes (child.ts), `which` (io.ts) and an HTTP transport the test answers.
 */
import { jest } from '@jest/globals';
import * as child from './child.js';
import * as core from './core.js';
import * as io from './io.js';
import type { Transport } from '../src/net/http.js';

/** @actions/core, and the file commands (outputs, state, variables) recorded by its mock. */
export function mockRunner(): void {
  jest.unstable_mockModule('@actions/core', () => core);
  jest.unstable_mockModule('../src/runner/file-commands.js', () => ({
    setOutput: core.setOutput,
    saveState: core.saveState,
    exportVariable: core.exportVariable,
  }));
}

/** mockRunner's, and the registry CLI, `which` and HTTP: what main or post touches. Returns the transport's mock. */
export function mockStep(): jest.Mock<Transport> {
  mockRunner();
  jest.unstable_mockModule('../src/registry/child.js', () => child);
  jest.unstable_mockModule('../src/registry/which.js', () => io);
  const sendRequest = jest.fn<Transport>();
  jest.unstable_mockModule('../src/net/http.js', () => ({ sendRequest }));
  return sendRequest;
}
