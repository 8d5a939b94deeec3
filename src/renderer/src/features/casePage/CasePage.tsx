import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'react-router'
import type { TCaseDetail, TStaffRef } from '../../../../shared/contract/cases'
import { api } from '../../api'
import { useApiQuery } from '../../lib/useApiQuery'
import { BusyIndicator, Button, LinkButton, Notice } from '../../ui'
import { MatchingSection } from '../referrals'
import { CaseHeader } from './CaseHeader'
import { CaseMessageProvider } from './caseMessage'
import { ConsentPanel } from './ConsentPanel'
import { SensitiveSections } from './SensitiveSections'
import { SummarySection } from './SummarySection'
import { TasksPanel } from './TasksPanel'
import { Timeline } from './Timeline'
import { useCase } from './useCase'
import './CasePage.css'

const readAssignees = () => api.cases.assignees({})

/** Staff a case can be assigned to; null until read (or when it could not be). */
function useAssignees(): TStaffRef[] | null {
  const { load } = useApiQuery(readAssignees)
  return load.state === 'ready' ? load.value : null
}

/** The heading every state of the page starts with, so focus placed on it after navigation stays put. */
function PlainTitle({ children }: { children: string }) {
  return (
    <header className="case-header">
      <div className="case-header__identity">
        <h1 className="case-header__title" tabIndex={-1} data-page-title="">
          {children}
        </h1>
      </div>
    </header>
  )
}

/**
 * The loaded case. A change reloads it in place (useCase keeps this copy meanwhile), so nothing here unmounts
 * and focus stays where the person acted; each panel puts focus back itself when its own control moves.
 */
function CaseView({ detail, reload }: { detail: TCaseDetail; reload: () => Promise<void> }) {
  const assignees = useAssignees()
  const pageRef = useRef<HTMLDivElement>(null)
  // Opening a case focuses the loading title, which this view then replaces, dropping focus on <body>: the
  // case's own title (reference and name) takes it over, so the next Tab starts in the case.
  useEffect(() => {
    if (document.activeElement !== null && document.activeElement !== document.body) return
    pageRef.current?.querySelector<HTMLElement>('[data-page-title]')?.focus({ preventScroll: true })
  }, [])
  // "Saved as CCIJ-2026-0042", when the intake wizard just saved this case (already announced there).
  const state: unknown = useLocation().state
  const savedMessage =
    typeof state === 'object' &&
    state !== null &&
    'savedMessage' in state &&
    typeof state.savedMessage === 'string'
      ? state.savedMessage
      : null
  return (
    <CaseMessageProvider>
      {(clearMessage) => (
        // Typing or ticking anything is a new action: the last confirmation no longer describes the page.
        <div className="case-page" onInput={clearMessage} ref={pageRef}>
          <CaseHeader detail={detail} assignees={assignees} onChanged={reload} />
          {savedMessage === null ? null : <Notice tone="success">{savedMessage}</Notice>}
          <div className="case-page__columns">
            <div className="case-page__main">
              <SummarySection detail={detail} onChanged={reload} />
              <SensitiveSections detail={detail} onChanged={reload} />
              <MatchingSection caseId={detail.id} onChanged={reload} />
              <Timeline detail={detail} assignees={assignees} onChanged={reload} />
            </div>
            <div className="case-page__side">
              <TasksPanel detail={detail} onChanged={reload} />
              <ConsentPanel detail={detail} onChanged={reload} />
            </div>
          </div>
        </div>
      )}
    </CaseMessageProvider>
  )
}

/** A survivor's case: `#/survivors/:caseId`. */
export function CasePage() {
  const { t } = useTranslation()
  const { caseId = '' } = useParams()
  const { current, reload } = useCase(caseId)

  if (current.state === 'loading') {
    return (
      <div className="case-page">
        <PlainTitle>{t('casePage.title')}</PlainTitle>
        <BusyIndicator label={t('casePage.loading')} />
      </div>
    )
  }
  if (current.state === 'failed') {
    const { errorKey } = current
    const isMissing = errorKey === 'notFound' || errorKey === 'forbidden'
    return (
      <div className="case-page">
        <PlainTitle>{t(`casePage.failed.${errorKey}.title`)}</PlainTitle>
        <div className="case-page__failed">
          <p>{t(`casePage.failed.${errorKey}.body`)}</p>
          <div className="case-page__failed-actions">
            {isMissing ? null : <Button onPress={() => void reload()}>{t('casePage.failed.retry')}</Button>}
            <LinkButton href="/survivors" variant="primary">
              {t('casePage.failed.backToList')}
            </LinkButton>
          </div>
        </div>
      </div>
    )
  }
  return <CaseView key={current.detail.id} detail={current.detail} reload={reload} />
}
