/**
 * Child process for keyring-crash.test.ts, run under strace with a SIGKILL injected at one of its file syscalls:
 * unlocks the vault and changes the admin's passphrase (one keyring write), then locks.
 */
import { newVaultServices } from '#test-support/vault-fixtures'

const [root, oldPassphrase, newPassphrase] = process.argv.slice(2)
if (root === undefined || oldPassphrase === undefined || newPassphrase === undefined) {
  throw new Error('usage: keyring-crash-child.ts VAULT_ROOT OLD_PASSPHRASE NEW_PASSPHRASE')
}
const { vault, accounts } = newVaultServices(root)
await vault.unlock('alex.example', oldPassphrase)
await accounts.changeOwnPassphrase(oldPassphrase, newPassphrase)
vault.lock()
