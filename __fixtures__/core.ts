/** A jest mock of the parts of @actions/core the action uses. */
import type * as core from '@actions/core';
import { jest } from '@jest/globals';
import { appendFileSync } from 'node:fs';

export const getInput = jest.fn<typeof core.getInput>();
export const setSecret = jest.fn<typeof core.setSecret>();
export const setOutput = jest.fn<typeof core.setOutput>();
export const saveState = jest.fn<typeof core.saveState>();
export const getState = jest.fn<typeof core.getState>();
export const info = jest.fn<typeof core.info>();
export const warning = jest.fn<typeof core.warning>();
export const debug = jest.fn<typeof core.debug>();
export const setFailed = jest.fn<typeof core.setFailed>();
export const exportVariable = jest.fn<typeof core.exportVariable>();
/** Calls straight through to its function, as the real one does (minus the log markers). */
export const group = jest.fn<typeof core.group>((_name, fn) => fn());

/**
 * The chained summary builder: every method returns the builder; stringify() gives what it built;
 * write() appends to GITHUB_STEP_SUMMARY what addRaw() added since the buffer was last emptied,
 * as core.summary.write() appends its buffer.
 */
export interface SummaryMock {
  addHeading: jest.Mock<(text: string, level?: number | string) => SummaryMock>;
  addTable: jest.Mock<(rows: unknown[]) => SummaryMock>;
  addRaw: jest.Mock<(text: string, addEOL?: boolean) => SummaryMock>;
  addEOL: jest.Mock<() => SummaryMock>;
  stringify: jest.Mock<() => string>;
  emptyBuffer: jest.Mock<() => SummaryMock>;
  write: jest.Mock<() => Promise<SummaryMock>>;
}

let rawAdded = '';

export const summary: SummaryMock = {
  addHeading: jest.fn(() => summary),
  addTable: jest.fn(() => summary),
  addRaw: jest.fn((text: string) => {
    rawAdded += text;
    return summary;
  }),
  addEOL: jest.fn(() => summary),
  stringify: jest.fn(() => '<h3>the summary</h3>\n'),
  emptyBuffer: jest.fn(() => {
    rawAdded = '';
    return summary;
  }),
  write: jest.fn(async () => {
    appendFileSync(process.env.GITHUB_STEP_SUMMARY ?? '', rawAdded);
    rawAdded = '';
    return summary;
  }),
};
