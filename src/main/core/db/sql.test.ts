import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Connection } from './connection'
import { sql, sqlAnd, sqlJoin, sqlList } from './sql'

describe('the sql template', () => {
  it('binds every value and splices fragments with their own values, in order', () => {
    const province = 'QC'
    const needs = sql`instr(need_keys, ${' detention_review '}) > 0`
    const query = sql`SELECT id FROM cases WHERE province = ${province} AND ${needs} LIMIT ${10}`
    expect(query.text).toBe('SELECT id FROM cases WHERE province = ? AND instr(need_keys, ?) > 0 LIMIT ?')
    expect(query.params).toEqual(['QC', ' detention_review ', 10])
  })

  it('joins lists and conditions, with a fallback for none', () => {
    expect(sqlList(['new', 'closed'])).toMatchObject({ text: '(?, ?)', params: ['new', 'closed'] })
    expect(sqlAnd([sql`a = ${1}`, sql`b = ${2}`])).toMatchObject({ text: 'a = ? AND b = ?', params: [1, 2] })
    expect(sqlAnd([])).toMatchObject({ text: '1', params: [] })
    expect(sqlJoin([])).toMatchObject({ text: '', params: [] })
  })

  it('never reads a string as SQL, even one that looks like a fragment', () => {
    const forged = { text: 'DROP TABLE cases', params: [] }
    const query = sql`SELECT ${forged as unknown as string}`
    expect(query.text).toBe('SELECT ?')
  })
})

describe('a connection', () => {
  let db: Connection
  beforeEach(() => {
    db = new Connection(new Database(':memory:'))
    db.run(sql`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`)
  })
  afterEach(() => db.database.close())

  it('stores hostile text as data', () => {
    const hostile = `'); DROP TABLE notes; --`
    db.run(sql`INSERT INTO notes (body) VALUES (${hostile})`)
    expect(db.column<string>(sql`SELECT body FROM notes`)).toEqual([hostile])
  })

  it('prepares one statement per text and answers rows or first columns from the same one', () => {
    for (const body of ['one', 'two']) db.run(sql`INSERT INTO notes (body) VALUES (${body})`)
    const byId = (id: number) => sql`SELECT id, body FROM notes WHERE id = ${id}`
    expect(db.get(byId(1))).toEqual({ id: 1, body: 'one' })
    expect(db.value(byId(2))).toBe(2)
    expect(db.all(byId(2))).toEqual([{ id: 2, body: 'two' }])
    expect(db.column(sql`SELECT body FROM notes ORDER BY id`)).toEqual(['one', 'two'])
    expect([...db.iterate(sql`SELECT body FROM notes ORDER BY id`)]).toEqual([
      { body: 'one' },
      { body: 'two' },
    ])
  })

  it('rolls a transaction back whole', () => {
    expect(() =>
      db.transaction(() => {
        db.run(sql`INSERT INTO notes (body) VALUES (${'kept?'})`)
        throw new Error('crash')
      }),
    ).toThrow('crash')
    expect(db.value(sql`SELECT count(*) FROM notes`)).toBe(0)
  })
})
