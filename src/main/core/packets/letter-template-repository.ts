import type { TPacketLanguage } from '../../../shared/packets/vocabulary'
import type { TReadableDb, TWritableDb } from '../db/connection'
import { sql } from '../db/sql'

export type TLetterTemplateRow = {
  language: TPacketLanguage
  version: number
  body: string
  saved_at: string
  saved_by: string
}

/** Saved versions of the MP letter, newest last; version 1 (the shipped letter) is not stored. */
export class LetterTemplateQueries {
  constructor(protected readonly db: TReadableDb) {}

  latest(language: TPacketLanguage): TLetterTemplateRow | undefined {
    return this.db.get<TLetterTemplateRow>(
      sql`SELECT * FROM mp_letter_templates WHERE language = ${language} ORDER BY version DESC LIMIT 1`,
    )
  }

  at(language: TPacketLanguage, version: number): TLetterTemplateRow | undefined {
    return this.db.get<TLetterTemplateRow>(
      sql`SELECT * FROM mp_letter_templates WHERE language = ${language} AND version = ${version}`,
    )
  }
}

export class LetterTemplateRepository extends LetterTemplateQueries {
  constructor(protected override readonly db: TWritableDb) {
    super(db)
  }

  insert(row: TLetterTemplateRow): void {
    this.db.run(sql`
      INSERT INTO mp_letter_templates (language, version, body, saved_at, saved_by)
      VALUES (${row.language}, ${row.version}, ${row.body}, ${row.saved_at}, ${row.saved_by})`)
  }
}
