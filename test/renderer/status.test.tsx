// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { CONNECTION_STATES } from '../../common/contract/auth'
import { StatusBadge } from '../../renderer/components/StatusBadge'
import { STATE_LABELS } from '../../renderer/store/selectors/connections'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

describe('status badge', () => {
  it('names every connection state in words, not only by colour', () => {
    for (const state of CONNECTION_STATES) {
      const { container, unmount } = render(<StatusBadge state={state} />)
      const badge = container.querySelector('.badge')
      expect(badge?.textContent).toBe(STATE_LABELS[state])
      expect(badge?.getAttribute('data-tone')).toMatch(/^(ok|warn|busy|bad|muted)$/)
      unmount()
    }
    expect(new Set(Object.values(STATE_LABELS)).size).toBe(CONNECTION_STATES.length)
  })

  it('follows the statuses main pushes, in the sidebar and on the overview', async () => {
    const p = makeProfile({ name: 'Acme' })
    const { fake, user } = await renderApp({ profiles: [p] })
    const nav = screen.getByRole('navigation', { name: 'Connections' })
    const push = (state: (typeof CONNECTION_STATES)[number]) => fake.emit('auth.status', { profileId: p.id, state, grantedScopes: [], hasRefreshToken: false })
    for (const state of ['connected', 'expiring', 'refreshing', 'reconnect_needed', 'error'] as const) {
      push(state)
      await waitFor(() => expect(within(nav).getByText(STATE_LABELS[state])).toBeTruthy())
    }
    await user.click(within(nav).getByRole('button', { name: 'Acme' }))
    expect(await screen.findByRole('heading', { name: 'Acme', level: 1 })).toBeTruthy()
    fake.emit('vault.status', { state: 'locked', protection: { kind: 'passphrase', secure: true }, keychain: { available: true, secure: true } })
    await waitFor(() => expect(within(nav).getByText('Locked')).toBeTruthy())
    expect(await screen.findByRole('heading', { name: 'Secrets are locked' })).toBeTruthy()
  })
})

describe('overview', () => {
  const connected = () => {
    const p = makeProfile({ name: 'Acme', scopes: ['user:read:admin', 'report:read:admin'] })
    return {
      p,
      options: {
        profiles: [p],
        statuses: [{ profileId: p.id, state: 'connected' as const, expiresAt: Date.now() + 42 * 60_000 + 30_000, lastRefreshAt: Date.now() - 60_000, grantedScopes: ['user:read:admin'], hasRefreshToken: false }],
      },
    }
  }

  it('shows the expiry countdown, granted versus requested scopes, and the tabs a missing scope disables', async () => {
    const { options } = connected()
    const { user } = await renderApp(options)
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    expect((await screen.findByTestId('expires-in')).textContent).toMatch(/^42 min \d\d s$/)
    const scopes = screen.getByRole('region', { name: 'Scopes' })
    // Found by its cells' text: happy-dom gives <wbr> (ScopeName's break points) no display, so its
    // accessible-name computation puts spaces there where Chromium does not.
    const missingRow = within(scopes)
      .getAllByRole('row')
      .find((r) => r.querySelector('td')?.textContent === 'report:read:admin') as HTMLElement
    expect(within(missingRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['report:read:admin', 'Yes', 'No'])
    expect(within(scopes).getByText('Daily usage report')).toBeTruthy()
    expect(within(scopes).getByText('Meetings')).toBeTruthy()
    expect(within(scopes).queryByText('Users')).toBeNull()
  })

  it('adds timeline events as main reports them, and copies the token through main', async () => {
    const { options, p } = connected()
    const { user, fake } = await renderApp(options)
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    const timeline = await screen.findByRole('region', { name: 'Timeline' })
    await within(timeline).findByText(/Nothing yet/)
    fake.emit('auth.timeline', { profileId: p.id, at: Date.now(), kind: 'refresh', outcome: 'failed', detail: 'Zoom was unreachable; the token is kept' })
    expect(await within(timeline).findByText('Zoom was unreachable; the token is kept')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Copy access token' }))
    expect(fake.callsOf('auth.copyToken')).toEqual([{ profileId: p.id }])
    expect(await screen.findByText('The clipboard is cleared in 30 s.')).toBeTruthy()
  })

  it('disconnects after a confirmation that says the token is revoked; Escape cancels', async () => {
    const { options, p } = connected()
    const { user, fake } = await renderApp(options)
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('button', { name: 'Disconnect' }))
    let dialog = await screen.findByRole('alertdialog', { name: 'Disconnect “Acme”?' })
    expect(dialog.textContent).toContain('revoked at Zoom')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(fake.callsOf('auth.disconnect')).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Disconnect' }))
    dialog = await screen.findByRole('alertdialog')
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }))
    await waitFor(() => expect(fake.callsOf('auth.disconnect')).toEqual([{ profileId: p.id }]))
    await waitFor(() => expect(within(screen.getByRole('navigation', { name: 'Connections' })).getByText('Not connected')).toBeTruthy())
  })

  it('deletes a connection after saying what it revokes', async () => {
    const { options, p } = connected()
    const { user, fake } = await renderApp(options)
    await user.click(screen.getByRole('button', { name: 'More actions for Acme' }))
    await user.click(await screen.findByRole('menuitem', { name: /Delete/ }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete “Acme”?' })
    expect(dialog.textContent).toContain('revoke its access token at Zoom')
    expect(dialog.textContent).toContain('forget its Client Secret')
    await user.click(within(dialog).getByRole('button', { name: 'Delete connection' }))
    await waitFor(() => expect(fake.callsOf('profiles.delete')).toEqual([{ id: p.id }]))
    expect(await screen.findByRole('heading', { name: /connect to zoom/i })).toBeTruthy()
  })
})
