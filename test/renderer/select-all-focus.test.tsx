// @vitest-environment happy-dom
// "Select all N" is disabled ("Selecting…") while main gathers the rows, and Chromium moves focus
// from a control disabled under it to <body>: a keyboard user who pressed it was left there, and a
// screen reader with them. Focus now comes back to the button once the rows are selected.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { holdChannel } from './hold-channel'
import { renderApp } from './render-app'

withGridViewport(500)

const SCOPES = ['user:read:admin']

/** What Chromium does to a focused control once it is disabled; happy-dom keeps focus there (and blurs no disabled control). */
function loseFocusAsChromiumDoes(control: HTMLButtonElement) {
  control.disabled = false
  control.blur()
  control.disabled = true
}

describe('Select all and the keyboard', () => {
  it('puts focus back on Select all once the rows are selected', async () => {
    const profile = makeProfile({ name: 'Acme', scopes: SCOPES })
    const { user, fake } = await renderApp({ profiles: [profile], rowCount: 60, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: SCOPES, hasRefreshToken: false }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    const grid = await screen.findByRole('grid', { name: 'Users' })
    await within(grid).findByRole('checkbox', { name: 'Select row 1' })
    const selectAll = screen.getByRole('button', { name: 'Select all 60' }) as HTMLButtonElement
    const hold = holdChannel(fake, 'data.select')
    selectAll.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(selectAll.disabled).toBe(true))
    loseFocusAsChromiumDoes(selectAll)
    expect(document.activeElement).toBe(document.body)
    hold.release()
    await screen.findByText('60 selected')
    await waitFor(() => expect(document.activeElement).toBe(selectAll))
  })
})
