// @vitest-environment happy-dom
// Every list's grid has a selection column (not only recordings'), and the export dialog offers
// the selected rows alone: checked by default when rows are selected, reachable from the keyboard,
// and still the rows selected when a filter changed since.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { MAX_SELECTED_ROWS } from '../../common/contract/define'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

withGridViewport(500)

const SCOPES = ['user:read:admin']

async function loadUsers(rowCount = 60) {
  const profile = makeProfile({ name: 'Acme', scopes: SCOPES })
  const app = await renderApp({ profiles: [profile], rowCount, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: SCOPES, hasRefreshToken: false }] })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Browse' }))
  await app.user.click(await screen.findByRole('button', { name: 'Load users' }))
  const grid = await screen.findByRole('grid', { name: 'Users' })
  await within(grid).findByRole('checkbox', { name: 'Select row 1' })
  return { ...app, grid }
}

async function openExport(user: Awaited<ReturnType<typeof loadUsers>>['user'], format: string) {
  await user.click(screen.getByRole('button', { name: /Export/ }))
  await user.click(await screen.findByRole('menuitem', { name: format }))
}

describe('selecting rows of any list', () => {
  it('a users grid selects rows with Space (again: unselects) and offers no download', async () => {
    const { user, grid } = await loadUsers()
    expect(screen.getByText('Select rows with the checkboxes or Space.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Download selected' })).toBeNull()
    expect(screen.queryByRole('group', { name: 'Files to download' })).toBeNull()
    grid.focus()
    await user.keyboard(' ')
    await screen.findByText('1 selected')
    await user.keyboard('{ArrowDown} ')
    await screen.findByText('2 selected')
    expect((within(grid).getByRole('checkbox', { name: 'Select row 2' }) as HTMLInputElement).checked).toBe(true)
    await user.keyboard(' ')
    await screen.findByText('1 selected')
    expect((within(grid).getByRole('checkbox', { name: 'Select row 2' }) as HTMLInputElement).checked).toBe(false)
  })

  it('offers no "Select all" past the bound of a selection, and says how to get under it', async () => {
    await loadUsers(MAX_SELECTED_ROWS + 1)
    expect(screen.queryByRole('button', { name: /^Select all/ })).toBeNull()
    expect(screen.getByText('Filter to 100,000 rows or fewer to select them all.')).toBeTruthy()
  })
})

