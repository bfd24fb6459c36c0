// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ROW_HEIGHT } from '../../renderer/features/browse/DataGrid'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

const ROWS = 100_000
const VIEWPORT = 680

withGridViewport(VIEWPORT)

async function loadUsers(rowCount = ROWS) {
  const profile = makeProfile({ name: 'Acme', scopes: ['user:read:admin'] })
  const app = await renderApp({ profiles: [profile], rowCount, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['user:read:admin'], hasRefreshToken: false, expiresAt: Date.now() + 3_600_000 }] })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Browse' }))
  await app.user.click(await screen.findByRole('button', { name: 'Load users' }))
  const grid = await screen.findByRole('grid', { name: 'Users' })
  await waitFor(() => expect(screen.getByTestId('row-count').textContent).toBe(`${rowCount.toLocaleString()} rows`))
  await waitFor(() => expect(within(grid).getAllByRole('gridcell')[1]?.textContent).not.toBe(''))
  return { ...app, grid }
}

const bodyRows = (grid: HTMLElement) => within(grid).getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1')

describe('data grid', () => {
  it('keeps only a window of 100,000 rows in the DOM and fetches only the pages it shows', async () => {
    const { grid, fake } = await loadUsers()
    expect(grid.getAttribute('aria-rowcount')).toBe(String(ROWS + 1))
    const rendered = bodyRows(grid)
    expect(rendered.length).toBeGreaterThan(VIEWPORT / ROW_HEIGHT - 1)
    expect(rendered.length).toBeLessThan(60)
    const requests = fake.callsOf('data.rows')
    expect(requests.every((r) => r.limit <= 100)).toBe(true)
    expect(requests.reduce((n, r) => n + r.limit, 0)).toBeLessThanOrEqual(200)
    expect(requests[0]).toMatchObject({ offset: 0 })

    // Scrolling to the middle asks for the rows there, not for everything in between.
    const before = requests.length
    grid.scrollTop = 50_000 * ROW_HEIGHT
    fireEvent.scroll(grid)
    await waitFor(() => expect(fake.callsOf('data.rows').slice(before).some((r) => r.offset === 50_000)).toBe(true))
    const later = fake.callsOf('data.rows').slice(before)
    expect(later.length).toBeLessThanOrEqual(2)
    await waitFor(() => expect(bodyRows(grid).some((r) => r.getAttribute('aria-rowindex') === String(50_000 + 2))).toBe(true))
    expect(bodyRows(grid).length).toBeLessThan(60)
  })

  it('asks main to sort when a header is clicked: ascending, descending, then unsorted', async () => {
    const { grid, fake, user } = await loadUsers(5_000)
    const header = within(grid).getByRole('columnheader', { name: /Email/ })
    expect(header.getAttribute('aria-sort')).toBe('none')
    await user.click(within(header).getByRole('button'))
    await waitFor(() => expect(fake.callsOf('data.rows').at(-1)).toMatchObject({ offset: 0, sort: { column: 'email', direction: 'asc' } }))
    expect(within(grid).getByRole('columnheader', { name: /Email/ }).getAttribute('aria-sort')).toBe('ascending')
    const firstEmail = async () => {
      await waitFor(() => expect(within(bodyRows(grid)[0] as HTMLElement).getAllByRole('gridcell')[1]?.textContent).not.toBe(''))
      return within(bodyRows(grid)[0] as HTMLElement).getAllByRole('gridcell')[1]?.textContent
    }
    const ascending = await firstEmail()
    await user.click(within(within(grid).getByRole('columnheader', { name: /Email/ })).getByRole('button'))
    await waitFor(() => expect(fake.callsOf('data.rows').at(-1)).toMatchObject({ sort: { column: 'email', direction: 'desc' } }))
    await waitFor(async () => expect(await firstEmail()).not.toBe(ascending))
    await user.click(within(within(grid).getByRole('columnheader', { name: /Email/ })).getByRole('button'))
    await waitFor(() => expect(fake.callsOf('data.rows').at(-1)?.sort).toBeUndefined())
  })

  it('sorts from the keyboard: Enter and Space on a header’s button sort, and open no row', async () => {
    const { grid, fake, user } = await loadUsers(5_000)
    within(within(grid).getByRole('columnheader', { name: /Email/ })).getByRole('button').focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(fake.callsOf('data.rows').at(-1)).toMatchObject({ sort: { column: 'email', direction: 'asc' } }))
    await user.keyboard(' ')
    await waitFor(() => expect(fake.callsOf('data.rows').at(-1)).toMatchObject({ sort: { column: 'email', direction: 'desc' } }))
    expect(within(grid).getByRole('columnheader', { name: /Email/ }).getAttribute('aria-sort')).toBe('descending')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('filters in main and shows the filtered count', async () => {
    const { fake, user } = await loadUsers(5_000)
    await user.type(screen.getByRole('searchbox', { name: 'Filter rows' }), 'ada')
    await waitFor(() => expect(fake.callsOf('data.rows').at(-1)).toMatchObject({ offset: 0, filter: { text: 'ada' } }))
    await waitFor(() => expect(screen.getByTestId('row-count').textContent).toMatch(/^[\d,]+ of 5,000 rows$/))
  })

  it('opens a row in the detail drawer from the keyboard, with formatted and raw JSON', async () => {
    const { grid, fake, user } = await loadUsers(500)
    grid.focus()
    await user.keyboard('{ArrowDown}{Enter}')
    const drawer = await screen.findByRole('dialog', { name: 'User details' })
    expect(fake.callsOf('data.row')).toEqual([expect.objectContaining({ index: 1 })])
    await within(drawer).findByRole('tab', { name: 'Formatted' })
    expect(within(drawer).getByText('email')).toBeTruthy()
    await user.click(within(drawer).getByRole('tab', { name: 'Raw JSON' }))
    expect(within(drawer).getByLabelText('Row as JSON').textContent).toContain('"email"')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('lays out the header and every body row on one column template and one width', async () => {
    const { grid } = await loadUsers(500)
    const rowgroups = within(grid).getAllByRole('rowgroup')
    expect(rowgroups).toHaveLength(2)
    const [head, body] = rowgroups as [HTMLElement, HTMLElement]
    // One width for both (the columns' minimums here), so fr tracks resolve alike and scroll together.
    expect(head.style.minWidth).not.toBe('')
    expect(body.style.minWidth).toBe(head.style.minWidth)
    const headerRow = within(head).getByRole('row')
    const template = headerRow.style.gridTemplateColumns
    expect(template.split(/\s(?![^(]*\))/)).toHaveLength(within(headerRow).getAllByRole('columnheader').length)
    for (const row of bodyRows(grid)) expect(row.style.gridTemplateColumns).toBe(template)
  })

  it('shows crawl progress and cancels it', async () => {
    const profile = makeProfile({ name: 'Acme' })
    const { user, fake } = await renderApp({ profiles: [profile], manualJobs: true, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['user:read:admin'], hasRefreshToken: false }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    const bar = await screen.findByRole('progressbar', { name: 'Loading progress' })
    const [job] = [...fake.jobs.values()]
    fake.progressJob(job?.jobId ?? '', 120)
    await waitFor(() => expect(bar.getAttribute('value')).toBe('120'))
    await user.click(screen.getByRole('button', { name: 'Cancel loading' }))
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull())
    expect(fake.callsOf('data.cancel')).toEqual([{ jobId: job?.jobId }])
    expect(screen.getByText('Cancelled')).toBeTruthy()
  })
})
