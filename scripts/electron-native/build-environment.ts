/*
 * node-gyp takes options from `npm_config_*` environment variables (npm's configuration) and lets them
 * override its command line. A machine whose npm sets `nodedir` (as Debian's does) would therefore compile
 * against that Node's headers whatever --target says, and save a Node-ABI module as the Electron one.
 * The Electron build gets an environment without npm's build settings; only the ones that say how to reach
 * the network or the compiler stay.
 */

const NPM_CONFIG = /^npm_config_(.+)$/i
const NODE_GYP_PACKAGE_CONFIG = /^npm_package_config_node_gyp_/i

/** npm settings that do not decide what is built against: proxies, certificates, the toolchain. */
const KEPT_SETTINGS = new Set([
  'proxy',
  'https_proxy',
  'http_proxy',
  'noproxy',
  'cafile',
  'ca',
  'strict_ssl',
  'python',
  'msvs_version',
  'devdir',
  'jobs',
])

export function electronBuildEnvironment(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(environment)) {
    if (NODE_GYP_PACKAGE_CONFIG.test(name)) continue
    const setting = NPM_CONFIG.exec(name)?.[1]?.toLowerCase().replaceAll('-', '_')
    if (setting !== undefined && !KEPT_SETTINGS.has(setting)) continue
    kept[name] = value
  }
  return kept
}

export type TElectronTarget = { version: string; platform: string; arch: string }

/** node-gyp's arguments for a release build against Electron's headers, every choice explicit. */
export function nodeGypArguments(target: TElectronTarget): string[] {
  return [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${target.version}`,
    `--arch=${target.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]
}

/** prebuild-install's arguments for the prebuilt Electron binary, when the package publishes one. */
export function prebuildInstallArguments(target: TElectronTarget): string[] {
  return [
    '--runtime=electron',
    `--target=${target.version}`,
    `--arch=${target.arch}`,
    `--platform=${target.platform}`,
  ]
}
