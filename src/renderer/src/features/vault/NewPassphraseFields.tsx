import { useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/passphrase-policy'
import { StrengthMeter, type TIssueWords } from '../../ui'
import { NEW_PASSPHRASE_ISSUES } from './fieldErrors'
import { PassphraseInput } from './PassphraseInput'
import { usePassphraseFeedback } from './usePassphraseFeedback'
import './vault.css'

export type TNewPassphraseFieldsProps = {
  /** The form's fields for the passphrase and its second copy (checked by newPassphraseRule). */
  passphraseName: string
  confirmName: string
  labels: { passphrase: string; confirm: string }
  /** Names that count as easy to guess (main uses the same list). */
  userInputs: readonly string[]
  /**
   * 'page': someone choosing their own passphrase (first run, recovery, My account): the rule spelled out and
   * advice under the meter. 'dialog': an admin and a colleague choosing one together in a dialog: the two fields
   * side by side and a meter in a few words. Both have Show/Hide on each field.
   */
  density?: 'page' | 'dialog'
  /** Words for the fields' issue codes in the form's own catalog ('page' has the vault's). */
  issues?: { passphrase?: TIssueWords; confirm?: TIssueWords }
  autoFocus?: boolean
}

/**
 * A new passphrase twice, with a live strength meter, in the surrounding form (useFormContext). The form's
 * schema checks it with newPassphraseRule, so what the meter says and what the form refuses never differ.
 */
export function NewPassphraseFields({
  passphraseName,
  confirmName,
  labels,
  userInputs,
  density = 'page',
  issues = density === 'page' ? { passphrase: NEW_PASSPHRASE_ISSUES } : {},
  autoFocus = false,
}: TNewPassphraseFieldsProps) {
  const { t } = useTranslation()
  const passphrase = useWatch({ name: passphraseName }) as string | undefined
  const feedback = usePassphraseFeedback(passphrase ?? '', userInputs)
  const bound = (name: string, fieldIssues: TIssueWords | undefined) => ({
    name,
    autoComplete: 'new-password' as const,
    ...(fieldIssues === undefined ? {} : { issues: fieldIssues }),
  })

  if (density === 'dialog') {
    return (
      <>
        <div className="ui-form__row">
          <PassphraseInput
            {...bound(passphraseName, issues.passphrase)}
            label={labels.passphrase}
            description={t('vault.passphrase.help', { count: MIN_PASSPHRASE_LENGTH })}
            autoFocus={autoFocus}
            isRequired
          />
          <PassphraseInput {...bound(confirmName, issues.confirm)} label={labels.confirm} isRequired />
        </div>
        <StrengthMeter
          label={t('vault.passphrase.brief.label')}
          score={feedback.score}
          valueText={feedback.brief}
          isAcceptable={feedback.isAcceptable}
          isEmpty={feedback.isEmpty}
        />
        <div className="vault-form__offline">
          {/* Why a long enough passphrase is still refused (often: too easy for someone guessing offline). */}
          {!feedback.isEmpty && !feedback.isAcceptable && feedback.hint !== '' ? (
            <p className="vault-form__offline-hint">{feedback.hint}</p>
          ) : null}
          <p>{t('vault.passphrase.offlineCost')}</p>
        </div>
      </>
    )
  }

  return (
    <div className="vault-form__passphrase">
      <p className="vault-form__policy">{t('vault.passphrase.policy', { min: MIN_PASSPHRASE_LENGTH })}</p>
      <PassphraseInput
        {...bound(passphraseName, issues.passphrase)}
        label={labels.passphrase}
        autoFocus={autoFocus}
      />
      <div className={feedback.isEmpty ? 'vault-form__meter vault-form__meter--empty' : 'vault-form__meter'}>
        <StrengthMeter
          label={t('vault.passphrase.strengthLabel')}
          score={feedback.score}
          valueText={feedback.valueText}
          isAcceptable={feedback.isAcceptable}
        />
        <p className="vault-form__meter-detail">
          <span>{feedback.length}</span>
          {feedback.hint ? <span>{feedback.hint}</span> : null}
        </p>
      </div>
      <PassphraseInput {...bound(confirmName, issues.confirm)} label={labels.confirm} />
    </div>
  )
}
