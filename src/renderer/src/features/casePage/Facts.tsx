import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export type TFact = {
  label: string
  /** '' or null shows "Not recorded". */
  value: ReactNode
  /** A name or text as the person wrote it, in whatever script: direction from its own letters. */
  isVerbatim?: boolean
}

/** A list of labelled facts (a <dl>); empty ones say so in words rather than leaving a gap. */
export function Facts({ facts, className }: { facts: TFact[]; className?: string }) {
  const { t } = useTranslation()
  return (
    <dl className={['case-facts', className].filter(Boolean).join(' ')}>
      {facts.map((fact) => {
        const isEmpty = fact.value === '' || fact.value === null || fact.value === undefined
        return (
          <div key={fact.label} className="case-facts__row">
            <dt className="case-facts__label">{fact.label}</dt>
            <dd className={isEmpty ? 'case-facts__value case-facts__value--empty' : 'case-facts__value'}>
              {isEmpty ? (
                t('casePage.notRecorded')
              ) : fact.isVerbatim ? (
                // The person's own words or name: no interface language, direction from the text itself.
                <span dir="auto" lang="">
                  {fact.value}
                </span>
              ) : (
                fact.value
              )}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
