// @vitest-environment happy-dom
// What the selection holds is told to a screen reader: Space on a row, Select all and Clear
// selection change only the count beside the grid (aria-selected on the active row is not read
// out reliably, and Select all changes no row in view that has focus), so the count is a status.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

withGridViewport(500)

const SCOPES = ['user:read:admin']
const statusSaying = (text: string) => screen.getAllByRole('status').find((status) => status.textContent === text)

describe('the selection count', () => {
  it('is a status that says each change: Space, Select all, Clear selection', async () => {
    const profile = makeProfile({ name: 'Acme', scopes: SCOPES })
    const { user } = await renderApp({ profiles: [profile], rowCount: 60, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: SCOPES, hasRefreshToken: false }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    const grid = await screen.findByRole('grid', { name: 'Users' })
    await within(grid).findByRole('checkbox', { name: 'Select row 1' })
    grid.focus()
    await user.keyboard(' ')
    await waitFor(() => expect(statusSaying('1 selected')).toBeTruthy())
    screen.getByRole('button', { name: 'Select all 60' }).focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(statusSaying('60 selected')).toBeTruthy())
    screen.getByRole('button', { name: 'Clear selection' }).focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(statusSaying('Select rows with the checkboxes or Space.')).toBeTruthy())
  })
})
