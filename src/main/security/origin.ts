/** The renderer is served from this origin by the app protocol, never from file://. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'ccij'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** True for URLs of the app's own origin (or the dev server's, when one is in use). */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true
    if (devServerUrl !== undefined && devServerUrl !== '')
      return parsed.origin === new URL(devServerUrl).origin
    return false
  } catch {
    return false
  }
}

/** Only https links may be handed to the OS browser, and only after the person confirms. */
export function isExternalHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}
