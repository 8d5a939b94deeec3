import { spawn } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..')
const MODULES = join(PROJECT_ROOT, 'node_modules')

/*
 * A throw-away copy of the project for running `npm start` as a person would, without touching this
 * checkout's node_modules/electron. Our scripts and package.json are real copies; the build (out/) and
 * sources are links. node_modules is a folder of links to the real packages, except:
 *  - electron: a copy of the package without its downloaded program, so each test decides what is "installed";
 *  - electron-vite: a copy, because a linked one would resolve `electron` from the real node_modules.
 */
const COPIED_PACKAGES = new Set(['electron', 'electron-vite'])

export type TTempProject = {
  root: string
  electronFolder: string
  remove(): void
}

export function createTempProject(): TTempProject {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'ccij-start-')))
  cpSync(join(PROJECT_ROOT, 'package.json'), join(root, 'package.json'))
  cpSync(join(PROJECT_ROOT, 'scripts'), join(root, 'scripts'), { recursive: true })
  symlinkSync(join(PROJECT_ROOT, 'src'), join(root, 'src'))
  symlinkSync(join(PROJECT_ROOT, 'out'), join(root, 'out'))

  const modules = join(root, 'node_modules')
  mkdirSync(join(modules, '.bin'), { recursive: true })
  for (const name of readdirSync(MODULES)) {
    if (name === '.bin' || name.startsWith('.package-lock')) continue
    if (COPIED_PACKAGES.has(name)) continue
    symlinkSync(join(MODULES, name), join(modules, name))
  }
  for (const name of COPIED_PACKAGES) {
    cpSync(join(MODULES, name), join(modules, name), {
      recursive: true,
      // Never Electron's downloaded program, if this checkout has one.
      filter: (source) => !(name === 'electron' && ['dist', 'path.txt'].includes(basename(source))),
    })
  }
  // Commands point into the copies where there is one, else at the real package.
  for (const name of readdirSync(join(MODULES, '.bin'))) {
    const target = readlinkSync(join(MODULES, '.bin', name))
    const packageName = target.split('/')[1] ?? ''
    const linked = COPIED_PACKAGES.has(packageName) ? target : resolve(MODULES, '.bin', target)
    symlinkSync(linked, join(modules, '.bin', name))
  }

  return {
    root,
    electronFolder: join(modules, 'electron'),
    remove: () => rmSync(root, { recursive: true, force: true }),
  }
}

/**
 * A stand-in for Electron's program: a script that writes the arguments, folder and Electron-related
 * environment it was launched with to `recordFile`, as JSON, and exits 0.
 */
export function writeStandInElectron(program: string, recordFile: string): string {
  writeFileSync(
    program,
    `#!${process.execPath}\n` +
      `const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => /ELECTRON/.test(name)))\n` +
      `process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(recordFile)}, JSON.stringify({\n` +
      `  argv: process.argv.slice(2), cwd: process.cwd(), env,\n` +
      `}))\n`,
  )
  chmodSync(program, 0o755)
  return program
}

/** Installs the stand-in where Electron's installer puts the program: dist/, dist/version and path.txt. */
export function installStandInElectron(project: TTempProject, version: string, recordFile: string): string {
  const dist = join(project.electronFolder, 'dist')
  mkdirSync(dist, { recursive: true })
  writeFileSync(join(dist, 'version'), `v${version}`)
  writeFileSync(join(project.electronFolder, 'path.txt'), 'electron')
  return writeStandInElectron(join(dist, 'electron'), recordFile)
}

export type TRun = { code: number | null; stdout: string; stderr: string }

/** Runs an npm script in the project, as typed in a terminal. */
export function runNpm(cwd: string, args: string[], environment: NodeJS.ProcessEnv): Promise<TRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
      cwd,
      env: environment,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }))
  })
}
