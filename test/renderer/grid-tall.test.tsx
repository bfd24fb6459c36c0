// @vitest-environment happy-dom
// Ten million rows are 340 million pixels of grid, ten times what Chromium can lay out (about
// 33.5 million): the scroll box stays within MAX_SCROLL_HEIGHT and its offset maps onto the whole
// list, so the first, middle and last rows can all be scrolled to, and the keyboard reaches them.
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ROW_HEIGHT } from '../../renderer/features/browse/DataGrid'
import { MAX_SCROLL_HEIGHT } from '../../renderer/features/browse/use-virtual-window'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

const ROWS = 10_000_000
const VIEWPORT = 680

withGridViewport(VIEWPORT)

const translateY = (element: Element | null): number => Number(/translateY\((-?[\d.e+-]+)px\)/.exec((element as HTMLElement | null)?.style.transform ?? '')?.[1] ?? NaN)

/** Where each rendered body row's top is in the scroll box (the layer's shift plus the row's place in it), by row position. */
function rowTops(grid: HTMLElement): Map<number, number> {
  const layer = grid.querySelector('.grid-rows')
  const shift = translateY(layer)
  const tops = new Map<number, number>()
  for (const row of layer?.querySelectorAll('[role="row"]') ?? []) tops.set(Number(row.getAttribute('aria-rowindex')) - 2, shift + translateY(row))
  return tops
}

async function scrollTo(grid: HTMLElement, top: number) {
  grid.scrollTop = top
  fireEvent.scroll(grid)
}

describe('a grid of ten million rows', () => {
  it('scrolls to the first, middle and last rows within a scroll box Chromium can lay out', async () => {
    const profile = makeProfile({ name: 'Acme', scopes: ['user:read:admin'] })
    const app = await renderApp({ profiles: [profile], rowCount: ROWS, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['user:read:admin'], hasRefreshToken: false, expiresAt: Date.now() + 3_600_000 }] })
    await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await app.user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await app.user.click(await screen.findByRole('button', { name: 'Load users' }))
    const grid = await screen.findByRole('grid', { name: 'Users' })
    await waitFor(() => expect(screen.getByTestId('row-count').textContent).toBe(`${ROWS.toLocaleString()} rows`))

    const body = grid.querySelector('.grid-body') as HTMLElement
    expect(Number.parseFloat(body.style.height)).toBe(MAX_SCROLL_HEIGHT)
    const bottom = MAX_SCROLL_HEIGHT - VIEWPORT

    // The bottom of the scroll box shows the last row, its foot at the box's foot.
    await scrollTo(grid, bottom)
    await waitFor(() => expect(rowTops(grid).has(ROWS - 1)).toBe(true))
    expect(rowTops(grid).get(ROWS - 1)).toBeCloseTo(bottom + VIEWPORT - ROW_HEIGHT, 3)
    await waitFor(() => expect(app.fake.callsOf('data.rows').some((r) => r.offset + r.limit >= ROWS)).toBe(true))

    // Half way down shows the rows half way through the list, where the viewport is.
    await scrollTo(grid, bottom / 2)
    const middle = Math.floor((ROWS * ROW_HEIGHT - VIEWPORT) / 2 / ROW_HEIGHT)
    await waitFor(() => expect(rowTops(grid).has(middle)).toBe(true))
    const top = rowTops(grid).get(middle) as number
    expect(top).toBeGreaterThan(bottom / 2 - ROW_HEIGHT)
    expect(top).toBeLessThan(bottom / 2 + ROW_HEIGHT)
    // Consecutive rows stay one row apart.
    expect((rowTops(grid).get(middle + 1) as number) - top).toBeCloseTo(ROW_HEIGHT, 6)

    // End and Home reach the last and first rows whole.
    grid.focus()
    await app.user.keyboard('{End}')
    // happy-dom sends no scroll event when scrollTop is set; a browser does, and the rows follow it.
    fireEvent.scroll(grid)
    await waitFor(() => expect(grid.getAttribute('aria-activedescendant')).toMatch(new RegExp(`-row-${ROWS - 1}$`)))
    await waitFor(() => expect(rowTops(grid).has(ROWS - 1)).toBe(true))
    const lastTop = rowTops(grid).get(ROWS - 1) as number
    expect(lastTop).toBeGreaterThanOrEqual(grid.scrollTop - 0.001)
    expect(lastTop + ROW_HEIGHT).toBeLessThanOrEqual(grid.scrollTop + VIEWPORT + 0.001)
    await app.user.keyboard('{Home}')
    fireEvent.scroll(grid)
    await waitFor(() => expect(grid.scrollTop).toBe(0))
    await waitFor(() => expect(rowTops(grid).get(0)).toBe(0))
  })
})
