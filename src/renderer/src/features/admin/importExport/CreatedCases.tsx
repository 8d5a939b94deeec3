import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { TextLink } from '../../../ui'

/** The references an import created, each a link to its case, in file order. */
export function CreatedCases({ cases }: { cases: readonly { caseId: string; reference: string }[] }) {
  const { t } = useTranslation()
  // Both import cards can show a list at once: each needs its own heading id.
  const headingId = useId()
  return (
    <>
      <h4 id={headingId} className="import-export__problems-heading">
        {t('importExport.import.createdLabel')}
      </h4>
      <div className="import-export__problems" role="region" aria-labelledby={headingId} tabIndex={0}>
        <ul className="import-export__created-list">
          {cases.map((created) => (
            <li key={created.caseId}>
              <TextLink href={`/survivors/${created.caseId}`}>{created.reference}</TextLink>
            </li>
          ))}
        </ul>
      </div>
    </>
  )
}
