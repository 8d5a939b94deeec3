import type { Statement } from 'better-sqlite3-multiple-ciphers'
import type { TDatabase } from './open-database'
import type { TSql } from './sql'

/**
 * Reading access to an open vault database. Repositories that only read (lists, searches, look-ups) take this
 * type, so handing them a connection cannot let them write.
 */
export type TReadableDb = {
  /** The first row, or undefined. */
  get<R>(query: TSql): R | undefined
  all<R>(query: TSql): R[]
  /** One row at a time (exports never hold every row in memory). */
  iterate<R>(query: TSql): IterableIterator<R>
  /** The first column of every row. */
  column<V>(query: TSql): V[]
  /** The first column of the first row, or undefined. */
  value<V>(query: TSql): V | undefined
}

/** Reading and writing access. Every write that belongs with another one goes in one `transaction`. */
export type TWritableDb = TReadableDb & {
  run(query: TSql): { changes: number; lastInsertRowid: number }
  /**
   * `work` in one transaction (nested calls become savepoints). 'immediate' takes the write lock at once, for
   * read-then-write sequences that must not interleave with another connection (the audit chain).
   */
  transaction<T>(work: () => T, mode?: 'deferred' | 'immediate'): T
  /**
   * A function of no arguments that SQL on this connection may call as `name()`, for as long as it is open: a TEMP
   * trigger's way to tell this process that a table it watches changed (matching's roster snapshot).
   */
  defineFunction(name: string, callback: () => void): void
  /**
   * `work` with casework.db's page cache at `kib` KiB, then the cache as it was, whatever `work` did (a throw
   * included): an intakes import writes with a small cache, so it does not fill the large one kept for reads
   * (open-database.ts). Without casework.db attached, just `work`.
   */
  withCaseworkCache<T>(kib: number, work: () => T): T
}

type TCached = { statement: Statement; plucked: boolean }

/**
 * One connection with its statement cache: each distinct SQL text is prepared once for the life of the connection
 * and reused, whatever repository asks for it. The cache dies with the connection (a lock closes it).
 */
export class Connection implements TWritableDb {
  private readonly statements = new Map<string, TCached>()

  constructor(
    /** The driver's handle: migrations, pragmas and closing only. Queries go through the methods below. */
    readonly database: TDatabase,
  ) {}

  get<R>(query: TSql): R | undefined {
    return this.reader(query, false).get(...query.params) as R | undefined
  }

  all<R>(query: TSql): R[] {
    return this.reader(query, false).all(...query.params) as R[]
  }

  iterate<R>(query: TSql): IterableIterator<R> {
    return this.reader(query, false).iterate(...query.params) as IterableIterator<R>
  }

  column<V>(query: TSql): V[] {
    return this.reader(query, true).all(...query.params) as V[]
  }

  value<V>(query: TSql): V | undefined {
    return this.reader(query, true).get(...query.params) as V | undefined
  }

  run(query: TSql): { changes: number; lastInsertRowid: number } {
    const { changes, lastInsertRowid } = this.cached(query.text).statement.run(...query.params)
    return { changes, lastInsertRowid: Number(lastInsertRowid) }
  }

  transaction<T>(work: () => T, mode: 'deferred' | 'immediate' = 'deferred'): T {
    const transaction = this.database.transaction(work)
    return mode === 'immediate' ? transaction.immediate() : transaction()
  }

  defineFunction(name: string, callback: () => void): void {
    this.database.function(name, { deterministic: false }, () => {
      callback()
      return null
    })
  }

  withCaseworkCache<T>(kib: number, work: () => T): T {
    const attached = this.database
      .prepare(`SELECT 1 FROM pragma_database_list WHERE name = 'casework'`)
      .pluck()
      .get()
    if (attached === undefined) return work()
    const before = this.database.pragma('casework.cache_size', { simple: true }) as number
    // Negative: a size in KiB, whatever the page size. Shrinking frees the cached pages past it at once.
    this.database.pragma(`casework.cache_size = ${-Math.max(1, Math.round(kib))}`)
    try {
      return work()
    } finally {
      this.database.pragma(`casework.cache_size = ${before}`)
    }
  }

  private cached(text: string): TCached {
    let entry = this.statements.get(text)
    if (entry === undefined) {
      entry = { statement: this.database.prepare(text), plucked: false }
      this.statements.set(text, entry)
    }
    return entry
  }

  /** Whole rows or only their first column; the statement's mode changes only when it must. */
  private reader(query: TSql, pluck: boolean): Statement {
    const entry = this.cached(query.text)
    if (entry.plucked !== pluck) {
      entry.statement.pluck(pluck)
      entry.plucked = pluck
    }
    return entry.statement
  }
}
