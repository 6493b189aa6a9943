import { describe, expect, test } from '@jest/globals';
import { parseExcept, readRetireSettings } from '../../src/retire/inputs.js';
import { PROJECT } from '../../__fixtures__/ids.js';
import { inputsOf, refusal } from '../../__fixtures__/inputs.js';

const BASE = { 'api-key': 'dg_key_123', 'project-id': PROJECT, keep: 'prod' };
const read = (inputs: Record<string, string>) => readRetireSettings(inputsOf(inputs));
const rejected = (inputs: Record<string, string>) => refusal(() => read(inputs));

describe('readRetireSettings', () => {
  test('the API inputs as the main action reads them, and the defaults', () => {
    expect(read(BASE)).toEqual({
      apiKey: 'dg_key_123',
      projectId: PROJECT,
      apiUrl: 'https://api.deepgram.com',
      requestTimeoutMs: 30_000,
      maxAttempts: 4,
      keep: 'prod',
      except: [],
      minAgeMs: 0,
    });
  });

  test('keep is required and checked like the main action checks it', () => {
    expect(rejected({ ...BASE, keep: '' }).message).toMatch(/^Input "keep": is required/);
    expect(rejected({ ...BASE, keep: 'Prod' }).input).toBe('keep');
  });

  test('the shared inputs are refused as in the main action', () => {
    expect(rejected({ ...BASE, 'project-id': 'nope' }).input).toBe('project-id');
    expect(rejected({ ...BASE, 'max-attempts': '11' }).input).toBe('max-attempts');
    expect(rejected({ ...BASE, 'api-url': 'http://example.com' }).input).toBe('api-url');
  });

  test('except: IDs separated by commas and newlines, duplicates (in any case) dropped; anything else refused', () => {
    expect(parseExcept(' a-1, b-2\n\na-1 ,A-1')).toEqual(['a-1', 'b-2']);
    expect(rejected({ ...BASE, except: 'a-1, ../b' }).message).toContain('"../b" is not a credentials ID');
  });

  test('a refused except names its input', () => {
    const error = rejected({ ...BASE, except: '../b' });
    expect(error.input).toBe('except');
    expect(error.message).toMatch(/^Input "except": "\.\.\/b" is not a credentials ID; pass IDs such as the credentials-id output/);
  });

  test('min-age takes the duration syntax', () => {
    expect(read({ ...BASE, 'min-age': '12h' }).minAgeMs).toBe(43_200_000);
    expect(rejected({ ...BASE, 'min-age': '12' }).input).toBe('min-age');
  });
});
