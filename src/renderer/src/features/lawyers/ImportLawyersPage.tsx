import { useEffect, useRef, useState } from 'react'
import { FileTrigger } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import {
  LAWYER_CSV_FIELDS,
  LAWYER_CSV_MAX_CHARS,
  type TDuplicateAction,
  type TLawyerCsvField,
  type TLawyerCsvMapping,
  type TLawyerImportCheck,
  type TLawyerImportResult,
} from '../../../../shared/contract/lawyers'
import { formatProblem } from '../../../../shared/roster/import-problems'
import type { TIpcError } from '../../../../shared/result'
import { api, callApi } from '../../api'
import { uploadCsv } from '../../lib/uploadCsv'
import { BusyIndicator, Button, Notice, PageHeader, Section, SelectField, TextLink } from '../../ui'
import { canHandleCases, useSignedInStaff } from '../vault'
import { lawyerErrorKey, type TLawyerErrorKey } from './errors'
import { SignUpTemplate } from './SignUpTemplate'
import './lawyers.css'

const IGNORE = 'ignore'

const fieldOrIgnore = (value: string | null): TLawyerCsvField | '' =>
  (LAWYER_CSV_FIELDS as readonly string[]).includes(value ?? '') ? (value as TLawyerCsvField) : ''

/** The chosen file as main holds it (an upload, read once), its headers and the column choices. */
type TFile = { fileName: string; uploadId: string; headers: string[]; mapping: TLawyerCsvMapping }
/** Bytes of the file sent so far, for the progress bar; null when the step has no measurable size. */
type TProgress = { done: number; total: number } | null
type TRefusal = TLawyerErrorKey | 'tooLarge' | 'unreadable' | 'fileGone'
type TStep =
  | { step: 'choose' }
  | { step: 'busy'; label: string; file: TFile | null; progress: TProgress }
  | { step: 'map'; file: TFile }
  | { step: 'checked'; file: TFile; check: TLawyerImportCheck }
  | { step: 'imported'; fileName: string; result: TLawyerImportResult }

/**
 * A lawyer sign-up file (a web form's CSV export) into the roster: choose it, say which field each column feeds
 * (remembered for the next file), check it (every problem by row and column, and the lawyers already on the
 * roster, each to skip or update), then import every row or none.
 */
