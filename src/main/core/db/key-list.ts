import { sql, sqlAnd, type TSql } from './sql'

/**
 * Space-delimited key columns (' ar fr ', ' ON QC '): a row's set of keys in one narrow text column, so a filter is
 * an `instr` on the row itself with no join. Keys never contain spaces (they are vocabulary keys and codes).
 */
export const keyList = (keys: readonly string[]): string => ` ${[...new Set(keys)].join(' ')} `

export const keysOf = (column: string): string[] => column.split(' ').filter((key) => key !== '')

/** `instr(column, ' key ') > 0`: the row's key column holds `key`. `column` is a fragment written out in full. */
export const hasKey = (column: TSql, key: string): TSql => sql`instr(${column}, ${` ${key} `}) > 0`

/** Every word appears in the folded search text. */
export const hasWords = (column: TSql, words: readonly string[]): TSql =>
  sqlAnd(words.map((word) => sql`instr(${column}, ${word}) > 0`))
