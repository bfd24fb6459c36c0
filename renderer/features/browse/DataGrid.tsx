// A virtualized grid over a dataset kept in main: only the visible rows are in the DOM, and only
// the pages covering them are fetched. Sortable headers, keyboard navigation (arrows, Page Up/Down,
// Home/End, Enter opens the row, Space selects it), optional multi-select.
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { ColumnSpec } from '../../../common/zoom/catalog'
import type { BrowseResource } from '../../../common/zoom/browse/browse-resource'
import type { GridView } from '../../store/slices/browse'
import { columnSpec, formatCell, isNumeric } from './columns'
import type { GridRow, RowWindows } from './use-row-windows'
import { useVirtualWindow } from './use-virtual-window'

export const ROW_HEIGHT = 34

const SELECT_COLUMN_PX = 40

interface ColumnTrack {
  /** Never narrower than this: below it the grid scrolls sideways instead. */
  minPx: number
  /** Share of the width left over when the view is wider than all the minimums. */
  grow: number
}

/** Long free text (emails, topics, URLs) gets more room than codes and numbers. */
function columnTrack(spec: ColumnSpec): ColumnTrack {
  if (isNumeric(spec)) return { minPx: 96, grow: 0.6 }
  if (spec.format === 'datetime') return { minPx: 170, grow: 1 }
  if (/(email|topic|name|url|uuid)$/i.test(spec.path)) return { minPx: 220, grow: 1.6 }
  return { minPx: 130, grow: 1 }
}

/**
 * One column template for the header row and every body row, and the width all of them share:
 * the view's width, or the sum of the minimums when that is wider. Rows of equal width with the
 * same template resolve their fr tracks identically, so header and body cells line up, and the
 * head and body (both in the one scroll box) scroll sideways together.
 */
export function gridLayout(specs: readonly ColumnSpec[]): { template: string; minWidth: number } {
  const tracks = specs.map(columnTrack)
  const template = [`${SELECT_COLUMN_PX}px`, ...tracks.map((t) => `minmax(${t.minPx}px, ${t.grow}fr)`)].join(' ')
  const minWidth = tracks.reduce((sum, t) => sum + t.minPx, SELECT_COLUMN_PX)
  return { template, minWidth }
}

export interface DataGridProps {
  resource: BrowseResource
  rows: RowWindows
  view: GridView
  onSort(column: string): void
  onOpen(index: number): void
  /** Present = multi-select (recordings): dataset row indexes. */
  /** Every list's rows can be selected (to export them; recordings also to download them). */
  selection: ReadonlySet<number>
  onToggle(index: number): void
  label: string
  /** The grid's focusable element, so focus can come back to it (after Clear selection). */
  gridRef?: React.RefObject<HTMLDivElement | null>
}

