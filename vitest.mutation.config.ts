import { defineConfig } from 'vitest/config'
import base from './vitest.config'
import { selectedAreas } from './stryker.areas.mjs'

/** The tests Stryker runs against each mutant: those of the areas being mutated (stryker.areas.mjs). */
export default defineConfig({
  test: {
    ...base.test,
    // Replaces the base list (mergeConfig would append to it).
    include: [...new Set(selectedAreas().flatMap((area) => area.tests))],
    // The smoke test starts src/main/index.ts, not the built bundle Stryker does not rebuild.
    env: { CCIJ_SMOKE_MAIN: 'source' },
    // Not the per-run temp folder check (tests/support/temp-root.ts): Stryker keeps vitest open across mutants, and
    // a mutant that skips a cleanup would fail the whole session at its close instead of being counted.
    globalSetup: [],
    // Mutation runs share the machine with other work at `nice -n 10`: a handler test that takes 20 s alone took
    // over 60 s in a dry run at load 23, and one failed test in the dry run stops the whole run. A mutant that
    // makes a test hang is still a kill by Stryker's own timeout, which it derives from the dry run's times.
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
})
