/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The browser tests run on their own: `npm run test:browser` (jest.browser.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  transform: {
    // tsconfig sets isolatedModules, so ts-jest only transpiles; `npm run typecheck` type-checks.
    '^.+\\.ts$': 'ts-jest',
    '^.+\\.graphql$': '<rootDir>/test/support/graphqlTextTransform.js',
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'graphql'],
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  setupFiles: ['<rootDir>/test/support/quietSdk.ts'],
  testTimeout: 30000,
};