export function DataGrid({ resource, rows, view, onSort, onOpen, selection, onToggle, label, gridRef }: DataGridProps) {
  const id = useId()
  const [active, setActive] = useState(0)
  const { scrollRef, items, count, bodyHeight, base, shift, scrollToRow } = useVirtualWindow(rows, ROW_HEIGHT)
  const setGridElement = useCallback(
    (element: HTMLDivElement | null) => {
      scrollRef.current = element
      if (gridRef) gridRef.current = element
    },
    [scrollRef, gridRef],
  )

  useEffect(() => {
    if (active >= count && count > 0) setActive(count - 1)
  }, [active, count])

  const specs = useMemo(() => rows.columns.map((path) => columnSpec(resource, path)), [rows.columns, resource])
  const sortNote = useSortNote(resource, view.sort)
  const { template, minWidth } = useMemo(() => gridLayout(specs), [specs])
  const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1)

  const move = (to: number) => {
    const next = Math.max(0, Math.min(count - 1, to))
    setActive(next)
    scrollToRow(next)
  }
  const onKeyDown = (event: React.KeyboardEvent) => {
    // Keys on a control inside the grid (a column's sort button) are that control's: Enter on
    // "Name" sorts by name, it does not open the active row's details.
    if (event.target !== event.currentTarget) return
    if (count === 0) return
    const row = rows.rowAt(active)
    switch (event.key) {
      case 'ArrowDown':
        move(active + 1)
        break
      case 'ArrowUp':
        move(active - 1)
        break
      case 'PageDown':
        move(active + pageSize)
        break
      case 'PageUp':
        move(active - pageSize)
        break
      case 'Home':
        move(0)
        break
      case 'End':
        move(count - 1)
        break
      case 'Enter':
        if (row) onOpen(row.index)
        break
      case ' ':
        if (row) onToggle(row.index)
        break
      default:
        return
    }
    event.preventDefault()
  }

  return (
    <div className="grid-frame">
      <div
        ref={setGridElement}
        className="grid-scroll"
        role="grid"
        aria-label={label}
        aria-rowcount={count + 1}
        aria-colcount={specs.length + 1}
        aria-multiselectable
        aria-activedescendant={count > 0 && items.some((i) => i.index === active) ? `${id}-row-${active}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className="grid-head" style={{ minWidth }}>
          <div role="row" aria-rowindex={1} className="grid-row head" style={{ gridTemplateColumns: template }}>
            <div role="columnheader" className="grid-cell">
              <span className="visually-hidden">Selected</span>
            </div>
            {specs.map((spec) => {
              const sorted = view.sort?.column === spec.path ? view.sort.direction : undefined
              return (
                <div key={spec.path} role="columnheader" className="grid-cell" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} data-numeric={isNumeric(spec) || undefined}>
                  <button type="button" className="sort-button" onClick={() => onSort(spec.path)} title={`Sort by ${spec.label}`}>
                    <span className="sort-label">{spec.label}</span>
                    <span aria-hidden="true" className="sort-mark">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                </div>
              )
            })}
          </div>
        </div>
        <div role="rowgroup" className="grid-body" style={{ height: bodyHeight, minWidth }}>
          <div className="grid-rows" style={{ transform: `translateY(${shift}px)` }}>
            {items.map((item) => {
              const row = rows.rowAt(item.index)
              return (
                <DataRow
                  key={item.key}
                  id={`${id}-row-${item.index}`}
                  position={item.index}
                  start={item.start - base}
                  row={row}
                  specs={specs}
                  template={template}
                  active={item.index === active}
                  selected={row !== undefined && selection.has(row.index)}
                  onActivate={setActive}
                  onOpen={onOpen}
                  onToggle={onToggle}
                />
              )
            })}
          </div>
        </div>
      </div>
      <span className="visually-hidden" role="status">
        {sortNote}
      </span>
      {rows.error && (
        <p className="callout" data-tone="bad" role="alert">
          {rows.error}
        </p>
      )}
    </div>
  )
}

interface DataRowProps {
  id: string
  position: number
  start: number
  row: GridRow | undefined
  specs: ColumnSpec[]
  template: string
  active: boolean
  selected: boolean
  onActivate(position: number): void
  onOpen(index: number): void
  onToggle(index: number): void
}

/** A row re-renders only when its own data, position or state changes, not on every scroll frame. */
const DataRow = memo(function DataRow({ id, position, start, row, specs, template, active, selected, onActivate, onOpen, onToggle }: DataRowProps) {
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={position + 2}
      aria-selected={selected}
      className="grid-row"
      data-active={active || undefined}
      data-loading={!row || undefined}
      style={{ gridTemplateColumns: template, transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      onClick={(event) => {
        // The row's one click handler serves its selection cell too (the box, or the cell around
        // it): no handlers of their own in each of the rows a scroll brings in.
        if (row && event.target instanceof Element && event.target.closest('[data-select-cell]')) {
          onToggle(row.index)
          return
        }
        onActivate(position)
        if (row) onOpen(row.index)
      }}
    >
      {/* Present in a row still loading too, empty: its other cells stay under their headers. */}
      <div role="gridcell" className="grid-cell" data-select-cell="">
        {row && <input type="checkbox" tabIndex={-1} aria-label={`Select row ${position + 1}`} checked={selected} readOnly />}
      </div>
      {specs.map((spec, c) => (
        <div key={spec.path} role="gridcell" className="grid-cell" data-numeric={isNumeric(spec) || undefined}>
          {row ? formatCell(spec, row.cells[c] ?? null) : <span className="skeleton" aria-hidden="true" />}
        </div>
      ))}
    </div>
  )
})

/**
 * What a screen reader is told after a header's sort button is pressed. The button keeps focus and
 * its name, and aria-sort changing on its header is not read while focus stays there, so without
 * this the new order went unannounced. Empty until the sort first changes (nothing to say on load).
 */
function useSortNote(resource: BrowseResource, sort: GridView['sort']): string {
  const [note, setNote] = useState('')
  const column = sort?.column
  const direction = sort?.direction
  // The order last seen: a note only when it changes (not when the grid first shows, nor when an
  // effect runs twice for the same order).
  const shown = useRef(`${column}|${direction}`)
  useEffect(() => {
    const now = `${column}|${direction}`
    if (now === shown.current) return
    shown.current = now
    setNote(column && direction ? `Sorted by ${columnSpec(resource, column).label}, ${direction === 'asc' ? 'ascending' : 'descending'}` : 'Not sorted: rows in the order Zoom listed them')
  }, [resource, column, direction])
  return note
}
