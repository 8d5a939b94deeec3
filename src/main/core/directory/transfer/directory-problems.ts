import type { TCsvProblem } from '../../../../shared/contract/csv'

type TIssue = { path: readonly PropertyKey[]; message: string }

/** The form schemas' message keys → the import problem codes of shared/roster/import-problems. */
const CODE_OF_MESSAGE: Readonly<Record<string, string>> = {
  'directory.validation.nameRequired': 'blank',
  'directory.validation.titleRequired': 'blank',
  'directory.validation.link': 'link',
  'directory.validation.provincesRequired': 'provincesRequired',
}

/**
 * Schema issues of the entry on `row` as problems naming the column: `columnOf` turns a field name into the file's
 * column name, `valueOf` gives the value the file had there (quoted back in the message).
 */
export function issuesAsProblems(
  row: number,
  issues: readonly TIssue[],
  columnOf: (field: string) => string,
  valueOf: (field: string) => string,
): TCsvProblem[] {
  return issues.map((issue) => {
    const field = String(issue.path[0] ?? '')
    const code = CODE_OF_MESSAGE[issue.message] ?? issue.message.split('.').pop() ?? 'invalid'
    const value = field === '' ? '' : valueOf(field)
    return { row, column: columnOf(field), code, ...(value === '' ? {} : { params: { value } }) }
  })
}
