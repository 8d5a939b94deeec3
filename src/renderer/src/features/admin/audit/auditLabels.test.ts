import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { catalogs } from '../../../i18n/catalogs'
import { auditTargetLabel, auditWhatLabel } from './auditLabels'

const t = i18next.createInstance()
beforeAll(async () => {
  await t.init({
    lng: 'en',
    resources: { en: { translation: catalogs.en }, fr: { translation: catalogs.fr } },
  })
})

const entry = (action: string, details: Record<string, unknown>, targetType: string | null = 'case') => ({
  action,
  details,
  targetType,
  targetId: '9f0c2d1e-0000-4000-8000-000000000000',
})

describe('audit labels for cases', () => {
  it('name a case by its reference number, and fall back to a short id for older entries', () => {
    expect(auditTargetLabel(t.t, entry('record.viewed', { reference: 'CCIJ-2026-0042' }), new Map())).toBe(
      'Case CCIJ-2026-0042',
    )
    expect(auditTargetLabel(t.t, entry('record.viewed', {}), new Map())).toBe('Case 9f0c2d1e')
  })

  it('say what was viewed or changed, in English and in French', async () => {
    expect(auditWhatLabel(t.t, entry('record.viewed', { section: 'narrative' }))).toBe(
      'Record viewed — narrative and notes revealed',
    )
    expect(auditWhatLabel(t.t, entry('duplicate.decided', { decision: 'same_person' }))).toMatch(
      /same person/,
    )
    expect(auditWhatLabel(t.t, entry('import', { created: 3 }, null))).toMatch(/3 intakes$/)
    await t.changeLanguage('fr')
    expect(auditWhatLabel(t.t, entry('record.changed', { change: 'status' }))).toMatch(/statut modifié$/)
    await t.changeLanguage('en')
  })

  it('say which cases an import created and which file an export wrote', async () => {
    const imported = entry('import', { created: 2, references: ['CCIJ-2026-0007', 'CCIJ-2026-0008'] }, null)
    expect(auditWhatLabel(t.t, imported)).toMatch(/2 intakes, cases CCIJ-2026-0007, CCIJ-2026-0008$/)
    const large = entry('import', { created: 502, references: ['CCIJ-2026-0001', 'CCIJ-2026-0002'] }, null)
    expect(auditWhatLabel(t.t, large)).toMatch(/CCIJ-2026-0002 and 500 more$/)
    const exported = entry('export', { count: 4, fileName: 'intakes-2026-11-30.csv' }, null)
    expect(auditWhatLabel(t.t, exported)).toMatch(/4 intakes, to intakes-2026-11-30\.csv$/)
    await t.changeLanguage('fr')
    expect(auditWhatLabel(t.t, exported)).toMatch(/4 accueils, dans intakes-2026-11-30\.csv$/)
    await t.changeLanguage('en')
  })

  it('name what an import or export moved, with its counts, in English and in French', async () => {
    const lawyers = entry('import', { kind: 'lawyers', added: 4, updated: 2, skipped: 1 }, null)
    const directory = entry('import', { kind: 'directory', added: 1, updated: 0, skipped: 3 }, null)
    const casesFile = entry('import', { kind: 'cases', created: 12 }, null)
    const casesExport = entry('export', { kind: 'cases', count: 1, fileName: 'cases.json' }, null)
    const lawyersExport = entry('export', { kind: 'lawyers', count: 7, fileName: 'lawyers.csv' }, null)
    expect(auditWhatLabel(t.t, lawyers)).toBe('Lawyers imported from a file — 4 added, 2 updated, 1 skipped')
    expect(auditWhatLabel(t.t, directory)).toBe(
      'Directory imported from a file — 1 added, 0 updated, 3 skipped',
    )
    expect(auditWhatLabel(t.t, casesFile)).toBe('Cases file imported — 12 cases')
    expect(auditWhatLabel(t.t, casesExport)).toBe('Cases file exported — 1 case, to cases.json')
    expect(auditWhatLabel(t.t, lawyersExport)).toBe('Lawyers exported — 7 entries, to lawyers.csv')
    expect(auditWhatLabel(t.t, entry('import', { created: 3 }, null))).toBe(
      'Intakes imported from a file — 3 intakes',
    )
    await t.changeLanguage('fr')
    expect(auditWhatLabel(t.t, lawyers)).toBe(
      'Avocat·es importé·es d’un fichier — ajouts\u00a0: 4, mises à jour\u00a0: 2, ignorés\u00a0: 1',
    )
    expect(auditWhatLabel(t.t, casesFile)).toBe('Fichier de dossiers importé — 12 dossiers')
    expect(auditWhatLabel(t.t, casesExport)).toBe('Fichier de dossiers exporté — 1 dossier, dans cases.json')
    await t.changeLanguage('en')
  })

  it('tell a passphrase its owner chose from one an admin reset', () => {
    expect(
      auditWhatLabel(t.t, entry('account.passphrase_changed', { replacedAdminChosen: true }, 'account')),
    ).toBe('Passphrase changed by its owner — their own, replacing the one an administrator chose')
    expect(auditWhatLabel(t.t, entry('account.passphrase_changed', {}, 'account'))).toBe(
      'Passphrase changed by its owner',
    )
    expect(auditWhatLabel(t.t, entry('account.passphrase_reset', {}, 'account'))).toBe(
      'Passphrase reset by an administrator',
    )
  })

  it('say which MP letter was reworded, and its versions, in English and in French', async () => {
    const reworded = entry('settings.changed', { setting: 'mpLetter.fr', from: 1, to: 2 }, null)
    expect(auditWhatLabel(t.t, reworded)).toBe(
      'Settings changed — MP letter (French) reworded: version 1 → 2',
    )
    await t.changeLanguage('fr')
    expect(auditWhatLabel(t.t, reworded)).toBe(
      'Paramètres modifiés — Lettre au ou à la député·e (français) reformulée\u00a0: version 1 → 2',
    )
    await t.changeLanguage('en')
  })

  it('say "more than 1,000 results" for a search whose count stopped at its cap, in English and in French', async () => {
    const capped = entry('cases.searched', { words: 1, results: 1000, moreResults: true }, null)
    const exact = entry('cases.searched', { words: 2, results: 1000 }, null)
    expect(auditWhatLabel(t.t, capped, 'en')).toBe('Cases searched — more than 1,000 results')
    expect(auditWhatLabel(t.t, exact, 'en')).toBe('Cases searched — 1000 results')
    expect(auditWhatLabel(t.t, entry('cases.searched', { results: 1, moreResults: true }, null))).toBe(
      'Cases searched — more than 1 result',
    )
    await t.changeLanguage('fr')
    expect(auditWhatLabel(t.t, capped, 'fr')).toBe('Recherche de dossiers — plus de 1\u00a0000 résultats')
    await t.changeLanguage('en')
  })

  it('ignore details they do not know instead of showing raw keys', () => {
    expect(auditWhatLabel(t.t, entry('record.changed', { change: 'something_new' }))).not.toMatch(
      /something_new/,
    )
  })
})
