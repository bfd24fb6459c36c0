// @vitest-environment happy-dom
// A new connection whose Save & connect saved it but failed to connect (a wrong Client Secret) is a
// stored connection from then on: the page names it, the form edits it, and the next Save or Save &
// connect updates it instead of creating a second one.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fillNewS2S } from './new-s2s-form'
import { renderApp } from './render-app'

describe('a new connection saved by a failed Save & connect', () => {
  it('is named on the page and in the form, and a second Save updates it', async () => {
    const { user, fake } = await renderApp()
    await fillNewS2S(user)
    fake.failNext('auth.connect', 'AUTH_INVALID_CLIENT', 'Zoom refused the Client ID or Client Secret.')
    await user.click(screen.getByRole('button', { name: 'Save & connect' }))
    await screen.findByRole('alert')
    expect(fake.callsOf('profiles.create')).toHaveLength(1)

    expect(await screen.findByRole('heading', { level: 1, name: 'Acme' })).toBeTruthy()
    expect(screen.queryByRole('heading', { name: 'New connection' })).toBeNull()
    expect(screen.getByRole('form', { name: 'Edit Acme' })).toBeTruthy()
    expect(screen.getByText('Saved, not connected yet. A change here updates this connection.')).toBeTruthy()

    const name = screen.getByLabelText('Connection name') as HTMLInputElement
    await user.clear(name)
    await user.type(name, 'Acme prod')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(fake.callsOf('profiles.update')).toHaveLength(1))
    expect(fake.callsOf('profiles.create')).toHaveLength(1)
    const [created] = fake.profiles
    expect(fake.profiles).toHaveLength(1)
    expect(fake.callsOf('profiles.update')[0]).toMatchObject({ id: created!.id, draft: { fields: { name: 'Acme prod' } } })
    const sidebar = within(await screen.findByRole('navigation', { name: 'Connections' }))
    await waitFor(() => expect(sidebar.getAllByRole('button', { name: /^Acme/ })).toHaveLength(1))
  })

  it('Close leaves for the saved connection rather than cancelling it', async () => {
    const { user, fake } = await renderApp()
    await fillNewS2S(user)
    fake.failNext('auth.connect', 'AUTH_INVALID_CLIENT', 'Zoom refused the Client ID or Client Secret.')
    await user.click(screen.getByRole('button', { name: 'Save & connect' }))
    await user.click(await screen.findByRole('button', { name: 'Close' }))
    await screen.findByRole('tab', { name: 'Overview', selected: true })
    expect(screen.getByRole('heading', { level: 1, name: 'Acme' })).toBeTruthy()
  })
})
