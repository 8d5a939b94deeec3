import { createApi } from '../../shared/api'

/**
 * Loaded before the renderer by the browser bridge: builds `window.api` from the same contract as
 * the preload, with HTTP to the bridge server as the transport instead of Electron IPC.
 */
const api = createApi(async (channel, request) => {
  const response = await fetch(`/__bridge/invoke/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(request),
  })
  return response.json()
})

Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false, enumerable: true })
