/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json', diagnostics: false }],
  },
  // The app is compiled once (tsc → dist) before any test file boots it.
  globalSetup: '<rootDir>/tests/setup/global-setup.js',
  testTimeout: 120000,
  maxWorkers: process.env.JEST_MAX_WORKERS || 2,
  verbose: false,
};
