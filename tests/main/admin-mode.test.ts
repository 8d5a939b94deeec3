import type { App } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as RunAdmin from '../../src/cli/run-admin'
import type { TAdminHost } from '../../src/cli/run-admin'
import type * as NativeBinding from '../../src/main/electron/native-binding'

/*
 * `"CCIJ Caseworker" --admin …`: which arguments start admin mode, and what admin mode does with the app (no window,
 * no GPU, no Dock icon; the command's exit code, only after its output has left). The admin commands themselves have
 * their own tests; here the real runner runs `help` and a missing command, and a wrapper records what it was given.
 * The smoke test starts main once, so without these tests nothing of this file ran inside a test.
 */

const seen = vi.hoisted(() => ({
  runs: [] as { args: readonly string[]; host: TAdminHost }[],
  /** Replaces the native-binding lookup when set: a source checkout whose Electron build is missing. */
  binding: undefined as (() => string | undefined) | undefined,
}))

vi.mock('../../src/cli/run-admin', async (importOriginal) => {
  const real = await importOriginal<typeof RunAdmin>()
  return {
    ...real,
    runAdminCommand: (args: readonly string[], host: TAdminHost) => {
      seen.runs.push({ args, host })
      return real.runAdminCommand(args, host)
    },
  }
})
vi.mock('../../src/main/electron/native-binding', async (importOriginal) => {
  const real = await importOriginal<typeof NativeBinding>()
  return {
    ...real,
    electronNativeBindingPath: (appPath: string) =>
      seen.binding === undefined ? real.electronNativeBindingPath(appPath) : seen.binding(),
  }
})

const { ADMIN_SWITCH, adminModeArguments, runAdminMode } = await import('../../src/main/electron/admin-mode')
const { NativeBindingError } = await import('../../src/main/electron/native-binding')

describe('the arguments that start admin mode', () => {
  it('are those after --admin in an installed app, whose first argument is the app itself', () => {
    expect(ADMIN_SWITCH).toBe('--admin')
    expect(adminModeArguments(['/opt/ccij/ccij', '--admin', 'status', '--data', 'x'], false)).toEqual([
      'status',
      '--data',
      'x',
    ])
    expect(adminModeArguments(['/opt/ccij/ccij', '--admin'], false)).toEqual([])
    expect(adminModeArguments(['/opt/ccij/ccij'], false)).toBeUndefined()
    expect(adminModeArguments(['/opt/ccij/ccij', '--inspect', '--admin', 'help'], false)).toEqual(['help'])
  })

  it('skip the app folder of a source checkout (`electron . --admin …`), and never read the executable', () => {
    expect(adminModeArguments(['/usr/bin/electron', '.', '--admin', 'help'], true)).toEqual(['help'])
    // In a checkout the second argument is the app folder: a folder named --admin is not the switch.
    expect(adminModeArguments(['/usr/bin/electron', '--admin', 'help'], true)).toBeUndefined()
    expect(adminModeArguments(['--admin', 'help'], false)).toBeUndefined()
  })
})

