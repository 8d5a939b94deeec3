import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { createTestVault } from '#test-support/vault-fixtures'
import { LAWYER_SIGN_UP_COLUMNS, FRENCH_LAWYER_HEADERS } from '../../../../shared/roster/lawyer-csv-headers'
import { lawyerCsvTemplate } from './lawyer-csv-template'

describe('lawyer sign-up template', () => {
  const root = tempFolderPerTest()

  it.each(['en', 'fr'] as const)(
    'in %s: saved atomically 0600 as the app writes CSV, and imports as it is (one row, no problem)',
    async (language) => {
      const services = await createTestVault(root())
      const file = join(root(), lawyerCsvTemplate(language).fileName)
      expect(services.lawyerImport.saveTemplate(language, file)).toEqual({
        fileName: lawyerCsvTemplate(language).fileName,
      })
      expect(statSync(file).mode & 0o777).toBe(0o600)
      const text = readFileSync(file, 'utf8')
      expect(text.startsWith('\uFEFF')).toBe(true)
      const [header] = text.slice(1).split('\r\n')
      const headers = LAWYER_SIGN_UP_COLUMNS.map((field) =>
        language === 'fr' ? FRENCH_LAWYER_HEADERS[field] : field,
      )
      expect(header).toBe(headers.map((name) => `"${name}"`).join(','))

      // The screen's path: headers mapped as guessed, the dry run clean, the import adds the example lawyer.
      const mapping = services.lawyerImport.mappingFor(text)
      expect(mapping.map(({ field }) => field)).toEqual([...LAWYER_SIGN_UP_COLUMNS])
      expect(services.lawyerImport.check(text, mapping)).toEqual({
        accepted: true,
        rows: 1,
        problems: [],
        problemCount: 0,
        duplicates: [],
      })
      expect(services.lawyerImport.commit(text, mapping, 'skip')).toEqual({
        imported: true,
        result: { added: 1, updated: 0, skipped: 0 },
      })
      const [row] = services.roster.list({}).rows
      expect(services.roster.get(row?.id ?? '')).toMatchObject({
        firstName: 'Sam',
        lastName: language === 'fr' ? 'Exemple' : 'Example',
        phone: '+1 514 555 0100',
        memberships: [
          { province: 'QC', licenceNumber: 'EXEMPLE-0001' },
          { province: 'ON', licenceNumber: 'EXAMPLE-0002' },
        ],
        practiceAreas: ['refugee_claim', 'detention_review'],
        languages: ['fr', 'en', 'ar'],
        airports: ['YUL'],
        onCallWindows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '18:00', end: '23:00' }],
        maxActive: 3,
        conflicts: [{ kind: 'unit', name: 'Example Unit 12' }],
        status: 'active',
      })
      // Imported twice, the example is a duplicate, not a second lawyer.
      expect(services.lawyerImport.check(text, mapping).duplicates).toHaveLength(1)
    },
  )

  it('names its file in the language asked, and leaves nothing behind when the folder cannot be written', async () => {
    const services = await createTestVault(root())
    expect(services.lawyerImport.templateFileName('en')).toBe('lawyer-sign-up-template.csv')
    expect(services.lawyerImport.templateFileName('fr')).toBe('modele-inscription-avocats.csv')
    expect(() => services.lawyerImport.saveTemplate('en', join(root(), 'missing', 'x.csv'))).toThrow()
  })
})
