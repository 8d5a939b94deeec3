import { parseDate } from '@internationalized/date'
import type { DateValue } from 'react-aria-components'
import { DateField } from '../../ui'

export type TIsoDateFieldProps = {
  label: string
  /** 'YYYY-MM-DD' or ''. */
  value: string
  onChange: (value: string) => void
  description?: string
  errorMessage?: string | undefined
}

const toDateValue = (value: string): DateValue | null => {
  try {
    return value === '' ? null : parseDate(value)
  } catch {
    return null
  }
}

/** The kit's DateField for a form that keeps dates as 'YYYY-MM-DD' text, as the shared schemas do. */
export function IsoDateField({ value, onChange, ...props }: TIsoDateFieldProps) {
  return (
    <DateField
      {...props}
      value={toDateValue(value)}
      onChange={(next) => onChange(next === null ? '' : next.toString())}
    />
  )
}
