import { parseArgs } from 'node:util'
import { AppError } from '../shared/result'
import type { TCommand, TCommandContext } from './command'
import { vaultCommands } from './commands/vault-commands'
import { intakeCommands } from './commands/intake-commands'
import { UsageError } from './usage-error'

/** Every command of `npm run admin -- <command>`. Add a feature's commands here. */
const COMMANDS: readonly TCommand[] = [...vaultCommands, ...intakeCommands]

const EXIT_FAILURE = 1
const EXIT_USAGE = 2

const context: TCommandContext = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
}

function usage(): string {
  const lines = COMMANDS.map((command) => `  ${command.usage}\n      ${command.summary}`)
  return [
    'CCIJ Caseworker admin tool',
    '',
    'Usage: npm run admin -- <command> [options]',
    '',
    ...lines,
    '',
    'The passphrase comes from --passphrase-file FILE, else the CCIJ_PASSPHRASE environment variable,',
    'else a hidden prompt on the terminal. It is never taken from the command line.',
    '',
  ].join('\n')
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    context.stdout(usage())
    return name === undefined ? EXIT_USAGE : 0
  }
  const command = COMMANDS.find((candidate) => candidate.name === name)
  if (command === undefined) throw new UsageError(`Unknown command "${name}".`)
  let parsed
  try {
    parsed = parseArgs({
      args: [...rest],
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    })
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\nUsage: ${command.usage}`)
  }
  return command.run({ values: parsed.values, positionals: parsed.positionals }, context)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      context.stderr(`error: ${error.message}\nRun "npm run admin -- help" for the list of commands.\n`)
      process.exitCode = EXIT_USAGE
    } else if (error instanceof AppError) {
      context.stderr(`error: ${error.message}\n`)
      process.exitCode = EXIT_FAILURE
    } else {
      // Unexpected: say so without dumping internals that could include data.
      context.stderr(
        `error: the command failed unexpectedly (${error instanceof Error ? error.name : 'unknown error'}).\n`,
      )
      process.exitCode = EXIT_FAILURE
    }
  },
)
