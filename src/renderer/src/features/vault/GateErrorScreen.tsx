import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TIpcError } from '../../../../shared/result'
import { Button, Notice } from '../../ui'
import { GateFrame } from './GateFrame'

type TGateErrorScreenProps = {
  error: TIpcError
  languageSwitch: ReactNode
  onRetry: () => void
}

/** The vault could not even be read (a newer app's vault, a damaged keyring). Says what to do, never internals. */
export function GateErrorScreen({ error, languageSwitch, onRetry }: TGateErrorScreenProps) {
  const { t } = useTranslation()
  const body =
    error.code === 'VAULT_TOO_NEW'
      ? t('vault.gate.tooNew')
      : error.code === 'INVALID_FILE'
        ? t('vault.gate.damaged')
        : t('vault.gate.statusErrorBody')
  return (
    <GateFrame languageSwitch={languageSwitch} documentTitle={t('vault.gate.statusErrorTitle')}>
      <section className="ui-panel vault-card">
        <h1 className="ui-panel vault-card__title">{t('vault.gate.statusErrorTitle')}</h1>
        <Notice tone="danger">{body}</Notice>
        <div className="vault-form__actions">
          <Button variant="primary" onPress={onRetry}>
            {t('vault.gate.retry')}
          </Button>
        </div>
      </section>
    </GateFrame>
  )
}
