import { useTranslation } from 'react-i18next'
import { api } from '../../../api'
import { Button, Notice } from '../../../ui'
import { AdminCard } from '../AdminCard'
import { ActionOutcome, fileActionOutcome } from '../ActionOutcome'
import { useFileAction } from '../useFileAction'
import { failureKey } from './failureKey'

const exportCasesFile = () => api.casesFile.export()
const wasExported = (answer: { exported: boolean }) => answer.exported

/**
 * Every case whole to a `ccij-cases-v1` JSON file (docs/cases-json.md): says exactly what is and is not in it, and
 * that it is plaintext, before the admin chooses where main saves it.
 */
export function CasesFileExportSection() {
  const { t } = useTranslation()
  const { action: status, run } = useFileAction(exportCasesFile, wasExported)
  const outcome = fileActionOutcome(status, {
    done: (value) => ({
      tone: 'success',
      title: t('importExport.casesFile.doneTitle'),
      text: t('importExport.casesFile.done', { count: value.count, fileName: value.fileName ?? '' }),
    }),
    cancelled: t('importExport.casesFile.cancelled'),
    failed: (error) => t(`importExport.failure.${failureKey(error)}`),
  })

  return (
    <AdminCard
      id="export-cases-file-heading"
      title={t('importExport.casesFile.heading')}
      explain={t('importExport.casesFile.explain')}
      warning={
        <Notice tone="warning" title={t('importExport.casesFile.warningTitle')}>
          {t('importExport.casesFile.warning')}
        </Notice>
      }
      points={[t('importExport.casesFile.pointContents'), t('importExport.casesFile.pointLeftOut')]}
      isCaution
    >
      <div className="admin-card__actions">
        <Button variant="primary" onPress={() => void run()} isDisabled={status.state === 'running'}>
          {t('importExport.casesFile.button')}
        </Button>
      </div>
      <ActionOutcome
        busy={status.state === 'running' ? { label: t('importExport.casesFile.running') } : null}
        outcome={outcome}
      />
    </AdminCard>
  )
}
