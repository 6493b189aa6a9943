/** A jest mock of @actions/exec. */
import type * as actionsExec from '@actions/exec';
import { jest } from '@jest/globals';

export const exec = jest.fn<typeof actionsExec.exec>();
export const getExecOutput = jest.fn<typeof actionsExec.getExecOutput>();
