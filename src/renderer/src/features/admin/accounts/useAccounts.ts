import { useCallback, useEffect, useState } from 'react'
import type { TStaffAccount } from '../../../../../shared/contract/accounts'
import { adminErrorKey, type TAdminErrorKey } from '../errors'
import { api, callApi } from '../../../api'

export type TAccountsState =
  | { state: 'loading' }
  | { state: 'failed'; errorKey: TAdminErrorKey }
  | { state: 'ready'; accounts: TStaffAccount[] }

/** Every staff account, reloaded after each change. */
export function useAccounts(): { accounts: TAccountsState; reload: () => void } {
  const [accounts, setAccounts] = useState<TAccountsState>({ state: 'loading' })
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let isCurrent = true
    void callApi(() => api.accounts.list()).then((result) => {
      if (!isCurrent) return
      setAccounts(
        result.ok
          ? { state: 'ready', accounts: result.value.accounts }
          : { state: 'failed', errorKey: adminErrorKey('load', result.error) },
      )
    })
    return () => {
      isCurrent = false
    }
  }, [version])
  const reload = useCallback(() => setVersion((value) => value + 1), [])
  return { accounts, reload }
}
