import type { Config } from 'jest';

// Nest, Apollo and friends ship ESM only: @swc/jest turns them (and our TypeScript) into CommonJS.
const esmPackages = [
  '@nestjs',
  '@apollo',
  '@as-integrations',
  'graphql-ws',
  'graphql-subscriptions',
  '@graphql-tools',
  '@whatwg-node',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  'uid',
  'iterare',
  'es-toolkit',
];

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared: Config = {
  rootDir: '.',
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc as never },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@ogp/common$': '<rootDir>/libs/common/src',
    '^@ogp/common/(.*)$': '<rootDir>/libs/common/src/$1',
    '^@ogp/core$': '<rootDir>/libs/core/src',
    '^@ogp/core/(.*)$': '<rootDir>/libs/core/src/$1',
    '^@ogp/domain$': '<rootDir>/libs/domain/src',
    '^@ogp/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
  },
};

const config: Config = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      setupFilesAfterEnv: ['<rootDir>/test/utils/slow-suite-timeout.ts'],
      testMatch: ['<rootDir>/test/integration/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/test/utils/global-setup.ts',
      globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      setupFilesAfterEnv: ['<rootDir>/test/utils/slow-suite-timeout.ts'],
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/utils/global-setup.ts',
      globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
    },
    // Needs a Redis server (TEST_REDIS_URL): not part of `npm test`; CI runs it with --selectProjects redis.
    {
      ...shared,
      displayName: 'redis',
      testMatch: ['<rootDir>/test/redis/**/*.redis-spec.ts'],
      globalSetup: '<rootDir>/test/utils/global-setup.ts',
      globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
    },
    // Fault injection and load: the app against a PostgreSQL and a Redis of the test's own, stopped and started
    // under traffic. Not part of `npm test`; CI runs it with --selectProjects fault.
    {
      ...shared,
      displayName: 'fault',
      setupFilesAfterEnv: ['<rootDir>/test/utils/slow-suite-timeout.ts'],
      testMatch: ['<rootDir>/test/fault/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/test/utils/global-setup.ts',
      globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
    },
    // Drives Debian's Chromium (/usr/bin/chromium) against the built dashboard: not part of `npm test` yet;
    // CI runs it with --selectProjects browser.
    {
      ...shared,
      displayName: 'browser',
      setupFilesAfterEnv: ['<rootDir>/test/utils/slow-suite-timeout.ts'],
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/utils/global-setup.ts',
      globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
    },
  ],
};

export default config;
