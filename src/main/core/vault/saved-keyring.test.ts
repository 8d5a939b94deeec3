import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHEAP_FLOOR } from '#test-support/test-kdf'
import { SAVED_KEYRING } from '../../../../tests/fixtures/keyring-v2/saved-keyring'
import { publicKeyOf } from './account-keys'
import { PRODUCTION_FLOOR } from './kdf'
import {
  findRecoverySlot,
  findSlotById,
  findSlotByUsername,
  isLegacyKeyring,
  parseKeyring,
  signInNames,
  type TKeyring,
} from './keyring'
import { normalizeRecoveryKey } from './recovery-key'
import { isEndorsed, isPassphraseChangePending, openGrants, openSlotPrivateKey } from './slot-keys'
import type { TGrantedSlot } from './keyring'

/*
 * A keyring sealed once and committed (tests/fixtures/keyring-v2): every other keyring test seals and opens with the
 * same code, so a change to what a sealed key, a grant or an endorsement is bound to (a context string, the HKDF
 * info, the lower-casing of a name) would pass them all and lock every existing vault out. This one fails.
 */
const bytes = readFileSync(join(import.meta.dirname, '../../../../tests/fixtures/keyring-v2/keyring.json'))
const { vaultId, generation } = SAVED_KEYRING
const keyOf = (hex: string) => Buffer.from(hex, 'hex')
const adminKey = keyOf(SAVED_KEYRING.keys.admin)

function savedKeyring(): TKeyring {
  const keyring = parseKeyring(bytes, CHEAP_FLOOR)
  if (isLegacyKeyring(keyring)) throw new Error('expected a version-2 keyring')
  return keyring
}

const hex = (key: Buffer | null | undefined) => key?.toString('hex') ?? null

async function keysOpenedBy(slot: TGrantedSlot, secret: string) {
  const privateKey = await openSlotPrivateKey(vaultId, slot, secret)
  if (privateKey === null) return null
  expect(publicKeyOf(privateKey).toString('base64')).toBe(slot.publicKey)
  const keys = openGrants(vaultId, generation, slot, privateKey)
  return keys === null ? null : { vault: hex(keys.vault), case: hex(keys.case), admin: hex(keys.admin) }
}

describe('a keyring sealed by an earlier build', () => {
  it('is read only under a floor that admits its cheap test derivation', () => {
    expect(() => parseKeyring(bytes, PRODUCTION_FLOOR)).toThrow(
      expect.objectContaining({ code: 'INVALID_FILE' }),
    )
    const keyring = savedKeyring()
    expect(signInNames(keyring)).toEqual([
      { id: 'account-admin', username: 'Alex.Example' },
      { id: 'account-caseworker', username: 'casey.example' },
      { id: 'account-viewer', username: 'riley.example' },
    ])
    expect(findRecoverySlot(keyring)?.id).toBe('recovery')
    expect(findSlotById(keyring, 'account-viewer')?.kind).toBe('staff')
    expect(findSlotById(keyring, 'account-nobody')).toBeNull()
    expect(findSlotByUsername(keyring, 'ALEX.EXAMPLE')?.id).toBe('account-admin')
    expect(findSlotByUsername(keyring, 'recovery')).toBeNull()
    expect(findSlotByUsername(keyring, 'nobody')).toBeNull()
  })

  it('opens each person’s slot with their passphrase to exactly their role’s keys, each endorsed', async () => {
    const keyring = savedKeyring()
    const { vault, case: caseKey, admin } = SAVED_KEYRING.keys
    const expected = {
      admin: { vault, case: caseKey, admin },
      caseworker: { vault, case: caseKey, admin: null },
      viewer: { vault, case: null, admin: null },
    }
    for (const person of SAVED_KEYRING.people) {
      const slot = findSlotByUsername(keyring, person.username)
      if (slot?.kind !== 'staff') throw new Error(`no staff slot for ${person.username}`)
      expect(slot.role).toBe(person.role)
      expect(isEndorsed(adminKey, vaultId, slot)).toBe(true)
      expect(isPassphraseChangePending(slot)).toBe(person.mustChange)
      expect(await keysOpenedBy(slot, person.passphrase)).toEqual(expected[person.role])
      expect(await keysOpenedBy(slot, `${person.passphrase}!`)).toBeNull()
    }
  })

  it('opens the recovery slot with the recovery key as people type it, to all three keys', async () => {
    const slot = findRecoverySlot(savedKeyring())
    if (slot === null) throw new Error('no recovery slot')
    expect(isEndorsed(adminKey, vaultId, slot)).toBe(true)
    const typed = SAVED_KEYRING.recoveryKey.toLowerCase().replaceAll('-', ' ')
    expect(await keysOpenedBy(slot, normalizeRecoveryKey(typed))).toEqual({
      vault: SAVED_KEYRING.keys.vault,
      case: SAVED_KEYRING.keys.case,
      admin: SAVED_KEYRING.keys.admin,
    })
  })

  it('opens nothing once its must-change mark, name, id, generation or endorsed role is edited', async () => {
    const keyring = savedKeyring()
    const casey = findSlotById(keyring, 'account-caseworker')
    const alex = findSlotById(keyring, 'account-admin')
    if (casey?.kind !== 'staff' || alex?.kind !== 'staff') throw new Error('expected staff slots')
    const { mustChangePassphrase: _dropped, ...unmarked } = casey
    expect(await keysOpenedBy(unmarked, 'maple harbour violin kettle 17')).toBeNull()
    expect(
      await keysOpenedBy({ ...alex, username: 'casey.example' }, 'quiet lantern ferry orbit 92'),
    ).toBeNull()
    expect(
      await keysOpenedBy({ ...alex, id: 'account-caseworker' }, 'quiet lantern ferry orbit 92'),
    ).toBeNull()
    const privateKey = await openSlotPrivateKey(vaultId, alex, 'quiet lantern ferry orbit 92')
    expect(privateKey).not.toBeNull()
    expect(openGrants(vaultId, generation + 1, alex, privateKey ?? Buffer.alloc(32))).toBeNull()
    expect(openGrants('another-vault', generation, alex, privateKey ?? Buffer.alloc(32))).toBeNull()
    expect(isEndorsed(adminKey, vaultId, { ...casey, role: 'admin' })).toBe(false)
    expect(isEndorsed(adminKey, vaultId, { ...casey, username: 'Casey.Example' })).toBe(true)
    expect(isEndorsed(adminKey, 'another-vault', casey)).toBe(false)
  })
})
