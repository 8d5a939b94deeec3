import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/*
 * Temp folders for tests, in a module that loads nothing else: suites of one file (the keyring's) use them without
 * loading the services, which matters most under mutation testing, where every mutant loads each test file again.
 */

export function makeTempFolder(prefix = 'ccij-vault-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true })
}
