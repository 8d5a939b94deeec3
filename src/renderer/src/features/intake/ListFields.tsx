import { useRef, useState, type ReactNode, type RefObject } from 'react'
import { useController } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TIntakeInput } from '../../../../shared/cases/intake-schema'
import { Button, ComboBoxField, TextField, type TChoiceOption } from '../../ui'
import { useIssueText } from './fields'
import { UndoNotice, type TRemoved } from './UndoNotice'

/** Remove an item from a list field, with Undo: the removed item goes back where it was. */
function useUndoableRemoval(
  items: readonly string[],
  setItems: (items: string[]) => void,
  removedText: (item: string) => string,
  afterUndo: () => void,
) {
  const serial = useRef(0)
  const [removed, setRemoved] = useState<TRemoved<string> | null>(null)
  const remove = (index: number) => {
    const value = items[index]
    if (value === undefined) return
    serial.current += 1
    setRemoved({ index, value, message: { text: removedText(value), serial: serial.current } })
    setItems(items.filter((_, at) => at !== index))
  }
  const undo = () => {
    if (removed === null) return
    setRemoved(null)
    if (!items.includes(removed.value)) {
      const at = Math.min(removed.index, items.length)
      setItems([...items.slice(0, at), removed.value, ...items.slice(at)])
    }
    afterUndo()
  }
  return { remove, undo, message: removed?.message ?? null, clear: () => setRemoved(null) }
}

type TListEntry = {
  /** The items already in the list (stored values). */
  items: readonly string[]
  /** Adds an item unless it is empty or already there. */
  add: (item: string) => void
  /** The entry control's input: focus returns there after an Undo. */
  inputRef: RefObject<HTMLInputElement | null>
  errorMessage: string | undefined
}

/**
 * A list of short items in the intake (other names, other languages): an entry control that adds one at a
 * time, the list with a Remove button per item, and Undo for the last removal.
 */
function ListField({
  name,
  label,
  emptyText,
  labelOf = (item) => item,
  entry,
}: {
  name: 'person.aliases' | 'languages.others'
  /** Names the list for screen readers. */
  label: string
  emptyText: string
  /** An item's words, when the stored value is a code. */
  labelOf?: (item: string) => string
  entry: (list: TListEntry) => ReactNode
}) {
  const { t } = useTranslation()
  const issueText = useIssueText()
  const { field, fieldState } = useController<TIntakeInput, typeof name>({ name })
  const inputRef = useRef<HTMLInputElement>(null)
  const items = field.value ?? []
  const removal = useUndoableRemoval(
    items,
    field.onChange,
    (item) => t('intake.fields.itemRemoved', { item: labelOf(item) }),
    () => inputRef.current?.focus(),
  )
  const add = (item: string) => {
    if (item === '' || items.includes(item)) return
    removal.clear()
    field.onChange([...items, item])
  }
  const itemErrors = fieldState.error as unknown as Record<number, { message?: string }> | undefined
  const errorMessage = fieldState.error?.message ? issueText(fieldState.error.message) : undefined
  return (
    <div className="intake-field intake-field--wide intake-list-field" data-field={name}>
      <div className="intake-list-field__entry">{entry({ items, add, inputRef, errorMessage })}</div>
      {items.length === 0 ? (
        <p className="intake-list__empty">{emptyText}</p>
      ) : (
        <ul className="intake-list" aria-label={label}>
          {items.map((item, index) => {
            const error = issueText(itemErrors?.[index]?.message)
            return (
              <li key={`${item}-${index}`} className="intake-list__item" data-field={`${index}`}>
                <span dir="auto" className="intake-list__text">
                  {labelOf(item)}
                </span>
                <Button variant="quiet" className="intake-list__remove" onPress={() => removal.remove(index)}>
                  {t('intake.fields.removeItem', { item: labelOf(item) })}
                </Button>
                {error ? <span className="intake-list__error">{error}</span> : null}
              </li>
            )
          })}
        </ul>
      )}
      <UndoNotice message={removal.message} onUndo={removal.undo} />
    </div>
  )
}

/** Other names and spellings: type one, press Enter (or Add, or just move on) and it joins the list. */
export function AliasListField() {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  return (
    <ListField
      name="person.aliases"
      label={t('intake.fields.aliases')}
      emptyText={t('intake.fields.noAliases')}
      entry={({ add, inputRef, errorMessage }) => {
        const addTyped = () => {
          setText('')
          add(text.trim())
        }
        return (
          <>
            <TextField
              label={t('intake.fields.aliasInput')}
              value={text}
              onChange={setText}
              inputRef={inputRef}
              dir="auto"
              autoComplete="off"
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
                  event.preventDefault()
                  addTyped()
                }
              }}
              onBlur={addTyped}
              {...(errorMessage === undefined ? {} : { errorMessage })}
            />
            <Button onPress={addTyped}>{t('intake.fields.addAlias')}</Button>
          </>
        )
      }}
    />
  )
}

/**
 * Other languages: choose one from the list (arrow keys and Enter, or a click) and it joins the list; the box
 * clears and the list closes for the next. Tab or leaving the box never adds anything.
 */
export function OtherLanguagesField({ options }: { options: readonly TChoiceOption[] }) {
  const { t } = useTranslation()
  return (
    <ListField
      name="languages.others"
      label={t('intake.fields.otherLanguages')}
      emptyText={t('intake.fields.noOtherLanguages')}
      labelOf={(code) => options.find((option) => option.id === code)?.label ?? code}
      entry={({ items, add, inputRef, errorMessage }) => (
        <ComboBoxField
          label={t('intake.fields.otherLanguageInput')}
          options={options.filter((option) => !items.includes(option.id))}
          value=""
          clearOnSelect
          onChange={add}
          inputRef={inputRef}
          emptyText={t('intake.fields.noMatches')}
          showListLabel={t('intake.fields.showList')}
          {...(errorMessage === undefined ? {} : { errorMessage })}
        />
      )}
    />
  )
}
