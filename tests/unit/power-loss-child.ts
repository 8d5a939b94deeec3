/**
 * Child process for power-loss.test.ts, run under strace: unlocks a vault, commits `count` drafts one by one, then
 * changes the admin's passphrase (a keyring write). Each phase is bracketed by a write to a marker file, so the
 * test can tell which fsyncs belong to which phase.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN_PASSPHRASE, NEW_PASSPHRASE, newVaultServices } from '#test-support/vault-fixtures'

const [root, markers, count] = process.argv.slice(2)
if (root === undefined || markers === undefined || count === undefined) {
  throw new Error('usage: power-loss-child.ts VAULT_ROOT MARKER_FOLDER COUNT')
}
const mark = (phase: string): void => writeFileSync(join(markers, phase), phase)

const { vault, intake, accounts } = newVaultServices(root)
await vault.unlock('alex.example', ADMIN_PASSPHRASE)

mark('commits-begin')
for (let index = 0; index < Number(count); index++) {
  intake.saveDraft({ step: 'person', data: { person: { familyName: `Draft-Example ${index}` } } })
}
mark('commits-end')

mark('keyring-begin')
await accounts.changeOwnPassphrase(ADMIN_PASSPHRASE, NEW_PASSPHRASE)
mark('keyring-end')

vault.lock()
