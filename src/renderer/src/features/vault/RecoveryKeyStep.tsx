import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Button, Checkbox, TextField } from '../../ui'
import { useFieldErrorText } from './fieldErrors'
import { recoveryKeyConfirmSchema, type TRecoveryKeyConfirmForm } from './formSchemas'
import { RecoveryKeySheet } from './RecoveryKeySheet'
import './RecoveryKeyStep.css'

type TRecoveryKeyStepProps = {
  headingRef: RefObject<HTMLHeadingElement | null>
  recoveryKey: string
  organizationName: string
  createdAt: Date
  onConfirmed: () => void
}

/**
 * The recovery key, shown once: large groups to copy by hand, Print (or Save as PDF through the same dialog), and
 * a confirmation that it was recorded (a checkbox and the key's last group) before the app opens.
 */
export function RecoveryKeyStep({
  headingRef,
  recoveryKey,
  organizationName,
  createdAt,
  onConfirmed,
}: TRecoveryKeyStepProps) {
  const { t } = useTranslation()
  const errorText = useFieldErrorText()
  const schema = useMemo(() => recoveryKeyConfirmSchema(recoveryKey), [recoveryKey])
  const { control, handleSubmit } = useForm<TRecoveryKeyConfirmForm>({
    resolver: zodResolver(schema),
    defaultValues: { isStored: false, lastGroup: '' },
  })
  const groups = recoveryKey.split('-')

  return (
    <>
      <div className="vault-intro">
        <p className="vault-intro__eyebrow">{t('vault.recoveryKey.eyebrow')}</p>
        <h1 ref={headingRef} tabIndex={-1} className="vault-intro__title">
          {t('vault.recoveryKey.title')}
        </h1>
        <p className="vault-intro__lede">{t('vault.recoveryKey.lede')}</p>
      </div>
      <section className="vault-card recovery-key" aria-labelledby="recovery-key-label">
        <h2 id="recovery-key-label" className="recovery-key__label">
          {t('vault.recoveryKey.keyLabel')}
        </h2>
        <p className="recovery-key__groups" data-testid="recovery-key">
          {groups.map((group, index) => (
            <span key={index} className="recovery-key__group">
              {group}
            </span>
          ))}
        </p>
        <ul className="recovery-key__points">
          <li>{t('vault.recoveryKey.pointOnce')}</li>
          <li>{t('vault.recoveryKey.pointPaper')}</li>
          <li>{t('vault.recoveryKey.pointSecret')}</li>
        </ul>
        <div className="recovery-key__print">
          <Button variant="secondary" onPress={() => window.print()}>
            {t('vault.recoveryKey.print')}
          </Button>
          <p className="recovery-key__print-note">{t('vault.recoveryKey.printNote')}</p>
        </div>
      </section>
      <form
        className="vault-card vault-form"
        noValidate
        aria-labelledby="recovery-key-confirm"
        onSubmit={(event) => void handleSubmit(() => onConfirmed())(event)}
      >
        <h2 id="recovery-key-confirm" className="vault-form__heading">
          {t('vault.recoveryKey.confirmHeading')}
        </h2>
        <Controller
          control={control}
          name="isStored"
          render={({ field, fieldState }) => (
            <Checkbox
              id="recovery-key-stored"
              name={field.name}
              isSelected={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              errorMessage={errorText(fieldState.error)}
            >
              {t('vault.recoveryKey.stored')}
            </Checkbox>
          )}
        />
        <Controller
          control={control}
          name="lastGroup"
          render={({ field, fieldState }) => (
            <TextField
              label={t('vault.recoveryKey.lastGroupLabel')}
              description={t('vault.recoveryKey.lastGroupDescription')}
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              isMonospace
              autoComplete="off"
              spellCheck="false"
              maxLength={12}
              className="recovery-key__last-group"
              errorMessage={errorText(fieldState.error)}
            />
          )}
        />
        <div className="vault-form__actions">
          <Button type="submit" variant="primary">
            {t('vault.recoveryKey.continue')}
          </Button>
        </div>
      </form>
      {/* Only this sheet prints (RecoveryKeyStep.css): outside #root, so the print stylesheet can hide the app. */}
      {createPortal(
        <RecoveryKeySheet
          recoveryKey={recoveryKey}
          organizationName={organizationName}
          createdAt={createdAt}
        />,
        document.body,
      )}
    </>
  )
}
