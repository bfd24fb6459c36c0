// @vitest-environment happy-dom
// The Events tab on the fake bridge: the subscription ID (pasted as the endpoint URL), Connect,
// and the socket's state in words. Live events and their checks run against main in
// test/main/events and test/e2e/ui-events.test.ts.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { EventsStatus } from '../../common/contract/index'
import { describeState } from '../../renderer/features/events/SocketState'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

const base: EventsStatus = { profileId: 'p', state: 'idle', attempt: 0, received: 0, counts: {} }
const NOW = 1_000_000

describe('Events tab', () => {
  it('keeps the subscription ID from a pasted endpoint URL and connects', async () => {
    const p = makeProfile({ name: 'Acme' })
    const { user, fake } = await renderApp({ profiles: [p], statuses: [{ profileId: p.id, state: 'connected', grantedScopes: [], hasRefreshToken: false }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Events' }))
    const setup = await screen.findByRole('region', { name: 'Event subscription' })
    expect((screen.getByRole('button', { name: 'Connect events' }) as HTMLButtonElement).disabled).toBe(true)
    await user.type(within(setup).getByLabelText('Subscription ID'), 'wss://ws.zoom.us/ws?subscriptionId=ZhPGtK84QbapRWXzEBW7MA')
    await user.click(within(setup).getByRole('button', { name: 'Save subscription' }))
    await waitFor(() => expect(fake.callsOf('events.saveConfig')).toEqual([{ profileId: p.id, subscriptionId: 'ZhPGtK84QbapRWXzEBW7MA', eventsUrl: '' }]))
    await user.click(screen.getByRole('button', { name: 'Connect events' }))
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Event socket' })).getByRole('status').textContent).toMatch(/^Open for \d+ s$/))
    expect(screen.getByRole('button', { name: 'Disconnect events' })).toBeTruthy()
  })

  it('says what the socket is doing', () => {
    expect(describeState(undefined, NOW)).toBe('Not connected')
    expect(describeState({ ...base, state: 'open', openSince: NOW - 125_000 }, NOW)).toBe('Open for 2 min 05 s')
    expect(describeState({ ...base, state: 'reconnecting', retryAt: NOW + 3_200, reason: 'Network error (ECONNRESET)' }, NOW)).toBe('Reconnecting in 4 s — Network error (ECONNRESET)')
    expect(describeState({ ...base, state: 'taken-over', reason: 'Another client connected to this event subscription.' }, NOW)).toBe('Taken over — Another client connected to this event subscription.')
    expect(describeState({ ...base, state: 'error', error: { code: 'NOT_FOUND', message: 'Zoom does not know this subscription ID.' } }, NOW)).toBe('Stopped — Zoom does not know this subscription ID.')
  })
})
