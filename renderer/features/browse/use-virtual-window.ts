// A virtualized list over main's rows: only the rows in view are in the DOM, and the pages that
// cover them are asked of main as they scroll in (RowWindows.ensure).
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import type { RowWindows } from './use-row-windows'

export function useVirtualWindow(rows: Pick<RowWindows, 'total' | 'ensure'>, rowHeight: number) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = rows.total ?? 0
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 10 })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const { ensure } = rows
  useEffect(() => {
    if (count > 0) ensure(first, last)
  }, [first, last, count, ensure])
  return { scrollRef, virtualizer, items, count }
}
