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
      ],
    }),
  },
  {
    // Electron's side of main: windows, menus, IPC registration. Data goes through core.
    files: ['src/main/index.ts', 'src/main/electron/**/*.ts'],
    rules: restrict({ patterns: [browserCode, noDatabase] }),
  },
  {
    // The data core runs under plain Node too (tests, admin CLI, bridge): no electron.
    files: ['src/main/core/**/*.ts'],
    rules: restrict({ paths: ['electron'], patterns: [browserCode] }),
  },
  {
    files: ['src/main/ipc/**/*.ts', 'src/main/security/**/*.ts'],
    rules: restrict({ paths: ['electron'], patterns: [browserCode, noDatabase] }),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict({
      paths: ['electron'],
      patterns: [
        browserCode,
        noDatabase,
        { group: ['**/main/electron/**'], message: 'The CLI runs the core under plain Node.' },
      ],
    }),
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
