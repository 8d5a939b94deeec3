import { describe, expect, it } from 'vitest'
import { splitCsvText } from './csv-text'

describe('splitCsvText', () => {
  it('gives each record the line it starts on', () => {
    const result = splitCsvText('a,b\n"1\n2\n3",x\n\nlast,"é\n"')
    expect('records' in result && result.records.map((record) => record.line)).toEqual([1, 2, 5, 6])
  })
})
