import { useEffect, useState } from 'react'
import type { TAppInfo } from '../../../shared/contract/app'
import { api } from '../api'

/** Name, version and runtime from main; null until known or if it cannot be read. */
export function useAppInfo(): TAppInfo | null {
  const [info, setInfo] = useState<TAppInfo | null>(null)
  useEffect(() => {
    let isCurrent = true
    api.app
      .info()
      .then((result) => {
        if (isCurrent && result.ok) setInfo(result.value)
      })
      .catch(() => undefined)
    return () => {
      isCurrent = false
    }
  }, [])
  return info
}
