import { api } from '../../api'

/**
 * Tells main the recovery key on screen is stored. 'done' also when the vault locked meanwhile (the idle timer):
 * the gate then shows the unlock screen, and after unlocking the admin is asked again. 'failed' keeps the person on
 * the key step, so the key they just wrote down is not thrown away.
 */
export async function confirmRecoveryKey(): Promise<'done' | 'failed'> {
  try {
    const result = await api.vault.confirmRecoveryKey()
    return result.ok || result.error.code === 'LOCKED' ? 'done' : 'failed'
  } catch {
    return 'failed'
  }
}
