import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useState, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Button, FormCheckbox, FormTextField, LiveRegion, Notice, SubmitButton } from '../../ui'
import { recoveryKeyConfirmSchema, type TRecoveryKeyConfirmForm } from './formSchemas'
import { RecoveryKeySheet } from './RecoveryKeySheet'
import { GateIntro, VaultForm } from './gateParts'
import './RecoveryKeyStep.css'

type TRecoveryKeyStepProps = {
  headingRef: RefObject<HTMLHeadingElement | null>
  recoveryKey: string
  organizationName: string
  createdAt: Date
  /** Called once the box is ticked and the last group matches; the form stays busy until it settles. */
  onConfirmed: () => void | Promise<void>
  /** 'first-run' right after the vault was made; 'new-key' after an admin replaced the key. */
  context?: 'first-run' | 'new-key'
  /** 1 on the gate screens; 2 inside the app, under the page's own h1. */
  headingLevel?: 1 | 2
  /** The submit button's text; "Continue to CCIJ Caseworker" by default. */
  continueLabel?: string
  /** Shown under the form when saving the confirmation failed. */
  failureMessage?: string | null
}

/**
 * The recovery key, shown once: large groups to copy by hand, Print (or Save as PDF through the same dialog), and
 * a confirmation that it was recorded (a checkbox and the key's last group) before the app moves on. Once the box is
 * ticked the key is hidden and only then is the last group asked for, so it has to come from the paper copy.
 */
export function RecoveryKeyStep({
  headingRef,
  recoveryKey,
  organizationName,
  createdAt,
  onConfirmed,
  context = 'first-run',
  headingLevel = 1,
  continueLabel,
  failureMessage = null,
}: TRecoveryKeyStepProps) {
  const { t } = useTranslation()
  const schema = useMemo(() => recoveryKeyConfirmSchema(recoveryKey), [recoveryKey])
  const form = useForm<TRecoveryKeyConfirmForm>({
    resolver: zodResolver(schema),
    defaultValues: { isStored: false, lastGroup: '' },
  })
  const isStored = useWatch({ control: form.control, name: 'isStored' })
  const [isShownAgain, setIsShownAgain] = useState(false)
  const isKeyVisible = !isStored || isShownAgain
  const groups = recoveryKey.split('-')
  const Subheading = headingLevel === 1 ? 'h2' : 'h3'

  return (
    <>
      <GateIntro
        eyebrow={
          context === 'first-run' ? t('vault.recoveryKey.eyebrow') : t('vault.recoveryKey.eyebrowNewKey')
        }
        title={t('vault.recoveryKey.title')}
        lede={t('vault.recoveryKey.lede')}
        headingRef={headingRef}
        level={headingLevel}
      />
      <section className="ui-panel vault-card recovery-key" aria-labelledby="recovery-key-label">
        <Subheading id="recovery-key-label" className="recovery-key__label">
          {t('vault.recoveryKey.keyLabel')}
        </Subheading>
        {isKeyVisible ? (
          <p className="recovery-key__groups" data-testid="recovery-key">
            {groups.map((group, index) => (
              <span key={index} className="recovery-key__group">
                {group}
              </span>
            ))}
          </p>
        ) : (
          <div className="recovery-key__hidden" data-testid="recovery-key-hidden">
            <p className="recovery-key__hidden-title">{t('vault.recoveryKey.keyHidden')}</p>
            <p className="recovery-key__hidden-note">{t('vault.recoveryKey.keyHiddenNote')}</p>
            <Button variant="secondary" onPress={() => setIsShownAgain(true)}>
              {t('vault.recoveryKey.showAgain')}
            </Button>
          </div>
        )}
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
      <VaultForm
        form={form}
        onSubmit={form.handleSubmit(() => onConfirmed())}
        aria-labelledby="recovery-key-confirm"
      >
        <Subheading id="recovery-key-confirm" className="vault-form__heading">
          {t('vault.recoveryKey.confirmHeading')}
        </Subheading>
        <FormCheckbox<TRecoveryKeyConfirmForm>
          name="isStored"
          id="recovery-key-stored"
          // Ticking hides the key again, even after "Show again".
          onChange={(isSelected) => {
            if (isSelected) setIsShownAgain(false)
          }}
        >
          {t('vault.recoveryKey.stored')}
        </FormCheckbox>
        {isStored ? (
          <FormTextField<TRecoveryKeyConfirmForm>
            name="lastGroup"
            label={t('vault.recoveryKey.lastGroupLabel')}
            description={t('vault.recoveryKey.lastGroupDescription')}
            isMonospace
            autoComplete="off"
            spellCheck="false"
            maxLength={12}
            className="recovery-key__last-group"
          />
        ) : null}
        <LiveRegion>{failureMessage ? <Notice tone="danger">{failureMessage}</Notice> : null}</LiveRegion>
        <div className="vault-form__actions">
          <SubmitButton
            label={continueLabel ?? t('vault.recoveryKey.continue')}
            busyLabel={continueLabel ?? t('vault.recoveryKey.continue')}
          />
        </div>
      </VaultForm>
      {/* Only this sheet prints (RecoveryKeyStep.css): outside #root, so the print stylesheet can hide the app. */}
      {createPortal(
        <RecoveryKeySheet
          recoveryKey={recoveryKey}
          organizationName={organizationName}
          createdAt={createdAt}
          dateLabel={
            context === 'first-run' ? t('vault.recoveryKey.sheetCreated') : t('vault.recoveryKey.sheetIssued')
          }
        />,
        document.body,
      )}
    </>
  )
}
