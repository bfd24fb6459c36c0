// One value of a path parameter (`{callQueueId}`, `{roomId}`), picked from its parent list by name
// or e-mail, or typed as it is (an id); left empty, the crawl goes over every row of the parent
// (fan-out). The parent list is loaded from main when the field opens, a page at a time, more as
// the person scrolls or types a name the loaded rows lack. The field shows the picked row's name;
// the crawl is sent its id.
import type { ReactNode } from 'react'
import { useState } from 'react'
import type { NamedItem } from '../../../common/contract/index'
import { nounOf } from '../../../common/zoom/browse/fan-out'
import { itemLabel } from '../../../common/zoom/browse/item-naming'
import { Combobox } from '../../components/Combobox'
import { formatCount } from '../../shared/format'
import { usePathValues, type PathValuesSource, type PathValuesState } from './use-path-values'

export interface PathValuePickerProps extends PathValuesSource {
  /** The parent list's path template (`/phone/call_queues`). */
  parent: string
  /** What the crawl is sent: the picked row's value, or the text typed. */
  value: string
  onValue(value: string): void
  error?: string
  /** Where `value` came from when a details link filled it in (and it is unchanged since). */
  filledFrom?: string
}

export function PathValuePicker({ parent, value, onValue, error, filledFrom, ...source }: PathValuePickerProps) {
  const noun = nounOf(parent)
  const [text, setText] = useState(value)
  const [picked, setPicked] = useState<NamedItem>()
  const [open, setOpen] = useState(false)
  /** The value this field last sent: any other one was set from outside (cleared), and shows as it is. */
  const [sent, setSent] = useState(value)
  if (value !== sent) {
    setSent(value)
    setText(value)
    setPicked(undefined)
  }
  const send = (next: string) => {
    setSent(next)
    onValue(next)
  }
  // Once picked, the field shows the name: every row is offered again, not only those matching it.
  const query = picked && text === itemLabel(picked) ? '' : text
  const rows = usePathValues(source, query, open)
  const { matches } = rows
  const footer = pathValuesFooter(rows, noun, open, query)
  const hint = picked
    ? `Sends ${source.param} ${picked.value}.`
    : filledFrom !== undefined
      ? filledHint(source.param, filledFrom)
      : value === ''
      ? `Pick one of the ${noun} (name or id), type an id, or leave empty to list it for every row of ${parent} (fan-out).`
      : rows.loaded
        ? `${formatCount(rows.items.length)}${rows.total !== undefined ? ` of ${formatCount(rows.total)}` : rows.more ? '+' : ''} ${noun} loaded: pick one, or what you typed is sent as the ${source.param}.`
        : `What you typed is sent as the ${source.param}.`
  return (
    <div className="path-value-field" onFocus={() => setOpen(true)} onBlur={() => setOpen(false)}>
      <Combobox
        className="path-value-picker"
        label={`${source.param} (${noun})`}
        text={text}
        onText={(typed) => {
          setText(typed)
          // A whole name or e-mail that names one loaded row alone is that row; anything else is sent as typed.
          const named = namedOnce(rows.items, typed)
          setPicked(named)
          send(named ? named.value : typed.trim())
        }}
        options={matches.map((item) => ({ key: item.value, content: <PathValueOption item={item} /> }))}
        onPick={(index) => {
          const item = matches[index]
          if (!item) return
          setPicked(item)
          setText(itemLabel(item))
          send(item.value)
        }}
        listLabel={noun}
        openOnFocus
        onOpen={() => {
          if (!rows.loaded) rows.loadMore()
        }}
        onNearEnd={rows.loadMore}
        placeholder={`Every row of ${parent}`}
        {...(error ? { error } : {})}
        hint={hint}
        {...(footer ? { footer } : {})}
      />
    </div>
  )
}

/** The hint of a path value a details link filled in. */
export const filledHint = (param: string, from: string): string => `Filled in from ${from}; sent as the ${param}.`

/** The one loaded row whose name or e-mail is `typed` (case aside), if exactly one is. */
function namedOnce(items: readonly NamedItem[], typed: string): NamedItem | undefined {
  const needle = typed.trim().toLowerCase()
  const named = needle === '' ? [] : items.filter((item) => item.name?.toLowerCase() === needle || item.email?.toLowerCase() === needle)
  return named.length === 1 ? named[0] : undefined
}

/** A suggestion: name, e-mail and the value sent, as many of them as the row has. */
export function PathValueOption({ item }: { item: NamedItem }) {
  const label = itemLabel(item)
  return (
    <>
      <span>{label}</span>
      {item.name !== undefined && item.email !== undefined && <span className="muted"> · {item.email}</span>}
      {label !== item.value && <span className="muted mono"> · {item.value}</span>}
    </>
  )
}

/**
 * Under a path-value field: why the rows could not be had (with Retry, shown until it works), and
 * while the field is open, loading, no rows at all, or (`sentAsTyped`) no row matching the text.
 */
export function pathValuesFooter(rows: PathValuesState, noun: string, open: boolean, query: string, sentAsTyped = true): ReactNode {
  if (rows.error !== undefined) {
    return (
      <div className="callout callout-row" data-tone="bad" role="alert">
        <span>
          Could not load {noun}: {rows.error}
        </span>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={rows.retry}>
          Retry
        </button>
      </div>
    )
  }
  if (!open) return undefined
  const status = (text: string) => (
    <span className="hint" role="status">
      {text}
    </span>
  )
  if (rows.loading) return status(rows.loaded ? `Loading more ${noun}…` : `Loading ${noun}…`)
  if (rows.loaded && rows.items.length === 0 && !rows.more) return status(`No ${noun}`)
  if (sentAsTyped && rows.loaded && rows.matches.length === 0 && !rows.more) return status(`None of the ${noun} matches “${query.trim()}”: it is sent as typed, as an id.`)
  return undefined
}
