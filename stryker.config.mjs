// @ts-check
/**
 * Mutation testing of the security-critical code: `npm run test:mutation` (not part of `npm test`).
 * docs/testing.md says what the score means and lists every surviving mutant with the reason it is harmless.
 * The machine has two cores: per-test coverage runs only the tests that reach a mutant, and incremental mode
 * re-tests only what changed since the last run (the incremental file sits beside the report, untracked).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['json', 'html', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // A mutant that makes scrypt or a retry loop spin is a kill (timeout), not a hang.
  timeoutMS: 15_000,
  mutate: [
    'src/main/ipc/**/*.ts',
    'src/main/security/**/*.ts',
    'src/main/core/vault/**/*.ts',
    'src/main/core/fs/**/*.ts',
    // Main's hardening: the Electron wiring, and index.ts, where the sender check and lock events live.
    'src/main/electron/**/*.ts',
    'src/main/index.ts',
    '!**/*.test.ts',
  ],
  ignorePatterns: [
    'out',
    'dist',
    'native',
    'test-results',
    'playwright-report',
    'reports',
    'coverage',
    '.vault-dev',
  ],
}
