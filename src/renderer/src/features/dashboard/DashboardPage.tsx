import { useTranslation } from 'react-i18next'
import {
  Card,
  DirectoryIcon,
  IntakeIcon,
  LawyersIcon,
  LockIcon,
  PageHeader,
  ReferralsIcon,
  TextLink,
} from '../../ui'
import { canHandleCases, useSignedInStaff } from '../vault'
import { DraftsList } from '../intake'
import { CapacityFigures } from './CapacityFigures'
import { MatchingFigures } from './MatchingFigures'
import { NextStepCard } from './NextStepCard'
import './DashboardPage.css'

/** The start page: what the day will look like, and where to begin. */
export function DashboardPage() {
  const { t } = useTranslation()
  const handlesCases = canHandleCases(useSignedInStaff().role)
  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.lede')} />
      {/* After a lock, an unlock starts here: unfinished intakes are one step away. */}
      {handlesCases ? <DraftsList /> : null}
      <MatchingFigures />
      <CapacityFigures />
      <section className="dashboard__section" aria-labelledby="dashboard-next-steps">
        <h2 id="dashboard-next-steps" className="dashboard__heading">
          {t('dashboard.nextStepsHeading')}
        </h2>
        <div className="dashboard__grid">
          <NextStepCard
            icon={<IntakeIcon />}
            title={t('dashboard.steps.intake.title')}
            body={t('dashboard.steps.intake.body')}
            link={<TextLink href="/survivors/new">{t('dashboard.steps.intake.link')}</TextLink>}
          />
          <NextStepCard
            icon={<LawyersIcon />}
            title={t('dashboard.steps.roster.title')}
            body={t('dashboard.steps.roster.body')}
            link={<TextLink href="/lawyers">{t('dashboard.steps.roster.link')}</TextLink>}
          />
          <NextStepCard
            icon={<DirectoryIcon />}
            title={t('dashboard.steps.organizations.title')}
            body={t('dashboard.steps.organizations.body')}
            link={<TextLink href="/directory">{t('dashboard.steps.organizations.link')}</TextLink>}
          />
          <NextStepCard
            icon={<ReferralsIcon />}
            title={t('dashboard.steps.followUp.title')}
            body={t('dashboard.steps.followUp.body')}
            link={<TextLink href="/referrals">{t('dashboard.steps.followUp.link')}</TextLink>}
          />
        </div>
      </section>
      <Card tone="info" headingLevel={2} icon={<LockIcon />} title={t('dashboard.privacyHeading')}>
        <p>{t('dashboard.privacyBody')}</p>
      </Card>
    </>
  )
}
