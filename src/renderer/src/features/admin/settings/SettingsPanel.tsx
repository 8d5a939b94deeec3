import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { Form } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { IDLE_LOCK_MINUTES, ZIdleLockMinutesSchema } from '../../../../../shared/contract/settings'
import { BusyIndicator, Button, Notice, NumberField } from '../../../ui'
import { adminErrorKey, callApi, type TAdminErrorKey } from '../errors'
import { api } from '../../../api'

const ZIdleLockFormSchema = z.object({ minutes: ZIdleLockMinutesSchema })
type TIdleLockForm = z.infer<typeof ZIdleLockFormSchema>

type TSaveState =
  { state: 'idle' } | { state: 'saved'; minutes: number } | { state: 'failed'; errorKey: TAdminErrorKey }

/** Device settings an admin decides: how long the vault may sit unattended before it locks itself. */
export function SettingsPanel() {
  const { t } = useTranslation()
  const [isLoaded, setIsLoaded] = useState(false)
  const [save, setSave] = useState<TSaveState>({ state: 'idle' })
  const { control, handleSubmit, reset, formState } = useForm<TIdleLockForm>({
    resolver: zodResolver(ZIdleLockFormSchema),
    defaultValues: { minutes: IDLE_LOCK_MINUTES.default },
  })

  useEffect(() => {
    let isCurrent = true
    void callApi(() => api.settings.get()).then((result) => {
      if (!isCurrent) return
      if (result.ok) reset({ minutes: result.value.idleLockMinutes })
      setIsLoaded(true)
    })
    return () => {
      isCurrent = false
    }
  }, [reset])

  const onSubmit = handleSubmit(async ({ minutes }) => {
    const result = await callApi(() => api.settings.setIdleLock({ minutes }))
    if (result.ok) {
      reset({ minutes: result.value.idleLockMinutes })
      setSave({ state: 'saved', minutes: result.value.idleLockMinutes })
    } else {
      setSave({ state: 'failed', errorKey: adminErrorKey('saveSettings', result.error) })
    }
  })

  return (
    <section aria-labelledby="admin-settings-heading" className="admin-section">
      <div className="admin-section__header">
        <div>
          <h2 id="admin-settings-heading" className="admin-section__title">
            {t('adminConsole.settings.heading')}
          </h2>
          <p className="admin-section__lede">{t('adminConsole.settings.lede')}</p>
        </div>
      </div>
      <div className="admin-card admin-card--narrow">
        <h3 className="admin-card__title">{t('adminConsole.settings.idleLock.heading')}</h3>
        <p className="admin-card__text">{t('adminConsole.settings.idleLock.explain')}</p>
        {isLoaded ? (
          <Form className="admin-form" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
            <Controller
              control={control}
              name="minutes"
              render={({ field }) => (
                <NumberField
                  label={t('adminConsole.settings.idleLock.label')}
                  description={t('adminConsole.settings.idleLock.help', {
                    min: IDLE_LOCK_MINUTES.min,
                    max: IDLE_LOCK_MINUTES.max,
                    default: IDLE_LOCK_MINUTES.default,
                  })}
                  value={field.value}
                  onChange={(value) => {
                    setSave({ state: 'idle' })
                    field.onChange(Number.isNaN(value) ? IDLE_LOCK_MINUTES.default : value)
                  }}
                  minValue={IDLE_LOCK_MINUTES.min}
                  maxValue={IDLE_LOCK_MINUTES.max}
                  decrementLabel={t('adminConsole.settings.idleLock.decrement')}
                  incrementLabel={t('adminConsole.settings.idleLock.increment')}
                  isDisabled={formState.isSubmitting}
                  errorMessage={
                    formState.errors.minutes
                      ? t('adminConsole.settings.idleLock.outOfRange', {
                          min: IDLE_LOCK_MINUTES.min,
                          max: IDLE_LOCK_MINUTES.max,
                        })
                      : undefined
                  }
                />
              )}
            />
            <div className="admin-card__actions">
              <Button
                type="submit"
                variant="primary"
                isDisabled={formState.isSubmitting || !formState.isDirty}
              >
                {t('adminConsole.settings.save')}
              </Button>
            </div>
          </Form>
        ) : (
          <BusyIndicator label={t('adminConsole.loading')} />
        )}
        <div role="status">
          {save.state === 'saved' ? (
            <Notice tone="success">{t('adminConsole.settings.saved', { count: save.minutes })}</Notice>
          ) : null}
          {save.state === 'failed' ? (
            <Notice tone="danger">{t(`adminConsole.errors.${save.errorKey}`)}</Notice>
          ) : null}
        </div>
      </div>
    </section>
  )
}
