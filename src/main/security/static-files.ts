import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { SECURITY_HEADERS } from './csp'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}

/**
 * Maps a URL path to a file inside the built renderer folder, or null when the path escapes it
 * (`..`, encoded separators, absolute paths) or names something we do not serve.
 */
export function resolveRendererFile(rendererDirectory: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const root = resolve(rendererDirectory)
  const target = resolve(root, relative)
  if (!target.startsWith(root + sep)) return null
  if (!Object.hasOwn(CONTENT_TYPES, extname(target).toLowerCase())) return null
  return target
}

/** Serves one built renderer file with the security headers, for the app protocol and the bridge alike. */
export async function serveRendererFile(rendererDirectory: string, urlPath: string): Promise<Response> {
  const file = resolveRendererFile(rendererDirectory, urlPath)
  if (file === null) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS })
  try {
    const info = await stat(file)
    if (!info.isFile()) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS })
    const body = await readFile(file)
    return new Response(body, {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'text/plain',
      },
    })
  } catch {
    return new Response('Not found', { status: 404, headers: SECURITY_HEADERS })
  }
}
