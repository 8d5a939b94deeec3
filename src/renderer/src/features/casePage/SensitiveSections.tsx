import { useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SENSITIVE_SECTIONS, type TSensitiveSection } from '../../../../shared/cases/vocabulary'
import type { TCaseDetail, TRevealedSection } from '../../../../shared/contract/cases'
import { api, callApi } from '../../api'
import { formatDay } from '../../lib/dates'
import { useVocab } from '../../lib/vocabulary'
import { Button, LockIcon, Notice, Section } from '../../ui'
import { EditAccountButton, type TAccountPart } from './EditAccount'
import { EditContactButton } from './EditContact'
import { caseErrorKey, type TCaseErrorKey } from './errors'
import { Facts } from './Facts'

type TRevealState =
  | { state: 'hidden' }
  | { state: 'revealing' }
  | { state: 'failed'; errorKey: TCaseErrorKey }
  | { state: 'shown'; content: TRevealedSection }

type TIntakeRef = { intakeId: string; intakeDate: string }

/** One intake's part of the account: under its date when the case has several intakes, with its edit button. */
function IntakeGroup({
  intake,
  isOneOfMany,
  edit,
  children,
}: {
  intake: TIntakeRef
  isOneOfMany: boolean
  edit: ReactNode
  children: ReactNode
}) {
  const { t, i18n } = useTranslation()
  return (
    <div className="case-intake-group">
      {isOneOfMany ? (
        <p className="case-record-list__title">
          {t('casePage.sensitive.narrative.fromIntake', {
            date: formatDay(intake.intakeDate, i18n.language),
          })}
        </p>
      ) : null}
      {children}
      {edit}
    </div>
  )
}

