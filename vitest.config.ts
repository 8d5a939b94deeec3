import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tests/main/**/*.test.ts',
      'tests/start/**/*.test.ts',
    ],
    environment: 'node',
    // A temp folder per run, checked empty at the end: a test that leaves a temp folder behind fails the run
    // (tests/support/temp-root.ts says why a folder of its own and not a before/after listing of the shared one).
    globalSetup: ['tests/support/temp-root.ts'],
    // An it.only left in a commit would quietly skip every other test of its file.
    allowOnly: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
})
