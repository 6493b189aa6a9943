// Mutation testing (`npm run mutate`, docs/mutation-testing.md): StrykerJS changes one thing at a
// time in the modules that keep secrets, tags and deletions safe, and runs the unit tests against
// each change; a change that no test notices is a guard no test holds. Unit tests only: the
// end-to-end suites run the built bundle, which a mutant of src/ never reaches.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  // Jest runs in ESM mode (package.json's test script): the runner's processes need the same flag.
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings'],
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      // src/ among the roots, so that jest's --findRelatedTests (enableFindRelatedTests below) can
      // follow imports from a mutated module to its tests; with __tests__/ alone it finds none, and
      // a mutant of a module-level constant would run no test at all and "survive".
      roots: ['<rootDir>/__tests__', '<rootDir>/src'],
      // Not unit tests of src/: the end-to-end suites (e2e/), the sandbox's own tests (sandbox/), and
      // the checks of the repository (repo/: docs, action.yml files, licences, workflows, the release
      // script, folder layers), none of which a mutant of these modules can change (and some read
      // dist/, which Stryker's copy lacks).
      testPathIgnorePatterns: ['/node_modules/', '/__tests__/(e2e|sandbox|repo)/'],
      verbose: false,
    },
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/deepgram/tags.ts',
    'src/deepgram/client.ts',
    'src/deepgram/answers.ts',
    'src/deepgram/errors.ts',
    'src/deepgram/types.ts',
    'src/runner/secrets.ts',
    'src/runner/log.ts',
    'src/runner/file-commands.ts',
    'src/deepgram/clock.ts',
    'src/inputs/api.ts',
    'src/inputs/duration.ts',
    'src/inputs/keep.ts',
    'src/inputs/parse.ts',
    'src/inputs/prune-after.ts',
    'src/inputs/registry-host.ts',
    'src/login/inputs.ts',
    'src/retire/inputs.ts',
    'src/net/budget.ts',
    'src/net/retry.ts',
    'src/net/json-items.ts',
    'src/deepgram/project-api.ts',
    'src/deepgram/credential-rules.ts',
    'src/registry/record-lock.ts',
    'src/registry/login-record.ts',
    'src/registry/carried-logins.ts',
  ],
  // The bar: a score under it fails the run (docs/mutation-testing.md says how to read a survivor).
  thresholds: { high: 98, low: 95, break: 95 },
  // Two cores, shared: one test runner per core.
  concurrency: 2,
  // A loaded machine slows every test run; a mutant is only "timed out" well past its normal time.
  timeoutMS: 20_000,
  timeoutFactor: 3,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The sandbox copy needs the sources, tests, fixtures and configs, not the bundle or caches.
  ignorePatterns: ['dist', 'reports', 'coverage', 'build', '.bench', '.cache', 'retire/dist'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
