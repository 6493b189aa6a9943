/** A jest mock of the registry CLI's process boundary, src/registry/child.ts. */
import { jest } from '@jest/globals';
import type * as child from '../src/registry/child.js';

export const runChild = jest.fn<typeof child.runChild>();
export const childEnv = jest.fn<typeof child.childEnv>();

/** The CLI exits with `exitCode` after printing `output`. */
export const exits = (exitCode: number, output = ''): Awaited<ReturnType<typeof child.runChild>> => ({ exitCode, output, timedOut: false });
