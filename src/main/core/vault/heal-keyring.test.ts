import { afterEach, describe, expect, it, vi } from 'vitest'
import type { TRole } from '../../../shared/roles'
import { AppError } from '../../../shared/result'
import { healKeyring } from './heal-keyring'
import type { TOperation } from './operation-guard'
import type { VaultKeeper } from './vault-keeper'

/*
 * heal-keyring.ts alone: the keeper, the staff directory, the endorsement check and the rekey are stand-ins that
 * record each call, so the test loads no database, no key derivation and no service (a mutation run reloads this
 * file for every mutant). What is checked is the decision: which slots are reported as unendorsed, and when an
 * interrupted disable or demotion is finished with a rekey. The real path (an edited keyring.json, a crash during
 * a disable's rekey, then an admin's unlock) is in tests/unit/insider.test.ts and account-admin.test.ts.
 */

type TAccount = { id: string; status: 'active' | 'disabled'; role: TRole }
type TSlot = { kind: 'staff' | 'recovery' | 'legacy'; id: string; role?: TRole; endorsed: boolean }

const world = vi.hoisted(() => ({
  accounts: new Map<string, { id: string; status: string; role: string }>(),
  directoryDb: [] as unknown[],
  endorsementChecks: [] as Array<{ key: unknown; vaultId: string; slotId: string }>,
  rekeys: [] as Array<{ keeper: unknown; reason: string }>,
}))

vi.mock('../accounts/accounts-repository', () => ({
  StaffDirectory: class {
    constructor(db: unknown) {
      world.directoryDb.push(db)
    }
    findById(id: string) {
      return world.accounts.get(id) ?? null
    }
  },
}))
vi.mock('./slot-keys', () => ({
  isEndorsed: (key: unknown, vaultId: string, slot: { id: string; endorsed: boolean }) => {
    world.endorsementChecks.push({ key, vaultId, slotId: slot.id })
    return slot.endorsed
  },
}))
vi.mock('./rekey', () => ({
  rekeyVault: (keeper: unknown, reason: string) => {
    world.rekeys.push({ keeper, reason })
    return Promise.resolve()
  },
}))

const ADMIN_KEY = Buffer.alloc(32, 7)
const VAULT_ID = 'vault-1234'
const DB = { name: 'the session’s vault.db' }

function setUp(slots: TSlot[], accounts: TAccount[], adminKey: Buffer | null = ADMIN_KEY) {
  world.accounts = new Map(accounts.map((account) => [account.id, account]))
  const recorded: unknown[][] = []
  const requireKeyring = vi.fn(() => ({ vaultId: VAULT_ID, slots }))
  const keeper = {
    require: () => ({
      keys: { vault: Buffer.alloc(32), case: Buffer.alloc(32), admin: adminKey },
      db: DB,
      audit: { record: (...entry: unknown[]) => recorded.push(entry) },
    }),
    requireKeyring,
  } as unknown as VaultKeeper
  const cancel = { throwIfCancelled: vi.fn() }
  const operation = cancel as unknown as TOperation
  return { keeper, operation, cancel, recorded, requireKeyring }
}

const active = (id: string, role: TRole): TAccount => ({ id, status: 'active', role })
const staff = (id: string, role: TRole, endorsed = true): TSlot => ({ kind: 'staff', id, role, endorsed })

afterEach(() => {
  world.directoryDb = []
  world.endorsementChecks = []
  world.rekeys = []
})

