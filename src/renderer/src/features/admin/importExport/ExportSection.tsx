import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, callApi } from '../../../api'
import { BusyIndicator, Button, Notice } from '../../../ui'
import { FocusedResult } from '../FocusedResult'
import { failureKey, type TTransferFailure } from './failureKey'

type TExportState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'exported'; count: number; fileName: string }
  | { state: 'cancelled' }
  | { state: 'failed'; failure: TTransferFailure }

/** Every case to a CSV file main asks for with a native save dialog; warns first that the file is plaintext. */
export function ExportSection() {
  const { t } = useTranslation()
  const [status, setStatus] = useState<TExportState>({ state: 'idle' })

  const onExport = async () => {
    setStatus({ state: 'running' })
    const result = await callApi(() => api.intakeCsv.export())
    if (!result.ok) setStatus({ state: 'failed', failure: failureKey(result.error) })
    else if (!result.value.exported) setStatus({ state: 'cancelled' })
    else {
      setStatus({ state: 'exported', count: result.value.count, fileName: result.value.fileName ?? '' })
    }
  }

  return (
    <section aria-labelledby="export-intakes-heading" className="admin-card admin-card--caution">
      <h3 id="export-intakes-heading" className="admin-card__title">
        {t('importExport.export.heading')}
      </h3>
      <p className="admin-card__text">{t('importExport.export.explain')}</p>
      <Notice tone="warning" title={t('importExport.export.warningTitle')}>
        {t('importExport.export.warning')}
      </Notice>
      <ul className="admin-card__points">
        <li>{t('importExport.export.pointFormulas')}</li>
      </ul>
      <div className="admin-card__actions">
        <Button variant="primary" onPress={() => void onExport()} isDisabled={status.state === 'running'}>
          {t('importExport.export.button')}
        </Button>
      </div>
      <div role="status" className="admin-card__result">
        {status.state === 'running' ? <BusyIndicator label={t('importExport.export.running')} /> : null}
      </div>
      {status.state === 'exported' ? (
        <FocusedResult>
          <Notice tone="success" title={t('importExport.export.doneTitle')}>
            {t('importExport.export.done', { count: status.count, fileName: status.fileName })}
          </Notice>
        </FocusedResult>
      ) : null}
      {status.state === 'cancelled' ? (
        <FocusedResult>
          <Notice tone="info">{t('importExport.export.cancelled')}</Notice>
        </FocusedResult>
      ) : null}
      {status.state === 'failed' ? (
        <FocusedResult>
          <Notice tone="danger">{t(`importExport.failure.${status.failure}`)}</Notice>
        </FocusedResult>
      ) : null}
    </section>
  )
}
