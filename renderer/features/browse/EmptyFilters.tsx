// Under the grid's toolbar: "Empty" / "Not empty" per column, so a question like "which users
// never signed in?" (Last sign-in empty) has an answer. A column and a choice are picked with
// native selects and added with a button (all keyboard-operable); each active filter shows as a
// chip whose button clears it. Main decides what empty is (missing, null, '', [] or {}).
import { useId, useRef, useState } from 'react'
import type { BrowseResource } from '../../../common/zoom/browse/browse-resource'
import { columnSpec } from './columns'

export interface EmptyFiltersProps {
  resource: BrowseResource
  /** The columns the grid shows: the ones offered. */
  columns: readonly string[]
  /** Column → empty (true) or not empty (false). */
  empty: Readonly<Record<string, boolean>> | undefined
  onChange(empty: Record<string, boolean> | undefined): void
}

export function EmptyFilters({ resource, columns, empty, onChange }: EmptyFiltersProps) {
  const id = useId()
  const active = Object.entries(empty ?? {})
  const [column, setColumn] = useState('')
  const [wanted, setWanted] = useState<'empty' | 'not-empty'>('empty')
  const chosen = columns.includes(column) ? column : (columns[0] ?? '')
  const label = (path: string) => columnSpec(resource, path).label
  // A chip's clear button goes with its chip: focus goes back to the column picker.
  const columnSelect = useRef<HTMLSelectElement>(null)

  const set = (path: string, value: boolean | undefined) => {
    const next = Object.fromEntries(Object.entries(empty ?? {}).filter(([key]) => key !== path))
    if (value !== undefined) next[path] = value
    onChange(Object.keys(next).length > 0 ? next : undefined)
  }

  return (
    <div className="row wrap" role="group" aria-label="Empty values">
      <label htmlFor={`${id}-column`} className="muted">
        Rows where
      </label>
      <select ref={columnSelect} id={`${id}-column`} className="input" value={chosen} onChange={(e) => setColumn(e.target.value)}>
        {columns.map((path) => (
          <option key={path} value={path}>
            {label(path)}
          </option>
        ))}
      </select>
      <select aria-label="is" className="input" value={wanted} onChange={(e) => setWanted(e.target.value === 'not-empty' ? 'not-empty' : 'empty')}>
        <option value="empty">is empty</option>
        <option value="not-empty">is not empty</option>
      </select>
      <button type="button" className="btn btn-small" disabled={chosen === ''} onClick={() => set(chosen, wanted === 'empty')}>
        Add filter
      </button>
      {active.length > 0 && (
        <ul className="chips" aria-label="Active empty filters">
          {active.map(([path, isEmpty]) => {
            const text = `${label(path)}: ${isEmpty ? 'empty' : 'not empty'}`
            return (
              <li key={path} className="chip">
                <span>{text}</span>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Clear filter ${text}`}
                  onClick={() => {
                    set(path, undefined)
                    columnSelect.current?.focus()
                  }}
                >
                  ×
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
