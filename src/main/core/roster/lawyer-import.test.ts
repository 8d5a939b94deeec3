import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { syntheticLawyerCsv } from '#test-support/synthetic'
import { ADMIN_PASSPHRASE, createTestVault, listFilesRecursive } from '#test-support/vault-fixtures'
import { FRENCH_LAWYER_HEADERS, fieldOfHeader, suggestMapping } from './csv/lawyer-csv-columns'
import { lawyerCsvReader } from './csv/lawyer-csv-upload'
import { LAWYER_CSV_FIELDS, type TLawyerCsvMapping } from '../../../shared/contract/lawyers'
import { emptyLawyerFields, type TLawyerFields } from '../../../shared/roster/lawyer-schema'

const SIGN_UP_HEADER =
  'first_name,last_name,email,phone,firm,law_society_province,licence_number,other_jurisdictions,practice_areas,languages,city,province,airport_on_call,airports,max_active,conflicts,status,notes'

const signUp = (...rows: string[]): string => [SIGN_UP_HEADER, ...rows].join('\r\n') + '\r\n'

const CLEAN_ROWS = [
  'Ada,Example,ada@example.org,+1 555 0100,Example LLP,Ontario,LSO-1,QC:Q-77,Refugee claim; Detention review,English; arabe,Toronto,ON,Mon-Fri 18:00-23:00,YYZ,3,person:Mohammed Al-Hassan; state:Exampleland,active,',
  'Bao,Sample,bao@example.org,,,Québec,B-2,,demande d’asile,fr,Montréal,QC,,,0,,paused,Prefers email',
]

const mappingOf = (csv: string): TLawyerCsvMapping =>
  (csv.split(/\r?\n/)[0] ?? '').split(',').map((header) => ({ header, field: header as never }))

