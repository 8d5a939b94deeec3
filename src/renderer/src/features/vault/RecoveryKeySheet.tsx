import { useTranslation } from 'react-i18next'
import { formatDate } from '../../lib/dates'

type TRecoveryKeySheetProps = {
  recoveryKey: string
  organizationName: string
  createdAt: Date
  /** "Vault created" on a first run, "Key issued" for a replacement key. */
  dateLabel: string
}

/** The printed page: organization, date, the key and how to use it. Hidden on screen; the only thing printed. */
export function RecoveryKeySheet({
  recoveryKey,
  organizationName,
  createdAt,
  dateLabel,
}: TRecoveryKeySheetProps) {
  const { t, i18n } = useTranslation()
  const date = formatDate(createdAt, i18n.language, 'long')
  return (
    <div className="recovery-sheet" aria-hidden="true">
      <h1 className="recovery-sheet__title">{t('vault.recoveryKey.sheetTitle')}</h1>
      <dl className="recovery-sheet__facts">
        <dt>{t('vault.recoveryKey.sheetOrganization')}</dt>
        <dd>{organizationName}</dd>
        <dt>{dateLabel}</dt>
        <dd>{date}</dd>
      </dl>
      <p className="recovery-sheet__key">
        {recoveryKey.split('-').map((group, index) => (
          <span key={index}>{group}</span>
        ))}
      </p>
      <h2 className="recovery-sheet__heading">{t('vault.recoveryKey.sheetInstructionsHeading')}</h2>
      <ol className="recovery-sheet__steps">
        <li>{t('vault.recoveryKey.sheetInstructionOpen')}</li>
        <li>{t('vault.recoveryKey.sheetInstructionStore')}</li>
        <li>{t('vault.recoveryKey.sheetInstructionNever')}</li>
      </ol>
    </div>
  )
}
