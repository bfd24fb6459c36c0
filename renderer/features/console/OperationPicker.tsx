// The console's Path field: a combobox completing over every operation of Zoom's API (by path,
// summary or operationId), each suggestion labelled with its method and product. Arrows move
// through the suggestions, Enter picks one (filling method and path), Escape closes the list;
// with no suggestion highlighted, Enter sends the request as before. Once the text is a whole
// path of some operation (`/users/me`), the list stays closed until ArrowDown asks for it: it
// would only cover the form below something the person has finished typing. An empty field sends
// the default path (a GET only), shown as its placeholder; its list also waits for typing or ArrowDown.
import { useId, useMemo, useState } from 'react'
import type { CatalogOperationSummary } from '../../../common/contract/index'
import { pathValuesFor } from '../../../common/zoom/api/match-path'
import { ListboxOption } from '../../components/Combobox'
import type { ConsoleCatalog } from './use-api-catalog'

/** Suggestions shown at once: enough to scan, few enough to render within a frame. */
const SHOWN = 30

export interface OperationPickerProps {
  value: string
  onChange(url: string): void
  onPick(op: CatalogOperationSummary, typed: string): void
  /** The path an empty field sends (its placeholder names it); none: an empty field sends nothing. */
  emptySends?: string
  catalog: ConsoleCatalog
  invalid: boolean
  describedBy: string
  inputId: string
}

export function OperationPicker({ value, onChange, onPick, emptySends, catalog, invalid, describedBy, inputId }: OperationPickerProps) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  /** ArrowDown opens the list even over a whole path. */
  const [asked, setAsked] = useState(false)
  const matches = useMemo(() => catalog.search.search(value, SHOWN), [catalog, value])
  const whole = useMemo(() => value.trim().startsWith('/') && matches.some((op) => pathValuesFor(op.path, value.trim()) !== undefined), [matches, value])
  const showList = open && matches.length > 0 && (asked || (!whole && value.trim() !== ''))
  const listId = `${id}-list`
  const choose = (op: CatalogOperationSummary) => {
    onPick(op, value)
    setOpen(false)
    setAsked(false)
    setActive(-1)
  }
  return (
    <div className="op-combobox">
      <input
        id={inputId}
        className="input mono"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        placeholder={`${emptySends ?? 'A path'}, or search: list zoom rooms`}
        value={value}
        onChange={(e) => {
          onChange(e.target.value)
          setOpen(true)
          setAsked(false)
          setActive(-1)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            setOpen(true)
            setAsked(true)
            if (matches.length > 0) setActive((a) => (a + 1) % matches.length)
          } else if (e.key === 'ArrowUp' && showList) {
            setActive((a) => (a <= 0 ? matches.length - 1 : a - 1))
          } else if (e.key === 'Enter' && showList && active >= 0 && !e.ctrlKey && !e.metaKey) {
            // Enter picks the highlighted operation; it must not send the request.
            const op = matches[active]
            if (op) choose(op)
          } else if (e.key === 'Escape' && showList) {
            setOpen(false)
            setActive(-1)
          } else return
          e.preventDefault()
        }}
      />
      {/* Not a Tab stop of its own (Chromium's scrolling boxes are), like the Combobox's list. */}
      <ul id={listId} role="listbox" aria-label="Matching operations" className="op-list" hidden={!showList} tabIndex={-1}>
        {matches.map((op, i) => (
          <ListboxOption key={`${op.method} ${op.path}`} id={`${id}-opt-${i}`} active={i === active} onPick={() => choose(op)}>
            {/* Spaces between the parts, so the option's accessible name reads "GET /users Get a user Users". */}
            <span className="op-method" data-method={op.method}>
              {op.method}
            </span>{' '}
            <span className="op-path mono">{op.path}</span> <span className="op-summary">{op.summary}</span> <span className="op-product badge">{op.product}</span>
          </ListboxOption>
        ))}
      </ul>
    </div>
  )
}
