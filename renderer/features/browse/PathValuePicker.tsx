// One value of a path parameter (`{callQueueId}`, `{roomId}`), picked from its parent list by name
// or e-mail, or typed as it is (an id); left empty, the crawl goes over every row of the parent
// (fan-out). The parent list is loaded from main when the field opens, a page at a time, more as
// the person scrolls or types a name the loaded rows lack. The field shows the picked row's name;
// the crawl is sent its id.
import { useEffect, useMemo, useState } from 'react'
import type { NamedItem } from '../../../common/contract/index'
import { nounOf } from '../../../common/zoom/browse/fan-out'
import { itemMatches } from '../../../common/zoom/browse/item-naming'
import { Combobox } from '../../components/Combobox'
import { formatCount } from '../../shared/format'
import { usePathValues, type PathValuesSource } from './use-path-values'

/** Suggestions under which typing asks for the next page, so a name on a later page is found. */
const ENOUGH_MATCHES = 8

export interface PathValuePickerProps extends PathValuesSource {
  /** The parent list's path template (`/phone/call_queues`). */
  parent: string
  /** What the crawl is sent: the picked row's value, or the text typed. */
  value: string
  onValue(value: string): void
  error?: string
}

export function PathValuePicker({ parent, value, onValue, error, ...source }: PathValuePickerProps) {
  const noun = nounOf(parent)
  const rows = usePathValues(source)
  const [text, setText] = useState(value)
  const [picked, setPicked] = useState<NamedItem>()
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

  const query = picked && text === picked.label ? '' : text
  const matches = useMemo(() => rows.items.filter((item) => itemMatches(item, query)), [rows.items, query])
  const [open, setOpen] = useState(false)
  // Typing a name the loaded rows lack asks for the next page, until enough match or the list ends.
  const { loadMore } = rows
  const wantMore = open && rows.loaded && rows.more && !rows.loading && rows.error === undefined && query.trim() !== '' && matches.length < ENOUGH_MATCHES
  useEffect(() => {
    if (wantMore) loadMore()
  }, [wantMore, loadMore, rows.items.length])

  const footer = rows.error ? (
    <div className="callout callout-row" data-tone="bad" role="alert">
      <span>
        Could not load {noun}: {rows.error}
      </span>
      <span className="spacer" />
      <button type="button" className="btn btn-small" onClick={rows.retry}>
        Retry
      </button>
    </div>
  ) : !open ? undefined : rows.loading && !rows.loaded ? (
    <span className="hint" role="status">
      Loading {noun}…
    </span>
  ) : rows.loaded && rows.items.length === 0 && !rows.more ? (
    <span className="hint" role="status">
      No {noun}
    </span>
  ) : rows.loaded && matches.length === 0 && !rows.more && !rows.loading ? (
    <span className="hint" role="status">
      None of the {noun} matches “{query.trim()}”: it is sent as typed, as an id.
    </span>
  ) : rows.loading ? (
    <span className="hint" role="status">
      Loading more {noun}…
    </span>
  ) : undefined

  const hint = picked
    ? `Sends ${source.param} ${picked.value}.`
    : value === ''
      ? `Pick one of the ${noun} (name or id), type an id, or leave empty to list it for every row of ${parent} (fan-out).`
      : rows.loaded
        ? `${formatCount(rows.items.length)}${rows.total !== undefined ? ` of ${formatCount(rows.total)}` : rows.more ? '+' : ''} ${noun} loaded; what you typed is sent as the ${source.param}.`
        : `What you typed is sent as the ${source.param}.`
  return (
    <div onFocus={() => setOpen(true)} onBlur={() => setOpen(false)}>
      <Combobox
        label={`${source.param} (${noun})`}
        text={text}
        onText={(typed) => {
          setText(typed)
          setPicked(undefined)
          send(typed.trim())
        }}
        options={matches.map((item) => ({
          key: item.value,
          content: (
            <>
              <span>{item.label}</span>
              {item.detail && <span className="muted"> · {item.detail}</span>}
              {item.label !== item.value && <span className="muted mono"> · {item.value}</span>}
            </>
          ),
        }))}
        onPick={(index) => {
          const item = matches[index]
          if (!item) return
          setPicked(item)
          setText(item.label)
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
