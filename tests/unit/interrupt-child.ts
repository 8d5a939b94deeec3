/**
 * Child process for interrupted-work.test.ts: runs one long vault operation and SIGKILLs itself at the named step
 * (the vault's test-only hooks), the way a power cut or a crash would stop it there.
 */
import { createVaultServices } from '../../src/main/core/services'
import { ADMIN_PASSPHRASE, FAST_KDF } from '#test-support/vault-fixtures'

const [directory, operation, step, backupFile] = process.argv.slice(2)
if (directory === undefined || operation === undefined || step === undefined) {
  throw new Error('usage: interrupt-child.ts VAULT_DIRECTORY OPERATION STEP [BACKUP_FILE]')
}
const services = createVaultServices({
  directory,
  kdf: FAST_KDF,
  hooks: {
    at: (name) => {
      if (name === step) process.kill(process.pid, 'SIGKILL')
    },
  },
})
await services.vault.unlock('alex.example', ADMIN_PASSPHRASE)
if (operation === 'disable') {
  const casey = services.accounts.list().find((account) => account.username === 'casey.example')
  await services.accounts.disable(casey?.id ?? '')
} else if (operation === 'recovery') {
  await services.recovery.replace()
} else if (operation === 'restore') {
  await services.backup.restore(backupFile ?? '', 'alex.example', ADMIN_PASSPHRASE)
}
// 'upgrade' is the unlock itself. Reaching here means the step was never hit.
process.stdout.write('finished without reaching the step\n')
