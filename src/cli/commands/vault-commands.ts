import { AppError } from '../../shared/result'
import type { TAuditVerification } from '../../shared/contract/audit'
import { ZRoleSchema } from '../../shared/roles'
import type { TProgressListener } from '../../main/core/vault/backup-file'
import { promptLine, readSecret } from '../passphrase-input'
import type { TCommand, TCommandContext, TOptionValues } from '../command'
import { UsageError } from '../usage-error'
import {
  optional,
  passphraseOf,
  required,
  servicesOf,
  VAULT_OPTIONS,
  withUnlockedVault,
} from '../vault-access'

/** One line on the audit trail's state, as verify prints it. */
function describeTrail(audit: TAuditVerification): string {
  const unsealed = audit.unsealedCount === 0 ? '' : `, ${audit.unsealedCount} newest not yet sealed`
  if (audit.ok)
    return `intact (${audit.checked} entries, sealed through ${audit.sealedThroughSeq ?? 0}${unsealed})`
  return `${audit.status} at entry ${audit.firstBadSeq ?? '?'}: ${audit.reason ?? ''}`
}

const NEW_PASSPHRASE_OPTION = { 'new-passphrase-file': { type: 'string' } } as const

const newPassphraseOf = (values: TOptionValues, prompt: string): Promise<string> =>
  readSecret({
    file: optional(values, 'new-passphrase-file'),
    environmentVariable: 'CCIJ_NEW_PASSPHRASE',
    prompt,
    confirm: true,
  })

function progressPrinter(context: TCommandContext): TProgressListener | undefined {
  if (!process.stderr.isTTY) return undefined
  let lastPercent = -1
  return ({ bytesDone, bytesTotal }) => {
    const percent = Math.floor((bytesDone / Math.max(bytesTotal, 1)) * 100)
    if (percent !== lastPercent) context.stderr(`\r${percent}%`)
    lastPercent = percent
    if (bytesDone >= bytesTotal) context.stderr('\n')
  }
}

