// "All lists": a searchable picker over every GET list of Zoom's files, grouped by product (the
// app's one type-ahead field: arrows move, Enter picks, Escape closes); a list the connection's
// grant cannot reach is shown disabled with the exact scopes that would enable it.
import { useMemo, useState } from 'react'
import type { CatalogOperationSummary } from '../../../common/contract/index'
import { Combobox, type ComboboxOption } from '../../components/Combobox'

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
  const [text, setText] = useState('')
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase()
    return entries.filter((e) => matches(e.list, needle)).slice(0, MAX_SHOWN)
  }, [entries, text])
  // Grouped by product, each group in the order its lists come.
  const options = useMemo<ComboboxOption[]>(() => {
    const products = [...new Set(shown.map((entry) => entry.list.product))]
    return products.flatMap((product) =>
      shown
        .filter((entry) => entry.list.product === product)
        .map((entry) => {
          const disabled = entry.missing.length > 0 || entry.unavailable
          return {
            key: entry.list.path,
            group: product,
            disabled,
            content: (
              <>
                <span className="mono">{entry.list.path}</span>
                <span className="muted"> · {entry.list.summary}</span>
                {entry.list.rateLabel && <span className="muted"> · {entry.list.rateLabel}</span>}
                {disabled && <span className="muted"> · {entry.unavailable ? 'not for this kind of app' : `needs one of ${entry.missing.join(', ')}`}</span>}
              </>
            ),
          }
        }),
    )
  }, [shown])
  return (
    <Combobox
      className="list-picker"
      label="All lists (path, summary or product)"
      text={text}
      onText={setText}
      options={options}
      onPick={(index) => {
        const entry = entries.find((e) => e.list.path === options[index]?.key)
        if (!entry) return
        onPick(entry.list)
        setText(entry.list.path)
      }}
      listLabel="Zoom's lists"
      openOnFocus
      placeholder="/phone/call_queues"
      hint={note ?? `${entries.length} lists of Zoom's API; a path parameter left empty goes over every row of its parent list.`}
    />
  )
}
