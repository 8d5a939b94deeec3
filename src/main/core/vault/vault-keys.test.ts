import { describe, expect, it } from 'vitest'
import {
  adminSubkey,
  keysWithin,
  lowerRole,
  macOf,
  rawKeyText,
  roleProvenBy,
  sameMac,
  zeroKeys,
  type TVaultKeys,
} from './vault-keys'

const filled = (byte: number) => Buffer.alloc(32, byte)
const allKeys = (): TVaultKeys => ({ vault: filled(1), case: filled(2), admin: filled(3) })

describe('the vault’s keys', () => {
  it("are handed to SQLCipher as x'<64 hex digits>', every byte in two lower-case digits", () => {
    const key = Buffer.from([...Array(32).keys()].map((index) => index * 8 + 7))
    expect(rawKeyText(key).toString('latin1')).toBe(`x'${key.toString('hex')}'`)
    expect(rawKeyText(filled(0xab)).toString('latin1')).toBe(`x'${'ab'.repeat(32)}'`)
  })

  it('prove a role only with every key it needs', () => {
    expect(roleProvenBy({ case: filled(2), admin: filled(3) })).toBe('admin')
    expect(roleProvenBy({ case: filled(2), admin: null })).toBe('caseworker')
    expect(roleProvenBy({ case: null, admin: filled(3) })).toBe('viewer')
    expect(roleProvenBy({ case: null, admin: null })).toBe('viewer')
    expect(lowerRole('admin', 'caseworker')).toBe('caseworker')
    expect(lowerRole('caseworker', 'admin')).toBe('caseworker')
    expect(lowerRole('viewer', 'admin')).toBe('viewer')
    expect(lowerRole('caseworker', 'viewer')).toBe('viewer')
    expect(lowerRole('admin', 'admin')).toBe('admin')
  })

  it('are cut to a role: the keys it may not hold are zeroed and dropped', () => {
    const keys = allKeys()
    const { case: caseKey, admin } = keys
    expect(keysWithin(keys, 'caseworker')).toEqual({ vault: filled(1), case: filled(2), admin: null })
    expect(admin?.equals(filled(0))).toBe(true)
    const viewer = allKeys()
    const viewerCase = viewer.case
    expect(keysWithin(viewer, 'viewer')).toEqual({ vault: filled(1), case: null, admin: null })
    expect(viewerCase?.equals(filled(0))).toBe(true)
    expect(keysWithin(allKeys(), 'admin')).toEqual(allKeys())
    expect(caseKey?.equals(filled(2))).toBe(true)
    const held = allKeys()
    zeroKeys(held)
    expect([held.vault, held.case, held.admin].every((key) => key?.equals(filled(0)))).toBe(true)
    // A session that never held a key passes it on as not held, whatever the role.
    for (const role of ['viewer', 'caseworker', 'admin'] as const) {
      expect(keysWithin({ vault: filled(1), case: null, admin: null }, role)).toEqual({
        vault: filled(1),
        case: null,
        admin: null,
      })
    }
    const partial = { admin: filled(3) }
    zeroKeys(partial)
    expect(partial.admin.equals(filled(0))).toBe(true)
  })

  it('derive one admin subkey per purpose and vault, and compare MACs only when both are whole and equal', () => {
    const admin = filled(3)
    const endorsement = adminSubkey(admin, 'endorsement', 'vault-1')
    expect(endorsement).toHaveLength(32)
    expect(adminSubkey(admin, 'endorsement', 'vault-1').equals(endorsement)).toBe(true)
    expect(adminSubkey(admin, 'backup-mac', 'vault-1').equals(endorsement)).toBe(false)
    expect(adminSubkey(admin, 'endorsement', 'vault-2').equals(endorsement)).toBe(false)
    // The subkeys sign existing keyrings and backups: their derivation is pinned by an answer computed elsewhere.
    expect(adminSubkey(admin, 'audit-anchor', 'vault-1').toString('hex')).toBe(ANCHOR_SUBKEY)
    const mac = macOf(endorsement, 'the text')
    expect(mac).toBe(macOf(endorsement, 'the text'))
    expect(sameMac(mac, mac)).toBe(true)
    expect(sameMac(mac, macOf(endorsement, 'the text!'))).toBe(false)
    expect(sameMac(mac, mac.slice(0, 20))).toBe(false)
    expect(sameMac('', '')).toBe(false)
  })
})

/** RFC 5869 HKDF-SHA256 computed by hand with Python's hmac (salt empty, info `ccij-audit-anchor-v2|vault-1`). */
const ANCHOR_SUBKEY = '24146e73f51481ef1ec091c437c87400bcfc10b96bf46504f98782b367d49339'