/** What a revealed section holds, in words; `editOf` gives each intake's edit button. */
function RevealedContent({
  content,
  editOf,
}: {
  content: TRevealedSection
  editOf: (intake: TIntakeRef, part: TAccountPart) => ReactNode
}) {
  const { t } = useTranslation()
  const vocab = useVocab()
  switch (content.section) {
    case 'contact': {
      const { contact } = content
      return (
        <Facts
          facts={[
            { label: t('casePage.sensitive.contact.phone'), value: contact.phone, isVerbatim: true },
            { label: t('casePage.sensitive.contact.email'), value: contact.email, isVerbatim: true },
            {
              label: t('casePage.sensitive.contact.safeMethod'),
              value: vocab.contactMethod(contact.safeMethod),
            },
            { label: t('casePage.sensitive.contact.safeTimes'), value: contact.safeTimes, isVerbatim: true },
            {
              label: t('casePage.sensitive.contact.voicemailSafe'),
              value: vocab.answer(contact.voicemailSafe),
            },
            {
              label: t('casePage.sensitive.contact.safetyNotes'),
              value:
                contact.safetyNotes === '' ? '' : <span className="case-prose">{contact.safetyNotes}</span>,
              isVerbatim: true,
            },
          ]}
        />
      )
    }
    case 'experiences':
      return content.intakes.map((intake) => (
        <IntakeGroup
          key={intake.intakeId}
          intake={intake}
          isOneOfMany={content.intakes.length > 1}
          edit={editOf(intake, { section: 'experiences', entries: intake.entries })}
        >
          {intake.entries.length === 0 ? (
            <p className="case-muted">{t('casePage.sensitive.nothing')}</p>
          ) : (
            <ul className="case-record-list">
              {intake.entries.map((entry, index) => (
                <li key={index} className="case-record-list__item">
                  <p className="case-record-list__title">
                    {entry.kind === 'other' && entry.otherKind !== '' ? (
                      <span dir="auto" lang="">
                        {entry.otherKind}
                      </span>
                    ) : (
                      vocab.experience(entry.kind)
                    )}
                  </p>
                  <Facts
                    facts={[
                      {
                        label: t('casePage.sensitive.experiences.country'),
                        value: vocab.country(entry.country),
                      },
                      {
                        label: t('casePage.sensitive.experiences.period'),
                        value: entry.period,
                        isVerbatim: true,
                      },
                      {
                        label: t('casePage.sensitive.experiences.place'),
                        value: entry.place,
                        isVerbatim: true,
                      },
                    ]}
                  />
                </li>
              ))}
            </ul>
          )}
        </IntakeGroup>
      ))
    case 'adverse_parties':
      return content.intakes.map((intake) => (
        <IntakeGroup
          key={intake.intakeId}
          intake={intake}
          isOneOfMany={content.intakes.length > 1}
          edit={editOf(intake, { section: 'adverse_parties', parties: intake.parties })}
        >
          {intake.parties.length === 0 ? (
            <p className="case-muted">{t('casePage.sensitive.nothing')}</p>
          ) : (
            <ul className="case-record-list">
              {intake.parties.map((party, index) => (
                <li key={index} className="case-record-list__item">
                  <p className="case-record-list__title">
                    <span dir="auto" lang="">
                      {party.name || party.originalScriptName}
                    </span>{' '}
                    <span className="case-muted">({vocab.adversePartyKind(party.kind)})</span>
                  </p>
                  <Facts
                    facts={[
                      {
                        label: t('casePage.sensitive.parties.originalScriptName'),
                        value: party.name === '' ? '' : party.originalScriptName,
                        isVerbatim: true,
                      },
                      { label: t('casePage.sensitive.parties.country'), value: vocab.country(party.country) },
                      {
                        label: t('casePage.sensitive.parties.notes'),
                        value: party.notes === '' ? '' : <span className="case-prose">{party.notes}</span>,
                        isVerbatim: true,
                      },
                    ]}
                  />
                </li>
              ))}
            </ul>
          )}
        </IntakeGroup>
      ))
    case 'narrative':
      return content.narratives.map((entry) => (
        <IntakeGroup
          key={entry.intakeId}
          intake={entry}
          isOneOfMany={content.narratives.length > 1}
          edit={editOf(entry, { section: 'narrative', narrative: entry.narrative, notes: entry.notes })}
        >
          {entry.narrative === '' && entry.notes === '' ? (
            <p className="case-muted">{t('casePage.sensitive.nothing')}</p>
          ) : (
            <Facts
              facts={[
                {
                  label: t('casePage.sensitive.narrative.narrative'),
                  value: entry.narrative === '' ? '' : <span className="case-prose">{entry.narrative}</span>,
                  isVerbatim: true,
                },
                {
                  label: t('casePage.sensitive.narrative.notes'),
                  value: entry.notes === '' ? '' : <span className="case-prose">{entry.notes}</span>,
                  isVerbatim: true,
                },
              ]}
            />
          )}
        </IntakeGroup>
      ))
  }
}

