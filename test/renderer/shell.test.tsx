// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

describe('app shell', () => {
  it('loads app info and shows version, platform and how secrets are protected', async () => {
    const { fake } = await renderApp()
    expect(fake.callsOf('app.info')).toHaveLength(1)
    expect(screen.getByTestId('app-version').textContent).toBe('v0.1.0 · linux x64')
    expect(screen.getByTestId('protection').textContent).toContain('Secrets protected by the OS keychain (gnome_libsecret)')
  })

  it('warns when the only keychain is basic_text', async () => {
    await renderApp({
      vault: { state: 'unlocked', protection: { kind: 'os-keychain', backend: 'basic_text', secure: false }, keychain: { available: true, backend: 'basic_text', secure: false } },
    })
    expect(screen.getByTestId('protection').textContent).toContain('Not protected: basic_text — set a passphrase')
  })

  it('shows an empty state that explains how to start, and Add connection opens the editor', async () => {
    const { user } = await renderApp()
    expect(screen.getByRole('heading', { name: /connect to zoom/i })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: /Server-to-Server OAuth/ }))
    expect(await screen.findByRole('heading', { name: /new connection/i })).toBeTruthy()
  })

  it('lists connections with their live status and filters them', async () => {
    const a = makeProfile({ name: 'Acme admin' })
    const b = makeProfile({ name: 'Beta user app', grant: 'authorization_code', appType: 'user', redirectUri: 'https://example.com/cb' })
    const { fake, user } = await renderApp({ profiles: [a, b], statuses: [{ profileId: a.id, state: 'connected', grantedScopes: [], hasRefreshToken: false }] })
    const nav = screen.getByRole('navigation', { name: 'Connections' })
    const items = within(nav).getAllByRole('listitem')
    expect(items.map((li) => li.querySelector('.conn-link')?.textContent)).toEqual(['Acme admin', 'Beta user app'])
    expect(within(items[0] as HTMLElement).getByText('Connected')).toBeTruthy()
    expect(within(items[1] as HTMLElement).getByText('Not connected')).toBeTruthy()

    // A status pushed by main updates the badge without a reload.
    fake.emit('auth.status', { profileId: b.id, state: 'reconnect_needed', grantedScopes: [], hasRefreshToken: false })
    await waitFor(() => expect(within(nav).getByText('Reconnect needed')).toBeTruthy())

    await user.type(screen.getByRole('searchbox', { name: 'Filter connections' }), 'beta')
    expect(within(nav).getAllByRole('listitem')).toHaveLength(1)
    await user.clear(screen.getByRole('searchbox', { name: 'Filter connections' }))
    await user.type(screen.getByRole('searchbox', { name: 'Filter connections' }), 'nothing like it')
    await user.click(screen.getByRole('button', { name: 'Clear filter' }))
    expect(within(nav).getAllByRole('listitem')).toHaveLength(2)
  })

  it('applies the theme override to <html>', async () => {
    const { user } = await renderApp({ settings: { theme: 'dark' } })
    expect(document.documentElement.dataset.theme).toBe('dark')
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    const select = await screen.findByLabelText('Theme')
    await user.selectOptions(select, 'light')
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'))
  })

  it('reports a start-up failure with a way to retry', async () => {
    const { FakeBridge } = await import('./fake-bridge')
    const { render } = await import('@testing-library/react')
    const { setBridge } = await import('../../renderer/ipc')
    const { App } = await import('../../renderer/App')
    const fake = new FakeBridge()
    fake.failNext('app.info', 'INTERNAL', 'The store could not be opened.')
    setBridge(fake.asBridge())
    render(<App />)
    expect(await screen.findByText('The store could not be opened.')).toBeTruthy()
    expect(document.documentElement.dataset.appState).toBe('failed')
  })
})
