// @vitest-environment happy-dom
// "Which users never signed in?": the grid's "Rows where <column> is empty / is not empty" control,
// operated from the keyboard; the active filter shows as a chip that clears it, the row count
// follows, and Select all and Export ask main for the same rows.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useStore } from '../../renderer/store/index'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

withGridViewport(500)

const SCOPES = ['user:read:admin']
// The fake's pending users (every fifth) have no last sign-in: 12 of 60.
const ROWS = 60
const NEVER_SIGNED_IN = 12

async function loadUsers() {
  const profile = makeProfile({ name: 'Acme', scopes: SCOPES })
  const app = await renderApp({ profiles: [profile], rowCount: ROWS, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: SCOPES, hasRefreshToken: false }] })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Browse' }))
  await app.user.click(await screen.findByRole('button', { name: 'Load users' }))
  await within(await screen.findByRole('grid', { name: 'Users' })).findByRole('checkbox', { name: 'Select row 1' })
  await waitFor(() => expect(screen.getByTestId('row-count').textContent).toBe(`${ROWS} rows`))
  return app
}

describe('the empty filter', () => {
  it('finds the users who never signed in, from the keyboard, and clears again', async () => {
    const { user, fake } = await loadUsers()
    const group = screen.getByRole('group', { name: 'Empty values' })
    const column = within(group).getByRole('combobox', { name: 'Rows where' })
    await user.selectOptions(column, 'Last sign-in')
    within(group).getByRole('button', { name: 'Add filter' }).focus()
    await user.keyboard('{Enter}')

    const chips = await screen.findByRole('list', { name: 'Active empty filters' })
    expect(within(chips).getByText('Last sign-in: empty')).toBeTruthy()
    await waitFor(() => expect(screen.getByTestId('row-count').textContent).toBe(`${NEVER_SIGNED_IN} of ${ROWS} rows`))
    expect(fake.callsOf('data.rows').at(-1)?.filter).toEqual({ empty: { last_login_time: true } })

    // The same column again, now "is not empty": one filter per column, replaced.
    await user.selectOptions(within(group).getByRole('combobox', { name: 'is' }), 'is not empty')
    within(group).getByRole('button', { name: 'Add filter' }).focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByTestId('row-count').textContent).toBe(`${ROWS - NEVER_SIGNED_IN} of ${ROWS} rows`))
    expect(within(chips).getByText('Last sign-in: not empty')).toBeTruthy()
    expect(within(chips).queryByText('Last sign-in: empty')).toBeNull()

    const clear = within(chips).getByRole('button', { name: 'Clear filter Last sign-in: not empty' })
    clear.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByTestId('row-count').textContent).toBe(`${ROWS} rows`))
    expect(screen.queryByRole('list', { name: 'Active empty filters' })).toBeNull()
    expect(fake.callsOf('data.rows').at(-1)?.filter).toBeUndefined()
    // The clear button went with its chip: focus is on the column picker, not lost.
    expect(document.activeElement).toBe(column)
  })

  it('Select all and Export take the rows the empty filter shows', async () => {
    const { user, fake } = await loadUsers()
    const group = screen.getByRole('group', { name: 'Empty values' })
    await user.selectOptions(within(group).getByRole('combobox', { name: 'Rows where' }), 'Last sign-in')
    await user.click(within(group).getByRole('button', { name: 'Add filter' }))
    await user.click(await screen.findByRole('button', { name: `Select all ${NEVER_SIGNED_IN}` }))
    await screen.findByText(`${NEVER_SIGNED_IN} selected`)
    expect(fake.callsOf('data.select').at(-1)?.filter).toEqual({ empty: { last_login_time: true } })

    await user.click(screen.getByRole('button', { name: 'Clear selection' }))
    await user.click(screen.getByRole('button', { name: /Export/ }))
    await user.click(await screen.findByRole('menuitem', { name: 'JSON file…' }))
    const dialog = await screen.findByRole('dialog', { name: `Export ${NEVER_SIGNED_IN} rows` })
    // The dialog says the filter's rows are written, not every row.
    expect(within(dialog).getByText(/the filter shows/)).toBeTruthy()
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(fake.callsOf('data.export')).toHaveLength(1))
    expect(fake.callsOf('data.export')[0]?.filter).toEqual({ empty: { last_login_time: true } })
  })

  it('is kept with the list and shown again when it is opened after a restart', async () => {
    const { user, fake } = await loadUsers()
    const group = screen.getByRole('group', { name: 'Empty values' })
    await user.selectOptions(within(group).getByRole('combobox', { name: 'Rows where' }), 'Last sign-in')
    await user.click(within(group).getByRole('button', { name: 'Add filter' }))
    await waitFor(() => expect(screen.getByTestId('row-count').textContent).toBe(`${NEVER_SIGNED_IN} of ${ROWS} rows`))
    await user.click(screen.getByRole('button', { name: 'Keep this list' }))
    await screen.findByTestId('kept-dataset')
    expect(fake.callsOf('data.keep').at(-1)).toMatchObject({ view: { empty: { last_login_time: true } } })

    // A restart: the page forgets every grid's view; the kept list remembers its own.
    await user.click(screen.getByRole('button', { name: 'Reload users' }))
    await waitFor(() => expect(screen.queryByTestId('kept-note')).toBeNull())
    useStore.setState({ gridViews: {} })
    await user.click(within(screen.getByTestId('kept-dataset')).getByRole('button', { name: 'Open' }))
    await waitFor(() => expect(screen.getByTestId('kept-note')).toBeTruthy())
    expect(within(await screen.findByRole('list', { name: 'Active empty filters' })).getByText('Last sign-in: empty')).toBeTruthy()
    await waitFor(() => expect(screen.getByTestId('row-count').textContent).toBe(`${NEVER_SIGNED_IN} of ${ROWS} rows`))
  })
})
