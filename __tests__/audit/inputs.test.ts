import { describe, expect, test } from '@jest/globals';
import { FAIL_ON_CHOICES, parseFailOn, readAuditSettings } from '../../src/audit/inputs.js';
import { PROJECT } from '../../__fixtures__/ids.js';
import { inputsOf, refusal } from '../../__fixtures__/inputs.js';

const BASE = { 'api-key': 'dg_key_123', 'project-id': PROJECT };
const read = (inputs: Record<string, string>) => readAuditSettings(inputsOf(inputs));
const rejected = (inputs: Record<string, string>) => refusal(() => read(inputs));

describe('readAuditSettings', () => {
  test('the API inputs as the main action reads them, and the defaults: prune-after 5d, max-kept-age off, report only', () => {
    expect(read(BASE)).toEqual({
      settings: {
        apiKey: 'dg_key_123',
        projectId: PROJECT,
        apiUrl: 'https://api.deepgram.com',
        requestTimeoutMs: 30_000,
        maxAttempts: 4,
        pruneAfterMs: 5 * 86_400_000,
        maxKeptAgeMs: 0,
        failOn: [],
      },
      warnings: [],
    });
  });

  test('the shared inputs are refused as in the main action, before anything else', () => {
    expect(rejected({ ...BASE, 'project-id': 'nope' }).input).toBe('project-id');
    expect(rejected({ ...BASE, 'api-url': 'http://example.com' }).input).toBe('api-url');
    expect(rejected({ 'project-id': PROJECT }).input).toBe('api-key');
  });

  test('prune-after and max-kept-age take the duration syntax, and off', () => {
    const { settings } = read({ ...BASE, 'prune-after': 'off', 'max-kept-age': '90d' });
    expect(settings).toMatchObject({ pruneAfterMs: 0, maxKeptAgeMs: 90 * 86_400_000 });
    expect(read({ ...BASE, 'prune-after': '12h', 'max-kept-age': 'OFF' }).settings).toMatchObject({
      pruneAfterMs: 43_200_000,
      maxKeptAgeMs: 0,
    });
    expect(rejected({ ...BASE, 'max-kept-age': '90' }).message).toMatch(/^Input "max-kept-age": "90" is not a duration/);
    expect(rejected({ ...BASE, 'prune-after': 'soon' }).input).toBe('prune-after');
    // As in the main action: a prune-after shorter than a job can run is worth a warning.
    expect(read({ ...BASE, 'prune-after': '1h' }).warnings).toEqual([expect.stringContaining('prune-after is 1h')]);
  });

  test('fail-on stale-kept without max-kept-age: a warning, since nothing can be stale-kept', () => {
    expect(read({ ...BASE, 'fail-on': 'stale-kept' }).warnings).toEqual([expect.stringContaining('max-kept-age is off')]);
    expect(read({ ...BASE, 'fail-on': 'stale-kept', 'max-kept-age': '90d' }).warnings).toEqual([]);
  });
});

describe('fail-on', () => {
  test('classes separated by commas and newlines, any case, duplicates and empty parts dropped', () => {
    expect(parseFailOn('orphaned, superseded\nStale-Kept,,\n orphaned ')).toEqual(['orphaned', 'superseded', 'stale-kept']);
    expect(parseFailOn('')).toEqual([]);
    expect(parseFailOn(FAIL_ON_CHOICES.join('\n'))).toEqual([...FAIL_ON_CHOICES]);
  });

  test('an unknown class is an input error that names it and every class accepted', () => {
    const error = rejected({ ...BASE, 'fail-on': 'orphaned, stale' });
    expect(error.input).toBe('fail-on');
    expect(error.message).toBe(
      'Input "fail-on": "stale" is not a class of the audit; use any of job, orphaned, kept, in-service, superseded, legacy, ' +
        'untagged, unreadable, stale-kept, separated by commas or newlines (or leave it empty to report only).',
    );
    // A space is not a separator: "orphaned superseded" is one unknown name, not two classes.
    expect(rejected({ ...BASE, 'fail-on': 'orphaned superseded' }).input).toBe('fail-on');
  });
});