export function ImportLawyersPage() {
  const { t, i18n } = useTranslation()
  const staff = useSignedInStaff()
  const [state, setState] = useState<TStep>({ step: 'choose' })
  const [refusal, setRefusal] = useState<TRefusal | null>(null)
  const [forAll, setForAll] = useState<TDuplicateAction>('skip')
  const [decisions, setDecisions] = useState<ReadonlyMap<number, TDuplicateAction>>(new Map())
  const language = i18n.language.startsWith('fr') ? 'fr' : 'en'
  // The upload main holds for this screen: let go of it when another file is chosen or the screen is left.
  const heldUpload = useRef<string | null>(null)
  const release = () => {
    const uploadId = heldUpload.current
    heldUpload.current = null
    if (uploadId !== null) void api.csvUpload.cancel({ uploadId })
  }
  useEffect(() => release, [])

  if (!canHandleCases(staff.role))
    return (
      <>
        <PageHeader title={t('lawyers.import.title')} />
        <Notice tone="info">{t('lawyers.import.notYours')}</Notice>
      </>
    )

  const onSelect = async (files: FileList | null) => {
    const chosen = files?.[0]
    if (chosen === undefined) return
    setRefusal(null)
    release()
    if (chosen.size > LAWYER_CSV_MAX_CHARS) return setRefusal('tooLarge')
    const label = t('lawyers.import.reading', { fileName: chosen.name })
    setState({ step: 'busy', label, file: null, progress: { done: 0, total: chosen.size } })
    // The file goes to main in slices (never whole in one message); the bar moves in steps of 5 %.
    let shownStep = -1
    const uploaded = await uploadCsv(chosen, 'lawyers', ({ bytesRead, totalBytes }) => {
      const step = totalBytes === 0 ? 20 : Math.floor((bytesRead / totalBytes) * 20)
      if (step === shownStep) return
      shownStep = step
      setState({ step: 'busy', label, file: null, progress: { done: bytesRead, total: totalBytes } })
    })
    if (!uploaded.ok) {
      setState({ step: 'choose' })
      return setRefusal('unreadable' in uploaded ? 'unreadable' : lawyerErrorKey(uploaded.error))
    }
    heldUpload.current = uploaded.uploadId
    const result = await callApi(() => api.lawyerImport.inspect({ uploadId: uploaded.uploadId }))
    if (!result.ok) return refuse(result.error)
    setDecisions(new Map())
    setState({ step: 'map', file: { fileName: chosen.name, uploadId: uploaded.uploadId, ...result.value } })
  }

  /** A refusal from main; a file main no longer holds (the vault locked, too long away) must be chosen again. */
  const refuse = (error: TIpcError | null, file?: TFile) => {
    if (error?.code === 'NOT_FOUND' || file === undefined) {
      release()
      setState({ step: 'choose' })
      return setRefusal(error?.code === 'NOT_FOUND' ? 'fileGone' : lawyerErrorKey(error))
    }
    setState({ step: 'map', file })
    setRefusal(lawyerErrorKey(error))
  }

  const check = async (file: TFile) => {
    setRefusal(null)
    const label = t('lawyers.import.checking', { fileName: file.fileName })
    setState({ step: 'busy', label, file, progress: null })
    const result = await callApi(() =>
      api.lawyerImport.check({ uploadId: file.uploadId, mapping: file.mapping }),
    )
    if (!result.ok) return refuse(result.error, file)
    setState({ step: 'checked', file, check: result.value })
  }

  const commit = async (file: TFile) => {
    setRefusal(null)
    const label = t('lawyers.import.importing', { fileName: file.fileName })
    setState({ step: 'busy', label, file, progress: null })
    const result = await callApi(() =>
      api.lawyerImport.commit({
        uploadId: file.uploadId,
        mapping: file.mapping,
        duplicates: forAll,
        decisions: [...decisions].map(([row, action]) => ({ row, action })),
      }),
    )
    if (!result.ok) return refuse(result.error, file)
    if (result.value.imported) {
      // Main let go of the file once it was imported.
      heldUpload.current = null
      setState({ step: 'imported', fileName: file.fileName, result: result.value.result })
    } else setState({ step: 'checked', file, check: result.value.check })
  }

  const remap = (file: TFile, position: number, field: string | null) => {
    const mapping = file.mapping.map((entry, index) =>
      index === position ? { header: entry.header, field: fieldOrIgnore(field) } : entry,
    )
    setState({ step: 'map', file: { ...file, mapping } })
  }

  const file = state.step === 'map' || state.step === 'checked' ? state.file : null
  const fieldOptions = [
    { id: IGNORE, label: t('lawyers.import.ignore') },
    ...LAWYER_CSV_FIELDS.map((field) => ({ id: field, label: field })),
  ]

  return (
    <div className="lawyers-page">
      <p>
        <TextLink href="/lawyers">{t('lawyers.detail.back')}</TextLink>
      </p>
      <PageHeader title={t('lawyers.import.title')} description={t('lawyers.import.lede')} />
      <div>
        <FileTrigger
          acceptedFileTypes={['.csv', 'text/csv', 'text/plain']}
          onSelect={(files) => void onSelect(files)}
        >
          <Button variant={file === null ? 'primary' : 'secondary'} isDisabled={state.step === 'busy'}>
            {file === null ? t('lawyers.import.choose') : t('lawyers.import.chooseAnother')}
          </Button>
        </FileTrigger>
      </div>
      {file === null ? <SignUpTemplate /> : null}
      {refusal === null ? null : (
        <Notice tone="danger" live="alert">
          {refusal === 'tooLarge' || refusal === 'unreadable' || refusal === 'fileGone'
            ? t(`lawyers.import.${refusal}`)
            : t(`lawyers.errors.${refusal}`)}
        </Notice>
      )}
      {state.step === 'busy' ? <BusyIndicator label={state.label} progress={state.progress} /> : null}
      {file === null ? null : (
        <Section
          id="lawyer-import-columns-heading"
          title={t('lawyers.import.columnsTitle')}
          lede={t('lawyers.import.columnsLede', { fileName: file.fileName })}
        >
          <div className="lawyer-form__grid">
            {file.mapping.map((entry, index) => (
              <SelectField
                key={`${index}-${entry.header}`}
                label={t('lawyers.import.column', { header: entry.header === '' ? index + 1 : entry.header })}
                options={fieldOptions}
                value={entry.field === '' ? IGNORE : entry.field}
                onChange={(value) => remap(file, index, value)}
              />
            ))}
          </div>
          <div>
            <Button variant="primary" onPress={() => void check(file)}>
              {t('lawyers.import.check')}
            </Button>
          </div>
        </Section>
      )}
      {state.step === 'checked' ? (
        <CheckOutcome
          check={state.check}
          language={language}
          forAll={forAll}
          onForAll={setForAll}
          decisions={decisions}
          onDecide={(row, action) => setDecisions(new Map(decisions).set(row, action))}
          onImport={() => void commit(state.file)}
        />
      ) : null}
      {state.step === 'imported' ? (
        <div role="status">
          <Notice tone="success" title={t('lawyers.import.doneTitle')}>
            <p>
              {t('lawyers.import.done', {
                fileName: state.fileName,
                added: state.result.added,
                updated: state.result.updated,
                skipped: state.result.skipped,
              })}
            </p>
          </Notice>
        </div>
      ) : null}
    </div>
  )
}

