import type { TFunction } from 'i18next'
import type { TCasesFileError } from '../../../../../shared/contract/cases-file'

/**
 * One problem of a refused cases file in the interface language: "Case 3 (CCIJ-2026-0004),
 * intakes.0.intake.person.dateOfBirth: is not a date (YYYY-MM-DD) or that day does not exist." Main sends codes and
 * paths, never values (they could be survivor data), so the same problem reads in English and French.
 */
export function casesFileProblemText(t: TFunction, problem: TCasesFileError): string {
  const rule = t(`importExport.casesFileImport.rule.${problem.code}`, {
    defaultValue: t('importExport.casesFileImport.rule.invalid'),
  })
  if (problem.case === 0) return t('importExport.casesFileImport.problemFile', { rule })
  const where =
    problem.reference === ''
      ? t('importExport.casesFileImport.whereCase', { position: problem.case })
      : t('importExport.casesFileImport.whereCaseReference', {
          position: problem.case,
          reference: problem.reference,
        })
  const field = problem.field === '' ? t('importExport.casesFileImport.wholeCase') : problem.field
  return t('importExport.casesFileImport.problem', { where, field, rule })
}
