// The live list: newest first, virtualized, read from main's events dataset in windows (like a
// crawl's grid), with a filter by type, pause (the list stops following new events) and counts.
import { useEffect, useId, useState } from 'react'
import type { EventsStatus } from '../../../common/contract/index'
import { errorMessage } from '../../ipc'
import { useStore } from '../../store/index'
import { EMPTY_GRID_VIEW } from '../../store/slices/browse'
import { useRowWindows } from '../browse/use-row-windows'
import { useVirtualWindow } from '../browse/use-virtual-window'
import { formatCount, formatTime } from '../../shared/format'

const ROW_HEIGHT = 32
const NEWEST_FIRST = { column: 'received_at', direction: 'desc' } as const

export function EventList({ status, onOpen }: { status: EventsStatus & { datasetId: string }; onOpen(index: number): void }) {
  const { datasetId } = status
  const view = useStore((s) => s.gridViews[datasetId]) ?? EMPTY_GRID_VIEW
  const setGridView = useStore((s) => s.setGridView)
  const exportDataset = useStore((s) => s.exportDataset)
  const notify = useStore((s) => s.notify)
  const [paused, setPaused] = useState<number>()
  const shownCount = paused ?? status.received
  const type = view.equals?.event ?? ''
  useEffect(() => {
    if (!view.sort) setGridView(datasetId, { sort: NEWEST_FIRST })
  }, [datasetId, view.sort, setGridView])
  const rows = useRowWindows(datasetId, { ...view, sort: view.sort ?? NEWEST_FIRST }, shownCount)
  const types = Object.entries(status.counts).sort(([a], [b]) => a.localeCompare(b))
  const filterId = useId()

  const onExport = async (format: 'csv' | 'json') => {
    try {
      // Events have no coded values to label: Zoom's values as they came, plain CSV or JSON.
      const result = await exportDataset(datasetId, { format, values: 'raw', excel: false })
      if (result.path) notify({ tone: 'success', title: `Exported ${formatCount(result.rows)} ${result.rows === 1 ? 'event' : 'events'}`, description: result.path })
    } catch (error) {
      notify({ tone: 'error', title: 'Export failed', description: errorMessage(error) })
    }
  }

  return (
    <section className="card stack" aria-label="Received events">
      <div className="row events-toolbar">
        <label htmlFor={filterId}>Type</label>
        <select id={filterId} className="input" value={type} onChange={(e) => setGridView(datasetId, { equals: e.target.value ? { event: e.target.value } : undefined })}>
          <option value="">All types ({formatCount(status.received)})</option>
          {types.map(([name, count]) => (
            <option key={name} value={name}>
              {name} ({formatCount(count)})
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" aria-pressed={paused !== undefined} onClick={() => setPaused(paused === undefined ? status.received : undefined)}>
          {paused === undefined ? 'Pause' : `Resume (${formatCount(status.received - paused)} new)`}
        </button>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => void onExport('csv')}>
          Export CSV
        </button>
        <button type="button" className="btn btn-small" onClick={() => void onExport('json')}>
          Export JSON
        </button>
      </div>
      <ul className="events-counts" aria-label="Events per type">
        {types.map(([name, count]) => (
          <li key={name}>
            <span className="mono">{name}</span> <span className="badge">{formatCount(count)}</span>
          </li>
        ))}
      </ul>
      <EventRows rows={rows} onOpen={onOpen} />
    </section>
  )
}

function EventRows({ rows, onOpen }: { rows: ReturnType<typeof useRowWindows>; onOpen(index: number): void }) {
  const { scrollRef, items, count, bodyHeight, base, shift } = useVirtualWindow(rows, ROW_HEIGHT)
  if (count === 0) return <p className="muted">{rows.total === undefined ? 'Loading…' : 'No events match.'}</p>
  return (
    <div className="grid-frame">
      <div ref={scrollRef} className="grid-scroll events-scroll" role="grid" aria-label="Events" aria-rowcount={count}>
        <div role="rowgroup" className="grid-body" style={{ height: bodyHeight }}>
          <div className="grid-rows" style={{ transform: `translateY(${shift}px)` }}>
            {items.map((item) => {
              const row = rows.rowAt(item.index)
              const [receivedAt, event, summary, check] = row?.cells ?? []
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 1}
                  className="grid-row events-row"
                  style={{ transform: `translateY(${item.start - base}px)` }}
                  onClick={() => row && onOpen(row.index)}
                  onKeyDown={(e) => {
                    if (row && (e.key === 'Enter' || e.key === ' ')) {
                      e.preventDefault()
                      onOpen(row.index)
                    }
                  }}
                  tabIndex={0}
                >
                  <span role="gridcell" className="grid-cell mono">
                    {typeof receivedAt === 'string' ? formatTime(Date.parse(receivedAt)) : ''}
                  </span>
                  <span role="gridcell" className="grid-cell mono">
                    {String(event ?? '')}
                  </span>
                  <span role="gridcell" className="grid-cell">
                    {String(summary ?? '')}
                  </span>
                  <span role="gridcell" className="grid-cell" data-tone={check === 'ok' ? 'ok' : 'warn'}>
                    {String(check ?? '')}
                  </span>
                </div>
              )
            })}
          </div>
        </div>
      </div>
      {rows.error && (
        <p className="callout" data-tone="bad" role="alert">
          {rows.error}
        </p>
      )}
    </div>
  )
}
