import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  electronBuildEnvironment,
  nodeGypArguments,
  prebuildInstallArguments,
} from '../../scripts/electron-native/build-environment'
import { keepElectronBuild } from '../../scripts/electron-native/keep-electron-build'
import { electronNativeBindingPath, NativeBindingError } from '../../src/main/electron/native-binding'
import {
  describeNativeModuleVersion,
  nativeModuleMismatch,
  readNativeModuleVersion,
} from '../../src/main/electron/native-module-version'
import { PROJECT_ROOT } from './temp-project'

/*
 * The Electron copy of the database module: what npm's settings may not change about its build, and the
 * module-version checks after the build and when main loads it. The real Node build from `npm install`
 * plays the wrong-ABI file, exactly the one a machine with npm's `nodedir` set used to save as Electron's.
 */

const NODE_BUILD = join(
  PROJECT_ROOT,
  'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
)
const NODE_MODULE_VERSION = Number(process.versions.modules)
const ELECTRON_MODULE_VERSION = 150

let folder: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'ccij-native-test-'))
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function fakeModule(name: string, symbols: string[]): string {
  const file = join(folder, name)
  writeFileSync(
    file,
    Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), ...symbols.map((s) => Buffer.from(`\0${s}\0`))]),
  )
  return file
}

describe('reading a native module’s version without loading it', () => {
  it('reads the Node build of the database module as the running Node’s NODE_MODULE_VERSION', () => {
    expect(readNativeModuleVersion(NODE_BUILD)).toEqual({ kind: 'abi', moduleVersion: NODE_MODULE_VERSION })
  })

  it('tells N-API modules, files with two versions and files with none apart', () => {
    expect(readNativeModuleVersion(fakeModule('napi.node', ['napi_register_module_v1']))).toEqual({
      kind: 'napi',
    })
    expect(
      readNativeModuleVersion(
        fakeModule('two.node', ['node_register_module_v115', 'node_register_module_v150']),
      ),
    ).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('115, 150') })
    expect(readNativeModuleVersion(fakeModule('none.node', ['sqlite3_open']))).toMatchObject({
      kind: 'unknown',
    })
  })
})

describe('naming what a native module is built for', () => {
  it('says nothing against a module built for the version needed, or an N-API one', () => {
    expect(nativeModuleMismatch(fakeModule('fits.node', ['node_register_module_v150']), 150)).toBeNull()
    expect(nativeModuleMismatch(fakeModule('napi-any.node', ['napi_register_module_v1']), 150)).toBeNull()
    expect(nativeModuleMismatch(NODE_BUILD, NODE_MODULE_VERSION)).toBeNull()
  })

  it('names what was found and what is needed otherwise, versions in order', () => {
    const two = fakeModule('two-unordered.node', ['node_register_module_v150', 'node_register_module_v115'])
    expect(nativeModuleMismatch(two, 150)).toBe(
      `${two} is built for no readable version: it names several versions (115, 150), but NODE_MODULE_VERSION 150 is needed`,
    )
    const none = fakeModule('plain.node', ['sqlite3_open'])
    expect(nativeModuleMismatch(none, 150)).toBe(
      `${none} is built for no readable version: it carries no module version (is it a native Node module?), but NODE_MODULE_VERSION 150 is needed`,
    )
    expect(describeNativeModuleVersion({ kind: 'abi', moduleVersion: 115 })).toBe('NODE_MODULE_VERSION 115')
    expect(describeNativeModuleVersion({ kind: 'napi' })).toBe('N-API')
  })
})

describe('the build environment of the Electron copy', () => {
  it('drops npm settings that would build against another runtime, whatever their case', () => {
    const environment = electronBuildEnvironment({
      PATH: '/usr/bin',
      HOME: '/home/someone',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_target: '20.20.2',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_dist_url: 'https://nodejs.org/dist',
      npm_config_build_from_source: 'true',
      npm_package_config_node_gyp_nodedir: '/usr',
      npm_config_https_proxy: 'http://proxy.example:3128',
      npm_config_cafile: '/etc/ssl/ca.pem',
      npm_config_python: '/usr/bin/python3',
      npm_package_name: 'ccij-caseworker',
    })
    expect(environment).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/someone',
      npm_config_https_proxy: 'http://proxy.example:3128',
      npm_config_cafile: '/etc/ssl/ca.pem',
      npm_config_python: '/usr/bin/python3',
      npm_package_name: 'ccij-caseworker',
    })
  })

  it('tells node-gyp and prebuild-install every choice on the command line', () => {
    const target = { version: '45.5.0', platform: 'linux', arch: 'x64' }
    expect(nodeGypArguments(target)).toEqual([
      'rebuild',
      '--release',
      '--runtime=electron',
      '--target=45.5.0',
      '--arch=x64',
      '--dist-url=https://electronjs.org/headers',
    ])
    expect(prebuildInstallArguments(target)).toEqual([
      '--runtime=electron',
      '--target=45.5.0',
      '--arch=x64',
      '--platform=linux',
    ])
  })
})

