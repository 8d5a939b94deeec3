import { useTranslation } from 'react-i18next'
import { api } from '../../../api'
import { Button, Notice } from '../../../ui'
import { AdminCard } from '../AdminCard'
import { ActionOutcome, fileActionOutcome } from '../ActionOutcome'
import { useFileAction } from '../useFileAction'
import { failureKey } from './failureKey'

const exportIntakes = () => api.intakeCsv.export()
const wasExported = (answer: { exported: boolean }) => answer.exported

/** Every case to a CSV file main asks for with a native save dialog; warns first that the file is plaintext. */
export function ExportSection() {
  const { t } = useTranslation()
  const { action: status, run } = useFileAction(exportIntakes, wasExported)
  const outcome = fileActionOutcome(status, {
    done: (value) => ({
      tone: 'success',
      title: t('importExport.export.doneTitle'),
      text: t('importExport.export.done', { count: value.count, fileName: value.fileName ?? '' }),
    }),
    cancelled: t('importExport.export.cancelled'),
    failed: (error) => t(`importExport.failure.${failureKey(error)}`),
  })

  return (
    <AdminCard
      id="export-intakes-heading"
      title={t('importExport.export.heading')}
      explain={t('importExport.export.explain')}
      warning={
        <Notice tone="warning" title={t('importExport.export.warningTitle')}>
          {t('importExport.export.warning')}
        </Notice>
      }
      points={[
        t('importExport.export.pointContents'),
        t('importExport.export.pointLeftOut'),
        t('importExport.export.pointFormulas'),
      ]}
      isCaution
    >
      <div className="admin-card__actions">
        <Button variant="primary" onPress={() => void run()} isDisabled={status.state === 'running'}>
          {t('importExport.export.button')}
        </Button>
      </div>
      <ActionOutcome
        busy={status.state === 'running' ? { label: t('importExport.export.running') } : null}
        outcome={outcome}
      />
    </AdminCard>
  )
}
