/** A jest mock of the PATH lookup, src/registry/which.ts (what @actions/io's which() answers, for less). */
import { jest } from '@jest/globals';
import type * as lookup from '../src/registry/which.js';

export const which = jest.fn<typeof lookup.which>();
