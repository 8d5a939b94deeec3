import type { ParseArgsConfig } from 'node:util'

/** Where a command writes, and what its host knows that the command cannot. */
export type TCommandContext = {
  stdout(text: string): void
  stderr(text: string): void
  /** better-sqlite3's native addon for this runtime: the installed app passes its Electron build. */
  nativeBinding?: string
}

export type TOptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>

export type TParsedArguments = {
  values: TOptionValues
  positionals: string[]
}

/** One admin CLI command. Later features add theirs to the table in admin.ts. */
export type TCommand = {
  name: string
  /** For commands that share a name (`import intakes`, `import lawyers`): the first positional that picks this one. */
  subject?: string
  summary: string
  usage: string
  options: NonNullable<ParseArgsConfig['options']>
  allowPositionals?: boolean
  /** Resolves to the exit code. Throw AppError or UsageError for failures. */
  run(parsed: TParsedArguments, context: TCommandContext): Promise<number>
}
