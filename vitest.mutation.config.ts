import { defineConfig } from 'vitest/config'
import base from './vitest.config'

/**
 * The tests Stryker runs against each mutant (stryker.config.mjs): the ones that exercise the code it mutates,
 * in this process. Tests that run the code in a child process (the canary scan, crash and power-loss runs) are left
 * out: a child loads the mutated files with no mutant switched on, so it can never kill one, and costs seconds.
 */
export default defineConfig({
  test: {
    ...base.test,
    // Replaces the base list (mergeConfig would append to it).
    include: [
      'src/main/core/vault/**/*.test.ts',
      'src/main/core/fs/**/*.test.ts',
      'tests/unit/ipc-access.test.ts',
      'tests/unit/ipc-contract.test.ts',
      'tests/unit/backup-handler.test.ts',
      'tests/unit/intake-csv-handler.test.ts',
      'tests/unit/settings-audit.test.ts',
      'tests/unit/renderer-files.test.ts',
      'tests/unit/lock-reason.test.ts',
      'tests/main/main-process.smoke.test.ts',
    ],
    // The smoke test starts src/main/index.ts, not the built bundle Stryker does not rebuild.
    env: { CCIJ_SMOKE_MAIN: 'source' },
  },
})
