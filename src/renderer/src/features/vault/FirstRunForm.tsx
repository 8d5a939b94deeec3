import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState, type RefObject } from 'react'
import { Controller, FormProvider, useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { api } from '../../api'
import { Button, LiveRegion, Notice, TextField } from '../../ui'
import { DISPLAY_NAME_ISSUES, ORGANIZATION_ISSUES, USERNAME_ISSUES, useFieldErrorText } from './fieldErrors'
import { ZFirstRunFormSchema, type TFirstRunForm } from './formSchemas'
import { NewPassphraseFields } from './NewPassphraseFields'

type TFirstRunFormProps = {
  headingRef: RefObject<HTMLHeadingElement | null>
  onCreated: (recoveryKey: string, organizationName: string) => void
}

/** Organization, the first administrator and their passphrase → vault.create. */
export function FirstRunForm({ headingRef, onCreated }: TFirstRunFormProps) {
  const { t, i18n } = useTranslation()
  const errorText = useFieldErrorText()
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
  const { control, handleSubmit, formState, getFieldState, setValue } = form
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
    <FormProvider {...form}>
      <div className="vault-intro">
        <p className="vault-intro__eyebrow">{t('vault.firstRun.eyebrow')}</p>
        <h1 ref={headingRef} tabIndex={-1} className="vault-intro__title">
          {t('vault.firstRun.title')}
        </h1>
        <p className="vault-intro__lede">{t('vault.firstRun.lede')}</p>
      </div>
      <form className="vault-card vault-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <fieldset disabled={formState.isSubmitting} className="vault-form__fieldset">
          <section className="vault-form__section" aria-labelledby="first-run-organization">
            <h2 id="first-run-organization" className="vault-form__heading">
              {t('vault.firstRun.organizationHeading')}
            </h2>
            <Controller
              control={control}
              name="organizationName"
              render={({ field, fieldState }) => (
                <TextField
                  label={t('vault.firstRun.organizationLabel')}
                  description={t('vault.firstRun.organizationDescription')}
                  name={field.name}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  inputRef={field.ref}
                  errorMessage={errorText(fieldState.error, ORGANIZATION_ISSUES)}
                />
              )}
            />
          </section>
          <section className="vault-form__section" aria-labelledby="first-run-account">
            <h2 id="first-run-account" className="vault-form__heading">
              {t('vault.firstRun.accountHeading')}
            </h2>
            <div className="vault-form__row">
              <Controller
                control={control}
                name="displayName"
                render={({ field, fieldState }) => (
                  <TextField
                    label={t('vault.firstRun.displayNameLabel')}
                    description={t('vault.firstRun.displayNameDescription')}
                    name={field.name}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                    autoComplete="name"
                    errorMessage={errorText(fieldState.error, DISPLAY_NAME_ISSUES)}
                  />
                )}
              />
              <Controller
                control={control}
                name="username"
                render={({ field, fieldState }) => (
                  <TextField
                    label={t('vault.firstRun.usernameLabel')}
                    description={t('vault.firstRun.usernameDescription')}
                    name={field.name}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                    autoComplete="username"
                    spellCheck="false"
                    errorMessage={errorText(fieldState.error, USERNAME_ISSUES)}
                  />
                )}
              />
            </div>
          </section>
          <section className="vault-form__section" aria-labelledby="first-run-passphrase">
            <h2 id="first-run-passphrase" className="vault-form__heading">
              {t('vault.firstRun.passphraseHeading')}
            </h2>
            <NewPassphraseFields<TFirstRunForm>
              passphraseName="passphrase"
              confirmName="confirmPassphrase"
              passphraseLabel={t('vault.firstRun.passphraseLabel')}
              confirmLabel={t('vault.firstRun.confirmLabel')}
              userInputs={[username, displayName, organizationName]}
            />
          </section>
          <LiveRegion>{failure ? <Notice tone="danger">{failure}</Notice> : null}</LiveRegion>
          <div className="vault-form__actions">
            <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
              {formState.isSubmitting ? t('vault.firstRun.submitting') : t('vault.firstRun.submit')}
            </Button>
          </div>
        </fieldset>
      </form>
    </FormProvider>
  )
}