/** One sensitive section: collapsed until someone reveals it (an audited view); Hide forgets what was read. */
function SensitiveSection({
  detail,
  section,
  hasContent,
  onChanged,
}: {
  detail: TCaseDetail
  section: TSensitiveSection
  hasContent: boolean
  onChanged: () => Promise<void>
}) {
  const caseId = detail.id
  const { t } = useTranslation()
  const panelId = useId()
  const headingId = useId()
  const [reveal, setReveal] = useState<TRevealState>({ state: 'hidden' })
  const title = t(`vocab.sensitiveSection.${section}`)
  const isShown = reveal.state === 'shown'

  const revealAgain = async () => {
    const result = await callApi(() => api.cases.reveal({ caseId, section }))
    setReveal(
      result.ok
        ? { state: 'shown', content: result.value }
        : { state: 'failed', errorKey: caseErrorKey(result.error) },
    )
  }
  /** After an edit of the account: the page's figures and timeline, and the section as it now reads. */
  const onAccountSaved = async () => {
    await onChanged()
    await revealAgain()
  }
  const onAccountReload = async () => {
    setReveal({ state: 'hidden' })
    await onChanged()
  }
  const editOf = (intake: TIntakeRef, part: TAccountPart) => (
    <EditAccountButton
      detail={detail}
      intake={intake}
      part={part}
      onSaved={onAccountSaved}
      onReload={onAccountReload}
    />
  )
  // An empty section can be filled in: on the latest intake, which holds nothing of it yet.
  const latestIntake = detail.intakes.at(-1)
  const emptyPart: TAccountPart | null =
    section === 'experiences'
      ? { section, entries: [] }
      : section === 'adverse_parties'
        ? { section, parties: [] }
        : section === 'narrative'
          ? { section, narrative: '', notes: '' }
          : null

  const toggle = async () => {
    // Stays enabled while revealing, so keyboard focus is not dropped to the page; a second press waits.
    if (reveal.state === 'revealing') return
    if (isShown) {
      setReveal({ state: 'hidden' })
      return
    }
    setReveal({ state: 'revealing' })
    await revealAgain()
  }

  return (
    <section
      className={isShown ? 'case-sensitive case-sensitive--shown' : 'case-sensitive'}
      aria-labelledby={headingId}
    >
      <div className="case-sensitive__header">
        <h3 id={headingId} className="case-sensitive__title">
          {title}
        </h3>
        {hasContent ? (
          <Button
            variant={isShown ? 'secondary' : 'primary'}
            onPress={() => void toggle()}
            aria-expanded={isShown}
            aria-controls={panelId}
          >
            {reveal.state === 'revealing'
              ? t('casePage.sensitive.revealing')
              : isShown
                ? t('casePage.sensitive.hide')
                : t('casePage.sensitive.reveal')}
            <span className="visually-hidden"> {title}</span>
          </Button>
        ) : null}
        {section === 'contact' && (isShown || !hasContent) ? (
          <EditContactButton
            detail={detail}
            contact={
              reveal.state === 'shown' && reveal.content.section === 'contact' ? reveal.content.contact : null
            }
            onSaved={async (contact) => {
              setReveal({ state: 'shown', content: { section: 'contact', contact } })
              await onChanged()
            }}
            onReload={async () => {
              setReveal({ state: 'hidden' })
              await onChanged()
            }}
          />
        ) : null}
        {!hasContent && emptyPart !== null && latestIntake !== undefined
          ? editOf({ intakeId: latestIntake.id, intakeDate: latestIntake.intakeDate }, emptyPart)
          : null}
      </div>
      <div id={panelId} className="case-sensitive__body">
        {!hasContent ? (
          <p className="case-muted">{t('casePage.sensitive.nothing')}</p>
        ) : isShown ? (
          <RevealedContent content={reveal.content} editOf={editOf} />
        ) : (
          <p className="case-sensitive__hidden">
            <LockIcon size={16} />
            {t('casePage.sensitive.hidden')}
          </p>
        )}
        {reveal.state === 'failed' ? (
          <Notice tone="danger" live="alert">
            {t(`casePage.errors.${reveal.errorKey}`)}
          </Notice>
        ) : null}
      </div>
    </section>
  )
}

/** Contact and safety, experiences, adverse parties, narrative: each revealed one at a time, each reveal audited. */
export function SensitiveSections({
  detail,
  onChanged,
}: {
  detail: TCaseDetail
  onChanged: () => Promise<void>
}) {
  const { t } = useTranslation()
  const contentOf = (section: TSensitiveSection) =>
    detail.sensitiveSections.find((entry) => entry.section === section)?.hasContent ?? false
  return (
    <Section
      id="case-sensitive-title"
      title={t('casePage.sensitive.title')}
      lede={t('casePage.sensitive.lede')}
    >
      <div className="case-sensitive-list">
        {SENSITIVE_SECTIONS.map((section) => (
          <SensitiveSection
            key={section}
            detail={detail}
            section={section}
            hasContent={contentOf(section)}
            onChanged={onChanged}
          />
        ))}
      </div>
    </Section>
  )
}
