import type { ParseArgsConfig } from 'node:util'

export type TCommandContext = {
  stdout(text: string): void
  stderr(text: string): void
}

export type TOptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>

export type TParsedArguments = {
  values: TOptionValues
  positionals: string[]
}

/** One admin CLI command. Later features add theirs to the table in admin.ts. */
export type TCommand = {
  name: string
  summary: string
  usage: string
  options: NonNullable<ParseArgsConfig['options']>
  allowPositionals?: boolean
  /** Resolves to the exit code. Throw AppError or UsageError for failures. */
  run(parsed: TParsedArguments, context: TCommandContext): Promise<number>
}
