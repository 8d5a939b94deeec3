import { useRef, useState } from 'react'
import { Form } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import { IDLE_LOCK_MINUTES, ZIdleLockMinutesSchema } from '../../../../../shared/contract/settings'
import { BusyIndicator, Button, NumberField } from '../../../ui'
import { useApiQuery } from '../../../lib/useApiQuery'
import { AdminSection } from '../AdminSection'
import { adminErrorKey, type TAdminErrorKey } from '../errors'
import { ActionOutcome } from '../ActionOutcome'
import { api, callApi } from '../../../api'
import { MpLetterTemplateCard } from '../../packets'

type TSaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; minutes: number }
  | { state: 'failed'; errorKey: TAdminErrorKey }

/** The typed text as whole minutes in range, or null ("", "abc", "2.5", "300"). */
export function parseIdleLockMinutes(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{1,6}$/.test(trimmed)) return null
  const parsed = ZIdleLockMinutesSchema.safeParse(Number(trimmed))
  return parsed.success ? parsed.data : null
}

const readSettings = () => api.settings.get()

/** Device settings an admin decides: how long the vault may sit unattended before it locks itself. */
export function SettingsPanel() {
  const { t } = useTranslation()
  const { load } = useApiQuery(readSettings)
  // Settings that cannot be read show the default, which saving then writes.
  const minutes =
    load.state === 'ready'
      ? load.value.idleLockMinutes
      : load.state === 'failed'
        ? IDLE_LOCK_MINUTES.default
        : null
  return (
    <AdminSection tab="settings">
      <div className="ui-panel admin-card admin-card--narrow">
        <h3 className="admin-card__title">{t('admin.settings.idleLock.heading')}</h3>
        <p className="admin-card__text">{t('admin.settings.idleLock.explain')}</p>
        {minutes === null ? (
          <BusyIndicator label={t('admin.loading')} />
        ) : (
          <IdleLockForm initialMinutes={minutes} />
        )}
      </div>
      <MpLetterTemplateCard />
    </AdminSection>
  )
}

/** The idle-lock minutes, saved on request; the outcome takes focus. */
function IdleLockForm({ initialMinutes }: { initialMinutes: number }) {
  const { t } = useTranslation()
  const [saved, setSaved] = useState(initialMinutes)
  /** What the field shows, kept on every keystroke: Save is enabled as soon as it differs from what is saved. */
  const [draft, setDraft] = useState(String(initialMinutes))
  const [hasTriedSaving, setHasTriedSaving] = useState(false)
  const [save, setSave] = useState<TSaveState>({ state: 'idle' })
  const inputRef = useRef<HTMLInputElement>(null)

  const minutes = parseIdleLockMinutes(draft)
  const isDirty = draft.trim() !== String(saved)
  // Out of range is said as soon as it is typed (never clamped behind the person's back); empty, on Save.
  const showRangeError = minutes === null && (draft.trim() !== '' || hasTriedSaving)
  const isSaving = save.state === 'saving'

  const onChangeText = (text: string) => {
    setDraft(text)
    setHasTriedSaving(false)
    if (save.state !== 'saving') setSave({ state: 'idle' })
  }

  const onSubmit = async () => {
    if (minutes === null) {
      setHasTriedSaving(true)
      inputRef.current?.focus()
      return
    }
    setSave({ state: 'saving' })
    const result = await callApi(() => api.settings.setIdleLock({ minutes }))
    if (result.ok) {
      setSaved(result.value.idleLockMinutes)
      setDraft(String(result.value.idleLockMinutes))
      setSave({ state: 'saved', minutes: result.value.idleLockMinutes })
    } else {
      setSave({ state: 'failed', errorKey: adminErrorKey('saveSettings', result.error) })
    }
  }

  return (
    <>
      <Form
        className="admin-form"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault()
          void onSubmit()
        }}
      >
        <NumberField
          label={t('admin.settings.idleLock.label')}
          description={t('admin.settings.idleLock.help', {
            min: IDLE_LOCK_MINUTES.min,
            max: IDLE_LOCK_MINUTES.max,
            default: IDLE_LOCK_MINUTES.default,
          })}
          value={draft.trim() === '' || !/^\d+$/.test(draft.trim()) ? Number.NaN : Number(draft.trim())}
          onChange={(value) => onChangeText(Number.isNaN(value) ? '' : String(value))}
          onInputChange={onChangeText}
          inputRef={inputRef}
          isClamped={false}
          minValue={IDLE_LOCK_MINUTES.min}
          maxValue={IDLE_LOCK_MINUTES.max}
          decrementLabel={t('admin.settings.idleLock.decrement')}
          incrementLabel={t('admin.settings.idleLock.increment')}
          isDisabled={isSaving}
          errorMessage={
            showRangeError
              ? t('admin.settings.idleLock.outOfRange', {
                  min: IDLE_LOCK_MINUTES.min,
                  max: IDLE_LOCK_MINUTES.max,
                })
              : undefined
          }
        />
        <div className="admin-card__actions">
          <Button type="submit" variant="primary" isDisabled={isSaving || !isDirty}>
            {t('admin.settings.save')}
          </Button>
        </div>
      </Form>
      {/* Save is disabled again once saved, so focus moves to the outcome. */}
      <ActionOutcome
        busy={null}
        outcome={
          save.state === 'saved'
            ? { id: 'saved', tone: 'success', text: t('admin.settings.saved', { count: save.minutes }) }
            : save.state === 'failed'
              ? { id: 'failed', tone: 'danger', text: t(`admin.errors.${save.errorKey}`) }
              : null
        }
      />
    </>
  )
}
