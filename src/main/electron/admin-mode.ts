import type { App } from 'electron'
import { runAdminCommand } from '../../cli/run-admin'
import { electronNativeBindingPath, NativeBindingError, nativeBindingRemedy } from './native-binding'

/**
 * `"CCIJ Caseworker" --admin <command> …`: the admin CLI from an installed app. Packaged builds turn the
 * RunAsNode fuse off, so IT staff cannot run the CLI's code with the app's Node; this mode runs the same
 * commands as `npm run admin` (src/cli/run-admin.ts) inside the app, with no window, and exits with the
 * command's code.
 */
export const ADMIN_SWITCH = '--admin'

/**
 * The arguments after --admin, or undefined when the app was started normally. `electron .` (a source
 * checkout) puts the app folder before the app's own arguments; an installed app has none before them.
 */
export function adminModeArguments(argv: readonly string[], isDefaultApp: boolean): string[] | undefined {
  const index = argv.indexOf(ADMIN_SWITCH, isDefaultApp ? 2 : 1)
  return index === -1 ? undefined : argv.slice(index + 1)
}

/** Resolves once everything written to stdout and stderr has left the process (pipes can be asynchronous). */
function flushOutput(): Promise<void> {
  const flush = (stream: NodeJS.WriteStream) =>
    new Promise<void>((resolve) => stream.write('', () => resolve()))
  return Promise.all([flush(process.stdout), flush(process.stderr)]).then(() => undefined)
}

export function runAdminMode(app: App, args: readonly string[]): void {
  // A command-line run shows nothing in the Dock (macOS) and needs no GPU; no window is ever created.
  app.dock?.hide()
  app.disableHardwareAcceleration()
  const finish = async (code: number) => {
    await flushOutput()
    await app.whenReady()
    app.exit(code)
  }
  let nativeBinding: string | undefined
  try {
    nativeBinding = electronNativeBindingPath(app.getAppPath())
  } catch (error) {
    if (!(error instanceof NativeBindingError)) throw error
    process.stderr.write(`error: ${error.message} ${nativeBindingRemedy(app.isPackaged)}\n`)
    void finish(1)
    return
  }
  void runAdminCommand(args, {
    invocation: `"${app.getName()}" ${ADMIN_SWITCH}`,
    nativeBinding,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  }).then(finish)
}
