/** A jest mock of @actions/io. */
import type * as actionsIo from '@actions/io';
import { jest } from '@jest/globals';

export const which = jest.fn<typeof actionsIo.which>();
