import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { TDatabase } from '../../src/main/core/db/open-database'
import { createVaultFolder, type TNewVault } from '../../src/main/core/vault/create-vault-folder'
import type { TKdfParams } from '../../src/main/core/vault/kdf'
import type { TKeyring } from '../../src/main/core/vault/keyring'
import { VaultKeeper, type TVaultHooks } from '../../src/main/core/vault/vault-keeper'
import { vaultPaths } from '../../src/main/core/vault/vault-paths'
import type { TVaultKeys } from '../../src/main/core/vault/vault-keys'
import { makeTempFolder, removeFolder } from './temp-folder'
import { CHEAP_FLOOR, FAST_KDF } from './test-kdf'

/*
 * The light vault tests' set-up: a vault made by createVaultFolder and a bare VaultKeeper over it, no services and
 * no unlock. It loads only what those two load (the keeper, the new vault's keys and databases), never the service
 * stack: under mutation testing every mutant loads each test file again, so a test file's load time is each
 * mutant's cost. Suites that need the services use vault-fixtures.ts.
 */

export const LIGHT_ADMIN = 'alex.example'
export const LIGHT_DISPLAY_NAME = 'Alex Staff-Example'
export const LIGHT_PASSPHRASE = 'quiet lantern ferry orbit 92'
/** When every light suite's clock starts, again for each test. */
export const LIGHT_START = Date.parse('2026-12-01T09:00:00.000Z')

/** What createVaultFolder is given for the light suites' vaults: alex.example, the first admin. */
export const NEW_VAULT_INPUT: TNewVault = {
  organizationName: 'Example Org',
  username: LIGHT_ADMIN,
  displayName: LIGHT_DISPLAY_NAME,
  passphrase: LIGHT_PASSPHRASE,
}

/** A clock a test moves by hand; back at LIGHT_START before each test. */
export type TTestClock = { now(): Date; advance(milliseconds: number): void }

/** A new vault and a keeper over it: the keys createVaultFolder returned are the test's, as an unlock's would be. */
export type TLightVault = {
  keeper: VaultKeeper
  keyring: TKeyring
  accountId: string
  keys: TVaultKeys
  recoveryKey: string
  /** The vault's folder. */
  folder: string
}

export type TLightVaultOptions = {
  /** The vault's folder under the test's temp folder ('vault' unless named). */
  name?: string
  /** What the vault's slots are sealed with (FAST_KDF unless given). */
  sealedWith?: TKdfParams
  /** What the keeper seals new slots with (FAST_KDF unless given). */
  create?: TKdfParams
  hooks?: TVaultHooks
}

/**
 * Call once at the top of a suite: a temp folder for each test and a clock back at LIGHT_START (beforeEach); after
 * each test every keeper made here has its session closed, every database those keepers opened is closed, and the
 * folder is removed (afterEach), so a test that fails half-way leaves nothing open and nothing on disk.
 */
export function lightVaults() {
  let root = ''
  let now = LIGHT_START
  let opened: TDatabase[] = []
  let keepers: VaultKeeper[] = []
  const clock: TTestClock = {
    now: () => new Date(now),
    advance: (milliseconds) => {
      now += milliseconds
    },
  }

  beforeEach(() => {
    root = makeTempFolder()
    now = LIGHT_START
  })
  afterEach(() => {
    for (const keeper of keepers) keeper.closeSession()
    for (const database of opened) if (database.open) database.close()
    opened = []
    keepers = []
    removeFolder(root)
  })

  /** A folder under this test's temp folder (the vault's own, 'vault', unless named). */
  const folder = (name = 'vault'): string => join(root, name)

  /** A bare keeper over the vault in `directory`, that records every database it opens. */
  const keeper = (
    directory = folder(),
    options: { create?: TKdfParams; hooks?: TVaultHooks } = {},
  ): VaultKeeper => {
    const made = new VaultKeeper(
      vaultPaths(directory),
      { create: options.create ?? FAST_KDF, floor: CHEAP_FLOOR },
      clock,
      undefined,
      options.hooks,
    )
    const original = made.openDatabase.bind(made)
    made.openDatabase = (file, key, kind) => {
      const database = original(file, key, kind)
      opened.push(database)
      return database
    }
    keepers.push(made)
    return made
  }

  /** A new vault with alex.example as its admin (nothing unlocked), and a keeper over it. */
  const newVault = async (options: TLightVaultOptions = {}): Promise<TLightVault> => {
    const directory = folder(options.name)
    const made = await createVaultFolder(vaultPaths(directory), NEW_VAULT_INPUT, {
      kdf: options.sealedWith ?? FAST_KDF,
      clock,
      nativeBinding: undefined,
    })
    const { create, hooks } = options
    return { keeper: keeper(directory, { create, hooks }), ...made, folder: directory }
  }

  return {
    /** This test's temp folder. */
    root: () => root,
    folder,
    clock,
    /** Every database the keepers made here opened in this test, to see which they left open. */
    opened: () => opened,
    keeper,
    newVault,
  }
}

/** A copy of the keys, for a session that zeroes what it is handed. */
export const copyOfKeys = (keys: TVaultKeys): TVaultKeys => ({
  vault: Buffer.from(keys.vault),
  case: keys.case === null ? null : Buffer.from(keys.case),
  admin: keys.admin === null ? null : Buffer.from(keys.admin),
})

/** A key that is there and all zeros. */
export const isZeroKey = (key: Buffer | null): boolean => key !== null && key.every((byte) => byte === 0)
