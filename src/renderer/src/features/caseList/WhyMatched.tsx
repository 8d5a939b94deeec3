import type { ParseKeys } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { TSearchReason } from '../../../../shared/contract/cases'

type TKey = ParseKeys<'translation'>

/**
 * Why a search found this case, under its name in the row: "alias “Abu Sami”", "name in Arabic script", "city:
 * Montréal", "in a note". A note is never quoted: the list shows no note text. The shown name is named again only
 * when it differs from what the row already shows (a legal name behind a preferred one).
 */
export function WhyMatched({
  reasons,
  displayName,
}: {
  reasons: readonly TSearchReason[]
  displayName: string
}) {
  const { t } = useTranslation()
  if (reasons.length === 0) return null
  const phrase = (reason: TSearchReason): string => {
    let text: string
    if (reason.kind === 'name' && reason.text !== '' && reason.text !== displayName) {
      text = t('caseList.whyMatched.nameShown', { name: reason.text })
    } else if (reason.kind === 'alias') {
      text = t('caseList.whyMatched.alias', { name: reason.text })
    } else if (reason.kind === 'originalScript') {
      text = t('caseList.whyMatched.originalScript', {
        script: t(`caseList.whyMatched.script.${reason.script}` as TKey),
      })
    } else if (reason.kind === 'city') {
      text = t('caseList.whyMatched.city', { city: reason.text })
    } else {
      text = t(`caseList.whyMatched.${reason.kind}` as TKey)
    }
    return reason.spelledOtherwise ? t('caseList.whyMatched.spelledOtherwise', { reason: text }) : text
  }
  const said = reasons.map(phrase).join(' · ')
  return (
    <span className="case-grid__why" dir="auto" title={said}>
      <span className="visually-hidden">{t('caseList.whyMatched.label')} </span>
      {said}
    </span>
  )
}
