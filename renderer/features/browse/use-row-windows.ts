// Fetches the grid's rows in pages as they scroll into view (data.rows), caching them per query.
// Never asks for all rows: only the pages that cover the visible window.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { RowsWindow } from '../../../common/contract/index'
import { errorMessage } from '../../ipc'
import { useStore } from '../../store/index'
import type { GridView } from '../../store/slices/browse'
import { gridQuery } from '../../store/slices/browse'

export const PAGE_SIZE = 100

export type GridRow = RowsWindow['rows'][number]

export interface RowWindows {
  /** Rows after filtering; undefined until the first page arrived. */
  total: number | undefined
  /** All rows of the dataset. */
  datasetTotal: number | undefined
  columns: string[]
  rowAt(position: number): GridRow | undefined
  /** Ask for the pages covering positions [first, last]. */
  ensure(first: number, last: number): void
  error: string | undefined
}

export function useRowWindows(datasetId: string, view: GridView, rowsInDataset: number): RowWindows {
  const fetchRows = useStore((s) => s.fetchRows)
  const query = gridQuery(view)
  const key = `${datasetId}|${rowsInDataset}|${JSON.stringify(query)}`
  const cache = useRef(new Map<number, GridRow[]>())
  const inFlight = useRef(new Set<number>())
  const currentKey = useRef(key)
  const [, setVersion] = useState(0)
  const [meta, setMeta] = useState<{ total?: number; datasetTotal?: number; columns: string[]; error?: string }>({ columns: view.columns ?? [] })

  const load = useCallback(
    (page: number) => {
      if (cache.current.has(page) || inFlight.current.has(page)) return
      inFlight.current.add(page)
      const forKey = currentKey.current
      fetchRows({ datasetId, offset: page * PAGE_SIZE, limit: PAGE_SIZE, ...query })
        .then((window) => {
          // A response for an older sort or filter is dropped, not mixed in.
          if (forKey !== currentKey.current) return
          cache.current.set(page, window.rows)
          // Keep the same columns array while it does not change, so rows that did not change stay memoised.
          setMeta((m) => ({ total: window.filteredTotal, datasetTotal: window.total, columns: m.columns.join('\n') === window.columns.join('\n') ? m.columns : window.columns }))
          setVersion((v) => v + 1)
        })
        .catch((error: unknown) => {
          if (forKey === currentKey.current) setMeta((m) => ({ ...m, error: errorMessage(error) }))
        })
        .finally(() => {
          if (forKey === currentKey.current) inFlight.current.delete(page)
        })
    },
    // `key` captures everything the query depends on.
    [key, fetchRows],
  )

  // A new query starts from an empty cache, keeping the previous counts until the first page lands.
  useEffect(() => {
    currentKey.current = key
    cache.current = new Map()
    inFlight.current = new Set()
    setMeta((m) => ({ ...m, error: undefined }))
    load(0)
  }, [key, load])

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) load(page)
    },
    [load],
  )

  return {
    total: meta.total,
    datasetTotal: meta.datasetTotal,
    columns: meta.columns,
    error: meta.error,
    rowAt: (position) => cache.current.get(Math.floor(position / PAGE_SIZE))?.[position % PAGE_SIZE],
    ensure,
  }
}
