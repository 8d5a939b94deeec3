import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TAuditVerification } from '../../../../../shared/contract/audit'
import { Button } from '../../../ui'
import { adminErrorKey, type TAdminErrorKey } from '../errors'
import { ActionOutcome, type TOutcome } from '../ActionOutcome'
import { api, callApi } from '../../../api'
import { verificationOutcome } from './verificationOutcome'

type TVerificationState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; result: TAuditVerification }
  | { state: 'failed'; errorKey: TAdminErrorKey }

/**
 * Walks the hash chain on request and says plainly whether any entry was edited, deleted or moved, and whether the
 * trail still matches the checkpoint an administrator sealed (so a rewrite or a rollback by a colleague shows).
 */
export function AuditVerification() {
  const { t, i18n } = useTranslation()
  const [verification, setVerification] = useState<TVerificationState>({ state: 'idle' })

  const onVerify = async () => {
    setVerification({ state: 'running' })
    const result = await callApi(() => api.audit.verify())
    setVerification(
      result.ok
        ? { state: 'done', result: result.value }
        : { state: 'failed', errorKey: adminErrorKey('verify', result.error) },
    )
  }

  const verdict: TOutcome | null =
    verification.state === 'done'
      ? { id: verification.result.status, ...verificationOutcome(verification.result, t, i18n.language) }
      : verification.state === 'failed'
        ? { id: 'failed', tone: 'danger', text: t(`admin.errors.${verification.errorKey}`) }
        : null

  return (
    <div className="admin-verify">
      <div className="admin-verify__row">
        <p className="admin-verify__text">{t('admin.audit.verify.explain')}</p>
        <Button onPress={() => void onVerify()} isDisabled={verification.state === 'running'}>
          {t('admin.audit.verify.button')}
        </Button>
      </div>
      {/* The button is disabled while checking, so focus moves to the verdict. */}
      <ActionOutcome
        regionClassName="admin-verify__result"
        busy={verification.state === 'running' ? { label: t('admin.audit.verify.running') } : null}
        outcome={verdict}
      />
    </div>
  )
}
