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
    // An it.only left in a commit would quietly skip every other test of its file.
    allowOnly: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
})
