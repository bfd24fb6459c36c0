// A virtualized list over main's rows: only the rows in view are in the DOM, and the pages that
// cover them are asked of main as they scroll in (RowWindows.ensure).
//
// Chromium cannot lay out an element taller than about 33.5 million pixels, one million rows of
// the grid: past that the last rows could not be scrolled to. A list taller than
// MAX_SCROLL_HEIGHT scrolls through a compressed range instead: the scroll box is that tall, and
// its scroll offset maps linearly onto the whole list (top to the first row, bottom to the last),
// so a pixel scrolled moves the rows `scale` pixels. The virtualizer works in the list's own
// pixels; only the scroll box's offset is scaled, when read and when written.
import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useLayoutEffect, useReducer, useRef } from 'react'
import type { RowWindows } from './use-row-windows'

export const MAX_SCROLL_HEIGHT = 30_000_000
/** Rows are placed from a base that moves in steps of this many pixels, so their positions stay small numbers that change only when it moves. */
const BASE_STEP = 1_000_000

/**
 * How many of the list's pixels one pixel of the scroll box stands for (1 for a list that fits):
 * the scroll box's whole range (its scroll height, the header included, less its height) covers
 * the list's whole range, which is longer by the pixels the box leaves out.
 */
export function scrollScale(listHeight: number, box: Pick<HTMLElement, 'scrollHeight' | 'clientHeight'> | null): number {
  if (listHeight <= MAX_SCROLL_HEIGHT) return 1
  const viewport = box?.clientHeight ?? 0
  // Before the box is laid out (or where nothing is laid out) its range is the rows' own.
  const range = box && box.scrollHeight > viewport ? box.scrollHeight - viewport : MAX_SCROLL_HEIGHT - viewport
  return 1 + (listHeight - MAX_SCROLL_HEIGHT) / range
}

export function useVirtualWindow(rows: Pick<RowWindows, 'total' | 'ensure'>, rowHeight: number) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = rows.total ?? 0
  const listHeight = count * rowHeight
  const scaleOf = () => scrollScale(listHeight, scrollRef.current)
  const scale = useRef(scaleOf)
  scale.current = scaleOf
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    observeElementOffset: (instance, report) => observeElementOffset(instance, (offset, scrolling) => report(offset * scale.current(), scrolling)),
    scrollToFn: (offset, options, instance) => elementScroll(offset / scale.current(), options, instance),
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const { ensure } = rows
  useEffect(() => {
    if (count > 0) ensure(first, last)
  }, [first, last, count, ensure])

  const k = scaleOf()
  const bodyHeight = Math.min(listHeight, MAX_SCROLL_HEIGHT)
  const offset = virtualizer.scrollOffset ?? 0
  // A row's top in the scroll box is where the box's offset is, plus the row's distance from the
  // list's offset: `base + row.start - base` with the rows inside a layer moved by `shift`.
  const base = k === 1 ? 0 : Math.floor(offset / BASE_STEP) * BASE_STEP
  const shift = k === 1 ? 0 : offset / k - offset + base

  // The scale changes without a scroll when the row count does (a crawl's pages arriving, a
  // filter) or the box is resized: the box's offset still stands for the old scale, so the rows in
  // view would be drawn far from the viewport until the next scroll. The box is moved to where
  // those rows are at the new scale, and drawn again if the scale it was drawn with (read before
  // this layout) was not the one the box has now.
  const [, redraw] = useReducer((n: number) => n + 1, 0)
  const laidOut = useRef<number | undefined>(undefined)
  useLayoutEffect(() => {
    const element = scrollRef.current
    if (!element) return
    const now = scrollScale(listHeight, element)
    const before = laidOut.current
    laidOut.current = now
    if (before === undefined || before === now) return
    if (offset > 0) element.scrollTop = offset / now
    if (now !== k) redraw()
  })

  /** Scrolls the least that shows the row whole (the virtualizer's own 'auto' when the list fits). */
  const scrollToRow = (index: number) => {
    const element = scrollRef.current
    if (k === 1 || !element) {
      virtualizer.scrollToIndex(index, { align: 'auto' })
      return
    }
    const top = index * rowHeight
    // The rows' part of the box: its height less what sits above the rows (the sticky header).
    const above = element.scrollHeight > bodyHeight ? element.scrollHeight - bodyHeight : 0
    const viewport = element.clientHeight - above
    // Rounded towards the row, so the scaled offset never leaves a part of it hidden.
    if (top < offset) element.scrollTop = Math.floor(top / k)
    else if (top + rowHeight > offset + viewport) element.scrollTop = Math.ceil((top + rowHeight - viewport) / k)
  }

  return { scrollRef, items, count, bodyHeight, base, shift, scrollToRow }
}
