import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState, type RefObject } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { api } from '../../api'
import { FormFieldset, FormTextField, LiveRegion, Notice, SubmitButton } from '../../ui'
import { DISPLAY_NAME_ISSUES, ORGANIZATION_ISSUES, USERNAME_ISSUES } from './fieldErrors'
import { ZFirstRunFormSchema, type TFirstRunForm } from './formSchemas'
import { GateIntro, VaultForm } from './gateParts'
import { NewPassphraseFields } from './NewPassphraseFields'

type TFirstRunFormProps = {
  headingRef: RefObject<HTMLHeadingElement | null>
  onCreated: (recoveryKey: string, organizationName: string) => void
}

/** Organization, the first administrator and their passphrase → vault.create. */
export function FirstRunForm({ headingRef, onCreated }: TFirstRunFormProps) {
  const { t, i18n } = useTranslation()
  const [failure, setFailure] = useState<string | null>(null)
  const form = useForm<TFirstRunForm>({
    resolver: zodResolver(ZFirstRunFormSchema),
    defaultValues: {
      organizationName: t('vault.firstRun.organizationDefault'),
      displayName: '',
      username: '',
      passphrase: '',
      confirmPassphrase: '',
    },
  })
  const { control, handleSubmit, getFieldState, setValue } = form
  const [username, displayName, organizationName] = useWatch({
    control,
    name: ['username', 'displayName', 'organizationName'],
  })

  // The prefilled name follows the language until the person edits it.
  useEffect(() => {
    if (!getFieldState('organizationName').isDirty) {
      setValue('organizationName', t('vault.firstRun.organizationDefault'))
    }
  }, [i18n.language, t, getFieldState, setValue])

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null)
    const result = await api.vault.create({
      organizationName: values.organizationName,
      username: values.username,
      displayName: values.displayName,
      passphrase: values.passphrase,
    })
    if (result.ok) {
      onCreated(result.value.recoveryKey, values.organizationName.trim())
      return
    }
    if (result.error.code === 'VAULT_EXISTS') setFailure(t('vault.firstRun.exists'))
    else if (result.error.code === 'BAD_REQUEST') setFailure(t('vault.firstRun.refused'))
    else setFailure(t('vault.errors.generic'))
  })

  return (
    <>
      <GateIntro
        eyebrow={t('vault.firstRun.eyebrow')}
        title={t('vault.firstRun.title')}
        lede={t('vault.firstRun.lede')}
        headingRef={headingRef}
      />
      <VaultForm form={form} onSubmit={onSubmit}>
        <FormFieldset>
          <section className="vault-form__section" aria-labelledby="first-run-organization">
            <h2 id="first-run-organization" className="vault-form__heading">
              {t('vault.firstRun.organizationHeading')}
            </h2>
            <FormTextField<TFirstRunForm>
              name="organizationName"
              label={t('vault.firstRun.organizationLabel')}
              description={t('vault.firstRun.organizationDescription')}
              issues={ORGANIZATION_ISSUES}
            />
          </section>
          <section className="vault-form__section" aria-labelledby="first-run-account">
            <h2 id="first-run-account" className="vault-form__heading">
              {t('vault.firstRun.accountHeading')}
            </h2>
            <div className="vault-form__row">
              <FormTextField<TFirstRunForm>
                name="displayName"
                label={t('vault.firstRun.displayNameLabel')}
                description={t('vault.firstRun.displayNameDescription')}
                autoComplete="name"
                issues={DISPLAY_NAME_ISSUES}
              />
              <FormTextField<TFirstRunForm>
                name="username"
                label={t('vault.firstRun.usernameLabel')}
                description={t('vault.firstRun.usernameDescription')}
                autoComplete="username"
                spellCheck="false"
                issues={USERNAME_ISSUES}
              />
            </div>
          </section>
          <section className="vault-form__section" aria-labelledby="first-run-passphrase">
            <h2 id="first-run-passphrase" className="vault-form__heading">
              {t('vault.firstRun.passphraseHeading')}
            </h2>
            <NewPassphraseFields
              passphraseName="passphrase"
              confirmName="confirmPassphrase"
              labels={{
                passphrase: t('vault.firstRun.passphraseLabel'),
                confirm: t('vault.firstRun.confirmLabel'),
              }}
              userInputs={[username, displayName, organizationName]}
            />
          </section>
          <LiveRegion>{failure ? <Notice tone="danger">{failure}</Notice> : null}</LiveRegion>
          <div className="vault-form__actions">
            <SubmitButton label={t('vault.firstRun.submit')} busyLabel={t('vault.firstRun.submitting')} />
          </div>
        </FormFieldset>
      </VaultForm>
    </>
  )
}
