/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Browser tests need Chromium and run through `npm run test:browser`.
  testPathIgnorePatterns: ['/node_modules/', '/test/browser/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
    // lowdb and steno are ESM-only; let ts-jest turn them into CommonJS for jest.
    '^.+\\.m?js$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno)/)'],
  testTimeout: 20000,
  // jest's default (one worker fewer than the cores) runs the suites one at a time on a
  // two-core machine: 152 s here, against 93 s with a worker per core (issue 15).
  maxWorkers: '100%',
};
