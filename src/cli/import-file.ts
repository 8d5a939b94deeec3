import { AppError } from '../shared/result'
import type { TRole } from '../shared/roles'
import type { TVaultServices } from '../main/core/services'
import type { TCommandContext, TOptionValues } from './command'
import { readCsvFile, requireCsvFile } from './csv-file'
import { required, withUnlockedVault } from './vault-access'

/** Who may run a command, and what it does in words for the refusal ("import or export intakes"). */
export type TCommandAccess = { roles: readonly TRole[]; doing: string }

const article = (role: TRole): string => (role === 'admin' ? 'an admin' : `a ${role}`)

/**
 * Unlock as --user, refuse at once unless their role may do this (the service checks again; this says it in the
 * CLI's words), run `work`, and always lock again.
 */
export function withRole<T>(
  values: TOptionValues,
  context: TCommandContext,
  access: TCommandAccess,
  work: (services: TVaultServices) => Promise<T> | T,
): Promise<T> {
  return withUnlockedVault(values, context, (services) => {
    const role = services.vault.currentStaff()?.role
    if (role === undefined || !access.roles.includes(role)) {
      const who = access.roles.map(article).join(' or ')
      throw new AppError(
        'FORBIDDEN',
        `Only ${who} can ${access.doing}; "${required(values, 'user')}" is ${role === undefined ? 'not signed in' : article(role)}.`,
      )
    }
    return work(services)
  })
}

/** The file an import reads: its path (to stream it), its base name (for the audit), or its whole text. */
export type TImportFile = { path: string; name: string; text(): string }

/**
 * `import X FILE`: the file must exist and fit under `maxBytes` before anything is unlocked (a missing file fails
 * fast and no prompt waits with the vault open); then `work` runs as a person `access` allows, vault unlocked.
 */
export function withImportFile<T>(
  values: TOptionValues,
  context: TCommandContext,
  file: { path: string; maxBytes: number },
  access: TCommandAccess,
  work: (services: TVaultServices, file: TImportFile) => Promise<T> | T,
): Promise<T> {
  requireCsvFile(file.path, file.maxBytes)
  const importFile: TImportFile = {
    path: file.path,
    // Either separator: a Windows path typed on any system.
    name: file.path.split(/[\\/]/).pop() ?? '',
    text: () => readCsvFile(file.path, file.maxBytes),
  }
  return withRole(values, context, access, (services) => work(services, importFile))
}

/** A refused file: each problem on its line, then why nothing was imported; the exit code. */
export function reportRefusedFile(
  context: TCommandContext,
  problems: readonly string[],
  summary: { problemCount: number; where?: string },
): number {
  for (const problem of problems) context.stderr(`${problem}\n`)
  const unlisted = summary.problemCount - problems.length
  if (unlisted > 0) context.stderr(`… and ${unlisted} more problem(s) not listed.\n`)
  context.stderr(
    `error: the file was refused and nothing was imported: ${summary.problemCount} problem(s)` +
      `${summary.where ?? ''}.\n`,
  )
  return 1
}
