import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyOrganizationFields, emptyResourceFields } from '../../src/shared/roster/directory-schema'
import { emptyLawyerFields } from '../../src/shared/roster/lawyer-schema'
import { sampleIntake } from '#test-support/channel-samples'
import { sharedVaultHandlers } from '#test-support/handler-harness'

/*
 * The roster, sign-up import, directory and case-edit channels through the real handler table, as the renderer
 * calls them: each passes the request's own fields to its service and answers with what the service did (the
 * services' own tests cover their rules; ipc-access.test.ts covers who may call). Synthetic names only.
 */

describe('roster, directory and case-edit channels', () => {
  const { call, outcome: refusal, services } = sharedVaultHandlers('ccij-roster-handlers-')

  const lawyer = (lastName: string, email: string) => ({
    ...emptyLawyerFields(),
    firstName: 'Sample',
    lastName,
    email,
    city: 'Testville',
  })

  it('creates, reads, edits, pauses, lists and finds on call the lawyer the request names', async () => {
    const first = await call('lawyers:create', { lawyer: lawyer('First-Example', 'first@example.org') })
    const second = await call('lawyers:create', { lawyer: lawyer('Second-Example', 'second@example.org') })
    expect(first).toMatchObject({ lastName: 'First-Example', status: 'active' })
    expect(await call('lawyers:get', { id: second.id })).toMatchObject({ lastName: 'Second-Example' })

    const edited = await call('lawyers:update', {
      id: second.id,
      lawyer: { ...lawyer('Second-Edited', 'second@example.org'), notes: 'edited' },
    })
    expect(edited).toMatchObject({ id: second.id, lastName: 'Second-Edited', notes: 'edited' })
    expect(await call('lawyers:get', { id: first.id })).toMatchObject({ lastName: 'First-Example' })

    expect(await call('lawyers:setStatus', { id: first.id, status: 'paused' })).toMatchObject({
      id: first.id,
      status: 'paused',
    })
    const found = await call('lawyers:list', { search: 'edited' })
    expect(found.rows.map((row) => row.id)).toEqual([second.id])
    const paused = await call('lawyers:list', { status: 'paused' })
    expect(paused.rows.map((row) => row.id)).toEqual([first.id])
    expect(await call('lawyers:onCallNow', {})).toEqual(expect.any(Array))
    // The dashboard's figures count the roster the requests above left: one lawyer active, one paused.
    expect(await call('lawyers:capacity', {})).toMatchObject({
      placesKnown: true,
      total: { active: 1, paused: 1 },
    })
  })

  /** A sign-up file as the import screen sends it: an upload of kind `lawyers`, in slices of `slice` characters. */
  const upload = async (csv: string, slice = 40): Promise<string> => {
    const { uploadId } = await call('csvUpload:open', { kind: 'lawyers', bytes: csv.length })
    for (let start = 0; start < csv.length; start += slice) {
      const last = start + slice >= csv.length
      await call('csvUpload:append', { uploadId, text: csv.slice(start, start + slice), last })
    }
    return uploadId
  }

  it('inspects, checks and imports the sign-up file the upload carries, with its mapping and choices', async () => {
    const csv = [
      'first_name,last_name,email',
      'Signup,One-Example,one@example.org',
      'Signup,Two-Example,',
    ].join('\n')
    const uploadId = await upload(csv)
    const { headers, mapping } = await call('lawyerImport:inspect', { uploadId })
    expect(headers).toEqual(['first_name', 'last_name', 'email'])
    expect(mapping.map((column) => column.field)).toEqual(['first_name', 'last_name', 'email'])

    const check = await call('lawyerImport:check', { uploadId, mapping })
    expect(check).toMatchObject({ accepted: true, rows: 2, problemCount: 0 })
    // The same file read with its email column ignored is still two rows, checked by the mapping sent.
    const ignoring = mapping.map((column) =>
      column.field === 'email' ? { ...column, field: '' as const } : column,
    )
    expect((await call('lawyerImport:check', { uploadId, mapping: ignoring })).rows).toBe(2)

    const committed = await call('lawyerImport:commit', {
      uploadId,
      mapping,
      duplicates: 'skip',
      decisions: [],
    })
    expect(committed).toEqual({ imported: true, result: { added: 2, updated: 0, skipped: 0 } })
    // The imported file is gone: the same upload cannot be imported twice.
    expect(
      await refusal('lawyerImport:commit', { uploadId, mapping, duplicates: 'skip', decisions: [] }),
    ).toBe('NOT_FOUND')
    // Again, as a new upload: every row is now on the roster; `update` as the request says.
    const again = await call('lawyerImport:commit', {
      uploadId: await upload(csv, 7),
      mapping,
      duplicates: 'update',
      decisions: [],
    })
    expect(again).toEqual({ imported: true, result: { added: 1, updated: 1, skipped: 0 } })
  })

  it('commits with the mapping the commit sends, not the one the dry run parsed the rows with', async () => {
    const csv = ['given,family,mail', 'Mapped,Three-Example,three@example.org'].join('\n')
    const uploadId = await upload(csv)
    const mapping = [
      { header: 'given', field: 'first_name' as const },
      { header: 'family', field: 'last_name' as const },
      { header: 'mail', field: 'email' as const },
    ]
    expect((await call('lawyerImport:check', { uploadId, mapping })).accepted).toBe(true)
    const swapped = mapping.map((column) =>
      column.field === 'first_name'
        ? { ...column, field: 'last_name' as const }
        : column.field === 'last_name'
          ? { ...column, field: 'first_name' as const }
          : column,
    )
    await call('lawyerImport:commit', { uploadId, mapping: swapped, duplicates: 'skip', decisions: [] })
    const found = await call('lawyers:list', { search: 'three@example.org' })
    expect(found.rows.map((row) => row.displayName)).toEqual(['Three-Example Mapped'])
  })

  it('drops a sign-up file when its upload is cancelled, and never hands an unfinished one over', async () => {
    const csv = ['first_name,last_name', 'Dropped,Four-Example'].join('\n')
    const uploadId = await upload(csv)
    await call('lawyerImport:inspect', { uploadId })
    await call('csvUpload:cancel', { uploadId })
    expect(await refusal('lawyerImport:check', { uploadId, mapping: [] })).toBe('NOT_FOUND')

    const { uploadId: unfinished } = await call('csvUpload:open', { kind: 'lawyers', bytes: csv.length })
    await call('csvUpload:append', { uploadId: unfinished, text: csv.slice(0, 10), last: false })
    expect(await refusal('lawyerImport:inspect', { uploadId: unfinished })).toBe('BAD_REQUEST')
    await call('csvUpload:cancel', { uploadId: unfinished })
    expect((await call('lawyers:list', { search: 'four-example' })).total).toBe(0)
  })

  it('reports a sign-up file that is not CSV by its line, and stores nothing', async () => {
    const uploadId = await upload('first_name,last_name\n"Unclosed,Five-Example\n')
    const check = await call('lawyerImport:check', {
      uploadId,
      mapping: [
        { header: 'first_name', field: 'first_name' },
        { header: 'last_name', field: 'last_name' },
      ],
    })
    expect(check).toMatchObject({ accepted: false, problems: [{ row: 2, code: 'unclosedQuote' }] })
    expect((await call('lawyers:list', { search: 'five-example' })).total).toBe(0)
  })

  it('keeps the directory entry the request names: create, edit, retire and bring back, list', async () => {
    const fields = (name: string) => ({ ...emptyOrganizationFields(), name, national: true })
    const kept = await call('directory:createOrganization', {
      organization: fields('Sample Clinic (synthetic)'),
    })
    const other = await call('directory:createOrganization', {
      organization: fields('Other Clinic (synthetic)'),
    })
    expect(
      await call('directory:updateOrganization', {
        id: other.id,
        organization: fields('Renamed Clinic (synthetic)'),
      }),
    ).toMatchObject({ id: other.id, name: 'Renamed Clinic (synthetic)' })
    expect(await call('directory:organization', { id: kept.id })).toMatchObject({
      name: 'Sample Clinic (synthetic)',
    })
    expect(await call('directory:setOrganizationRetired', { id: kept.id, retired: true })).toMatchObject({
      id: kept.id,
      retiredAt: expect.any(String),
    })
    const names = async (includeRetired: boolean) =>
      (await call('directory:organizations', { search: 'synthetic', includeRetired })).map(
        (entry) => entry.name,
      )
    expect(await names(false)).toEqual(['Renamed Clinic (synthetic)'])
    expect(await names(true)).toHaveLength(2)
    await call('directory:setOrganizationRetired', { id: kept.id, retired: false })
    expect(await names(false)).toHaveLength(2)

    const resource = await call('directory:createResource', {
      resource: { ...emptyResourceFields(), title: 'Sample guide (synthetic)' },
    })
    expect(
      await call('directory:updateResource', {
        id: resource.id,
        resource: { ...emptyResourceFields(), title: 'Edited guide (synthetic)' },
      }),
    ).toMatchObject({ id: resource.id, title: 'Edited guide (synthetic)' })
    await call('directory:setResourceRetired', { id: resource.id, retired: true })
    expect(await call('directory:resources', { search: 'synthetic' })).toEqual([])
    expect(
      (await call('directory:resources', { search: 'synthetic', includeRetired: true })).map((r) => r.id),
    ).toEqual([resource.id])
  })

  it('saves the sign-up template where the save dialog says, offering the language’s file name', async () => {
    const desktop = services().options.desktop
    const folder = mkdtempSync(join(tmpdir(), 'ccij-template-'))
    const offered: string[] = []
    try {
      desktop.chooseTemplateDestination = async (suggestedName) => {
        offered.push(suggestedName)
        return join(folder, 'chosen.csv')
      }
      expect(await call('lawyerImport:saveTemplate', { language: 'fr' })).toEqual({
        saved: true,
        fileName: 'chosen.csv',
      })
      expect(offered).toEqual(['modele-inscription-avocats.csv'])
      expect(readFileSync(join(folder, 'chosen.csv'), 'utf8')).toContain('"domaines_de_pratique"')
      // Cancelled: nothing written, and the answer says so.
      desktop.chooseTemplateDestination = async () => null
      expect(await call('lawyerImport:saveTemplate', { language: 'en' })).toEqual({
        saved: false,
        fileName: null,
      })
      expect(readdirSync(folder)).toEqual(['chosen.csv'])
      // A host without a save dialog refuses plainly.
      delete desktop.chooseTemplateDestination
      expect(await refusal('lawyerImport:saveTemplate', { language: 'en' })).toBe('CANCELLED')
    } finally {
      delete desktop.chooseTemplateDestination
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('edits the case and section the request names, at the version it read', async () => {
    const { caseId } = await call('intake:submit', {
      intake: sampleIntake(),
      decision: { kind: 'new' },
      reviewedCandidates: [],
    })
    const before = await call('cases:get', { caseId })
    const person = { ...sampleIntake().person, preferredName: 'Sam (synthetic)' }
    const edit = await call('cases:edit', { caseId, version: before.updatedAt, changes: { person } })
    expect(edit.changedFields).not.toEqual([])
    const after = await call('cases:get', { caseId })
    expect(after.person.preferredName).toBe('Sam (synthetic)')
    expect(edit.version).toBe(after.updatedAt)
  })
})
