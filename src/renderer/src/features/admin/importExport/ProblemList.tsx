import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Every problem main reported for a refused file, already worded, one list item each, in a scrollable (and
 * keyboard-scrollable) box; says how many more there are when main sent only the first ones.
 */
export function ProblemList({
  fileName,
  problems,
  errorCount,
}: {
  fileName: string
  problems: readonly string[]
  errorCount: number
}) {
  const { t } = useTranslation()
  // Both import cards can show a list at once: each needs its own heading id.
  const headingId = useId()
  return (
    <>
      <h4 id={headingId} className="import-export__problems-heading">
        {t('importExport.import.problemsLabel', { fileName })}
      </h4>
      <div className="import-export__problems" tabIndex={0} role="region" aria-labelledby={headingId}>
        <ul className="import-export__problem-list">
          {problems.map((problem, index) => (
            // Two problems can read the same (two bad values of one field): the position keeps them apart.
            <li key={`${index}-${problem}`}>{problem}</li>
          ))}
        </ul>
      </div>
      {errorCount > problems.length ? (
        <p className="admin-card__text">
          {t('importExport.import.moreProblems', { count: errorCount - problems.length })}
        </p>
      ) : null}
    </>
  )
}
