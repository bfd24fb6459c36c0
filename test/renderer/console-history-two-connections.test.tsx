// @vitest-environment happy-dom
// Two connections' consoles: a request of one that is answered while the other's console is on
// screen must not take the other's history off the screen (each console shows only its own).
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Bridge } from '../../common/contract/index'
import { setBridge } from '../../renderer/ipc'
import { useStore } from '../../renderer/store/index'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

const connected = (profileId: string) => ({ profileId, state: 'connected' as const, grantedScopes: ['user:read:admin'], hasRefreshToken: false, apiUrl: 'https://api.zoom.us' })

describe('console history with two connections', () => {
  it('keeps the history of the connection on screen when another connection’s request is answered', async () => {
    const alpha = makeProfile({ name: 'Alpha' })
    const beta = makeProfile({ name: 'Beta' })
    const { user, fake } = await renderApp({ profiles: [alpha, beta], statuses: [connected(alpha.id), connected(beta.id)] })
    const nav = screen.getByRole('navigation', { name: 'Connections' })
    const openConsole = async (name: string) => {
      await user.click(within(nav).getByRole('button', { name }))
      await user.click(await screen.findByRole('tab', { name: 'Console' }))
      return screen.findByRole('form', { name: 'Request' })
    }
    const history = () => screen.getByRole('region', { name: 'History' })

    // Beta has one request in its history.
    let form = await openConsole('Beta')
    await user.type(within(form).getByLabelText('Path'), '/users/beta-only')
    await user.click(within(form).getByRole('button', { name: 'Send' }))
    await waitFor(() => expect(within(history()).getByText(/beta-only/)).toBeTruthy())

    // Alpha's request is held until Beta's console is back on screen.
    const bridge = fake.asBridge()
    let answer!: () => void
    const held = new Promise<void>((resolve) => (answer = resolve))
    setBridge({ ...bridge, 'console.send': async (input: never, callId?: string) => held.then(() => bridge['console.send'](input, callId as never)) } as unknown as Bridge)
    form = await openConsole('Alpha')
    await user.type(within(form).getByLabelText('Path'), '/users/alpha-only')
    await user.click(within(form).getByRole('button', { name: 'Send' }))
    await openConsole('Beta')
    await waitFor(() => expect(within(history()).getByText(/beta-only/)).toBeTruthy())

    answer()
    await waitFor(() => expect(fake.history.some((h) => h.request.profileId === alpha.id)).toBe(true))
    // Alpha's answer reloads Alpha's history; Beta's stays listed, and nothing of Alpha's shows.
    await waitFor(() => expect(useStore.getState().history.some((h) => h.request.profileId === alpha.id)).toBe(true))
    expect(within(history()).queryByText(/alpha-only/)).toBeNull()
    expect(within(history()).getByText(/beta-only/)).toBeTruthy()
  })
})
