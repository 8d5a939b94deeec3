// @ts-check
/**
 * The code mutation testing covers, in areas: each area's mutants run against its own tests only, so a mutant that
 * every test reaches (code run at import, "static") costs its area's tests, not the whole list. See
 * scripts/mutation.ts, which runs the areas one after another and merges their reports.
 * Tests that run the code in a child process (the canary scan, crash and power-loss runs) are not listed: a child
 * loads the mutated files with no mutant switched on, so it can never kill one.
 * `related: false` when the area's tests load its code by a path vitest cannot follow (a dynamic import): vitest's
 * related-files filter would find no test, and the area's tests run whole instead.
 * @type {Record<string, { mutate: string[]; tests: string[]; related?: false }>}
 */
export const MUTATION_AREAS = {
  fs: {
    mutate: ['src/main/core/fs/**/*.ts'],
    tests: ['src/main/core/fs/**/*.test.ts', 'src/main/core/vault/keyring.test.ts'],
  },
  ipc: {
    mutate: ['src/main/ipc/**/*.ts'],
    tests: [
      'tests/unit/ipc-access.test.ts',
      'tests/unit/ipc-contract.test.ts',
      'tests/unit/ipc-handlers.test.ts',
      'tests/unit/request-shape.test.ts',
      'tests/unit/roster-handlers.test.ts',
      'tests/unit/intake-csv-handler.test.ts',
      'tests/unit/settings-audit.test.ts',
      'tests/unit/packets-handler.test.ts',
      'tests/unit/ipc-dispatch.test.ts',
      'tests/unit/referrals-handlers.test.ts',
      'tests/unit/progress-tracker.test.ts',
      'tests/unit/cases-file-batch-handlers.test.ts',
      'tests/unit/backup-handler.test.ts',
      'tests/unit/vault-account-handlers.test.ts',
      'tests/unit/backup-channels.test.ts',
      'tests/unit/file-channels.test.ts',
    ],
    // All of these tests are about the IPC layer: a static mutant runs them all rather than trust the related-files
    // filter to follow the handlers through the handler table.
    related: false,
  },
  security: {
    mutate: ['src/main/security/**/*.ts'],
    tests: ['tests/unit/renderer-files.test.ts', 'tests/unit/security-headers.test.ts'],
  },
  vault: {
    mutate: ['src/main/core/vault/**/*.ts'],
    tests: [
      'src/main/core/vault/**/*.test.ts',
      'tests/unit/schema-vaults.test.ts',
      'tests/unit/backup-handler.test.ts',
      'tests/unit/backup-restore-faults.test.ts',
      'tests/unit/lock-reason.test.ts',
    ],
  },
  // Main's hardening: the Electron wiring, and index.ts, which wires it together (its sender check, lock wiring and
  // entry live in electron/sender-check.ts, lock-wiring.ts and startup.ts, tested alone by main-start.test.ts).
  electron: {
    mutate: ['src/main/electron/**/*.ts', 'src/main/index.ts'],
    // electron-wiring calls each wiring file inside its tests (the smoke test starts main before any of its own).
    tests: [
      'tests/main/main-process.smoke.test.ts',
      'tests/main/electron-wiring.test.ts',
      'tests/start/electron-database-module.test.ts',
      'tests/main/admin-mode.test.ts',
      'tests/main/main-start.test.ts',
    ],
    // The smoke test imports src/main/index.ts by a computed path (a fresh load per scenario).
    related: false,
  },
}

/**
 * The areas named in CCIJ_MUTATION_AREA (comma-separated), or all of them. CCIJ_MUTATION_TESTS (comma-separated
 * globs) replaces their tests for a run of one part of an area (with `--mutate` on a few files): the vault's tests
 * run the real KDF and SQLCipher, and one file's mutants need only the tests that load it.
 */
export function selectedAreas(
  names = process.env['CCIJ_MUTATION_AREA'],
  tests = process.env['CCIJ_MUTATION_TESTS'],
) {
  const chosen = names ? names.split(',') : Object.keys(MUTATION_AREAS)
  return chosen.map((name) => {
    const area = MUTATION_AREAS[name]
    if (area === undefined) throw new Error(`unknown mutation area "${name}"`)
    return tests
      ? { name, ...area, tests: tests.split(','), related: /** @type {const} */ (false) }
      : { name, ...area }
  })
}

/** CCIJ_MUTATION_PART names a part run's report folder, reports/mutation/<area>/<part>/ (see scripts/mutation.ts). */
export const partName = () => process.env['CCIJ_MUTATION_PART'] || undefined
