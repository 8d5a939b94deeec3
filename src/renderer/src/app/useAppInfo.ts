import type { TAppInfo } from '../../../shared/contract/app'
import { api } from '../api'
import { useApiQuery } from '../lib/useApiQuery'

const readInfo = () => api.app.info()

/** Name, version and runtime from main; null until known or if it cannot be read. */
export function useAppInfo(): TAppInfo | null {
  const { load } = useApiQuery(readInfo)
  return load.state === 'ready' ? load.value : null
}
