import { useOutletContext } from 'react-router'
import type { TStaffAccess } from './useStaffRole'

/** The signed-in admin, handed down by AdminPage to its sub-pages. */
export const useSignedInAdmin = () => useOutletContext<Extract<TStaffAccess, { state: 'ready' }>>()
