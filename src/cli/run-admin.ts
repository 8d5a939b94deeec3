import { parseArgs } from 'node:util'
import { AppError } from '../shared/result'
import type { TCommand, TCommandContext } from './command'
import { vaultCommands } from './commands/vault-commands'
import { intakeCommands } from './commands/intake-commands'
import { lawyerCommands } from './commands/lawyer-commands'
import { matchCommands } from './commands/match-commands'
import { packetCommands } from './commands/packet-commands'
import { casesFileCommands } from './commands/cases-file-commands'
import { directoryCommands } from './commands/directory-commands'
import { UsageError } from './usage-error'

/** Every admin command. Add a feature's commands here. */
const COMMANDS: readonly TCommand[] = [
  ...vaultCommands,
  ...intakeCommands,
  ...lawyerCommands,
  ...matchCommands,
  ...packetCommands,
  ...casesFileCommands,
  ...directoryCommands,
]

const EXIT_FAILURE = 1
const EXIT_USAGE = 2

/**
 * Who runs the admin commands: `npm run admin` in a source checkout, or the installed app's `--admin`
 * mode (src/main/electron/admin-mode.ts). Both run the same commands; only the way they are called differs.
 */
export type TAdminHost = TCommandContext & {
  /** How a person calls the tool here, for the usage text: `npm run admin --`, `"CCIJ Caseworker" --admin`. */
  invocation: string
}

function usage(invocation: string): string {
  const lines = COMMANDS.map((command) => `  ${command.usage}\n      ${command.summary}`)
  return [
    'CCIJ Caseworker admin tool',
    '',
    `Usage: ${invocation} <command> [options]`,
    '',
    ...lines,
    '',
    'The passphrase comes from --passphrase-file FILE, else the CCIJ_PASSPHRASE environment variable,',
    'else a hidden prompt on the terminal. It is never taken from the command line.',
    '',
  ].join('\n')
}

async function runCommand(argv: readonly string[], host: TAdminHost): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    host.stdout(usage(host.invocation))
    return name === undefined ? EXIT_USAGE : 0
  }
  const named = COMMANDS.filter((candidate) => candidate.name === name)
  if (named.length === 0) throw new UsageError(`Unknown command "${name}".`)
  // `import intakes …`, `import lawyers …`: the subject (the first word after the command) picks among them.
  const command =
    named.length === 1
      ? named[0]
      : named.find((candidate) => rest.find((arg) => !arg.startsWith('-')) === candidate.subject)
  if (command === undefined) {
    const subjects = named.map((candidate) => candidate.subject).join(', ')
    throw new UsageError(`Say what to ${name}: ${subjects}.`)
  }
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
  return command.run({ values: parsed.values, positionals: parsed.positionals }, host)
}

/** Runs one admin command and resolves to its exit code; failures are reported on stderr, never thrown. */
export async function runAdminCommand(argv: readonly string[], host: TAdminHost): Promise<number> {
  try {
    return await runCommand(argv, host)
  } catch (error) {
    if (error instanceof UsageError) {
      host.stderr(`error: ${error.message}\nFor the list of commands, run: ${host.invocation} help\n`)
      return EXIT_USAGE
    }
    if (error instanceof AppError) {
      host.stderr(`error: ${error.message}\n`)
      return EXIT_FAILURE
    }
    // Unexpected: say so without dumping internals that could include data.
    host.stderr(
      `error: the command failed unexpectedly (${error instanceof Error ? error.name : 'unknown error'}).\n`,
    )
    return EXIT_FAILURE
  }
}
