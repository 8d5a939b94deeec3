import { AppError } from '../shared/result'
import { createVaultServices, type TVaultServices } from '../main/core/services'
import { readSecret } from './passphrase-input'
import type { TCommandContext, TOptionValues } from './command'
import { UsageError } from './usage-error'

/** The options of every command that opens a vault. */
export const VAULT_OPTIONS = {
  vault: { type: 'string' },
  user: { type: 'string' },
  'passphrase-file': { type: 'string' },
} as const

export function required(values: TOptionValues, name: string): string {
  const value = values[name]
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required.`)
  return value
}

export function optional(values: TOptionValues, name: string): string | undefined {
  const value = values[name]
  return typeof value === 'string' ? value : undefined
}

/** The services of the vault in --vault (nothing is opened yet), with the host's build of the database module. */
export const servicesOf = (values: TOptionValues, context: TCommandContext): TVaultServices =>
  createVaultServices({
    directory: required(values, 'vault'),
    ...(context.nativeBinding === undefined ? {} : { nativeBinding: context.nativeBinding }),
  })

/** --user's passphrase: --passphrase-file, else CCIJ_PASSPHRASE, else a hidden prompt. */
export const passphraseOf = (values: TOptionValues): Promise<string> =>
  readSecret({
    file: optional(values, 'passphrase-file'),
    environmentVariable: 'CCIJ_PASSPHRASE',
    prompt: `Passphrase for ${required(values, 'user')}: `,
  })

/**
 * Unlock as --user, run `work`, and always lock again (zeroing the key), whatever happens. `passphrase` when the
 * command read it already (so no prompt waits with the vault open).
 */
export async function withUnlockedVault<T>(
  values: TOptionValues,
  context: TCommandContext,
  work: (services: TVaultServices) => Promise<T> | T,
  passphrase?: string,
): Promise<T> {
  const services = servicesOf(values, context)
  if (services.vault.status().state === 'no-vault') {
    throw new AppError('NO_VAULT', `There is no vault in ${required(values, 'vault')}.`)
  }
  await services.vault.unlock(required(values, 'user'), passphrase ?? (await passphraseOf(values)))
  try {
    return await work(services)
  } finally {
    services.vault.lock()
  }
}
