import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { resolveRendererFile, serveRendererFile } from '../../src/main/security/static-files'
import { isAppUrl, isExternalHttpsUrl } from '../../src/main/security/origin'

const root = mkdtempSync(join(tmpdir(), 'ccij-renderer-'))
mkdirSync(join(root, 'renderer/assets'), { recursive: true })
writeFileSync(join(root, 'renderer/index.html'), '<!doctype html>')
writeFileSync(join(root, 'renderer/assets/app.js'), 'export {}')
writeFileSync(join(root, 'secret.json'), '{}')
afterAll(() => rmSync(root, { recursive: true, force: true }))
const renderer = join(root, 'renderer')

describe('the app protocol file server', () => {
  it('serves the built renderer with its security headers and type', async () => {
    const response = await serveRendererFile(renderer, '/assets/app.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/javascript')
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await serveRendererFile(renderer, '/')).status).toBe(200)
  })

  it('refuses every path that escapes the renderer folder', () => {
    for (const path of [
      '/../secret.json',
      '/%2e%2e/secret.json',
      '/..%2fsecret.json',
      '/assets/..\\..\\secret.json',
      '/%00index.html',
      '/%E0%A4%A',
    ]) {
      expect(resolveRendererFile(renderer, path), path).toBeNull()
    }
  })

  it('answers 404 for missing files and types it does not serve', async () => {
    expect((await serveRendererFile(renderer, '/missing.js')).status).toBe(404)
    expect((await serveRendererFile(renderer, '/assets')).status).toBe(404)
    expect(resolveRendererFile(renderer, '/run.sh')).toBeNull()
  })
})

describe('origins', () => {
  it('knows the app origin, and the dev server only when one is given', () => {
    expect(isAppUrl('app://ccij/index.html')).toBe(true)
    expect(isAppUrl('app://other/index.html')).toBe(false)
    expect(isAppUrl('http://localhost:5173/')).toBe(false)
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('file:///etc/passwd')).toBe(false)
  })

  it('lets only https links out', () => {
    expect(isExternalHttpsUrl('https://ccij.ca')).toBe(true)
    for (const url of [
      'http://ccij.ca',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'not a url',
    ]) {
      expect(isExternalHttpsUrl(url), url).toBe(false)
    }
  })
})
