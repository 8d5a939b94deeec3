import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

const __dirname = import.meta.dirname

/**
 * The renderer's index.html carries the production CSP. Vite's dev server needs inline scripts
 * (React refresh preamble) and a websocket, so only `electron-vite dev` gets a relaxed copy.
 */
function devCsp(): Plugin {
  return {
    name: 'ccij-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:*")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    },
  }
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The intakes CSV worker thread: its own entry, out/main/intake-csv-worker.js beside index.js, where
          // intake-csv-worker-reader.ts starts it from (code both use goes to shared chunks).
          'intake-csv-worker': resolve(__dirname, 'src/main/core/cases/csv/intake-csv-worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require node_modules: bundle zod and the contract into it.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), devCsp()],
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
  },
})
