import { contextBridge, ipcRenderer } from 'electron'
import { createApi, type TCcijApi } from '../shared/api'

/**
 * The renderer's only door to main: one named function per contract channel, nothing else.
 * Raw ipcRenderer never crosses the bridge.
 */
const api = createApi((channel, request) => ipcRenderer.invoke(channel, request)) satisfies TCcijApi

contextBridge.exposeInMainWorld('api', api)

export type TPreloadApi = typeof api
