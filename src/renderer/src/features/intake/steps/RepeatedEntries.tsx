import { useEffect, useRef, type ReactNode } from 'react'
import { Button } from '../../../ui'

/**
 * A list of entries the person adds one at a time. A new entry takes focus at its first field; after a removal
 * focus goes to the Add button, so the keyboard is never left on nothing.
 */
export function RepeatedEntries({
  count,
  legend,
  removeLabel,
  addLabel,
  emptyText,
  onAdd,
  onRemove,
  renderEntry,
  keyOf,
}: {
  count: number
  legend: (index: number) => string
  removeLabel: (index: number) => string
  addLabel: string
  emptyText: string
  onAdd: () => void
  onRemove: (index: number) => void
  renderEntry: (index: number) => ReactNode
  keyOf: (index: number) => string
}) {
  const listRef = useRef<HTMLDivElement>(null)
  const addRef = useRef<HTMLDivElement>(null)
  const previousCount = useRef(count)
  const focusAfter = useRef<'new' | 'add' | null>(null)

  useEffect(() => {
    if (focusAfter.current === 'new' && count > previousCount.current) {
      const entries = listRef.current?.querySelectorAll<HTMLElement>('.intake-entry')
      const last = entries?.[entries.length - 1]
      last?.querySelector<HTMLElement>('input, button, textarea, [tabindex="0"]')?.focus()
    } else if (focusAfter.current === 'add') {
      addRef.current?.querySelector('button')?.focus()
    }
    focusAfter.current = null
    previousCount.current = count
  }, [count])

  return (
    <div className="intake-entries" ref={listRef}>
      {count === 0 ? <p className="intake-list__empty">{emptyText}</p> : null}
      {Array.from({ length: count }, (_, index) => (
        <fieldset key={keyOf(index)} className="intake-entry">
          <legend className="intake-entry__legend">{legend(index)}</legend>
          <div className="intake-grid">{renderEntry(index)}</div>
          <div className="intake-entry__actions">
            <Button
              variant="quiet"
              onPress={() => {
                focusAfter.current = 'add'
                onRemove(index)
              }}
            >
              {removeLabel(index)}
            </Button>
          </div>
        </fieldset>
      ))}
      <div ref={addRef}>
        <Button
          onPress={() => {
            focusAfter.current = 'new'
            onAdd()
          }}
        >
          {addLabel}
        </Button>
      </div>
    </div>
  )
}
