import { useTranslation } from 'react-i18next'
import {
  CSV_MAX_CHARS,
  type TCsvPreviewRow,
  type TCsvRowError,
  type TIntakeCsvImportResult,
} from '../../../../../shared/contract/intake-csv'
import { api, callApi } from '../../../api'
import { uploadCsv } from '../../../lib/uploadCsv'
import { Button } from '../../../ui'
import { AdminCard } from '../AdminCard'
import { ActionOutcome, type TOutcome } from '../ActionOutcome'
import { failureKey, type TTransferFailure } from './failureKey'
import { problemText } from './problemText'
import { ImportPreview } from './ImportPreview'
import { CreatedCases } from './CreatedCases'
import { ImportGuide } from './ImportGuide'
import { ProblemList } from './ProblemList'
import { ChooseFileButton } from './ChooseFileButton'
import { useImportStatus } from './useImportStatus'

type TCreatedCase = TIntakeCsvImportResult['createdCases'][number]

/** Bytes of the file read so far, for the progress bar; null before the first slice is read. */
type TProgress = { done: number; total: number } | null

type TImportState =
  | { state: 'idle' }
  | { state: 'checking'; fileName: string; progress: TProgress }
  /** The chosen file (a handle, not its text) is sent again for the import: main never keeps it between. */
  | { state: 'ready'; fileName: string; file: File; rows: number; preview: TCsvPreviewRow[] }
  | { state: 'refused'; fileName: string; errors: TCsvRowError[]; errorCount: number }
  | { state: 'importing'; fileName: string; rows: number; progress: TProgress }
  | { state: 'imported'; fileName: string; created: number; createdCases: TCreatedCase[] }
  | { state: 'unreadable' }
  | { state: 'tooLarge' }
  | { state: 'failed'; failure: TTransferFailure }

/** Choose a CSV file → dry run (rows ready, or every problem) → Import → how many cases were created. */
export function ImportSection() {
  const { t, i18n } = useTranslation()
  const { status, outcome, setStatus, setStatusOnly } = useImportStatus<TImportState>({ state: 'idle' })

  /** The file in slices (the bar moves with each), then the check or the import of what main read. */
  const send = async (file: File, dryRun: boolean, onProgress: (progress: TProgress) => void) => {
    // The bar sits in a status region: it moves in steps of 5 %, so a screen reader is not flooded.
    let shownStep = -1
    const uploaded = await uploadCsv(
      file,
      'intakes',
      ({ bytesRead, totalBytes }) => {
        const step = totalBytes === 0 ? 20 : Math.floor((bytesRead / totalBytes) * 20)
        if (step === shownStep) return
        shownStep = step
        onProgress({ done: bytesRead, total: totalBytes })
      },
      { dryRun },
    )
    if (!uploaded.ok) return uploaded
    const { uploadId } = uploaded
    return callApi(() => api.intakeCsv.import({ uploadId, dryRun }))
  }

  const refusedOrFailed = (
    fileName: string,
    result: Awaited<ReturnType<typeof send>>,
  ): TImportState | TIntakeCsvImportResult => {
    if (!result.ok) {
      return 'unreadable' in result
        ? { state: 'unreadable' }
        : { state: 'failed', failure: failureKey(result.error) }
    }
    if (!result.value.accepted) {
      return {
        state: 'refused',
        fileName,
        errors: result.value.errors,
        errorCount: result.value.errorCount,
      }
    }
    return result.value
  }

  const onSelect = async (files: FileList | null) => {
    const file = files?.[0]
    if (file === undefined) return
    const fileName = file.name
    if (file.size > CSV_MAX_CHARS) {
      setStatus({ state: 'tooLarge' })
      return
    }
    setStatus({ state: 'checking', fileName, progress: null })
    // Progress only redraws the bar (setStatusOnly): focus stays where it is until the outcome arrives.
    const checked = refusedOrFailed(
      fileName,
      await send(file, true, (progress) => setStatusOnly({ state: 'checking', fileName, progress })),
    )
    if ('state' in checked) setStatus(checked)
    else setStatus({ state: 'ready', fileName, file, rows: checked.rows, preview: checked.preview })
  }

  const onImport = async () => {
    if (status.state !== 'ready') return
    const { fileName, file, rows } = status
    setStatus({ state: 'importing', fileName, rows, progress: null })
    const done = refusedOrFailed(
      fileName,
      await send(file, false, (progress) => setStatusOnly({ state: 'importing', fileName, rows, progress })),
    )
    if ('state' in done) setStatus(done)
    else setStatus({ state: 'imported', fileName, created: done.created, createdCases: done.createdCases })
  }

  const outcomeOf = (current: TImportState): TOutcome | null => {
    switch (current.state) {
      case 'ready':
        return {
          id: outcome,
          tone: 'info',
          title: t('importExport.import.readyTitle'),
          text: t('importExport.import.ready', { count: current.rows, fileName: current.fileName }),
          after: (
            <>
              <ImportPreview rows={current.preview} total={current.rows} />
              <div className="admin-card__actions">
                <Button variant="primary" onPress={() => void onImport()}>
                  {t('importExport.import.importButton', { count: current.rows })}
                </Button>
              </div>
            </>
          ),
        }
      case 'refused':
        return {
          id: outcome,
          tone: 'danger',
          title: t('importExport.import.refusedTitle'),
          text: t('importExport.import.refused', { count: current.errorCount, fileName: current.fileName }),
          after: (
            <ProblemList
              fileName={current.fileName}
              problems={current.errors.map((error) => problemText(t, error, i18n.language))}
              errorCount={current.errorCount}
            />
          ),
        }
      case 'imported':
        return {
          id: outcome,
          tone: 'success',
          title: t('importExport.import.doneTitle'),
          text: t('importExport.import.done', { count: current.created, fileName: current.fileName }),
          after: <CreatedCases cases={current.createdCases} />,
        }
      case 'unreadable':
      case 'tooLarge':
        return { id: outcome, tone: 'danger', text: t(`importExport.import.${current.state}`) }
      case 'failed':
        return { id: outcome, tone: 'danger', text: t(`importExport.failure.${current.failure}`) }
      default:
        return null
    }
  }

  const isBusy = status.state === 'checking' || status.state === 'importing'
  const hasFile = status.state !== 'idle' && status.state !== 'unreadable' && status.state !== 'tooLarge'

  return (
    <AdminCard
      id="import-intakes-heading"
      title={t('importExport.import.heading')}
      explain={t('importExport.import.explain')}
      points={[t('importExport.import.pointFormat'), t('importExport.import.pointRows')]}
    >
      <ImportGuide />
      <ChooseFileButton
        acceptedFileTypes={['.csv', 'text/csv', 'text/plain']}
        label={hasFile ? t('importExport.import.chooseAnother') : t('importExport.import.choose')}
        isReady={status.state === 'ready'}
        isBusy={isBusy}
        onSelect={onSelect}
      />
      <ActionOutcome
        busy={
          status.state === 'checking' || status.state === 'importing'
            ? {
                label: t(`importExport.import.${status.state}`, { fileName: status.fileName }),
                progress: status.progress,
              }
            : null
        }
        outcome={outcomeOf(status)}
      />
    </AdminCard>
  )
}
