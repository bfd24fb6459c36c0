// @vitest-environment happy-dom
// A list past MAX_SCROLL_HEIGHT scrolls through a compressed box whose offset is scaled onto the
// whole list, and the scale depends on the row count. The count changes without any scroll (a
// crawl's pages arriving, a filter): the rows the person was looking at must stay in the box's
// viewport, not be drawn where the old scale would have put them (a blank grid until the next
// scroll). The probe lays rows out as DataGrid and EventList do (a layer moved by `shift`, each
// row at `start - base`).
import { cleanup, fireEvent, render } from '@testing-library/react'
import { useMemo } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { useVirtualWindow } from '../../renderer/features/browse/use-virtual-window'
import { withGridViewport } from './grid-viewport'

const ROW = 34
const VIEWPORT = 680

withGridViewport(VIEWPORT)
afterEach(cleanup)

function Probe({ total }: { total: number }) {
  const rows = useMemo(() => ({ total, ensure: () => undefined }), [total])
  const { scrollRef, items, bodyHeight, base, shift } = useVirtualWindow(rows, ROW)
  return (
    <div ref={scrollRef} className="grid-scroll" data-testid="box">
      <div style={{ height: bodyHeight }}>
        <div className="grid-rows" style={{ transform: `translateY(${shift}px)` }}>
          {items.map((item) => (
            <div key={item.key} data-row={item.index} style={{ transform: `translateY(${item.start - base}px)` }} />
          ))}
        </div>
      </div>
    </div>
  )
}

const translateY = (element: Element | null): number => Number(/translateY\((-?[\d.e+-]+)px\)/.exec((element as HTMLElement | null)?.style.transform ?? '')?.[1] ?? NaN)

/** The row whose box covers the top of the scroll box's viewport, if one is drawn there. */
function rowAtTop(box: HTMLElement): number | undefined {
  const layer = box.querySelector('.grid-rows')
  const shift = translateY(layer)
  for (const row of layer?.querySelectorAll('[data-row]') ?? []) {
    const top = shift + translateY(row)
    if (top <= box.scrollTop + 0.5 && top + ROW > box.scrollTop + 0.5) return Number(row.getAttribute('data-row'))
  }
  return undefined
}

function scrolledTo(total: number, top: number) {
  const view = render(<Probe total={total} />)
  const box = view.getByTestId('box')
  box.scrollTop = top
  fireEvent.scroll(box)
  const before = rowAtTop(box)
  expect(before).toBeDefined()
  return { ...view, box, before }
}

describe('a tall list whose row count changes while scrolled', () => {
  it('keeps the rows in view when it grows past the height the box can have', () => {
    // 800,000 rows fit (27.2 million px); 2,000,000 do not.
    const { box, before, rerender } = scrolledTo(800_000, 20_000_000)
    rerender(<Probe total={2_000_000} />)
    expect(rowAtTop(box)).toBe(before)
  })

  it('keeps the rows in view when a compressed list grows or shrinks', () => {
    const { box, before, rerender } = scrolledTo(2_000_000, 12_000_000)
    rerender(<Probe total={3_000_000} />)
    expect(rowAtTop(box)).toBe(before)
    rerender(<Probe total={1_500_000} />)
    expect(rowAtTop(box)).toBe(before)
  })
})
