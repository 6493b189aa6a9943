import { expect, test } from '@jest/globals';
import { isRegistryHost } from '../../src/inputs/registry-host.js';

test("isRegistryHost is the registry input's own test (post checks state with it)", () => {
  expect(['quay.io', '127.0.0.1:5000', '[::1]:5000', '[2001:db8::1]', '[::1]:65535'].every(isRegistryHost)).toBe(true);
  expect(['-h', '--config=/x', 'quay.io\n::warning::x', 'quay.io:99999', '[::1]:65536', ''].some(isRegistryHost)).toBe(false);
});
