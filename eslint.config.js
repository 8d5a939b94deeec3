// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { builtinModules } from 'node:module'
import { rendererLayers } from './eslint/renderer-layers.js'

/** Node's built-in modules, with and without the `node:` prefix. */
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)]

/**
 * The direction of imports is part of the architecture (DESIGN.md, "Processes and folders"):
 * each rule below makes a wrong-way import a lint error, so `npm run lint` fails the build.
 */
const restrict = (
  /** @type {{ paths?: string[], patterns?: { group: string[], message: string }[] }} */ rules,
) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: (rules.paths ?? []).map((name) => ({
        name,
        message: `"${name}" may not be imported from this layer.`,
      })),
      patterns: rules.patterns ?? [],
    },
  ],
})

const DATABASE = 'better-sqlite3-multiple-ciphers'
const browserCode = {
  group: ['**/renderer/**', '**/preload/**'],
  message: 'Main never imports browser code.',
}
const noDatabase = {
  group: [DATABASE, `${DATABASE}/*`],
  message: 'The database module belongs to src/main/core only.',
}
/** Test support, fixtures and synthetic data never ship: production code cannot reach them. (`\\#`: in these
 * gitignore-style patterns a leading # would start a comment.) */
const noTestCode = {
  group: ['\\#test-support/*', '**/tests/**', '**/bench/**'],
  message: 'Production code never imports tests, their fixtures or the bench.',
}
/** The hosts of the handler table sit on top: nothing below them imports one. */
const noHosts = {
  group: [
    '**/main/electron/**',
    '**/electron/**',
    '**/bridge/**',
    '**/cli/**',
    '**/main/index',
    '**/main/index.ts',
  ],
  message: 'Hosts (Electron, the browser bridge, the CLI) import the layers below them, never the other way.',
}
const noIpc = {
  group: ['**/ipc/**', '**/ipc'],
  message:
    'Core runs without the IPC layer (the CLI has none): core services take plain values and return them.',
}

/** A host of the core other than Electron: plain Node, no browser code, no database module, no other host. */
const hostRules = (/** @type {string[]} */ otherHosts) =>
  restrict({
    paths: ['electron'],
    patterns: [
      browserCode,
      noDatabase,
      noTestCode,
      { group: otherHosts, message: 'Hosts do not import each other; the CLI runs core without IPC.' },
    ],
  })

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'native/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='nodeIntegration'][value.value=true]",
          message: 'nodeIntegration stays off.',
        },
        {
          selector: "Property[key.name='contextIsolation'][value.value=false]",
          message: 'contextIsolation stays on.',
        },
        { selector: "Property[key.name='sandbox'][value.value=false]", message: 'The sandbox stays on.' },
        { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity stays on.' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'renderer-layers': rendererLayers },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // ui ← lib, i18n ← features (each other only through index.ts) ← app: eslint/renderer-layers.js.
      'renderer-layers/import-direction': 'error',
      ...restrict({
        paths: ['electron', ...NODE_BUILTINS],
        patterns: [
          {
            group: ['**/main/**', '**/main', '**/preload/**', '**/preload'],
            message: 'The renderer talks to main only through window.api.',
          },
          noDatabase,
        ],
      }),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict({
      paths: ['electron', 'react', 'react-dom', ...NODE_BUILTINS],
      patterns: [
        {
          group: ['**/main/**', '**/renderer/**', '**/preload/**'],
          message: 'Shared code depends only on itself and pure libraries.',
        },
        noDatabase,
        noTestCode,
      ],
    }),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict({
      paths: NODE_BUILTINS,
      patterns: [
        { group: ['**/main/**', '**/renderer/**'], message: 'The preload only bridges the shared contract.' },
        noDatabase,
        noTestCode,
      ],
    }),
  },
  // Layers, bottom to top: shared → core → ipc → hosts (Electron, the browser bridge, the CLI). Each rule lists
  // what a layer may not import; docs/ARCHITECTURE.md draws the same picture.
  {
    // The data core runs under plain Node too (tests, admin CLI, bridge): no electron, no IPC, no host.
    files: ['src/main/core/**/*.ts'],
    ignores: ['src/main/core/**/*.test.ts'],
    rules: restrict({ paths: ['electron'], patterns: [browserCode, noIpc, noHosts, noTestCode] }),
  },
  {
    // Tests beside the code may use the shared test support, and nothing above core either.
    files: ['src/main/core/**/*.test.ts'],
    rules: restrict({ paths: ['electron'], patterns: [browserCode, noIpc, noHosts] }),
  },
  {
    // The handler table and the dispatcher: one per channel, over core. Hosts register it.
    files: ['src/main/ipc/**/*.ts', 'src/main/security/**/*.ts'],
    rules: restrict({ paths: ['electron'], patterns: [browserCode, noDatabase, noHosts, noTestCode] }),
  },
  {
    // Electron's side of main: windows, menus, IPC registration. Data goes through core. The browser bridge is a
    // development host and must never be bundled into the app.
    files: ['src/main/index.ts', 'src/main/electron/**/*.ts'],
    rules: restrict({
      patterns: [
        browserCode,
        noDatabase,
        noTestCode,
        {
          group: ['**/bridge/**', '**/cli/**'],
          message:
            'The Electron app never bundles the bridge; the CLI comes in only through electron/admin-mode.ts.',
        },
      ],
    }),
  },
  {
    // The installed app's `--admin` mode runs the admin CLI (RunAsNode is off): its one way into src/cli.
    files: ['src/main/electron/admin-mode.ts'],
    rules: restrict({
      patterns: [
        browserCode,
        noDatabase,
        noTestCode,
        { group: ['**/bridge/**'], message: 'The Electron app never bundles the bridge.' },
      ],
    }),
  },
  {
    // The browser bridge (end-to-end tests and dev:browser): the handler table over HTTP on loopback.
    files: ['src/main/bridge/**/*.ts'],
    ignores: ['src/main/bridge/client.ts'],
    rules: hostRules(['**/main/electron/**', '**/main/index', '**/cli/**']),
  },
  {
    // The bridge's browser half: the page gets `window.api` from the shared contract, like the preload builds it.
    files: ['src/main/bridge/client.ts'],
    rules: restrict({
      paths: ['electron', ...NODE_BUILTINS],
      patterns: [
        {
          group: ['**/main/**', '**/renderer/**', '**/preload/**'],
          message: 'The bridge client only bridges the shared contract, as the preload does.',
        },
        noDatabase,
      ],
    }),
  },
  {
    // The admin CLI calls core services directly: no IPC layer, no other host.
    files: ['src/cli/**/*.ts'],
    rules: hostRules(['**/main/electron/**', '**/main/index', '**/bridge/**', '**/ipc/**']),
  },
  {
    files: ['src/main/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Playwright fixtures declare their dependencies with an (often empty) destructuring pattern.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
)
