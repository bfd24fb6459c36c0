// The one type-ahead field of the app's pickers (a list of Zoom's API, one user, one value of a
// path parameter): a text input with the ARIA combobox pattern over a listbox of suggestions.
// ↓/↑ move through them (↓ also opens the list), Enter picks the highlighted one without
// submitting the form around it, Escape closes the list, a click picks. What is typed stays the
// caller's: the field never replaces it with a suggestion unless one is picked. As in the
// console's Path field, a list opened by typing or focus highlights nothing yet: the first ↓
// highlights the first suggestion (a highlighted first row made ↓ land on the second, so ↓ Enter
// opened another list than the one the person saw on top), and Enter with nothing highlighted
// picks the first, the best match.
import type { ReactNode, UIEvent } from 'react'
import { useEffect, useId, useRef, useState } from 'react'

export interface ComboboxOption {
  key: string
  content: ReactNode
  /** Shown, never picked (a list the grant cannot reach). */
  disabled?: boolean
  /**
   * Options of one group are listed together under its name, in the order they come; the
   * groups in the order their first option comes. The arrows follow that shown order.
   */
  group?: string
}

export interface ComboboxProps {
  label: ReactNode
  text: string
  onText(text: string): void
  options: readonly ComboboxOption[]
  /** The index in `options` of the option picked (never a disabled one). */
  onPick(index: number): void
  /** The listbox's accessible name ("Matching users"). */
  listLabel: string
  /** Opens the list when the field gets focus, before anything is typed. */
  openOnFocus?: boolean
  /** Told when the list opens (to load its first page). */
  onOpen?(): void
  /** Told when the person nears the end of the list, scrolling or with the arrows (to load more). */
  onNearEnd?(): void
  placeholder?: string
  error?: string
  hint?: ReactNode
  /** Under the field: loading, empty and error states, with their buttons. */
  footer?: ReactNode
  className?: string
}

/** Options from the end at which the arrows ask for more. */
const NEAR_END = 3

export function Combobox({ label, text, onText, options, onPick, listLabel, openOnFocus, onOpen, onNearEnd, placeholder, error, hint, footer, className }: ComboboxProps) {
  const id = useId()
  const [open, setOpenState] = useState(false)
  /** -1: nothing highlighted (the list was just opened or narrowed). */
  const [activeIndex, setActive] = useState(-1)
  const active = Math.min(activeIndex, options.length - 1)
  const setOpen = (next: boolean) => {
    if (next && !open) {
      onOpen?.()
      setActive(-1)
    }
    setOpenState(next)
  }
  const listId = `${id}-list`
  const showList = open && options.length > 0
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : '', footer ? `${id}-footer` : ''].filter(Boolean).join(' ') || undefined
  const grouped = options.some((option) => option.group !== undefined)
  const groups = grouped ? groupOptions(options) : undefined
  // The options' indexes in the order they are shown: ↓ must go to the option below, which in a
  // grouped list is not always the next in `options`.
  const shown = groups ? [...groups.values()].flatMap((items) => items.map(({ index }) => index)) : options.map((_, index) => index)
  const shownAt = (index: number) => shown.indexOf(index)
  /** Highlights the option at this place in the shown order. */
  const move = (place: number) => {
    setActive(shown[place] ?? -1)
    if (place >= shown.length - NEAR_END) onNearEnd?.()
  }
  const pick = (index: number) => {
    const option = options[index]
    if (!option || option.disabled) return
    onPick(index)
    setOpenState(false)
  }
  const onScroll = (e: UIEvent<HTMLUListElement>) => {
    const list = e.currentTarget
    if (list.scrollTop + list.clientHeight >= list.scrollHeight - 40) onNearEnd?.()
  }
  const renderOption = (option: ComboboxOption, index: number) => (
    <ListboxOption key={option.key} id={`${id}-opt-${index}`} active={index === active} {...(option.disabled ? { disabled: true } : {})} onPick={() => pick(index)}>
      {option.content}
    </ListboxOption>
  )
  return (
    <div className={`field combobox${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={placeholder}
        onFocus={() => openOnFocus && setOpen(true)}
        onBlur={() => setOpenState(false)}
        onChange={(e) => {
          onText(e.target.value)
          setOpen(true)
          setActive(-1)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            if (!showList) {
              setOpen(true)
              if (options.length > 0) move(0)
            } else if (options.length > 0) move(active < 0 ? 0 : (shownAt(active) + 1) % shown.length)
            else return
          } else if (e.key === 'ArrowUp' && showList) {
            const place = active < 0 ? -1 : shownAt(active)
            move(place <= 0 ? shown.length - 1 : place - 1)
          } else if (e.key === 'Enter' && showList) {
            // Enter picks the highlighted option (none: the first shown); it must not submit the form (that would load).
            pick(active >= 0 ? active : (shown[0] ?? 0))
          } else if (e.key === 'Escape' && showList) {
            setOpenState(false)
          } else return
          e.preventDefault()
        }}
      />
      {/* tabIndex -1: Chromium makes a scrolling box without focusable children a Tab stop of its
          own; Tab from the field would land on this list, which the field's blur then hides, and
          focus would fall to the page. The field keeps focus: the arrows move through the list. */}
      <ul id={listId} role="listbox" aria-label={listLabel} className="combobox-list" hidden={!showList} onScroll={onScroll} tabIndex={-1}>
        {groups
          ? [...groups].map(([group, items]) => (
              <li key={group} role="group" aria-label={group}>
                <span className="muted" aria-hidden="true">
                  {group}
                </span>
                <ul role="presentation">{items.map(({ option, index }) => renderOption(option, index))}</ul>
              </li>
            ))
          : options.map(renderOption)}
      </ul>
      {error && (
        <span id={`${id}-error`} className="error">
          {error}
        </span>
      )}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {footer && <div id={`${id}-footer`}>{footer}</div>}
    </div>
  )
}

/** Options by group name, each kept with its index in `options` (what onPick and the arrows use). */
function groupOptions(options: readonly ComboboxOption[]): Map<string, { option: ComboboxOption; index: number }[]> {
  const groups = new Map<string, { option: ComboboxOption; index: number }[]>()
  options.forEach((option, index) => {
    const name = option.group ?? ''
    const members = groups.get(name)
    if (members) members.push({ option, index })
    else groups.set(name, [{ option, index }])
  })
  return groups
}

/**
 * One suggestion of a listbox under a combobox input (this field's, and the console's Path field):
 * `active` is the one the arrows highlight, the one `aria-activedescendant` names.
 */
export function ListboxOption({ id, active, disabled, onPick, children }: { id: string; active: boolean; disabled?: boolean; onPick(): void; children: ReactNode }) {
  const item = useRef<HTMLLIElement>(null)
  // The arrows' highlight stays in sight in a list that scrolls, so what Enter picks is what is seen.
  useEffect(() => {
    if (active) item.current?.scrollIntoView?.({ block: 'nearest' })
  }, [active])
  return (
    <li
      ref={item}
      id={id}
      role="option"
      aria-selected={active}
      aria-disabled={disabled || undefined}
      data-active={active || undefined}
      // mousedown, not click: the input's blur would close the list first.
      onMouseDown={(e) => {
        e.preventDefault()
        onPick()
      }}
    >
      {children}
    </li>
  )
}
