import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../src/main/security/csp'
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../../src/main/security/origin'
import { resolveRendererFile, serveRendererFile } from '../../src/main/security/static-files'
import { tempFolderPerTest } from '#test-support/per-test'

/**
 * The renderer's security headers, origin check and file server, pinned exactly: each directive is a decision
 * (docs/ARCHITECTURE.md, security model), so loosening one must be a visible change to this test.
 */
describe('the renderer’s security headers', () => {
  it('are exactly the policy we decided on', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    )
    expect(SECURITY_HEADERS).toEqual({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    })
  })
})

describe('the app origin', () => {
  it('is app://ccij, entered at index.html', () => {
    expect(APP_ORIGIN).toBe('app://ccij')
    expect(APP_ENTRY_URL).toBe('app://ccij/index.html')
  })

  it.each([
    ['app://ccij/index.html', undefined, true],
    ['app://ccij/', '', true],
    ['app://other/index.html', undefined, false],
    ['https://ccij/index.html', undefined, false],
    ['file:///opt/app/index.html', undefined, false],
    ['not a url', undefined, false],
    ['http://localhost:5173/index.html', undefined, false],
    ['http://localhost:5173/index.html', '', false],
    ['http://localhost:5173/index.html', 'http://localhost:5173/', true],
    ['http://localhost:5174/index.html', 'http://localhost:5173/', false],
    ['https://example.org/', 'http://localhost:5173/', false],
  ])('%s with dev server %s is the app: %s', (url, devServer, expected) => {
    expect(isAppUrl(url, devServer)).toBe(expected)
  })
})

describe('serving renderer files', () => {
  const root = tempFolderPerTest('ccij-renderer-files-')
  const files: Record<string, string> = {
    'index.html': 'text/html; charset=utf-8',
    'assets/app.js': 'text/javascript; charset=utf-8',
    'assets/chunk.mjs': 'text/javascript; charset=utf-8',
    'assets/app.css': 'text/css; charset=utf-8',
    'assets/strings.json': 'application/json; charset=utf-8',
    'assets/logo.svg': 'image/svg+xml',
    'assets/logo.png': 'image/png',
    'favicon.ico': 'image/x-icon',
    'assets/inter.woff2': 'font/woff2',
    'assets/inter.woff': 'font/woff',
    'assets/inter.ttf': 'font/ttf',
  }
  const build = () => {
    for (const name of Object.keys(files)) {
      mkdirSync(join(root(), name, '..'), { recursive: true })
      writeFileSync(join(root(), name), `content of ${name}`)
    }
    // A folder whose name looks like a file we serve.
    mkdirSync(join(root(), 'assets', 'folder.css'))
  }

  it('serves each kind of file with its content type and the security headers', async () => {
    build()
    for (const [name, type] of Object.entries(files)) {
      const response = await serveRendererFile(root(), `/${name}`)
      expect(response.status, name).toBe(200)
      expect(response.headers.get('content-type'), name).toBe(type)
      expect(response.headers.get('content-security-policy'), name).toBe(CONTENT_SECURITY_POLICY)
      expect(await response.text()).toBe(`content of ${name}`)
    }
  })

  it('serves index.html for the root, and ignores repeated leading slashes', async () => {
    build()
    for (const path of ['/', '', '//index.html', '///assets/app.css']) {
      const response = await serveRendererFile(root(), path)
      expect(response.status, path).toBe(200)
    }
    expect(await (await serveRendererFile(root(), '/')).text()).toBe('content of index.html')
  })

  it('drops only the leading slashes: a slash inside the path still separates folders', () => {
    build()
    expect(resolveRendererFile(root(), 'assets/app.js')).toBe(join(root(), 'assets', 'app.js'))
    expect(resolveRendererFile(root(), '//assets//app.js')).toBe(join(root(), 'assets', 'app.js'))
  })

  it.each(['/missing.js', '/assets/folder.css', '/../index.html', '/assets/app.exe'])(
    'answers %s with a plain 404 that still carries the security headers',
    async (path) => {
      build()
      const response = await serveRendererFile(root(), path)
      expect(response.status).toBe(404)
      expect(await response.text()).toBe('Not found')
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(response.headers.get('cache-control')).toBe('no-store')
    },
  )
})
