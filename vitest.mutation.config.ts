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
  },
})
