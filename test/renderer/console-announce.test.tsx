// @vitest-environment happy-dom
// A screen reader user who sends a request hears how it ended: the status badge is plain text that
// appears with the response (never announced), and only failures spoke (role="alert"). A status
// message, present before the send, now says the outcome of each request.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

describe('console outcome announcement', () => {
  it('says the status of each response in a live region that was there before the send', async () => {
    const p = makeProfile({ name: 'Acme' })
    const { user } = await renderApp({ profiles: [p], statuses: [{ profileId: p.id, state: 'connected', grantedScopes: ['user:read:admin'], hasRefreshToken: false, apiUrl: 'https://api.zoom.us' }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Console' }))
    await screen.findByRole('form', { name: 'Request' })
    const live = screen.getByTestId('response-announcement')
    expect(live.getAttribute('role')).toBe('status')
    expect(live.textContent).toBe('')

    screen.getByRole('button', { name: 'Send' }).focus()
    await user.keyboard('{Enter}')
    await screen.findByTestId('response-status')
    await waitFor(() => expect(live.textContent).toMatch(/^Response: 200 OK, in \d+ ms$/))
    // Still the same element: a region added with its text is often not read.
    expect(screen.getByTestId('response-announcement')).toBe(live)
  })
})