describe('keeping a build as Electron’s', () => {
  it('refuses a Node-ABI build, names both versions and leaves nothing under the Electron name', () => {
    const target = join(folder, 'refused', 'electron-v45.5.0-linux-x64', 'better_sqlite3.node')
    expect(() => keepElectronBuild(NODE_BUILD, target, ELECTRON_MODULE_VERSION)).toThrow(
      `the build was not kept: ${NODE_BUILD} is built for NODE_MODULE_VERSION ${NODE_MODULE_VERSION}, but NODE_MODULE_VERSION 150 is needed`,
    )
    expect(existsSync(target)).toBe(false)
  })

  it('keeps a build for Electron’s version, with no partial file left', () => {
    const built = fakeModule('electron-build.node', [`node_register_module_v${ELECTRON_MODULE_VERSION}`])
    const target = join(folder, 'kept', 'electron-v45.5.0-linux-x64', 'better_sqlite3.node')
    keepElectronBuild(built, target, ELECTRON_MODULE_VERSION)
    expect(readNativeModuleVersion(target)).toEqual({ kind: 'abi', moduleVersion: ELECTRON_MODULE_VERSION })
    expect(readdirSync(dirname(target))).toEqual(['better_sqlite3.node'])
  })
})

describe('main’s check when it loads the Electron build', () => {
  const electron = { electronVersion: '45.5.0', moduleVersion: '150', platform: 'linux', arch: 'x64' }
  const place = (appPath: string, file: string): string => {
    const target = join(appPath, 'native', 'electron-v45.5.0-linux-x64', 'better_sqlite3.node')
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(file, target)
    return target
  }

  it('refuses a wrong-ABI module with the expected and found versions, before any unlock', () => {
    const appPath = join(folder, 'wrong-app')
    place(appPath, NODE_BUILD)
    const load = () => electronNativeBindingPath(appPath, electron)
    expect(load).toThrow(NativeBindingError)
    expect(load).toThrow(
      new RegExp(
        `Electron 45\\.5\\.0: .* is built for NODE_MODULE_VERSION ${NODE_MODULE_VERSION}, but NODE_MODULE_VERSION 150 is needed`,
      ),
    )
  })

  it('refuses a missing module', () => {
    expect(() => electronNativeBindingPath(join(folder, 'empty-app'), electron)).toThrow(
      /The database module for Electron 45\.5\.0 is missing/,
    )
    // Named as what it is: main and admin mode tell it from any other failure, and so do crash reports.
    expect(() => electronNativeBindingPath(join(folder, 'empty-app'), electron)).toThrow(
      expect.objectContaining({ name: 'NativeBindingError' }),
    )
  })

  it('looks, by default, for the build of the Electron, platform and module version it runs in', async () => {
    const appPath = join(folder, 'running-app')
    const target = join(
      appPath,
      'native',
      `electron-v45.5.0-${process.platform}-${process.arch}`,
      'better_sqlite3.node',
    )
    mkdirSync(dirname(target), { recursive: true })
    // The Node build fits the running NODE_MODULE_VERSION, which plays Electron's here.
    copyFileSync(NODE_BUILD, target)
    Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true })
    try {
      vi.resetModules()
      const fresh = await import('../../src/main/electron/native-binding')
      expect(fresh.electronNativeBindingPath(appPath)).toBe(target)
    } finally {
      delete (process.versions as Record<string, string | undefined>)['electron']
      vi.resetModules()
    }
  })

  it('finds the right module, outside the asar archive of an installed app', () => {
    const built = fakeModule('packaged.node', ['node_register_module_v150'])
    const target = place(join(folder, 'resources', 'app.asar.unpacked'), built)
    expect(electronNativeBindingPath(join(folder, 'resources', 'app.asar'), electron)).toBe(target)
  })

  it('reads only the app path’s last part as the asar archive, whatever the folders above are called', () => {
    const built = fakeModule('nested.node', ['node_register_module_v150'])
    const resources = join(folder, 'app.asar-copies', 'resources')
    const target = place(join(resources, 'app.asar.unpacked'), built)
    expect(electronNativeBindingPath(join(resources, 'app.asar'), electron)).toBe(target)
  })

  it('leaves plain Node (tests, the admin CLI) on the Node build', () => {
    expect(electronNativeBindingPath(folder, { ...electron, electronVersion: undefined })).toBeUndefined()
  })
})
