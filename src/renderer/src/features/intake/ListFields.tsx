import { useRef, useState } from 'react'
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

function ItemList({
  items,
  label,
  emptyText,
  onRemove,
  removeLabel,
  errorFor,
}: {
  items: readonly string[]
  label: string
  emptyText: string
  onRemove: (index: number) => void
  removeLabel: (item: string) => string
  errorFor: (index: number) => string | undefined
}) {
  if (items.length === 0) return <p className="intake-list__empty">{emptyText}</p>
  return (
    <ul className="intake-list" aria-label={label}>
      {items.map((item, index) => {
        const error = errorFor(index)
        return (
          <li key={`${item}-${index}`} className="intake-list__item" data-field={`${index}`}>
            <span dir="auto" className="intake-list__text">
              {item}
            </span>
            <Button variant="quiet" className="intake-list__remove" onPress={() => onRemove(index)}>
              {removeLabel(item)}
            </Button>
            {error ? <span className="intake-list__error">{error}</span> : null}
          </li>
        )
      })}
    </ul>
  )
}

/** Other names and spellings: type one, press Enter (or Add, or just move on) and it joins the list. */
export function AliasListField() {
  const { t } = useTranslation()
  const issueText = useIssueText()
  const { field, fieldState } = useController<TIntakeInput, 'person.aliases'>({ name: 'person.aliases' })
  const [text, setText] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const aliases = field.value ?? []
  const removal = useUndoableRemoval(
    aliases,
    field.onChange,
    (item) => t('intake.fields.itemRemoved', { item }),
    () => inputRef.current?.focus(),
  )
  const add = () => {
    const name = text.trim()
    setText('')
    if (name === '' || aliases.includes(name)) return
    removal.clear()
    field.onChange([...aliases, name])
  }
  const itemError = (index: number) => {
    const errors = fieldState.error as unknown as Record<number, { message?: string }> | undefined
    return issueText(errors?.[index]?.message)
  }
  return (
    <div className="intake-field intake-field--wide intake-list-field" data-field="person.aliases">
      <div className="intake-list-field__entry">
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
              add()
            }
          }}
          onBlur={add}
          {...(fieldState.error?.message ? { errorMessage: issueText(fieldState.error.message) } : {})}
        />
        <Button onPress={add}>{t('intake.fields.addAlias')}</Button>
      </div>
      <ItemList
        items={aliases}
        label={t('intake.fields.aliases')}
        emptyText={t('intake.fields.noAliases')}
        onRemove={removal.remove}
        removeLabel={(item) => t('intake.fields.removeItem', { item })}
        errorFor={itemError}
      />
      <UndoNotice message={removal.message} onUndo={removal.undo} />
    </div>
  )
}

/**
 * Other languages: choose one from the list (arrow keys and Enter, or a click) and it joins the list; the box
 * clears and the list closes for the next. Tab or leaving the box never adds anything.
 */
export function OtherLanguagesField({ options }: { options: readonly TChoiceOption[] }) {
  const { t } = useTranslation()
  const issueText = useIssueText()
  const { field, fieldState } = useController<TIntakeInput, 'languages.others'>({ name: 'languages.others' })
  const inputRef = useRef<HTMLInputElement>(null)
  const others = field.value ?? []
  const labelOf = (code: string) => options.find((option) => option.id === code)?.label ?? code
  const removal = useUndoableRemoval(
    others,
    field.onChange,
    (code) => t('intake.fields.itemRemoved', { item: labelOf(code) }),
    () => inputRef.current?.focus(),
  )
  const itemError = (index: number) => {
    const errors = fieldState.error as unknown as Record<number, { message?: string }> | undefined
    return issueText(errors?.[index]?.message)
  }
  return (
    <div className="intake-field intake-field--wide intake-list-field" data-field="languages.others">
      <div className="intake-list-field__entry">
        <ComboBoxField
          label={t('intake.fields.otherLanguageInput')}
          options={options.filter((option) => !others.includes(option.id))}
          value=""
          clearOnSelect
          onChange={(code) => {
            if (code === '' || others.includes(code)) return
            removal.clear()
            field.onChange([...others, code])
          }}
          inputRef={inputRef}
          emptyText={t('intake.fields.noMatches')}
          showListLabel={t('intake.fields.showList')}
          {...(fieldState.error?.message ? { errorMessage: issueText(fieldState.error.message) } : {})}
        />
      </div>
      <ItemList
        items={others.map(labelOf)}
        label={t('intake.fields.otherLanguages')}
        emptyText={t('intake.fields.noOtherLanguages')}
        onRemove={removal.remove}
        removeLabel={(item) => t('intake.fields.removeItem', { item })}
        errorFor={itemError}
      />
      <UndoNotice message={removal.message} onUndo={removal.undo} />
    </div>
  )
}