describe('admin mode', () => {
  type TExit = { code: number; ready: boolean }
  let written: { stream: 'stdout' | 'stderr'; text: string }[]

  beforeEach(() => {
    seen.runs = []
    seen.binding = undefined
    written = []
    // The usage text and errors go to the process's own streams: kept here, out of the test output.
    for (const stream of ['stdout', 'stderr'] as const) {
      vi.spyOn(process[stream], 'write').mockImplementation(((
        chunk: string | Uint8Array,
        ...rest: unknown[]
      ) => {
        if (String(chunk) !== '') written.push({ stream, text: String(chunk) })
        const done = rest.find((each) => typeof each === 'function') as (() => void) | undefined
        done?.()
        return true
      }) as typeof process.stdout.write)
    }
  })
  afterEach(() => vi.restoreAllMocks())

  /** A recording stand-in for Electron's `app`, resolving with the exit code once `app.exit` is called. */
  function fakeApp(options: { dock: boolean; isPackaged: boolean }) {
    const calls: string[] = []
    let ready = false
    let exited: (exit: TExit) => void = () => undefined
    const exit = new Promise<TExit>((resolve) => (exited = resolve))
    const app = {
      ...(options.dock ? { dock: { hide: () => calls.push('dock.hide') } } : {}),
      isPackaged: options.isPackaged,
      disableHardwareAcceleration: () => calls.push('disableHardwareAcceleration'),
      getAppPath: () => '/opt/ccij/resources/app.asar',
      getName: () => 'CCIJ Caseworker',
      whenReady: async () => {
        ready = true
      },
      exit: (code: number) => {
        calls.push(`exit ${code}`)
        exited({ code, ready })
      },
    }
    return { app: app as unknown as App, calls, exit }
  }

  it('runs the command asked, named as the installed app, and exits with its code once ready', async () => {
    const { app, calls, exit } = fakeApp({ dock: true, isPackaged: true })
    runAdminMode(app, ['help'])
    expect(await exit).toEqual({ code: 0, ready: true })
    expect(calls).toEqual(['dock.hide', 'disableHardwareAcceleration', 'exit 0'])
    expect(seen.runs).toHaveLength(1)
    expect(seen.runs[0]?.args).toEqual(['help'])
    // Plain Node has no Electron build to name: the database module is the Node one.
    expect(seen.runs[0]?.host).toMatchObject({
      invocation: '"CCIJ Caseworker" --admin',
      nativeBinding: undefined,
    })
    const out = written.filter((each) => each.stream === 'stdout').map((each) => each.text)
    expect(out.join('')).toContain('Usage: "CCIJ Caseworker" --admin <command> [options]')
    expect(written.some((each) => each.stream === 'stderr')).toBe(false)
  })

  it('passes the Electron build of the database module, and the command’s errors go to stderr', async () => {
    seen.binding = () => '/opt/ccij/resources/app.asar.unpacked/native/sample/better_sqlite3.node'
    const { app, calls, exit } = fakeApp({ dock: false, isPackaged: true })
    runAdminMode(app, ['no-such-command'])
    expect(await exit).toEqual({ code: 2, ready: true })
    // No Dock on Windows and Linux: nothing to hide, and no failure for it.
    expect(calls).toEqual(['disableHardwareAcceleration', 'exit 2'])
    expect(seen.runs[0]?.host.nativeBinding).toBe(
      '/opt/ccij/resources/app.asar.unpacked/native/sample/better_sqlite3.node',
    )
    const errors = written.filter((each) => each.stream === 'stderr').map((each) => each.text)
    expect(errors.join('')).toContain('Unknown command "no-such-command"')
  })

  it('exits 1 with the reason and what to do when the database module is missing, running nothing', async () => {
    for (const isPackaged of [true, false]) {
      written = []
      seen.binding = () => {
        throw new NativeBindingError('The database module for Electron 0.0.0-sample is missing.')
      }
      const { app, exit } = fakeApp({ dock: false, isPackaged })
      runAdminMode(app, ['help'])
      expect(await exit).toEqual({ code: 1, ready: true })
      expect(written).toEqual([
        {
          stream: 'stderr',
          text: `error: The database module for Electron 0.0.0-sample is missing. ${
            isPackaged
              ? 'Reinstall CCIJ Caseworker.'
              : 'Run "npm start" to build it (the admin CLI also runs without it: "npm run admin").'
          }\n`,
        },
      ])
    }
    expect(seen.runs).toEqual([])
  })

  it('exits only once the output written before has left, on stdout and on stderr', async () => {
    // Pipes can be asynchronous: each stream holds its write callbacks here until the test lets them through.
    const held: Record<'stdout' | 'stderr', (() => void)[]> = { stdout: [], stderr: [] }
    for (const stream of ['stdout', 'stderr'] as const) {
      vi.mocked(process[stream].write).mockImplementation(((_chunk: unknown, ...rest: unknown[]) => {
        const done = rest.find((each) => typeof each === 'function') as (() => void) | undefined
        if (done !== undefined) held[stream].push(done)
        return true
      }) as typeof process.stdout.write)
    }
    const { app, calls, exit } = fakeApp({ dock: false, isPackaged: true })
    runAdminMode(app, ['help'])
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20))
    await settle()
    expect(held.stdout).toHaveLength(1)
    expect(held.stderr).toHaveLength(1)
    held.stdout.splice(0).forEach((done) => done())
    await settle()
    expect(calls).toEqual(['disableHardwareAcceleration'])
    held.stderr.splice(0).forEach((done) => done())
    expect(await exit).toEqual({ code: 0, ready: true })
  })

  it('lets any other failure of the lookup through, rather than call it a missing module', () => {
    seen.binding = () => {
      throw new TypeError('sample failure')
    }
    const { app, calls } = fakeApp({ dock: false, isPackaged: true })
    expect(() => runAdminMode(app, ['help'])).toThrow('sample failure')
    expect(calls).toEqual(['disableHardwareAcceleration'])
    expect(written).toEqual([])
  })
})