describe('healKeyring', () => {
  it('does nothing for a session without K_admin: it cannot check endorsements', async () => {
    // Everything here would be reported and rekeyed by an admin.
    const { keeper, operation, recorded, requireKeyring } = setUp(
      [staff('u1', 'admin', false), { kind: 'recovery', id: 'r', endorsed: false }],
      [],
      null,
    )

    await healKeyring(keeper, operation)

    expect(requireKeyring).not.toHaveBeenCalled()
    expect(world.endorsementChecks).toEqual([])
    expect(recorded).toEqual([])
    expect(world.rekeys).toEqual([])
  })

  it('records nothing and rekeys nothing when every slot is endorsed and matches its active account', async () => {
    const { keeper, operation, cancel, recorded } = setUp(
      [
        staff('u1', 'admin'),
        staff('u2', 'caseworker'),
        // A slot granted less than its account's role is not an unfinished change (a promotion waits for a rekey).
        staff('u3', 'viewer'),
        { kind: 'recovery', id: 'recovery', endorsed: true },
      ],
      [active('u1', 'admin'), active('u2', 'caseworker'), active('u3', 'admin')],
    )

    await healKeyring(keeper, operation)

    expect(world.endorsementChecks).toEqual([
      { key: ADMIN_KEY, vaultId: VAULT_ID, slotId: 'u1' },
      { key: ADMIN_KEY, vaultId: VAULT_ID, slotId: 'u2' },
      { key: ADMIN_KEY, vaultId: VAULT_ID, slotId: 'u3' },
      { key: ADMIN_KEY, vaultId: VAULT_ID, slotId: 'recovery' },
    ])
    expect(world.directoryDb).toEqual([DB])
    expect(recorded).toEqual([])
    expect(world.rekeys).toEqual([])
    expect(cancel.throwIfCancelled).not.toHaveBeenCalled()
  })

  it('records every unendorsed staff and recovery slot in one audit entry, without a rekey', async () => {
    const { keeper, operation, recorded } = setUp(
      [
        staff('u1', 'admin'),
        staff('u2', 'caseworker', false),
        { kind: 'recovery', id: 'rec', endorsed: false },
      ],
      [active('u1', 'admin'), active('u2', 'caseworker')],
    )

    await healKeyring(keeper, operation)

    expect(recorded).toEqual([
      ['keyring.tamper_detected', { type: 'vault', id: VAULT_ID }, { unendorsedSlots: ['u2', 'rec'] }],
    ])
    expect(world.rekeys).toEqual([])
  })

  it('skips a wave-1 legacy slot: it has no endorsement and no account to compare', async () => {
    const { keeper, operation, recorded } = setUp(
      [staff('u1', 'admin'), { kind: 'legacy', id: 'old', role: 'admin', endorsed: false }],
      [active('u1', 'admin')],
    )

    await healKeyring(keeper, operation)

    expect(world.endorsementChecks.map((check) => check.slotId)).toEqual(['u1'])
    expect(recorded).toEqual([])
    expect(world.rekeys).toEqual([])
  })

  it.each([
    ['an account the database no longer has', [active('u1', 'admin')]],
    [
      'a disabled account',
      [active('u1', 'admin'), { id: 'u2', status: 'disabled', role: 'caseworker' } as TAccount],
    ],
    ['an account demoted below its slot', [active('u1', 'admin'), active('u2', 'viewer')]],
  ])('finishes an interrupted change with a rekey: a slot of %s', async (_case, accounts) => {
    const { keeper, operation, cancel, recorded } = setUp(
      [staff('u1', 'admin'), staff('u2', 'caseworker')],
      accounts as TAccount[],
    )

    await healKeyring(keeper, operation)

    expect(cancel.throwIfCancelled).toHaveBeenCalledTimes(1)
    expect(world.rekeys).toEqual([{ keeper, reason: 'interrupted-change' }])
    expect(recorded).toEqual([])
  })

  it('looks at every slot: an unfinished change in the first one still rekeys after the others are checked', async () => {
    const { keeper, operation, recorded } = setUp(
      [staff('gone', 'caseworker'), staff('u1', 'admin'), staff('u2', 'viewer', false)],
      [active('u1', 'admin'), active('u2', 'viewer')],
    )

    await healKeyring(keeper, operation)

    expect(recorded).toEqual([
      ['keyring.tamper_detected', { type: 'vault', id: VAULT_ID }, { unendorsedSlots: ['u2'] }],
    ])
    expect(world.rekeys).toEqual([{ keeper, reason: 'interrupted-change' }])
  })

  it('does not rekey once a lock has cancelled the unlock, after recording the tampering', async () => {
    const { keeper, operation, cancel, recorded } = setUp(
      [staff('u1', 'admin', false)],
      [{ id: 'u1', status: 'disabled', role: 'admin' }],
    )
    cancel.throwIfCancelled.mockImplementation(() => {
      throw new AppError('CANCELLED', 'The vault was locked.')
    })

    await expect(healKeyring(keeper, operation)).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(recorded).toHaveLength(1)
    expect(world.rekeys).toEqual([])
  })
})
