import { useTranslation } from 'react-i18next'
import { checkPassphrase, MIN_PASSPHRASE_LENGTH } from '../../../../../shared/passphrase-policy'
import { StrengthMeter } from '../../../ui'

export type TPassphraseStrengthProps = {
  passphrase: string
  /** Names that make a passphrase easy to guess (sign-in name, display name). */
  userInputs: readonly string[]
}

/** The strength meter for a new passphrase, in words: too short, too easy to guess, strong, very strong. */
export function PassphraseStrength({ passphrase, userInputs }: TPassphraseStrengthProps) {
  const { t } = useTranslation()
  const verdict = checkPassphrase(passphrase, userInputs)
  const words =
    passphrase.length === 0
      ? t('adminConsole.strength.empty')
      : !verdict.isLongEnough
        ? t('adminConsole.strength.tooShort', { count: MIN_PASSPHRASE_LENGTH })
        : !verdict.ok
          ? t('adminConsole.strength.tooEasy')
          : verdict.score >= 4
            ? t('adminConsole.strength.veryStrong')
            : t('adminConsole.strength.strong')
  return (
    <StrengthMeter
      label={t('adminConsole.strength.label')}
      score={passphrase.length === 0 ? 0 : verdict.score}
      valueText={words}
      isAcceptable={verdict.ok}
      isEmpty={passphrase.length === 0}
    />
  )
}
