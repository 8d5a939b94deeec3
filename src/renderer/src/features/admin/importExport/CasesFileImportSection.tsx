import { useTranslation } from 'react-i18next'
import { CASES_FILE_MAX_CHARS } from '../../../../../shared/cases/cases-file-schema'
import type { TCasesFileError, TCasesFileImportResult } from '../../../../../shared/contract/cases-file'
import { api, callApi } from '../../../api'
import { Button } from '../../../ui'
import { AdminCard } from '../AdminCard'
import { ActionOutcome, type TOutcome } from '../ActionOutcome'
import { failureKey, type TTransferFailure } from './failureKey'
import { casesFileProblemText } from './casesFileProblemText'
import { CreatedCases } from './CreatedCases'
import { ProblemList } from './ProblemList'
import { ChooseFileButton } from './ChooseFileButton'
import { useImportStatus } from './useImportStatus'

type TCreatedCase = TCasesFileImportResult['createdCases'][number]

type TImportState =
  | { state: 'idle' }
  | { state: 'checking'; fileName: string }
  /** The chosen file (a handle) is read again for the import: its text is not kept in the screen's state. */
  | { state: 'ready'; fileName: string; file: File; cases: number }
  | { state: 'refused'; fileName: string; errors: TCasesFileError[]; errorCount: number }
  | { state: 'importing'; fileName: string; cases: number }
  | { state: 'imported'; fileName: string; created: number; createdCases: TCreatedCase[] }
  | { state: 'unreadable' }
  | { state: 'tooLarge' }
  | { state: 'failed'; failure: TTransferFailure }

/**
 * Choose a `ccij-cases-v1` file → dry run (how many cases, or every problem by case, field and rule) → Import, all
 * or nothing → the references created, each a link to its case. Main checks the whole file again on import.
 */
export function CasesFileImportSection() {
  const { t } = useTranslation()
  const { status, outcome, setStatus } = useImportStatus<TImportState>({ state: 'idle' })

  /** The file's text to main, checked only or imported; a refused file or a failure as the screen's state. */
  const send = async (
    file: File,
    fileName: string,
    dryRun: boolean,
  ): Promise<TImportState | TCasesFileImportResult> => {
    let json: string
    try {
      json = await file.text()
    } catch {
      return { state: 'unreadable' }
    }
    const answer = await callApi(() => api.casesFile.import({ json, dryRun }))
    if (!answer.ok) return { state: 'failed', failure: failureKey(answer.error) }
    if (!answer.value.accepted) {
      return { state: 'refused', fileName, errors: answer.value.errors, errorCount: answer.value.errorCount }
    }
    return answer.value
  }

  const onSelect = async (files: FileList | null) => {
    const file = files?.[0]
    if (file === undefined) return
    const fileName = file.name
    // Bytes are at least as many as characters, so this never refuses a file the channel would take.
    if (file.size > CASES_FILE_MAX_CHARS * 4) {
      setStatus({ state: 'tooLarge' })
      return
    }
    setStatus({ state: 'checking', fileName })
    const checked = await send(file, fileName, true)
    if ('state' in checked) setStatus(checked)
    else setStatus({ state: 'ready', fileName, file, cases: checked.cases })
  }

  const onImport = async () => {
    if (status.state !== 'ready') return
    const { fileName, file, cases } = status
    setStatus({ state: 'importing', fileName, cases })
    const done = await send(file, fileName, false)
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
          text: t('importExport.casesFileImport.ready', { count: current.cases, fileName: current.fileName }),
          after: (
            <div className="admin-card__actions">
              <Button variant="primary" onPress={() => void onImport()}>
                {t('importExport.casesFileImport.importButton', { count: current.cases })}
              </Button>
            </div>
          ),
        }
      case 'refused':
        return {
          id: outcome,
          tone: 'danger',
          title: t('importExport.import.refusedTitle'),
          text: t('importExport.casesFileImport.refused', {
            count: current.errorCount,
            fileName: current.fileName,
          }),
          after: (
            <ProblemList
              fileName={current.fileName}
              problems={current.errors.map((error) => casesFileProblemText(t, error))}
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
        return { id: outcome, tone: 'danger', text: t(`importExport.casesFileImport.${current.state}`) }
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
      id="import-cases-file-heading"
      title={t('importExport.casesFileImport.heading')}
      explain={t('importExport.casesFileImport.explain')}
      points={[t('importExport.casesFileImport.pointClash'), t('importExport.casesFileImport.pointProblems')]}
    >
      <ChooseFileButton
        acceptedFileTypes={['.json', 'application/json']}
        label={hasFile ? t('importExport.import.chooseAnother') : t('importExport.casesFileImport.choose')}
        isReady={status.state === 'ready'}
        isBusy={isBusy}
        onSelect={onSelect}
      />
      <ActionOutcome
        busy={
          status.state === 'checking' || status.state === 'importing'
            ? { label: t(`importExport.import.${status.state}`, { fileName: status.fileName }) }
            : null
        }
        outcome={outcomeOf(status)}
      />
    </AdminCard>
  )
}
