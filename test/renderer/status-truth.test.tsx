// @vitest-environment happy-dom
// A status that tells the truth, in the UI: a failed Test connection offers Reconnect; while a
// connect window is open the app says what is going on and offers Cancel; a redirect URL Zoom does
// not know is shown with the URL to register.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

const REDIRECT = 'https://localhost/zoom-connect/callback'

async function openOverview(profile = makeProfile({ name: 'Acme' }), state: 'connected' | 'disconnected' = 'connected') {
  const app = await renderApp({ profiles: [profile], statuses: [{ profileId: profile.id, state, grantedScopes: [], hasRefreshToken: false }] })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await screen.findByRole('heading', { name: 'Acme', level: 1 })
  return { ...app, profile }
}

describe('status truth in the UI', () => {
  it('offers Reconnect when Test connection fails, and reconnects', async () => {
    const { user, fake } = await openOverview()
    fake.failNext('auth.test', 'ZOOM_UNAUTHORIZED', 'Zoom refused the token even after a refresh.')
    await user.click(await screen.findByRole('button', { name: 'Test connection' }))
    expect(await screen.findByText('Zoom refused the token even after a refresh.')).toBeTruthy()
    const before = fake.callsOf('auth.connect').length
    await user.click(within(screen.getByRole('region', { name: 'Token' })).getByRole('button', { name: 'Reconnect' }))
    await waitFor(() => expect(fake.callsOf('auth.connect').length).toBe(before + 1))
  })

  it('drops a Test connection success once the connection has no token: Disconnect, or a reconnect needed', async () => {
    const { user, fake, profile } = await openOverview()
    const token = () => within(screen.getByRole('region', { name: 'Token' }))
    await user.click(await screen.findByRole('button', { name: 'Test connection' }))
    await waitFor(() => expect(token().queryByText(/✓ Works/)).not.toBeNull())
    await user.click(screen.getByRole('button', { name: 'Disconnect' }))
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: /Disconnect/ }))
    await waitFor(() => expect(fake.callsOf('auth.disconnect').length).toBe(1))
    // "✓ Works" beside "No token. Press Connect" said the opposite of the badge.
    await waitFor(() => expect(token().queryByText(/✓ Works/)).toBeNull())

    await user.click(screen.getAllByRole('button', { name: 'Connect' })[0]!)
    await waitFor(() => expect(fake.callsOf('auth.connect').length).toBe(1))
    await user.click(await screen.findByRole('button', { name: 'Test connection' }))
    await waitFor(() => expect(token().queryByText(/✓ Works/)).not.toBeNull())
    // A refresh Zoom refused in the background (invalid_grant) ends the token as surely.
    fake.emit('auth.status', { profileId: profile.id, state: 'reconnect_needed', grantedScopes: [], hasRefreshToken: false })
    await waitFor(() => expect(token().queryByText(/✓ Works/)).toBeNull())
  })

  it('explains an open connect window and offers Cancel sign-in', async () => {
    const profile = makeProfile({ name: 'Acme', grant: 'authorization_code', appType: 'user', accountId: '', redirectUri: REDIRECT, authorizeWith: 'connect-window' })
    const { user, fake } = await openOverview(profile, 'disconnected')
    fake.emit('auth.status', { profileId: profile.id, state: 'connecting', grantedScopes: [], hasRefreshToken: false })
    expect(await screen.findByText(/A Zoom sign-in window is open\. Sign in there and press Allow/)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Cancel sign-in' }))
    await waitFor(() => expect(fake.callsOf('auth.cancel')).toEqual([{ profileId: profile.id }]))
  })

  it('shows the redirect URL to register when Zoom does not know it', async () => {
    const profile = makeProfile({ name: 'Acme', grant: 'authorization_code', appType: 'user', accountId: '', redirectUri: REDIRECT, authorizeWith: 'connect-window' })
    const { fake } = await openOverview(profile, 'disconnected')
    fake.emit('auth.status', {
      profileId: profile.id,
      state: 'error',
      grantedScopes: [],
      hasRefreshToken: false,
      error: { code: 'AUTH_REDIRECT_NOT_REGISTERED', message: 'Zoom showed error 4700: the redirect URL is not registered for this app.', details: { redirectUri: REDIRECT, zoomCode: 4700 } },
    })
    const help = await screen.findByTestId('redirect-help')
    expect(help.textContent).toContain(REDIRECT)
    expect(within(help).getByRole('button', { name: 'Copy redirect URL' })).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toContain('4700')
  })

  it('keeps a new secret aside until it connects, unless asked to use it at once', async () => {
    const { user, fake, profile } = await openOverview()
    await user.click(screen.getByRole('tab', { name: 'Edit' }))
    await user.click(await screen.findByRole('button', { name: 'Replace secret' }))
    await user.type(screen.getByLabelText('Client Secret'), 'new-secret-1')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect((await screen.findByTestId('pending-secret')).textContent).toContain('the previous one is still in use')
    expect(fake.callsOf('profiles.update').at(-1)).not.toHaveProperty('replaceSecretNow')

    await user.click(await screen.findByRole('button', { name: 'Replace secret' }))
    await user.type(screen.getByLabelText('Client Secret'), 'new-secret-2')
    await user.click(screen.getByRole('checkbox', { name: 'Use the new secret at once, even before it has connected' }))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(fake.callsOf('profiles.update').at(-1)).toMatchObject({ id: profile.id, replaceSecretNow: true }))
    await waitFor(() => expect(screen.queryByTestId('pending-secret')).toBeNull())
  })
})
