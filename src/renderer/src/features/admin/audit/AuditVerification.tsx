import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TAuditVerification } from '../../../../../shared/contract/audit'
import { BusyIndicator, Button, Notice } from '../../../ui'
import { adminErrorKey, type TAdminErrorKey } from '../errors'
import { FocusedResult } from '../FocusedResult'
import { api, callApi } from '../../../api'

type TVerificationState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; result: TAuditVerification }
  | { state: 'failed'; errorKey: TAdminErrorKey }

/** Walks the hash chain on request and says plainly whether any entry was edited, deleted or moved. */
export function AuditVerification() {
  const { t } = useTranslation()
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

  return (
    <div className="admin-verify">
      <div className="admin-verify__row">
        <p className="admin-verify__text">{t('admin.audit.verify.explain')}</p>
        <Button onPress={() => void onVerify()} isDisabled={verification.state === 'running'}>
          {t('admin.audit.verify.button')}
        </Button>
      </div>
      <div role="status">
        {verification.state === 'running' ? <BusyIndicator label={t('admin.audit.verify.running')} /> : null}
      </div>
      {/* The button is disabled while checking, so focus moves to the verdict. */}
      {verification.state === 'done' && verification.result.ok ? (
        <FocusedResult>
          <Notice tone="success" title={t('admin.audit.verify.intactTitle')}>
            {t('admin.audit.verify.intact', { count: verification.result.checked })}
          </Notice>
        </FocusedResult>
      ) : null}
      {verification.state === 'done' && !verification.result.ok ? (
        <FocusedResult>
          <Notice tone="danger" title={t('admin.audit.verify.brokenTitle')}>
            {t('admin.audit.verify.broken', {
              seq: verification.result.firstBadSeq ?? '?',
              count: verification.result.checked,
            })}
          </Notice>
        </FocusedResult>
      ) : null}
      {verification.state === 'failed' ? (
        <FocusedResult>
          <Notice tone="danger">{t(`admin.errors.${verification.errorKey}`)}</Notice>
        </FocusedResult>
      ) : null}
    </div>
  )
}
