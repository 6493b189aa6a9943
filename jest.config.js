// ESM TypeScript through ts-jest; the e2e suites run the built dist/ bundle in child processes.
// The real-registry suite needs Debian's docker-registry: it runs only under `npm run test:registry`.
export default {
  preset: 'ts-jest/presets/default-esm',
  resolver: 'ts-jest-resolver',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: process.env.E2E_REAL_REGISTRY ? ['/node_modules/'] : ['/node_modules/', 'real-registry'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  clearMocks: true,
  verbose: true,
};
