/**
 * The file commands against real files, with the real @actions/core behind them for what the
 * one-line form cannot carry; every file is read back with the parser the e2e runner uses, which
 * reads both forms as the GitHub runner does.
 */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { EOL, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFileCommands } from '../../sandbox/runner.js';
import { exportVariable, saveState, setOutput } from '../../src/runner/file-commands.js';
import { CRED } from '../../__fixtures__/ids.js';

const FILES = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_ENV: 'env' } as const;
const saved = { ...process.env };
let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'dg-file-commands-'));
  for (const [variable, name] of Object.entries(FILES)) {
    process.env[variable] = join(scratch, name);
    writeFileSync(join(scratch, name), '');
  }
});

afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
  process.env = { ...saved };
  jest.restoreAllMocks();
});

const text = (file: keyof typeof FILES) => readFileSync(process.env[file]!, 'utf8');

describe('one line: name=value, and nothing else', () => {
  test.each([
    ['setOutput', setOutput, 'GITHUB_OUTPUT'],
    ['saveState', saveState, 'GITHUB_STATE'],
    ['exportVariable', exportVariable, 'GITHUB_ENV'],
  ] as const)('%s', (_name, write, file) => {
    write('credentials-id', CRED);
    expect(text(file)).toBe(`credentials-id=${CRED}${EOL}`);
  });

  test('values the runner splits on nothing: =, <<, spaces at either end, quotes, the empty string', () => {
    const values = {
      secret: 'a=b==c<<d ghadelimiter_x',
      'docker-config-json': '{"auths":{"quay.io":{"auth":"ZGVlcGdyYW0rYTpi"}}}',
      padded: '  spaced  ',
      empty: '',
    };
    for (const [name, value] of Object.entries(values)) setOutput(name, value);
    expect(text('GITHUB_OUTPUT').split(EOL)).toHaveLength(Object.keys(values).length + 1);
    expect(parseFileCommands(text('GITHUB_OUTPUT'))).toEqual(values);
  });

  test('exportVariable sets the variable for this step too', () => {
    exportVariable('DOCKER_CONFIG', '/runner/temp/dg-action-0123456789ab');
    expect(process.env.DOCKER_CONFIG).toBe('/runner/temp/dg-action-0123456789ab');
  });
});

describe('what one line cannot carry goes to @actions/core', () => {
  test.each(['two\nlines', 'carriage\rreturn', 'crlf\r\nend', 'next\u0085line', 'line\u2028separator', 'para\u2029graph'])(
    'a value with a line break (%j): the multi-line form, read back whole',
    (value) => {
      setOutput('note', value);
      expect(text('GITHUB_OUTPUT')).toMatch(/^note<<ghadelimiter_[0-9a-f-]{36}\r?\n/);
      expect(parseFileCommands(text('GITHUB_OUTPUT'))).toEqual({ note: value.replace(/\r\n/g, '\n') });
    },
  );

  test('a name the one-line form could misread', () => {
    saveState('odd name', 'v');
    expect(text('GITHUB_STATE')).toMatch(/^odd name<<ghadelimiter_/);
  });

  test('no file from the runner: core prints its workflow command instead', () => {
    delete process.env.GITHUB_OUTPUT;
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    setOutput('username', 'deepgram+abc');
    expect(write.mock.calls.join('')).toBe(`${EOL}::set-output name=username::deepgram+abc${EOL}`);
  });

  test('a file that is not there: core reports it, as it always has', () => {
    process.env.GITHUB_STATE = join(scratch, 'gone');
    expect(() => saveState('marker', 'dg-action:0123456789ab')).toThrow(/Missing file at path/);
  });
});
