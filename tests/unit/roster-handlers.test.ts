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
  const { call } = sharedVaultHandlers('ccij-roster-handlers-')

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
  })

  it('inspects, checks and imports the sign-up file the request carries, with its mapping and choices', async () => {
    const csv = [
      'first_name,last_name,email',
      'Signup,One-Example,one@example.org',
      'Signup,Two-Example,',
    ].join('\n')
    const { headers, mapping } = await call('lawyerImport:inspect', { csv })
    expect(headers).toEqual(['first_name', 'last_name', 'email'])
    expect(mapping.map((column) => column.field)).toEqual(['first_name', 'last_name', 'email'])

    const check = await call('lawyerImport:check', { csv, mapping })
    expect(check).toMatchObject({ accepted: true, rows: 2, problemCount: 0 })
    // The same file read with its email column ignored is still two rows, checked by the mapping sent.
    const ignoring = mapping.map((column) =>
      column.field === 'email' ? { ...column, field: '' as const } : column,
    )
    expect((await call('lawyerImport:check', { csv, mapping: ignoring })).rows).toBe(2)

    const committed = await call('lawyerImport:commit', { csv, mapping, duplicates: 'skip', decisions: [] })
    expect(committed).toEqual({ imported: true, result: { added: 2, updated: 0, skipped: 0 } })
    // Again: every row is now on the roster; `update` as the request says.
    const again = await call('lawyerImport:commit', { csv, mapping, duplicates: 'update', decisions: [] })
    expect(again).toEqual({ imported: true, result: { added: 1, updated: 1, skipped: 0 } })
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
