import { beforeEach, describe, expect, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { mockRunner } from '../../__fixtures__/step.js';

mockRunner();
const state = await import('../../src/runner/state.js');

beforeEach(() => {
  core.getState.mockReset();
  core.saveState.mockReset();
});

describe('readState', () => {
  test('reads every key from core.getState', () => {
    const saved: Record<string, string> = {
      marker: 'dg-action:0123456789ab',
      credentialsId: 'cred-1',
      loggedInTo: 'quay.io',
      sweep: 'true',
      createInFlightUntil: '1790000000000',
      registryConfig: 'default',
      registryCli: 'podman',
      registryFile: '/home/runner/auth.json',
    };
    core.getState.mockImplementation((name) => saved[name] ?? '');
    expect(state.readState()).toEqual({
      marker: 'dg-action:0123456789ab',
      credentialsId: 'cred-1',
      loggedInTo: 'quay.io',
      sweep: true,
      createInFlightUntil: 1790000000000,
      registryConfig: { mode: 'default', cli: 'podman', file: '/home/runner/auth.json' },
    });
  });

  test('a registry config is all three keys in the shape main writes, or none', () => {
    const good: Record<string, string> = {
      registryConfig: 'job',
      registryCli: 'docker',
      registryFile: '/rt/dg-action-0123456789ab/config.json',
    };
    const bads: Record<string, string>[] = [
      { registryConfig: 'auto' },
      { registryConfig: '' },
      { registryCli: 'nerdctl' },
      { registryCli: '' },
      { registryFile: 'relative/config.json' },
      { registryFile: '' },
    ];
    for (const bad of bads) {
      const saved: Record<string, string> = { ...good, ...bad };
      core.getState.mockImplementation((name) => saved[name] ?? '');
      expect(state.readState().registryConfig).toBeUndefined();
    }
    core.getState.mockImplementation((name) => good[name] ?? '');
    expect(state.readState().registryConfig).toEqual({ mode: 'job', cli: 'docker', file: '/rt/dg-action-0123456789ab/config.json' });
  });

  test('an in-flight time that is not a plain number reads as none', () => {
    for (const value of ['soon', '-5', '1e20', '12 ', '9999999999999999']) {
      core.getState.mockImplementation((name) => (name === 'createInFlightUntil' ? value : ''));
      expect(state.readState().createInFlightUntil).toBe(0);
    }
  });

  test('nothing saved (a main step): flags false, strings empty', () => {
    core.getState.mockImplementation(() => '');
    expect(state.readState()).toEqual({
      marker: '',
      credentialsId: '',
      loggedInTo: '',
      sweep: false,
      createInFlightUntil: 0,
      registryConfig: undefined,
    });
  });

  test('only the exact string "true" sets a flag', () => {
    core.getState.mockImplementation((name) => (name === 'sweep' ? 'TRUE' : ''));
    expect(state.readState()).toMatchObject({ sweep: false });
  });
});

describe('savers', () => {
  test.each([
    ['saveMarker', () => state.saveMarker('dg-action:abc'), 'marker', 'dg-action:abc'],
    ['saveCredentialsId', () => state.saveCredentialsId('cred-9'), 'credentialsId', 'cred-9'],
    ['saveLoggedInTo', () => state.saveLoggedInTo('localhost:5000'), 'loggedInTo', 'localhost:5000'],
    ['saveSweepNeeded', () => state.saveSweepNeeded(), 'sweep', 'true'],
    ['saveCreateInFlight', () => state.saveCreateInFlight(1790000000000), 'createInFlightUntil', '1790000000000'],
    ['saveCreateInFlight(0)', () => state.saveCreateInFlight(0), 'createInFlightUntil', ''],
  ])('%s saves one key', (_name, save, key, value) => {
    save();
    expect(core.saveState.mock.calls).toEqual([[key, value]]);
  });

  test('saveRegistryConfig saves the mode, the CLI by name and the file', () => {
    state.saveRegistryConfig({ mode: 'job', cli: 'podman', file: '/rt/x/auth.json' });
    expect(core.saveState.mock.calls).toEqual([
      ['registryConfig', 'job'],
      ['registryCli', 'podman'],
      ['registryFile', '/rt/x/auth.json'],
    ]);
  });

  test('what is saved reads back', () => {
    const store = new Map<string, string>();
    core.saveState.mockImplementation((name, value) => void store.set(name, String(value)));
    core.getState.mockImplementation((name) => store.get(name) ?? '');
    state.saveMarker('dg-action:feed');
    state.saveCredentialsId('cred-2');
    state.saveLoggedInTo('quay.io');
    state.saveSweepNeeded();
    state.saveCreateInFlight(1790000000000);
    state.saveRegistryConfig({ mode: 'default', cli: 'docker', file: '/home/u/.docker/config.json' });
    expect(state.readState()).toEqual({
      marker: 'dg-action:feed',
      credentialsId: 'cred-2',
      loggedInTo: 'quay.io',
      sweep: true,
      createInFlightUntil: 1790000000000,
      registryConfig: { mode: 'default', cli: 'docker', file: '/home/u/.docker/config.json' },
    });
  });
});
