// "All lists": a searchable picker over every GET list of Zoom's files, grouped by product (the
// app's one type-ahead field: arrows move, Enter picks, Escape closes); a list the connection's
// grant cannot reach is shown disabled with the exact scopes that would enable it.
import { useMemo, useState } from 'react'
import type { CatalogOperationSummary } from '../../../common/contract/index'
import { createOperationSearchIndex } from '../../../common/zoom/api/search'
import { Combobox, type ComboboxOption } from '../../components/Combobox'

export interface PickerEntry {
  list: CatalogOperationSummary
  /** Scopes any one of which would enable it; empty = enabled. */
  missing: string[]
  unavailable: boolean
}

/** Shown at most at once: typing narrows the rest. */
const MAX_SHOWN = 150

export function ListPicker({ entries, onPick, note }: { entries: PickerEntry[]; onPick(list: CatalogOperationSummary): void; note?: string }) {
  const [text, setText] = useState('')
  // The console's search: each word typed may be in the path, the summary or the product ("chat
  // channels", "team chat"), best matches first; one substring of one field found too little.
  const search = useMemo(() => {
    const byPath = new Map(entries.map((entry) => [entry.list.path, entry]))
    const index = createOperationSearchIndex(entries.map((entry) => entry.list))
    return (query: string) => index.search(query, MAX_SHOWN).flatMap((list) => byPath.get(list.path) ?? [])
  }, [entries])
  const shown = useMemo(() => search(text), [search, text])
  // Grouped by product (the Combobox lists each product's together, best matches first in each).
  const options = useMemo<ComboboxOption[]>(
    () =>
      shown.map((entry) => {
        const disabled = entry.missing.length > 0 || entry.unavailable
        return {
          key: entry.list.path,
          group: entry.list.product,
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
    [shown],
  )
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
      {...(shown.length === 0 && text.trim() !== '' && entries.length > 0 ? { footer: <NoMatch text={text.trim()} /> } : {})}
    />
  )
}

/** Typed words no list has: say so, and what can be searched, instead of an empty field. */
function NoMatch({ text }: { text: string }) {
  return (
    <span className="hint" role="status">
      No list of Zoom’s API matches “{text}”. Search by words of a path (<span className="mono">call_queues</span>), a summary (
      <span className="mono">channels</span>) or a product (<span className="mono">Phone</span>).
    </span>
  )
}