describe('lawyer sign-up import', () => {
  const root = tempFolderPerTest()

  it('refuses a file with bad rows whole, naming each row and column, and writes nothing', async () => {
    const services = await createTestVault(root())
    const csv = signUp(
      CLEAN_ROWS[0] ?? '',
      'Cy,Bad,not-an-email,,,Atlantis,C-3,,refugee claim,en,,,,,1,,,',
      'Di,Bad,di@example.org,,,ON,LSO-9,,astronaut law,en,,ON,,,1,,,',
      'Ed,Dup,ed@example.org,,,ON,lso 1,,,en,,,,,1,,,',
    )
    const before = services.audit.list({}).entries.length
    const check = services.lawyerImport.check(csv, mappingOf(csv))
    expect(check.accepted).toBe(false)
    expect(check.problems.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 3, column: 'email', code: 'email' },
      { row: 3, column: 'law_society_province', code: 'province' },
      { row: 4, column: 'practice_areas', code: 'practiceArea' },
      { row: 5, column: 'licence_number', code: 'duplicateLicence' },
    ])
    expect(check.problems[3]?.params).toEqual({ otherRow: 2 })
    const commit = services.lawyerImport.commit(csv, mappingOf(csv), 'skip')
    expect(commit.imported).toBe(false)
    expect(services.roster.list({}).total).toBe(0)
    expect(services.audit.list({}).entries.length).toBe(before)
  })

  it('imports a clean file, reads EN/FR words, and reports the same file again as duplicates', async () => {
    const services = await createTestVault(root())
    const csv = signUp(...CLEAN_ROWS)
    const first = services.lawyerImport.commit(csv, mappingOf(csv), 'skip')
    expect(first).toEqual({ imported: true, result: { added: 2, updated: 0, skipped: 0 } })
    // The whole file is one audit entry with its counts: no entry per lawyer, no name anywhere.
    const audited = services.audit.list({}).entries.filter((entry) => entry.targetType === 'lawyer')
    expect(audited).toEqual([])
    const imported = services.audit.list({}).entries.filter((entry) => entry.action === 'import')
    expect(imported.map((entry) => entry.details)).toEqual([
      { kind: 'lawyers', added: 2, updated: 0, skipped: 0 },
    ])
    expect(JSON.stringify(services.audit.list({}).entries)).not.toContain('Example')
    const ada = services.roster.list({ search: 'ada' }).rows[0]
    expect(ada).toMatchObject({ licensedIn: ['ON', 'QC'], languages: ['en', 'ar'], airports: ['YYZ'] })
    const bao = services.roster.get(services.roster.list({ search: 'bao' }).rows[0]?.id ?? '')
    expect(bao).toMatchObject({
      practiceAreas: ['refugee_claim'],
      status: 'paused',
      maxActive: 0,
      notes: 'Prefers email',
    })

    const again = services.lawyerImport.check(csv, mappingOf(csv))
    expect(again.accepted).toBe(true)
    expect(
      again.duplicates.map(({ row, matchedBy, displayName }) => ({ row, matchedBy, displayName })),
    ).toEqual([
      { row: 2, matchedBy: 'licence', displayName: 'Ada Example' },
      { row: 3, matchedBy: 'licence', displayName: 'Bao Sample' },
    ])
    expect(services.lawyerImport.commit(csv, mappingOf(csv), 'skip')).toEqual({
      imported: true,
      result: { added: 0, updated: 0, skipped: 2 },
    })
    expect(services.roster.list({}).total).toBe(2)
  })

  it('reads a conflict’s kind before its first colon, a colon inside a name as part of it, and names an unknown kind', async () => {
    const services = await createTestVault(root())
    const conflicts = 'unit : Example Unit 7; Dr. No: Example Holdings; STATE:Exampleland; Sam Example'
    const clean = signUp(`Ada,Example,ada@example.org,,,ON,LSO-1,,,en,,,,,1,"${conflicts}",,`)
    expect(services.lawyerImport.commit(clean, mappingOf(clean), 'skip')).toMatchObject({ imported: true })
    const [ada] = services.roster.list({}).rows
    expect(services.roster.get(ada?.id ?? '').conflicts).toEqual([
      { kind: 'unit', name: 'Example Unit 7' },
      { kind: 'person', name: 'Dr. No: Example Holdings' },
      { kind: 'state', name: 'Exampleland' },
      { kind: 'person', name: 'Sam Example' },
    ])
    const bad = signUp('Bao,Example,bao@example.org,,,ON,LSO-2,,,en,,,,,1,planet:Example Prime; unit:,,')
    expect(services.lawyerImport.check(bad, mappingOf(bad)).problems).toEqual([
      { row: 2, column: 'conflicts', code: 'conflictKind', params: { value: 'planet' } },
      { row: 2, column: 'conflicts', code: 'partyName' },
    ])
  })

  it('reads a French-headed sign-up file exactly as the same file with English headers', async () => {
    const fields = SIGN_UP_HEADER.split(',') as (keyof typeof FRENCH_LAWYER_HEADERS)[]
    // Every field has its French header, and a form's display wording of it ("Numéro de membre") names it too.
    expect(
      LAWYER_CSV_FIELDS.filter((field) => fieldOfHeader(FRENCH_LAWYER_HEADERS[field]) !== field),
    ).toEqual([])
    expect(
      ['Prénom', 'Nom de famille', 'Numéro de membre', 'Domaines de pratique'].map(fieldOfHeader),
    ).toEqual(['first_name', 'last_name', 'licence_number', 'practice_areas'])
    const frenchHeader = fields.map((field) => FRENCH_LAWYER_HEADERS[field]).join(',')
    const french = [frenchHeader, ...CLEAN_ROWS].join('\r\n') + '\r\n'
    const english = signUp(...CLEAN_ROWS)
    const mapping = suggestMapping(frenchHeader.split(','), [])
    expect(mapping.map(({ field }) => field)).toEqual(fields)

    const inFrench = await createTestVault(join(root(), 'fr'))
    const inEnglish = await createTestVault(join(root(), 'en'))
    expect(inFrench.lawyerImport.commit(french, mapping, 'skip')).toEqual({
      imported: true,
      result: { added: 2, updated: 0, skipped: 0 },
    })
    inEnglish.lawyerImport.commit(english, mappingOf(english), 'skip')
    const lawyersOf = (services: typeof inFrench) =>
      services.roster.list({}).rows.map((row) => {
        const {
          id: _id,
          createdAt: _created,
          updatedAt: _updated,
          ...lawyer
        } = services.roster.get(row.id) as {
          id: string
          createdAt?: string
          updatedAt?: string
        }
        return lawyer
      })
    expect(lawyersOf(inFrench)).toEqual(lawyersOf(inEnglish))
    expect(lawyersOf(inFrench)).toHaveLength(2)
  })

  it('updates the duplicates chosen (per row or all), replacing only the columns the file has', async () => {
    const services = await createTestVault(root())
    const csv = signUp(...CLEAN_ROWS)
    services.lawyerImport.commit(csv, mappingOf(csv), 'skip')
    const adaId = services.roster.list({ search: 'ada' }).rows[0]?.id ?? ''
    services.roster.update(adaId, { ...services.roster.get(adaId), experienceTypes: ['torture'] })
    // A later form export: Ada changed her city (matched by email now), Bao changed firm; only Ada is updated.
    const short =
      'first_name,last_name,email,city\r\nAda,Example,ADA@example.org,Ottawa\r\nBao,Sample,bao@example.org,Laval\r\n'
    const mapping = mappingOf(short)
    const check = services.lawyerImport.check(short, mapping)
    expect(check.duplicates.map((duplicate) => duplicate.matchedBy)).toEqual(['email', 'email'])
    const result = services.lawyerImport.commit(short, mapping, 'skip', [{ row: 2, action: 'update' }])
    expect(result).toEqual({ imported: true, result: { added: 0, updated: 1, skipped: 1 } })
    const ada = services.roster.get(adaId)
    expect(ada).toMatchObject({ city: 'Ottawa', experienceTypes: ['torture'], airports: ['YYZ'] })
    expect(services.roster.list({ search: 'bao' }).rows[0]?.city).toBe('Montréal')
    // One audit entry for the file: counts and the fields changed (the email's case differs in the form's file: it
    // is the same person, and the file's spelling is kept), never a lawyer's name.
    // (newest first)
    const imports = services.audit.list({}).entries.filter((entry) => entry.action === 'import')
    expect(imports[0]?.details).toEqual({
      kind: 'lawyers',
      added: 0,
      updated: 1,
      skipped: 1,
      fields: ['email', 'city'],
    })
    const changedByImport = services.audit
      .list({})
      .entries.filter((entry) => entry.action === 'record.changed' && entry.details?.['via'] === 'import')
    expect(changedByImport).toEqual([])
  })

  it('remembers the header mapping of a form for the next file', async () => {
    const services = await createTestVault(root())
    const csv = 'Prénom,Nom,Courriel,Q7 which airports\r\nAda,Example,ada@example.org,YUL\r\n'
    const inspected = services.lawyerImport.inspect(csv)
    expect(inspected.mapping.map((entry) => entry.field)).toEqual(['first_name', 'last_name', 'email', ''])
    const mapping = inspected.mapping.map((entry) =>
      entry.field === '' ? { ...entry, field: 'airports' as const } : entry,
    )
    expect(services.lawyerImport.check(csv, mapping).accepted).toBe(true)
    expect(services.lawyerImport.inspect(csv).mapping.map((entry) => entry.field)).toEqual([
      'first_name',
      'last_name',
      'email',
      'airports',
    ])
  })

  it('exports the roster and imports it into a new vault with every field intact', async () => {
    const first = await createTestVault(join(root(), 'a'))
    const csv = syntheticLawyerCsv(40, 11, 5)
    const imported = first.lawyerImport.commit(csv, first.lawyerImport.mappingFor(csv), 'skip')
    expect(imported.imported ? [] : imported.check.problems).toEqual([])
    // Every field set, with what a CSV must escape: separators, quotes, line ends, formula starts, list escapes.
    const edge: TLawyerFields = {
      ...emptyLawyerFields(),
      firstName: 'Zoé "Zed"',
      lastName: 'Edge-Case, Jr.',
      email: 'edge@example.org',
      phone: '+1 (555) 010-0199',
      firm: '=Formula & Partners; LLP',
      memberships: [
        { province: 'QC', licenceNumber: 'Q-77 001', status: 'non_practising', verifiedOn: '2026-03-01' },
        { province: 'NU', licenceNumber: 'N-5', status: 'suspended', verifiedOn: '' },
      ],
      practiceAreas: ['detention_review', 'refugee_claim'],
      experienceTypes: ['enforced_disappearance'],
      experienceCountries: ['ER', 'MM'],
      languages: ['fr', 'ti'],
      city: 'Iqaluit',
      province: 'NU',
      airports: ['YUL', 'YOW'],
      onCallWindows: [{ days: ['fri', 'sat'], start: '22:00', end: '06:00' }],
      maxActive: 0,
      conflicts: [
        { kind: 'organization', name: 'Example; Holdings \\ Ltd' },
        { kind: 'person', name: '-Invented Name' },
      ],
      status: 'paused',
      notes: 'Line one, "quoted";\nline two: @mention',
    }
    first.roster.create(edge)
    const out = join(root(), 'roster.csv')
    expect(first.lawyerImport.exportTo(out)).toEqual({ count: 41, fileName: 'roster.csv' })
    const exported = readFileSync(out, 'utf8')
    expect(listFilesRecursive(root()).filter((file) => file.endsWith('.tmp'))).toEqual([])

    const second = await createTestVault(join(root(), 'b'))
    expect(
      second.lawyerImport.commit(exported, second.lawyerImport.mappingFor(exported), 'skip'),
    ).toMatchObject({
      imported: true,
      result: { added: 41 },
    })
    const strip = (services: typeof first) =>
      services.roster
        .list({ limit: 500 })
        .rows.map((row) => services.roster.get(row.id))
        .map(({ id: _id, createdAt: _created, updatedAt: _updated, ...fields }) => fields)
    expect(strip(second)).toEqual(strip(first))
    // Not only alike in both vaults: as entered (a field lost or reordered by storage shows here).
    expect(strip(second)).toContainEqual(edge)
  })
  it('keeps an uploaded file for the steps of one session only: a lock drops it', async () => {
    const services = await createTestVault(root())
    const csv = signUp(CLEAN_ROWS[0] ?? '')
    const { uploadId } = services.csvUploads.open(lawyerCsvReader(), csv.length)
    await services.csvUploads.append(uploadId, csv.slice(0, 100), false)
    await services.csvUploads.append(uploadId, csv.slice(100), true)
    const { mapping } = await services.lawyerImport.inspectUpload(uploadId)
    expect((await services.lawyerImport.checkUpload(uploadId, mapping)).rows).toBe(1)

    services.vault.lock()
    await services.vault.unlock('alex.example', ADMIN_PASSPHRASE)
    await expect(services.lawyerImport.checkUpload(uploadId, mapping)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(services.roster.list({}).total).toBe(0)
  })
})
