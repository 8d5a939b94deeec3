import { useEffect, useState } from 'react'
import type { TRole } from '../../../../shared/roles'
import { api } from '../../api'

export type TStaffAccess =
  | { state: 'loading' }
  | { state: 'ready'; role: TRole | null; username: string | null; accountId: string | null }

/** Who is signed in, from the vault's status: the admin screens are for admins only. */
export function useStaffAccess(): TStaffAccess {
  const [access, setAccess] = useState<TStaffAccess>({ state: 'loading' })
  useEffect(() => {
    let isCurrent = true
    api.vault
      .status()
      .then((result) => {
        if (!isCurrent) return
        const staff = result.ok ? result.value.staff : null
        setAccess({
          state: 'ready',
          role: staff?.role ?? null,
          username: staff?.username ?? null,
          accountId: staff?.accountId ?? null,
        })
      })
      .catch(() => {
        if (isCurrent) setAccess({ state: 'ready', role: null, username: null, accountId: null })
      })
    return () => {
      isCurrent = false
    }
  }, [])
  return access
}
