// "All lists": a searchable picker over every GET list of Zoom's files, grouped by product. A
// combobox with a listbox (arrows move, Enter picks, Escape closes); a list the connection's grant
// cannot reach is shown disabled with the exact scopes that would enable it.
import { useId, useMemo, useState } from 'react'
import type { CatalogOperationSummary } from '../../../common/contract/index'

export interface PickerEntry {
  list: CatalogOperationSummary
  /** Scopes any one of which would enable it; empty = enabled. */
  missing: string[]
  unavailable: boolean
}

/** Shown at most at once: typing narrows the rest. */
const MAX_SHOWN = 150

function matches(list: CatalogOperationSummary, needle: string): boolean {
  if (needle === '') return true
  return [list.path, list.summary, list.product, list.operationId].some((text) => text.toLowerCase().includes(needle))
}

export function ListPicker({ entries, onPick, note }: { entries: PickerEntry[]; onPick(list: CatalogOperationSummary): void; note?: string }) {
  const id = useId()
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase()
    return entries.filter((e) => matches(e.list, needle)).slice(0, MAX_SHOWN)
  }, [entries, text])
  const groups = useMemo(() => {
    const byProduct = new Map<string, { entry: PickerEntry; index: number }[]>()
    shown.forEach((entry, index) => {
      const group = byProduct.get(entry.list.product) ?? []
      group.push({ entry, index })
      byProduct.set(entry.list.product, group)
    })
    return [...byProduct]
  }, [shown])
  const listId = `${id}-list`
  const showList = open && shown.length > 0
  const pick = (entry: PickerEntry | undefined) => {
    if (!entry || entry.missing.length > 0 || entry.unavailable) return
    onPick(entry.list)
    setText(entry.list.path)
    setOpen(false)
  }
  return (
    <div className="field combobox list-picker">
      <label htmlFor={id}>All lists (path, summary or product)</label>
      <input
        id={id}
        className="input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList ? `${id}-opt-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder="/phone/call_queues"
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          setText(e.target.value)
          setOpen(true)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && shown.length > 0) {
            setOpen(true)
            setActive((a) => (a + 1) % shown.length)
          } else if (e.key === 'ArrowUp' && shown.length > 0) {
            setActive((a) => (a - 1 + shown.length) % shown.length)
          } else if (e.key === 'Enter' && showList) {
            pick(shown[active])
          } else if (e.key === 'Escape' && showList) {
            setOpen(false)
          } else return
          e.preventDefault()
        }}
      />
      <ul id={listId} role="listbox" aria-label="Zoom's lists" className="combobox-list" hidden={!showList}>
        {groups.map(([product, items]) => (
          <li key={product} role="group" aria-label={product}>
            <span className="muted" aria-hidden="true">
              {product}
            </span>
            <ul role="presentation">
              {items.map(({ entry, index }) => {
                const disabled = entry.missing.length > 0 || entry.unavailable
                return (
                  <li
                    key={entry.list.path}
                    id={`${id}-opt-${index}`}
                    role="option"
                    aria-selected={index === active}
                    aria-disabled={disabled || undefined}
                    data-active={index === active || undefined}
                    onMouseDown={(e) => {
                      e.preventDefault()
                      pick(entry)
                    }}
                  >
                    <span className="mono">{entry.list.path}</span>
                    <span className="muted"> · {entry.list.summary}</span>
                    {entry.list.rateLabel && <span className="muted"> · {entry.list.rateLabel}</span>}
                    {disabled && <span className="muted"> · {entry.unavailable ? 'not for this kind of app' : `needs one of ${entry.missing.join(', ')}`}</span>}
                  </li>
                )
              })}
            </ul>
          </li>
        ))}
      </ul>
      <span id={`${id}-hint`} className="hint">
        {note ?? `${entries.length} lists of Zoom's API; a path parameter left empty goes over every row of its parent list.`}
      </span>
    </div>
  )
}
