import { ZIdleLockMinutesSchema, type TDeviceSettings } from '../../../shared/contract/settings'
import { ADMIN_ONLY } from '../../../shared/roles'
import { sessionIn, type TSessionSource } from '../session/session'
import type { DeviceSettingsStore } from './device-settings'

/**
 * The idle-lock time: a security setting of the device, changed by admins only (checked here, so every host
 * enforces it) and recorded in the audit trail with who changed it, from what to what.
 */
export class IdleLockSetting {
  constructor(
    private readonly store: DeviceSettingsStore,
    private readonly sessions: TSessionSource,
  ) {}

  set(minutes: number): TDeviceSettings {
    const session = sessionIn(
      this.sessions,
      ADMIN_ONLY,
      'Only an admin can change when the vault locks itself.',
    )
    const to = ZIdleLockMinutesSchema.parse(minutes)
    const from = this.store.get().idleLockMinutes
    const updated = this.store.update({ idleLockMinutes: to })
    if (from !== to) session.audit.record('settings.changed', null, { setting: 'idleLockMinutes', from, to })
    return updated
  }
}
