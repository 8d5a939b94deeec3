import { VaultService } from '../main/core/vault/vault-service'
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

/** The vault in --vault, opened with the host's build of the database module. */
export const vaultOf = (values: TOptionValues, context: TCommandContext): VaultService =>
  new VaultService({ directory: required(values, 'vault'), nativeBinding: context.nativeBinding })
