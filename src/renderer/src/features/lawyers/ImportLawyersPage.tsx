import { useState } from 'react'
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
import { api, callApi } from '../../api'
import { BusyIndicator, Button, Notice, PageHeader, Section, SelectField, TextLink } from '../../ui'
import { canHandleCases, useSignedInStaff } from '../vault'
import { lawyerErrorKey, type TLawyerErrorKey } from './errors'
import './lawyers.css'

const IGNORE = 'ignore'

const fieldOrIgnore = (value: string | null): TLawyerCsvField | '' =>
  (LAWYER_CSV_FIELDS as readonly string[]).includes(value ?? '') ? (value as TLawyerCsvField) : ''

type TFile = { fileName: string; csv: string; headers: string[]; mapping: TLawyerCsvMapping }
type TStep =
  | { step: 'choose' }
  | { step: 'busy'; label: string; file: TFile | null }
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
  const [refusal, setRefusal] = useState<TLawyerErrorKey | 'tooLarge' | 'unreadable' | null>(null)
  const [forAll, setForAll] = useState<TDuplicateAction>('skip')
  const [decisions, setDecisions] = useState<ReadonlyMap<number, TDuplicateAction>>(new Map())
  const language = i18n.language.startsWith('fr') ? 'fr' : 'en'

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
    if (chosen.size > LAWYER_CSV_MAX_CHARS) return setRefusal('tooLarge')
    setState({ step: 'busy', label: t('lawyers.import.reading', { fileName: chosen.name }), file: null })
    let csv: string
    try {
      csv = await chosen.text()
    } catch {
      setState({ step: 'choose' })
      return setRefusal('unreadable')
    }
    const result = await callApi(() => api.lawyerImport.inspect({ csv }))
    if (!result.ok) {
      setState({ step: 'choose' })
      return setRefusal(lawyerErrorKey(result.error))
    }
    setDecisions(new Map())
    setState({ step: 'map', file: { fileName: chosen.name, csv, ...result.value } })
  }

  const check = async (file: TFile) => {
    setRefusal(null)
    setState({ step: 'busy', label: t('lawyers.import.checking', { fileName: file.fileName }), file })
    const result = await callApi(() => api.lawyerImport.check({ csv: file.csv, mapping: file.mapping }))
    if (!result.ok) {
      setState({ step: 'map', file })
      return setRefusal(lawyerErrorKey(result.error))
    }
    setState({ step: 'checked', file, check: result.value })
  }

  const commit = async (file: TFile) => {
    setRefusal(null)
    setState({ step: 'busy', label: t('lawyers.import.importing', { fileName: file.fileName }), file })
    const result = await callApi(() =>
      api.lawyerImport.commit({
        csv: file.csv,
        mapping: file.mapping,
        duplicates: forAll,
        decisions: [...decisions].map(([row, action]) => ({ row, action })),
      }),
    )
    if (!result.ok) {
      setState({ step: 'map', file })
      return setRefusal(lawyerErrorKey(result.error))
    }
    if (result.value.imported)
      setState({ step: 'imported', fileName: file.fileName, result: result.value.result })
    else setState({ step: 'checked', file, check: result.value.check })
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
      {refusal === null ? null : (
        <Notice tone="danger" live="alert">
          {refusal === 'tooLarge' || refusal === 'unreadable'
            ? t(`lawyers.import.${refusal}`)
            : t(`lawyers.errors.${refusal}`)}
        </Notice>
      )}
      {state.step === 'busy' ? <BusyIndicator label={state.label} /> : null}
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
