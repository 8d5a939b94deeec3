/**
 * BENCH ONLY: the caseload's unencrypted twin, to measure what encryption costs and what our code costs over bare
 * SQL. It is a plain SQLite file with the vault's own pragmas and schema (the production functions), and the same
 * core service classes over a session this file builds by hand.
 *
 * No production path can open a plain vault: the vault opens its database only through `openEncryptedDatabase`
 * (keyed, and checked by reading page 1), and production code cannot import the bench (lint rule). When the vault's
 * layout changes (survivor data in an attached database of its own), this is the one file to follow it: attach
 * a plain file under the same schema name here.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { AccountsRepository } from '../../src/main/core/accounts/accounts-repository'
import { identityOf, type TStaffIdentity } from '../../src/main/core/accounts/staff-identity'
import { AuditRepository } from '../../src/main/core/audit/audit-repository'
import { CaseFileService } from '../../src/main/core/cases/case-file-service'
import { CaseListService } from '../../src/main/core/cases/case-list-service'
import { CaseTransferService } from '../../src/main/core/cases/case-transfer-service'
import { IntakeService } from '../../src/main/core/cases/intake-service'
import { Connection } from '../../src/main/core/db/connection'
import { CASEWORK_MIGRATIONS } from '../../src/main/core/db/casework-migrations'
import { LATEST_CASEWORK_VERSION, migrate } from '../../src/main/core/db/migrate'
import { applyVaultPragmas, type TDatabase } from '../../src/main/core/db/open-database'
import type { TSql } from '../../src/main/core/db/sql'
import { VaultMetaRepository } from '../../src/main/core/db/vault-meta-repository'
import type { TVaultServices } from '../../src/main/core/services'
import type { TClock, TSessionSource } from '../../src/main/core/session/session'
import { VaultSession } from '../../src/main/core/vault/vault-session'

/** The services the bench compares across encrypted and plain: those of survivors' cases. */
export type TCaseServices = Pick<TVaultServices, 'intake' | 'caseList' | 'caseFile' | 'caseTransfer'>

export type TPlainTwin = {
  /** The driver's handle, for the bare-SQL floor. */
  readonly database: TDatabase
  /** The case services over the plain database, as `createVaultServices` builds them over the vault. */
  readonly services: TCaseServices
  /** For writes that belong together (the bench's batches), as `vault.session().db` on the encrypted side. */
  readonly db: Connection
  readonly caseworkerIds: readonly string[]
  /**
   * Fresh case services over a second connection to the same database (so nothing is cached yet) that keeps every
   * statement they run: the floor replays exactly those.
   */
  recorder(): { services: TCaseServices; statements: TRecordedQuery[] }
  close(): void
}

/** A query as a repository ran it: through which reading method (`column` and `value` read the first column only). */
export type TRecordedQuery = { query: TSql; method: 'get' | 'all' | 'column' | 'value' }

/** A connection that keeps every read it is given, in order. */
class RecordingConnection extends Connection {
  readonly recorded: TRecordedQuery[] = []

  override get<R>(query: TSql): R | undefined {
    this.recorded.push({ query, method: 'get' })
    return super.get<R>(query)
  }

  override all<R>(query: TSql): R[] {
    this.recorded.push({ query, method: 'all' })
    return super.all<R>(query)
  }

  override column<V>(query: TSql): V[] {
    this.recorded.push({ query, method: 'column' })
    return super.column<V>(query)
  }

  override value<V>(query: TSql): V | undefined {
    this.recorded.push({ query, method: 'value' })
    return super.value<V>(query)
  }
}

function caseServicesOver(sessions: TSessionSource): TCaseServices {
  return {
    intake: new IntakeService(sessions),
    caseList: new CaseListService(sessions),
    caseFile: new CaseFileService(sessions),
    caseTransfer: new CaseTransferService(sessions),
  }
}

/** A session as the vault keeper makes one, over a plain connection; its keys are zero bytes it never uses. */
function plainSession(db: Connection, vaultId: string, staff: TStaffIdentity, clock: TClock): TSessionSource {
  const keys = { vault: Buffer.alloc(32), case: Buffer.alloc(32), admin: null }
  const files = { vault: 'vault-g1.db', casework: 'casework-g1.db', anchor: 'audit-anchor-g1.json' }
  const session = new VaultSession(db, keys, vaultId, 1, files, '', staff, clock)
  return { require: () => session }
}

/**
 * A new plain database in `folder` with the vault's schema, an admin (the session's staff member) and
 * `caseworkers` caseworker accounts, as `vault.create` and `accounts.add` would leave them.
 */
export function createPlainTwin(folder: string, options: { clock: TClock; caseworkers: number }): TPlainTwin {
  // Survivor data lives in a second database attached as `casework`, as the vault keeper attaches casework.db.
  const caseworkFile = join(folder, 'plain-casework.db')
  const casework = new Database(caseworkFile)
  applyVaultPragmas(casework)
  migrate(casework, LATEST_CASEWORK_VERSION, CASEWORK_MIGRATIONS)
  casework.close()
  const database = new Database(join(folder, 'plain.db'))
  applyVaultPragmas(database)
  migrate(database)
  database.prepare('ATTACH DATABASE ? AS casework').run(caseworkFile)
  applyVaultPragmas(database, 'casework')
  const db = new Connection(database)
  const vaultId = randomUUID()
  const accounts = new AccountsRepository(db)
  const at = options.clock.now()
  const { admin, caseworkerIds } = db.transaction(() => {
    new VaultMetaRepository(db).create('Bench (synthetic, unencrypted)', at)
    const adminAccount = accounts.insert(
      { id: randomUUID(), username: 'bench.admin', displayName: 'Bench Admin', role: 'admin' },
      at,
    )
    const trail = new AuditRepository(db)
    trail.append(
      { accountId: adminAccount.id, username: adminAccount.username },
      'vault.created',
      { type: 'vault', id: vaultId },
      {},
      at,
    )
    const ids = Array.from({ length: options.caseworkers }, (_, index) => {
      const account = accounts.insert(
        {
          id: randomUUID(),
          username: `bench.caseworker${index + 1}`,
          displayName: `Bench Caseworker ${index + 1}`,
          role: 'caseworker',
        },
        at,
      )
      trail.append(
        { accountId: adminAccount.id, username: adminAccount.username },
        'account.added',
        { type: 'account', id: account.id },
        { role: 'caseworker' },
        at,
      )
      return account.id
    })
    return { admin: adminAccount, caseworkerIds: ids }
  })
  const staff = identityOf(admin)
  return {
    database,
    db,
    services: caseServicesOver(plainSession(db, vaultId, staff, options.clock)),
    caseworkerIds,
    recorder: () => {
      const recording = new RecordingConnection(database)
      return {
        services: caseServicesOver(plainSession(recording, vaultId, staff, options.clock)),
        statements: recording.recorded,
      }
    },
    close: () => database.close(),
  }
}
