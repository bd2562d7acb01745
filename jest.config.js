const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // *.postgres.test.ts need a PostgreSQL server (multi-instance cache tests): only in `npm run test:postgres`,
  // so `npm test` runs on a machine with nothing but Node.
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/', ...(onPostgres ? [] : ['\\.postgres\\.test\\.ts$'])],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json', diagnostics: false }],
  },
  // The app is compiled once (tsc → dist) before any test file boots it.
  globalSetup: '<rootDir>/tests/setup/global-setup.js',
  testTimeout: 120000,
  maxWorkers: process.env.JEST_MAX_WORKERS || 2,
  verbose: false,
};
