// @vitest-environment happy-dom
// Connect on a Server-to-Server connection: while the token is requested the Connect button used
// to vanish (there is no sign-in to cancel), dropping a keyboard user on <body>, and Reconnect came
// back as another element. The button now stays, disabled as "Connecting…", and focus is on it
// (now Reconnect) once connected.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { holdChannel } from './hold-channel'
import { renderApp } from './render-app'

describe('Connect and the keyboard', () => {
  it('keeps focus on the connect button through a Server-to-Server connect', async () => {
    const p = makeProfile({ name: 'Acme' })
    const { user, fake } = await renderApp({ profiles: [p] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await screen.findByRole('heading', { level: 1, name: 'Acme' })
    const header = document.querySelector<HTMLElement>('.conn-head')!
    const hold = holdChannel(fake, 'auth.connect')
    within(header).getByRole('button', { name: 'Connect' }).focus()
    await user.keyboard('{Enter}')
    const pending = await within(header).findByRole('button', { name: 'Connecting…' })
    expect((pending as HTMLButtonElement).disabled).toBe(true)
    hold.release()
    const reconnect = await within(header).findByRole('button', { name: 'Reconnect' })
    await waitFor(() => expect(document.activeElement).toBe(reconnect))
  })
})

describe('Disconnect and the keyboard', () => {
  it('puts focus on Connect once the confirmed Disconnect has removed its own button', async () => {
    const p = makeProfile({ name: 'Acme' })
    const { user } = await renderApp({ profiles: [p], statuses: [{ profileId: p.id, state: 'connected', grantedScopes: ['user:read:admin'], hasRefreshToken: false, expiresAt: Date.now() + 3_600_000 }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await screen.findByRole('heading', { level: 1, name: 'Acme' })
    const header = document.querySelector<HTMLElement>('.conn-head')!
    within(header).getByRole('button', { name: 'Disconnect' }).focus()
    await user.keyboard('{Enter}')
    const dialog = await screen.findByRole('alertdialog', { name: 'Disconnect “Acme”?' })
    within(dialog).getByRole('button', { name: 'Disconnect' }).focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    const connect = await within(header).findByRole('button', { name: 'Connect' })
    await waitFor(() => expect(document.activeElement).toBe(connect))
  })
})
