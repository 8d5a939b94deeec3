/**
 * SQL as one recognizable form: the `sql` tagged template. Text comes only from the template's literal parts;
 * every `${value}` becomes a bound `?` parameter, so a value can never be read as SQL. A `${fragment}` made by
 * `sql` itself is spliced in with its own parameters, which is how optional conditions and lists compose.
 *
 *   db.all<TRow>(sql`SELECT * FROM cases WHERE province = ${province} ${limitClause}`)
 */

/** What SQLite can bind. Booleans are stored as 0/1 by the caller, dates as ISO text. */
export type TSqlValue = string | number | bigint | Buffer | null

const FRAGMENT = Symbol('sql')

/** A query or a piece of one: its text with `?` placeholders and the values they bind, in order. */
export type TSql = {
  readonly [FRAGMENT]: true
  readonly text: string
  readonly params: readonly TSqlValue[]
}

const isSql = (value: unknown): value is TSql =>
  typeof value === 'object' && value !== null && FRAGMENT in value

const make = (text: string, params: readonly TSqlValue[]): TSql => ({ [FRAGMENT]: true, text, params })

export function sql(strings: TemplateStringsArray, ...values: readonly (TSqlValue | TSql)[]): TSql {
  let text = strings[0] ?? ''
  const params: TSqlValue[] = []
  values.forEach((value, index) => {
    if (isSql(value)) {
      text += value.text
      params.push(...value.params)
    } else {
      text += '?'
      params.push(value)
    }
    text += strings[index + 1] ?? ''
  })
  return make(text, params)
}

/** Fragments joined by `separator` (`, ` by default); an empty list gives an empty fragment. */
export function sqlJoin(fragments: readonly TSql[], separator: TSql = sql`, `): TSql {
  if (fragments.length === 0) return make('', [])
  const params: TSqlValue[] = []
  const texts: string[] = []
  fragments.forEach((fragment, index) => {
    if (index > 0) params.push(...separator.params)
    texts.push(fragment.text)
    params.push(...fragment.params)
  })
  return make(texts.join(separator.text), params)
}

/** `(?, ?, ?)` for `IN` over a short, bounded list of values (longer lists: `IN (SELECT value FROM json_each(?))`). */
export const sqlList = (values: readonly TSqlValue[]): TSql =>
  sql`(${sqlJoin(values.map((value) => sql`${value}`))})`

/** Conditions joined with AND; `fallback` (e.g. `1`) when there are none. */
export const sqlAnd = (conditions: readonly TSql[], fallback: TSql = sql`1`): TSql =>
  conditions.length === 0 ? fallback : sqlJoin(conditions, sql` AND `)
