import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Button } from '../../../ui'
import { UndoNotice, type TRemoved } from '../UndoNotice'

/**
 * A list of entries the person adds one at a time. A new entry takes focus at its first field. A removal can be
 * undone: "Adverse party 2 removed. [Undo]" appears above the Add button and its Undo takes focus, so a slip of
 * Enter on Remove never loses a filled entry; Undo puts the entry back where it was and focuses it.
 */
export function RepeatedEntries<T>({
  count,
  legend,
  removeLabel,
  removedText,
  addLabel,
  emptyText,
  onAdd,
  entryAt,
  onRemove,
  onRestore,
  renderEntry,
  keyOf,
}: {
  count: number
  legend: (index: number) => string
  removeLabel: (index: number) => string
  /** "Adverse party 2 removed." */
  removedText: (index: number) => string
  addLabel: string
  emptyText: string
  onAdd: () => void
  /** The entry's current values, kept for Undo. */
  entryAt: (index: number) => T
  onRemove: (index: number) => void
  onRestore: (index: number, value: T) => void
  renderEntry: (index: number) => ReactNode
  keyOf: (index: number) => string
}) {
  const listRef = useRef<HTMLDivElement>(null)
  const previousCount = useRef(count)
  const focusAfter = useRef<{ kind: 'new' } | { kind: 'entry'; index: number } | null>(null)
  const serial = useRef(0)
  const [removed, setRemoved] = useState<TRemoved<T> | null>(null)

  useEffect(() => {
    const entries = listRef.current?.querySelectorAll<HTMLElement>('.intake-entry')
    const want = focusAfter.current
    const target =
      want?.kind === 'new' && count > previousCount.current
        ? entries?.[entries.length - 1]
        : want?.kind === 'entry'
          ? entries?.[want.index]
          : undefined
    target?.querySelector<HTMLElement>('input, button, textarea, [tabindex="0"]')?.focus()
    focusAfter.current = null
    previousCount.current = count
  }, [count])

  const remove = (index: number) => {
    const value = entryAt(index)
    serial.current += 1
    setRemoved({ index, value, message: { text: removedText(index), serial: serial.current } })
    onRemove(index)
  }

  const undo = () => {
    if (removed === null) return
    const index = Math.min(removed.index, count)
    focusAfter.current = { kind: 'entry', index }
    setRemoved(null)
    onRestore(index, removed.value)
  }

  return (
    <div className="intake-entries" ref={listRef}>
      {count === 0 ? <p className="intake-list__empty">{emptyText}</p> : null}
      {Array.from({ length: count }, (_, index) => (
        <fieldset key={keyOf(index)} className="intake-entry">
          <legend className="intake-entry__legend">{legend(index)}</legend>
          <div className="intake-grid">{renderEntry(index)}</div>
          <div className="intake-entry__actions">
            <Button variant="quiet" onPress={() => remove(index)}>
              {removeLabel(index)}
            </Button>
          </div>
        </fieldset>
      ))}
      <UndoNotice message={removed?.message ?? null} onUndo={undo} />
      <div>
        <Button
          onPress={() => {
            focusAfter.current = { kind: 'new' }
            setRemoved(null)
            onAdd()
          }}
        >
          {addLabel}
        </Button>
      </div>
    </div>
  )
}
