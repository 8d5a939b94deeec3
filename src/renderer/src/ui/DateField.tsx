import { useState } from 'react'
import {
  DateField as AriaDateField,
  DateInput,
  DateSegment,
  Label,
  type DateValue,
} from 'react-aria-components'
import { ariaFieldState, FieldDescription, FieldErrorMessage, type TFieldProps } from './fieldParts'
import './DateField.css'

export type TDateFieldProps = TFieldProps & {
  value: DateValue | null
  onChange: (value: DateValue | null) => void
  /** 'minute' adds the time of day, in the locale's own clock ("1:45 p.m." in en-CA, "13 h 45" in fr-CA). */
  granularity?: 'day' | 'minute'
  /** More text read with the field, besides its help (a warning shown under it). */
  'aria-describedby'?: string
}

const textOf = (value: DateValue | null): string => value?.toString() ?? ''

/** What the field shows, the prop's value last seen, and the values sent by onChange not come back yet (oldest first). */
type TShown = { shown: DateValue | null; seen: string; sent: string[] }

/**
 * The value the field shows: what was typed, at once, and the `value` prop when it changes from outside.
 *
 * React Aria's field, when a digit completes a date, calls onChange and keeps showing its controlled value until
 * the new one comes back; a page that passes it back later (the report's period goes through the address, in a
 * transition) would have the next digit typed on the old value and lose a digit ("30" read as "3"). So the field
 * shows its own copy, set as each change is made. The prop is followed when it changes to a value this field did
 * not send (a reset, the address edited, a form loaded); the values it sent and that come back late, one by one,
 * are echoes, not changes, and never undo a digit typed since.
 */
function useShownDate(value: DateValue | null, onChange: (value: DateValue | null) => void) {
  const [state, setState] = useState<TShown>(() => ({ shown: value, seen: textOf(value), sent: [] }))
  const incoming = textOf(value)
  let current = state
  if (incoming !== state.seen) {
    const echo = state.sent.indexOf(incoming)
    current =
      echo === -1
        ? { shown: value, seen: incoming, sent: [] }
        : { shown: state.shown, seen: incoming, sent: state.sent.slice(echo + 1) }
    setState(current)
  }
  const change = (next: DateValue | null) => {
    const text = textOf(next)
    // A value equal to the prop's never comes back as a change of it: nothing to wait for.
    setState((now) => ({
      shown: next,
      seen: now.seen,
      sent: text === now.seen ? now.sent : [...now.sent, text],
    }))
    onChange(next)
  }
  return [current.shown, change] as const
}

/**
 * The app's one date input: a calendar date (and, with `granularity="minute"`, a time) typed segment by segment
 * in the person's locale (React Aria DateField), so every screen writes dates the same way in each language.
 */
export function DateField({
  label,
  value,
  onChange,
  description,
  granularity = 'day',
  'aria-describedby': describedBy,
  ...field
}: TDateFieldProps) {
  const [shown, change] = useShownDate(value, onChange)
  return (
    <AriaDateField
      value={shown}
      onChange={change}
      granularity={granularity}
      {...(describedBy === undefined ? {} : { 'aria-describedby': describedBy })}
      className="ui-field ui-date-field"
      {...ariaFieldState(field)}
    >
      <Label className="ui-field__label">{label}</Label>
      <DateInput className="ui-field__control ui-date-field__input">
        {(segment) => <DateSegment segment={segment} className="ui-date-field__segment" />}
      </DateInput>
      <FieldDescription>{description}</FieldDescription>
      <FieldErrorMessage>{field.errorMessage}</FieldErrorMessage>
    </AriaDateField>
  )
}
