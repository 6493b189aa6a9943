import { describe, expect, jest, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';

jest.unstable_mockModule('@actions/core', () => core);
const log = await import('../../src/runner/log.js');

describe('untrusted', () => {
  test.each([
    ['a\n::set-output name=x::y', 'a\\n::set-output name=x::y'],
    ['a\r\n::warning::w', 'a\\r\\n::warning::w'],
    ['tab\there', 'tab\\there'],
    ['nul\u0000bell\u0007esc\u001b[0m', 'nul\\u0000bell\\u0007esc\\u001b[0m'],
    ['del\u007f c1\u0085', 'del\\u007f c1\\u0085'],
    ['line\u2028para\u2029', 'line\\u2028para\\u2029'],
    ['x ##[set-env name=A;]b', 'x ##\\[set-env name=A;]b'],
    ['::stop-commands::tok', '\\::stop-commands::tok'],
    ['  ::error::indented', '  \\::error::indented'],
    ['mid-line :: is harmless', 'mid-line :: is harmless'],
  ])('%j is shown as %j', (text, shown) => {
    expect(log.untrusted(text)).toBe(shown);
  });

  test('the result is one line that no workflow command can start', () => {
    const hostile = '\n::a::b\r::c::d\u2028::e::f ##[g]';
    const shown = log.untrusted(hostile);
    expect(shown.split(/\r\n|\r|\n|\u2028|\u2029/)).toHaveLength(1);
    expect(shown.trimStart().startsWith('::')).toBe(false);
    expect(shown).not.toContain('##[');
  });

  test('it is idempotent: escaping twice changes nothing more than once', () => {
    const once = log.untrusted('a\n::x::y ##[z]');
    expect(log.untrusted(once)).toBe(once);
  });
});

describe('info and warning', () => {
  test('print the message escaped', () => {
    log.info('created a\n::set-output name=x::y');
    log.warning('::warning::w');
    expect(core.info).toHaveBeenCalledWith('created a\\n::set-output name=x::y');
    expect(core.warning).toHaveBeenCalledWith('\\::warning::w');
  });
});
