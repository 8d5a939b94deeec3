import type { TCcijApi } from '../shared/api'

declare global {
  interface Window {
    /** Exposed by src/preload/index.ts (or the test/browser bridge): one function per contract channel. */
    readonly api: TCcijApi
  }
}

export {}
