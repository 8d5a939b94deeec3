import { useRef, useState } from 'react'
import { useController } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TIntakeInput } from '../../../../shared/cases/intake-schema'
import { Button, ComboBoxField, TextField, type TChoiceOption } from '../../ui'
import { useIssueText } from './fields'

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
  const add = () => {
    const name = text.trim()
    setText('')
    if (name === '' || aliases.includes(name)) return
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
        onRemove={(index) => {
          field.onChange(aliases.filter((_, at) => at !== index))
          inputRef.current?.focus()
        }}
        removeLabel={(item) => t('intake.fields.removeItem', { item })}
        errorFor={itemError}
      />
    </div>
  )
}

/** Other languages: choose one from the list and it joins the list; the box clears for the next. */
export function OtherLanguagesField({ options }: { options: readonly TChoiceOption[] }) {
  const { t } = useTranslation()
  const issueText = useIssueText()
  const { field, fieldState } = useController<TIntakeInput, 'languages.others'>({ name: 'languages.others' })
  const inputRef = useRef<HTMLInputElement>(null)
  const others = field.value ?? []
  const labelOf = (code: string) => options.find((option) => option.id === code)?.label ?? code
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
          onChange={(code) => {
            if (code !== '' && !others.includes(code)) field.onChange([...others, code])
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
        onRemove={(index) => {
          field.onChange(others.filter((_, at) => at !== index))
          inputRef.current?.focus()
        }}
        removeLabel={(item) => t('intake.fields.removeItem', { item })}
        errorFor={itemError}
      />
    </div>
  )
}