type TCheckOutcomeProps = {
  check: TLawyerImportCheck
  language: 'en' | 'fr'
  forAll: TDuplicateAction
  onForAll: (action: TDuplicateAction) => void
  decisions: ReadonlyMap<number, TDuplicateAction>
  onDecide: (row: number, action: TDuplicateAction) => void
  onImport: () => void
}

/** The dry run: every problem by row and column (nothing can be imported), or the rows ready and the duplicates. */
function CheckOutcome({
  check,
  language,
  forAll,
  onForAll,
  decisions,
  onDecide,
  onImport,
}: TCheckOutcomeProps) {
  const { t } = useTranslation()
  const actionOptions = [
    { id: 'skip', label: t('lawyers.import.skip') },
    { id: 'update', label: t('lawyers.import.update') },
  ]
  const asAction = (value: string | null): TDuplicateAction => (value === 'update' ? 'update' : 'skip')
  if (!check.accepted)
    return (
      <Section
        id="lawyer-import-problems-heading"
        title={t('lawyers.import.problemsTitle')}
        lede={t('lawyers.import.problems', { count: check.problemCount })}
      >
        <div role="alert">
          <Notice tone="danger">{t('lawyers.import.nothingImported')}</Notice>
        </div>
        <div
          className="lawyer-import__problems"
          tabIndex={0}
          role="region"
          aria-label={t('lawyers.import.problemsTitle')}
        >
          <ul>
            {check.problems.map((problem, index) => (
              <li key={index}>{formatProblem(problem, language)}</li>
            ))}
          </ul>
        </div>
      </Section>
    )
  return (
    <Section
      id="lawyer-import-ready-heading"
      title={t('lawyers.import.readyTitle')}
      lede={t('lawyers.import.ready', { count: check.rows, duplicates: check.duplicates.length })}
    >
      {check.duplicates.length === 0 ? null : (
        <>
          <SelectField
            label={t('lawyers.import.forAll')}
            options={actionOptions}
            value={forAll}
            onChange={(value) => onForAll(asAction(value))}
          />
          <ul className="lawyer-import__duplicates">
            {check.duplicates.map((duplicate) => (
              <li key={duplicate.row}>
                <SelectField
                  label={t(`lawyers.import.duplicateBy.${duplicate.matchedBy}`, {
                    row: duplicate.row,
                    name: duplicate.displayName,
                  })}
                  options={actionOptions}
                  value={decisions.get(duplicate.row) ?? forAll}
                  onChange={(value) => onDecide(duplicate.row, asAction(value))}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <div>
        <Button variant="primary" onPress={onImport}>
          {t('lawyers.import.import', { count: check.rows })}
        </Button>
      </div>
    </Section>
  )
}
