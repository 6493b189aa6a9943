/** A jest mock of the PATH lookup, src/which.ts (what @actions/io's which() answers, for less). */
import { jest } from '@jest/globals';
import type * as lookup from '../src/which.js';

export const which = jest.fn<typeof lookup.which>();
