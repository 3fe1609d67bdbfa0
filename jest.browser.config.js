/**
 * `npm run test:browser`: the storefront driven in Debian's Chromium (playwright-core), against
 * `npm run storefront` started by the test itself. Not part of `npm test`: it needs a browser, and
 * it starts its own API and DynamoDB Local, so it needs none of the unit suite's global setup.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
  maxWorkers: 1,
};
