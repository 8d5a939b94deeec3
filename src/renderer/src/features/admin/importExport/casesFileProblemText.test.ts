import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { CASES_FILE_ERROR_CODES } from '../../../../../shared/contract/cases-file'
import { catalogs } from '../../../i18n/catalogs'
import { casesFileProblemText } from './casesFileProblemText'

const t = i18next.createInstance()
beforeAll(async () => {
  await t.init({
    lng: 'en',
    resources: { en: { translation: catalogs.en }, fr: { translation: catalogs.fr } },
  })
})

const problem = (
  code: string,
  field = 'intakes.0.intake.person.dateOfBirth',
  reference = 'CCIJ-2026-0042',
) => ({
  case: 3,
  reference,
  field,
  code,
})

describe('a refused cases file’s problems, worded', () => {
  it('name the case by position and reference, the field and the rule, in English and French', async () => {
    expect(casesFileProblemText(t.t, problem('notADate'))).toBe(
      'Case 3 (CCIJ-2026-0042), intakes.0.intake.person.dateOfBirth: is not a date (YYYY-MM-DD) or that day does not exist.',
    )
    expect(casesFileProblemText(t.t, problem('required', '', ''))).toBe(
      'Case 3, the case as a whole: is missing.',
    )
    expect(casesFileProblemText(t.t, { case: 0, reference: '', field: '', code: 'notJson' })).toBe(
      'File: it is not JSON (is it complete, and saved as UTF-8?).',
    )
    await t.changeLanguage('fr')
    expect(casesFileProblemText(t.t, problem('referenceExists', 'reference'))).toBe(
      'Dossier 3 (CCIJ-2026-0042), reference\u00a0: est déjà utilisé par un dossier de ce coffre.',
    )
    await t.changeLanguage('en')
  })

  it('have words for every code main can send, so none falls back to “is not valid”', () => {
    for (const language of ['en', 'fr'] as const) {
      const missing = CASES_FILE_ERROR_CODES.filter(
        (code) => !t.exists(`importExport.casesFileImport.rule.${code}`, { lng: language }),
      )
      expect(missing, language).toEqual([])
    }
    expect(casesFileProblemText(t.t, problem('somethingNew'))).toMatch(/: is not valid\.$/)
  })
})