export const vaultCommands: readonly TCommand[] = [
  {
    name: 'init',
    summary: 'Create a vault and its first admin (--user); prints the recovery key once.',
    usage:
      'init --vault DIR --user NAME [--display-name TEXT] [--organization TEXT] [--passphrase-file FILE]',
    options: { ...VAULT_OPTIONS, 'display-name': { type: 'string' }, organization: { type: 'string' } },
    async run({ values }, context) {
      const { vault, recovery } = servicesOf(values, context)
      const user = required(values, 'user')
      if (vault.status().state !== 'no-vault')
        throw new AppError('VAULT_EXISTS', 'A vault already exists in that folder.')
      const passphrase = await readSecret({
        file: optional(values, 'passphrase-file'),
        environmentVariable: 'CCIJ_PASSPHRASE',
        prompt: `New passphrase for ${user}: `,
        confirm: true,
      })
      const { recoveryKey } = await vault.create({
        organizationName: optional(values, 'organization') ?? 'Canadian Centre for International Justice',
        username: user,
        displayName: optional(values, 'display-name') ?? user,
        passphrase,
      })
      context.stdout(`Vault created in ${required(values, 'vault')} with admin "${user}".\n\n`)
      context.stdout(
        `Recovery key (shown once; print it and keep it somewhere safe):\n\n  ${recoveryKey}\n\n`,
      )
      // The app blocks admins until the key is confirmed as recorded; on a terminal we can confirm here.
      const lastGroup = recoveryKey.split(/[\s-]+/).at(-1) ?? ''
      const typed = process.stdin.isTTY
        ? await promptLine('Type the last group of the key to confirm you have recorded it (Enter to skip): ')
        : ''
      if (typed.trim().toUpperCase() === lastGroup.toUpperCase() && lastGroup !== '') {
        recovery.confirm()
        context.stdout('Recovery key confirmed.\n')
      } else {
        context.stdout(
          'Not confirmed: the app will ask an admin to confirm or replace the key at the first unlock.\n',
        )
      }
      vault.lock()
      return 0
    },
  },
  {
    name: 'verify',
    summary:
      'Check both databases (integrity_check) and the audit trail against its checkpoint; exit 0 only when all hold. Admins.',
    usage: 'verify --vault DIR --user NAME [--passphrase-file FILE]',
    options: VAULT_OPTIONS,
    run: ({ values }, context) =>
      withUnlockedVault(values, context, ({ vault, audit: trail }) => {
        // The audit check comes first: it is admins only, so a colleague of another role learns nothing here.
        const audit = trail.verify()
        const integrity = vault.integrityCheck()
        const isSound = integrity.length === 1 && integrity[0] === 'ok'
        context.stdout(`database: ${isSound ? 'ok' : `damaged (${integrity.slice(0, 5).join('; ')})`}\n`)
        context.stdout(`audit trail: ${describeTrail(audit)}\n`)
        if (!isSound || !audit.ok) context.stderr('error: verification failed.\n')
        return isSound && audit.ok ? 0 : 1
      }),
  },
  {
    name: 'backup',
    summary: 'Write an encrypted backup of the vault to --out, authenticated with the admin key. Admins.',
    usage: 'backup --vault DIR --user NAME --out FILE [--passphrase-file FILE]',
    options: { ...VAULT_OPTIONS, out: { type: 'string' } },
    run: ({ values }, context) => {
      const out = required(values, 'out')
      return withUnlockedVault(values, context, async ({ backup }) => {
        const { bytes } = await backup.create(out, progressPrinter(context))
        context.stdout(`Backup written to ${out} (${bytes} bytes).\n`)
        return 0
      })
    },
  },
  {
    name: 'restore',
    summary:
      'Replace the vault with a backup: --user must be an admin of the current vault and of the backup (same passphrase); --force to overwrite.',
    usage: 'restore --vault DIR --user NAME --from FILE [--force] [--passphrase-file FILE]',
    options: { ...VAULT_OPTIONS, from: { type: 'string' }, force: { type: 'boolean' } },
    async run({ values }, context) {
      const from = required(values, 'from')
      const user = required(values, 'user')
      const services = servicesOf(values, context)
      const passphrase = await passphraseOf(values)
      if (services.vault.status().state === 'no-vault') {
        await services.backup.restore(from, user, passphrase, progressPrinter(context))
        services.vault.lock()
      } else {
        if (values['force'] !== true) {
          throw new UsageError('A vault already exists there. Add --force to replace it with the backup.')
        }
        // Signed in to the current vault first: only its admins may replace it.
        await withUnlockedVault(
          values,
          context,
          ({ backup }) => backup.restore(from, user, passphrase, progressPrinter(context)),
          passphrase,
        )
      }
      context.stdout(`Vault restored from ${from}.\n`)
      return 0
    },
  },
  {
    name: 'rekey',
    summary:
      'Give the vault new keys now (after an upgrade, or when a passphrase may have been seen); backups keep theirs. Admins.',
    usage: 'rekey --vault DIR --user NAME [--passphrase-file FILE]',
    options: VAULT_OPTIONS,
    run: ({ values }, context) =>
      withUnlockedVault(values, context, async ({ vault }) => {
        const result = await vault.rekey({ onProgress: progressPrinter(context) })
        context.stdout(`The vault has new keys (generation ${result.generation}).\n`)
        for (const name of result.needsNewPassphrase) {
          context.stdout(
            `${name} needs a new passphrase from an admin (users reset) before they can sign in.\n`,
          )
        }
        for (const name of result.unendorsed) {
          context.stdout(`warning: the key slot of ${name} was not endorsed by an admin and was left out.\n`)
        }
        return 0
      }),
  },
  {
    name: 'passwd',
    summary:
      "Change --user's passphrase (the new one from CCIJ_NEW_PASSPHRASE, --new-passphrase-file or a prompt).",
    usage: 'passwd --vault DIR --user NAME [--passphrase-file FILE] [--new-passphrase-file FILE]',
    options: { ...VAULT_OPTIONS, ...NEW_PASSPHRASE_OPTION },
    async run({ values }, context) {
      const current = await passphraseOf(values)
      const next = await newPassphraseOf(values, 'New passphrase: ')
      await withUnlockedVault(
        values,
        context,
        ({ accounts }) => accounts.changeOwnPassphrase(current, next),
        current,
      )
      context.stdout('Passphrase changed.\n')
      return 0
    },
  },
  {
    name: 'users',
    summary:
      'Staff accounts: users list | users add --username X --display-name Y --role R | users disable --username X',
    usage:
      'users list|add|disable --vault DIR --user NAME [--username NAME] [--display-name TEXT] [--role admin|caseworker|viewer] [--new-passphrase-file FILE]',
    options: {
      ...VAULT_OPTIONS,
      ...NEW_PASSPHRASE_OPTION,
      username: { type: 'string' },
      'display-name': { type: 'string' },
      role: { type: 'string' },
    },
    allowPositionals: true,
    async run({ values, positionals }, context) {
      const action = positionals[0]
      if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`)
      if (action === 'list') {
        return withUnlockedVault(values, context, ({ accounts }) => {
          for (const account of accounts.list()) {
            context.stdout(
              `${account.username}\t${account.role}\t${account.status}\t${account.displayName}\n`,
            )
          }
          return 0
        })
      }
      if (action === 'add') {
        const username = required(values, 'username')
        const role = ZRoleSchema.safeParse(values['role'])
        if (!role.success) throw new UsageError('--role must be admin, caseworker or viewer.')
        const displayName = optional(values, 'display-name') ?? username
        // Read both secrets before unlocking, so no prompt waits with the vault open.
        const passphrase = await passphraseOf(values)
        const newPassphrase = await newPassphraseOf(values, `First passphrase for ${username}: `)
        const account = { username, displayName, role: role.data, passphrase: newPassphrase }
        await withUnlockedVault(values, context, ({ accounts }) => accounts.add(account), passphrase)
        context.stdout(`Added ${role.data} "${username}".\n`)
        return 0
      }
      if (action === 'disable') {
        const username = required(values, 'username')
        return withUnlockedVault(values, context, async ({ accounts }) => {
          const account = accounts
            .list()
            .find((candidate) => candidate.username.toLowerCase() === username.toLowerCase())
          if (account === undefined) throw new AppError('NOT_FOUND', `There is no account "${username}".`)
          await accounts.disable(account.id, { onProgress: progressPrinter(context) })
          context.stdout(
            `Disabled "${account.username}". The vault has new keys: their passphrase and any keyring copy they kept no longer open it (backups made before still open with the passphrases of then).\n`,
          )
          return 0
        })
      }
      throw new UsageError('Say which: users list, users add or users disable.')
    },
  },
]
