import { useTranslation } from 'react-i18next'
import { api } from '../../api'
import { useApiQuery } from '../../lib/useApiQuery'
import { TextLink } from '../../ui'

export type TDraftsListProps = {
  headingLevel?: 2 | 3
  /** A narrow column (the wizard's side): shorter lines. */
  compact?: boolean
}

const listDrafts = () => api.intake.listDrafts()

/**
 * "Your unfinished intakes": the signed-in person's drafts, newest first, each a link that resumes it.
 * Shows nothing when there are none. The case list page may show it too.
 */
export function DraftsList({ headingLevel = 2, compact = false }: TDraftsListProps) {
  const { t, i18n } = useTranslation()
  const { load } = useApiQuery(listDrafts)

  if (load.state === 'failed') return <p className="intake-drafts__note">{t('intake.drafts.loadFailed')}</p>
  if (load.state === 'loading' || load.value.length === 0) return null
  const drafts = load.value
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <section
      className={compact ? 'intake-drafts intake-drafts--compact' : 'intake-drafts'}
      aria-labelledby="intake-drafts-title"
    >
      <Heading id="intake-drafts-title" className="intake-drafts__title">
        {t('intake.drafts.title')}
      </Heading>
      {compact ? null : <p className="intake-drafts__note">{t('intake.drafts.lede')}</p>}
      <ul className="intake-drafts__list">
        {drafts.map((draft) => (
          <li key={draft.id} className="intake-drafts__item">
            <TextLink href={`/survivors/new/${draft.id}`}>
              <span dir="auto">{draft.displayName || t('intake.drafts.unnamed')}</span>
            </TextLink>
            <span className="intake-drafts__details">
              {t('intake.drafts.details', {
                step: t(`intake.steps.${draft.step}.title`),
                when: when.format(new Date(draft.updatedAt)),
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
