// @vitest-environment happy-dom
// Sorting from the keyboard is announced: the header button keeps focus and its name ("Email"),
// and aria-sort changing on its column header is not read out while focus stays on the button,
// so a screen reader user pressing Enter heard nothing. A status message now says the new order.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

withGridViewport(400)

describe('grid sort announcement', () => {
  it('says the new order in a status message after each press of a header button', async () => {
    const profile = makeProfile({ name: 'Acme', scopes: ['user:read:admin'] })
    const { user } = await renderApp({ profiles: [profile], rowCount: 50, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['user:read:admin'], hasRefreshToken: false, expiresAt: Date.now() + 3_600_000 }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    const grid = await screen.findByRole('grid', { name: 'Users' })
    // Nothing is announced before the person sorts.
    expect(screen.queryByText(/^Sorted by/)).toBeNull()

    const button = within(within(grid).getByRole('columnheader', { name: /Email/ })).getByRole('button')
    button.focus()
    const announced = () => screen.getAllByRole('status').map((s) => s.textContent ?? '')
    await user.keyboard('{Enter}')
    await waitFor(() => expect(announced()).toContain('Sorted by Email, ascending'))
    await user.keyboard('{Enter}')
    await waitFor(() => expect(announced()).toContain('Sorted by Email, descending'))
    await user.keyboard('{Enter}')
    await waitFor(() => expect(announced()).toContain('Not sorted: rows in the order Zoom listed them'))
    expect(document.activeElement).toBe(button)
  })
})
