/**
 * `npm test` runs three projects; `npm test -- --selectProjects <name>` (or `npm run test:<name>`)
 * runs one alone.
 *
 * - unit: no DynamoDB and no server; stores are plain fakes (the client codegen test runs the code
 *   generator as a child process).
 * - integration: the real Lambda handler with API Gateway v2 events on one in-memory DynamoDB
 *   Local that the project's global setup starts (each test file uses its own tables).
 * - e2e: what a user runs: `npm start` and the local API Gateway stand-in, `serverless package`,
 *   and the storefront in Debian's Chromium.
 */
const shared = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: {
    // tsconfig sets isolatedModules, so ts-jest only transpiles; `npm run typecheck` type-checks.
    '^.+\\.ts$': 'ts-jest',
    '^.+\\.graphql$': '<rootDir>/test/support/graphqlTextTransform.js',
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'graphql'],
  setupFiles: ['<rootDir>/test/support/quietSdk.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/test/unit'] },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/test/integration'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
    },
  ],
  // A global option (jest reads no per-project timeout); e2e files that start processes of their
  // own (npm start, Vite, Chromium) set longer ones on their hooks.
  testTimeout: 30_000,
};
