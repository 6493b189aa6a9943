// ESM TypeScript through ts-jest; the e2e suites run the built dist/ bundle in child processes.
// The real-registry suite needs Debian's docker-registry: it runs only under `npm run test:registry`.

// A passing run prints only jest's summary (suites, tests, time), so that what a newcomer sees is
// the result, not a thousand names; a failing test still prints in full, under "Summary of all
// failing tests". `npm test -- --verbose` (jest reads its own flags before it loads this file, and
// this file sees the same argv) prints every test's name with the default reporter.
const verbose = process.argv.some((arg) => arg === '--verbose' || arg === '--verbose=true');

export default {
  preset: 'ts-jest/presets/default-esm',
  resolver: 'ts-jest-resolver',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: process.env.E2E_REAL_REGISTRY ? ['/node_modules/'] : ['/node_modules/', 'real-registry'],
  // GitHub's workflow parser imports its two JSON schemas without `with { type: 'json' }`, which
  // jest only warns about today and will refuse in its next major: hand it the schemas as
  // CommonJS modules instead (__tests__/repo/workflow-parser/).
  moduleNameMapper: {
    '^\\.\\./(workflow|action)-v1\\.0\\.min\\.json$': '<rootDir>/__tests__/repo/workflow-parser/$1-schema.cjs',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  clearMocks: true,
  // A bound that only ends a hung test: every test waits on events, never on time, and jest's
  // default of 5 s is shorter than a step takes on a loaded 2-core machine. A file that needs more
  // (a test that waits out a real connection timeout) says so with jest.setTimeout.
  testTimeout: 60_000,
  // The end-to-end suites spend their time waiting on sockets, timers and child processes, not on
  // the CPU: four workers on a 2-core machine (jest's default there is one) take the suite from
  // about 90 s to under 30 s.
  maxWorkers: 4,
  // A worker whose tests closed all they opened exits within milliseconds of jest's "end" (measured
  // with the worker's resources logged at that moment: only its own pipes), but on a loaded 2-core
  // machine the scheduler can hold it past jest's default 500 ms, and jest then calls it a leak. A
  // real leak (a server, socket, timer or child left open) holds a worker for ever, and past this
  // bound still prints "failed to exit gracefully", which fails .ci/run.
  workerGracefulExitTimeout: 5_000,
  verbose,
  reporters: verbose ? ['default'] : [['summary', { summaryThreshold: 0 }]],
};
