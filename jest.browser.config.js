/** @type {import('jest').Config} */
// Browser tests: headless Chromium (apt-get install -y chromium) driven by playwright-core.
// Run with `npm run test:browser`; `npm test` leaves them out.
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60000,
  // One browser at a time: the machine has 2 cores.
  maxWorkers: 1,
};
