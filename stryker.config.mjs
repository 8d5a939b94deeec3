// @ts-check
import { partName, selectedAreas } from './stryker.areas.mjs'

/**
 * Mutation testing of the security-critical code: `npm run test:mutation` (scripts/mutation.ts runs the areas of
 * stryker.areas.mjs one by one; CCIJ_MUTATION_AREA=fs,ipc npx stryker run runs some directly). Not part of
 * `npm test`. docs/testing.md says what the score means and lists every surviving mutant with its reason.
 * The machine has two cores: per-test coverage runs only the tests that reach a mutant, and incremental mode
 * re-tests only what changed since the last run (the incremental file sits beside the report, untracked).
 */
const areas = selectedAreas()
const single = areas.length === 1 ? areas[0]?.name : undefined
const part = partName()
const folder =
  single === undefined
    ? 'reports/mutation'
    : `reports/mutation/${single}${part === undefined ? '' : `/${part}`}`

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: {
    configFile: 'vitest.mutation.config.ts',
    related: areas.every((area) => area.related !== false),
  },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incremental: true,
  incrementalFile: `${folder}/stryker-incremental.json`,
  reporters: ['json', 'html', 'clear-text', 'progress'],
  jsonReporter: { fileName: `${folder}/mutation.json` },
  htmlReporter: { fileName: `${folder}/mutation.html` },
  // One sandbox folder per area, so two areas can run side by side.
  tempDirName: `.stryker-tmp-${single ?? 'all'}${part === undefined ? '' : `-${part}`}`,
  cleanTempDir: 'always',
  // A mutant that makes scrypt or a retry loop spin is a kill (timeout), not a hang.
  timeoutMS: 15_000,
  // The first, unmutated run of an area's tests; on a busy two-core machine the vault's takes over five minutes.
  dryRunTimeoutMinutes: 30,
  mutate: [...areas.flatMap((area) => area.mutate), '!**/*.test.ts'],
  // Anchored to the project folder: a bare 'reports' also left src/main/core/reports/ out of the sandbox, so every
  // test that loads the services failed to import there, ran no test, and its code counted as uncovered.
  ignorePatterns: [
    '/out',
    '/dist',
    '/native',
    '/test-results',
    '/playwright-report',
    '/reports',
    '/coverage',
    '/.vault-dev',
    '/.stryker-tmp*',
  ],
}
