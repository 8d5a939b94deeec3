import { runAdminCommand } from './run-admin'

/** `npm run admin -- <command>` in a source checkout; the installed app runs the same commands with --admin. */
void runAdminCommand(process.argv.slice(2), {
  invocation: 'npm run admin --',
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
}).then((code) => {
  process.exitCode = code
})
