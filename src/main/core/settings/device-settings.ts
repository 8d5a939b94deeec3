import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { IDLE_LOCK_MINUTES, ZDeviceSettingsSchema, type TDeviceSettings } from '../../../shared/contract'
import { writeFileAtomic } from '../fs/atomic-write'

const DEFAULTS: TDeviceSettings = { locale: 'en', idleLockMinutes: IDLE_LOCK_MINUTES.default }

/**
 * Preferences of this device that hold no survivor data (interface language, idle-lock minutes), kept in a small
 * JSON file beside the vault so they apply on the unlock screen. A damaged file falls back to defaults.
 */
export class DeviceSettingsStore {
  private readonly file: string
  private current: TDeviceSettings
  private readonly listeners = new Set<(settings: TDeviceSettings) => void>()

  constructor(directory: string) {
    mkdirSync(directory, { recursive: true, mode: 0o700 })
    this.file = join(directory, 'device-settings.json')
    this.current = this.read()
  }

  get(): TDeviceSettings {
    return { ...this.current }
  }

  update(patch: Partial<TDeviceSettings>): TDeviceSettings {
    const next = ZDeviceSettingsSchema.parse({ ...this.current, ...patch })
    writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`)
    this.current = next
    for (const listener of this.listeners) listener(this.get())
    return this.get()
  }

  /** Main rebuilds its menu in the new language; returns an unsubscribe function. */
  onChange(listener: (settings: TDeviceSettings) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private read(): TDeviceSettings {
    if (!existsSync(this.file)) return { ...DEFAULTS }
    try {
      const parsed = ZDeviceSettingsSchema.safeParse({
        ...DEFAULTS,
        ...JSON.parse(readFileSync(this.file, 'utf8')),
      })
      return parsed.success ? parsed.data : { ...DEFAULTS }
    } catch {
      return { ...DEFAULTS }
    }
  }
}
