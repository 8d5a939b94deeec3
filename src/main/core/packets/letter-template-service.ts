import type {
  TLetterTemplate,
  TLetterTemplates,
  TSaveLetterTemplateRequest,
} from '../../../shared/contract/packets'
import { ZSaveLetterTemplateRequestSchema } from '../../../shared/contract/packets'
import {
  defaultLetterBody,
  describeLetterProblem,
  letterProblems,
} from '../../../shared/packets/letter-template'
import type { TPacketLanguage } from '../../../shared/packets/vocabulary'
import { ADMIN_ONLY, STAFF_WHO_HANDLE_CASES } from '../../../shared/roles'
import { AppError } from '../../../shared/result'
import type { TReadableDb } from '../db/connection'
import { sessionIn, type TSessionSource } from '../session/session'
import { LetterTemplateQueries, LetterTemplateRepository } from './letter-template-repository'

/** The letter that prints in `language` (`version`: a saved one, for a reprint; default: the newest). */
export function letterTemplateIn(
  db: TReadableDb,
  language: TPacketLanguage,
  version?: number,
): TLetterTemplate {
  const queries = new LetterTemplateQueries(db)
  const row = version === undefined ? queries.latest(language) : queries.at(language, version)
  if (row === undefined) {
    if (version !== undefined && version !== 1) {
      throw new AppError('NOT_FOUND', `There is no version ${version} of the ${language} MP letter.`)
    }
    return { language, body: defaultLetterBody(language), version: 1, savedAt: null, savedBy: null }
  }
  return { language, body: row.body, version: row.version, savedAt: row.saved_at, savedBy: row.saved_by }
}

/**
 * The letter to a Member of Parliament, as CCIJ admins word it (docs/packets.md). Every save is a new version,
 * checked first (a placeholder the packet cannot fill is refused, saying where) and audited with its versions.
 */
export class LetterTemplateService {
  constructor(private readonly sessions: TSessionSource) {}

  get(): TLetterTemplates {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    return { en: letterTemplateIn(session.db, 'en'), fr: letterTemplateIn(session.db, 'fr') }
  }

  save(request: TSaveLetterTemplateRequest): TLetterTemplate {
    const session = sessionIn(this.sessions, ADMIN_ONLY, 'Only an admin can change the letter to an MP.')
    const { language, body } = ZSaveLetterTemplateRequestSchema.parse(request)
    const problems = letterProblems(body)
    if (problems.length > 0) {
      throw new AppError(
        'BAD_REQUEST',
        `The ${language === 'en' ? 'English' : 'French'} letter was not saved. ${problems.map(describeLetterProblem).join(' ')}`,
        { field: 'body', problems },
      )
    }
    return session.db.transaction(() => {
      const current = letterTemplateIn(session.db, language)
      if (current.body === body) return current
      const version = current.version + 1
      const savedAt = session.clock.now().toISOString()
      new LetterTemplateRepository(session.db).insert({
        language,
        version,
        body,
        saved_at: savedAt,
        saved_by: session.staff.username,
      })
      session.audit.record('settings.changed', null, {
        setting: `mpLetter.${language}`,
        from: current.version,
        to: version,
      })
      return { language, body, version, savedAt, savedBy: session.staff.username }
    })
  }
}