describe('exporting the selected rows', () => {
  it('offers only the selected rows, checked by default, and sends their indexes; all rows on request', async () => {
    const { user, grid, fake } = await loadUsers()
    // With nothing selected there is no choice of rows.
    await openExport(user, 'CSV file…')
    let dialog = await screen.findByRole('dialog', { name: 'Export 60 rows' })
    expect(within(dialog).queryByRole('group', { name: 'Rows' })).toBeNull()
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))

    await user.click(within(grid).getByRole('checkbox', { name: 'Select row 3' }))
    await user.click(within(grid).getByRole('checkbox', { name: 'Select row 1' }))
    // A click on a row's box selects it, and only that: the row's details stay closed.
    expect(screen.getByText('2 selected')).toBeTruthy()
    expect(screen.queryByRole('dialog', { name: /details/ })).toBeNull()
    // So does a click in the cell around the box, which is small.
    const cellOfRow5 = within(grid).getByRole('checkbox', { name: 'Select row 5' }).closest('[role=gridcell]') as HTMLElement
    await user.click(cellOfRow5)
    expect(screen.getByText('3 selected')).toBeTruthy()
    expect(screen.queryByRole('dialog', { name: /details/ })).toBeNull()
    await user.click(cellOfRow5)
    expect(screen.getByText('2 selected')).toBeTruthy()
    await openExport(user, 'NDJSON file…')
    dialog = await screen.findByRole('dialog', { name: 'Export 2 rows' })
    expect((within(dialog).getByRole('radio', { name: 'Only the 2 selected rows' }) as HTMLInputElement).checked).toBe(true)
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(fake.lastExport).toMatchObject({ format: 'ndjson' }))
    expect([...(fake.lastExport?.rowIndexes ?? [])].sort()).toEqual([0, 2])
    expect(await screen.findByText('Exported 2 rows')).toBeTruthy()

    // The selection stays after an export; every row is one choice away.
    await openExport(user, 'CSV file…')
    dialog = await screen.findByRole('dialog', { name: 'Export 2 rows' })
    await user.click(within(dialog).getByRole('radio', { name: 'All 60 rows' }))
    expect(within(dialog).getByRole('heading', { name: 'Export 60 rows' })).toBeTruthy()
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(fake.lastExport).toMatchObject({ format: 'csv' }))
    expect(fake.lastExport?.rowIndexes).toBeUndefined()
  })

  it('the choice of rows is reached with Tab and changed with the arrow keys', async () => {
    const { user, grid, fake } = await loadUsers()
    await user.click(within(grid).getByRole('checkbox', { name: 'Select row 2' }))
    await openExport(user, 'JSON file…')
    const dialog = await screen.findByRole('dialog', { name: 'Export 1 row' })
    const only = within(dialog).getByRole('radio', { name: 'Only the 1 selected row' })
    for (let i = 0; i < 10 && document.activeElement !== only; i++) await user.tab()
    expect(document.activeElement).toBe(only)
    await user.keyboard('{ArrowDown}')
    expect((within(dialog).getByRole('radio', { name: 'All 60 rows' }) as HTMLInputElement).checked).toBe(true)
    await user.keyboard('{ArrowUp}')
    expect((only as HTMLInputElement).checked).toBe(true)
    await user.keyboard('{Enter}')
    await waitFor(() => expect(fake.lastExport).toMatchObject({ format: 'json', rowIndexes: [1] }))
  })

  it('rows selected before the filter changed are exported, and the dialog says so', async () => {
    const { user, grid, fake } = await loadUsers()
    await user.click(within(grid).getByRole('checkbox', { name: 'Select row 1' }))
    await user.type(screen.getByRole('searchbox', { name: 'Filter rows' }), 'zzz-nobody')
    await screen.findByText(/No rows match “zzz-nobody”/)
    await openExport(user, 'CSV file…')
    const dialog = await screen.findByRole('dialog', { name: 'Export 1 row' })
    expect(within(dialog).getByRole('radio', { name: 'All 0 rows the filter shows' })).toBeTruthy()
    expect(within(dialog).getByRole('heading', { name: 'Export 1 row' })).toBeTruthy()
    expect(await within(dialog).findByText('The filter hides the selected row; it is exported too.')).toBeTruthy()
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(fake.lastExport).toMatchObject({ rowIndexes: [0] }))
    expect(await screen.findByText('Exported 1 row')).toBeTruthy()
  })

  it('says nothing of hidden rows when the filter hides none of the selected ones, and counts them when it hides some', async () => {
    // Rows 4, 9 and 14 of 15 are inactive users.
    const { user, grid, fake } = await loadUsers(15)
    await user.type(screen.getByRole('searchbox', { name: 'Filter rows' }), 'inactive')
    await user.click(await screen.findByRole('button', { name: 'Select all 3' }))
    await screen.findByText('3 selected')
    await openExport(user, 'CSV file…')
    let dialog = await screen.findByRole('dialog', { name: 'Export 3 rows' })
    // Main was asked, and answered that the filter shows all three.
    await waitFor(() => expect(fake.callsOf('data.selectedShown')).toHaveLength(1))
    expect(fake.callsOf('data.selectedShown')[0]).toMatchObject({ filter: { text: 'inactive' } })
    await waitFor(() => expect(within(dialog).queryByText(/exported too/)).toBeNull())
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))

    // One more row ticked with no filter, then the filter back on: it hides that one.
    await user.clear(screen.getByRole('searchbox', { name: 'Filter rows' }))
    await screen.findByRole('button', { name: 'Select all 15' })
    await user.click(await within(grid).findByRole('checkbox', { name: 'Select row 1' }))
    await screen.findByText('4 selected')
    await user.type(screen.getByRole('searchbox', { name: 'Filter rows' }), 'inactive')
    await screen.findByRole('button', { name: 'Select all 3' })
    await openExport(user, 'CSV file…')
    dialog = await screen.findByRole('dialog', { name: 'Export 4 rows' })
    expect(await within(dialog).findByText('1 of the selected rows is hidden by the filter; it is exported too.')).toBeTruthy()
  })
})
