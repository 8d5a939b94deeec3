import { useTranslation } from 'react-i18next'
import { TextLink } from '../../../ui'

/** The references an import created, each a link to its case, in file order. */
export function CreatedCases({ cases }: { cases: readonly { caseId: string; reference: string }[] }) {
  const { t } = useTranslation()
  return (
    <>
      <h4 id="import-created-heading" className="import-export__problems-heading">
        {t('importExport.import.createdLabel')}
      </h4>
      <div
        className="import-export__problems"
        role="region"
        aria-labelledby="import-created-heading"
        tabIndex={0}
      >
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
