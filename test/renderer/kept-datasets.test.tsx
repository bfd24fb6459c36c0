// @vitest-environment happy-dom
// Keeping a list is the person's choice: Keep this list puts it under "Kept on this computer" with
// its age, Open shows it again after the grid moved on, Refresh crawls it again in its place, and
// Settings → Kept data clears every kept list after a confirmation.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useStore } from '../../renderer/store/index'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

withGridViewport(500)

const SCOPES = ['user:read:admin']

async function loadUsers() {
  const profile = makeProfile({ name: 'Acme', scopes: SCOPES })
  const app = await renderApp({ profiles: [profile], rowCount: 40, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: SCOPES, hasRefreshToken: false }] })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Browse' }))
  await app.user.click(await screen.findByRole('button', { name: 'Load users' }))
  await screen.findByRole('grid', { name: 'Users' })
  return app
}

describe('kept lists', () => {
  it('keeps a loaded list, lists it with its age, and opens it again after a reload', async () => {
    const { user, fake } = await loadUsers()
    expect(screen.queryByTestId('kept-dataset')).toBeNull()
    await user.click(await screen.findByRole('button', { name: 'Keep this list' }))
    const kept = await screen.findByTestId('kept-dataset')
    expect(kept.textContent).toContain('40 rows · crawled just now')
    expect(screen.getByTestId('kept-note').textContent).toBe('Kept on this computer')
    // The button is gone once kept: focus goes to the note that took its place, not to the page.
    expect(document.activeElement).toBe(screen.getByTestId('kept-note'))
    const keptId = [...fake.kept.keys()][0]!

    // A new load replaces the grid's list; the kept one stays and opens again.
    await user.click(screen.getByRole('button', { name: 'Reload users' }))
    await waitFor(() => expect(screen.queryByTestId('kept-note')).toBeNull())
    await user.click(within(screen.getByTestId('kept-dataset')).getByRole('button', { name: 'Open' }))
    await waitFor(() => expect(screen.getByTestId('kept-note')).toBeTruthy())
    expect(fake.calls.filter((c) => c.name === 'data.openKept').map((c) => c.input)).toEqual([{ datasetId: keptId }])

    // Refresh crawls it again: the new crawl is the kept one.
    await user.click(within(screen.getByTestId('kept-dataset')).getByRole('button', { name: 'Refresh' }))
    await waitFor(() => expect([...fake.kept.keys()]).not.toContain(keptId))
    expect(fake.kept.size).toBe(1)
    expect(screen.getAllByTestId('kept-dataset')).toHaveLength(1)
  })

  it('keeps the grid’s sort, filter and columns with the list, and shows it so when opened after a restart', async () => {
    const { user, fake } = await loadUsers()
    const grid = screen.getByRole('grid', { name: 'Users' })
    await user.click(within(within(grid).getByRole('columnheader', { name: /Email/ })).getByRole('button'))
    await user.type(screen.getByRole('searchbox', { name: 'Filter rows' }), 'user')
    await waitFor(() => expect(fake.callsOf('data.rows').at(-1)).toMatchObject({ sort: { column: 'email', direction: 'asc' }, filter: { text: 'user' } }))
    await user.click(screen.getByRole('button', { name: 'Keep this list' }))
    await screen.findByTestId('kept-dataset')
    expect(fake.callsOf('data.keep').at(-1)).toMatchObject({ view: { sort: { column: 'email', direction: 'asc' }, filterText: 'user' } })

    // A restart: the page forgets every grid's view; the kept list remembers its own.
    await user.click(screen.getByRole('button', { name: 'Reload users' }))
    await waitFor(() => expect(screen.queryByTestId('kept-note')).toBeNull())
    useStore.setState({ gridViews: {} })
    await user.click(within(screen.getByTestId('kept-dataset')).getByRole('button', { name: 'Open' }))
    await waitFor(() => expect(screen.getByTestId('kept-note')).toBeTruthy())
    expect((screen.getByRole('searchbox', { name: 'Filter rows' }) as HTMLInputElement).value).toBe('user')
    expect(within(screen.getByRole('grid', { name: 'Users' })).getByRole('columnheader', { name: /Email/ }).getAttribute('aria-sort')).toBe('ascending')
    await waitFor(() => expect(fake.callsOf('data.rows').at(-1)).toMatchObject({ sort: { column: 'email', direction: 'asc' }, filter: { text: 'user' } }))
  })

  it('clears every kept list from Settings after a confirmation', async () => {
    const { user, fake } = await loadUsers()
    await user.click(await screen.findByRole('button', { name: 'Keep this list' }))
    await screen.findByTestId('kept-dataset')
    await user.click(screen.getByRole('button', { name: /Settings/ }))
    const summary = await screen.findByTestId('kept-summary')
    await waitFor(() => expect(summary.textContent).toBe('1 kept list, 40 rows.'))
    expect((screen.getByRole('combobox', { name: 'Delete kept lists after' }) as HTMLSelectElement).value).toBe('30')
    await user.click(screen.getByRole('button', { name: 'Clear kept data…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Clear kept data?' })
    await user.click(within(dialog).getByRole('button', { name: 'Clear kept data' }))
    await waitFor(() => expect(screen.getByTestId('kept-summary').textContent).toBe('No lists are kept.'))
    expect(fake.kept.size).toBe(0)
  })
})
