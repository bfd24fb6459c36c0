// @vitest-environment happy-dom
// The Events tab's actions keep their running and failed state in the events slice, per connection
// and per control: the subscription field, the socket's Connect / Disconnect, the webhook helper.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useStore } from '../../renderer/store/index'
import { eventsTaskKey } from '../../renderer/store/slices/events'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

async function openEvents() {
  const p = makeProfile({ name: 'Acme' })
  const app = await renderApp({ profiles: [p], statuses: [{ profileId: p.id, state: 'connected', grantedScopes: [], hasRefreshToken: false }] })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Events' }))
  return { ...app, p, setup: await screen.findByRole('region', { name: 'Event subscription' }) }
}

describe('Events actions keep their state in the events slice', () => {
  it('a refused subscription is kept in the slice and shown at its field; a failed Connect under the socket', async () => {
    const { user, fake, p, setup } = await openEvents()
    await user.type(within(setup).getByLabelText('Subscription ID'), 'ZhPGtK84QbapRWXzEBW7MA')
    fake.failNext('events.saveConfig', 'VALIDATION', 'That is not a subscription ID.')
    await user.click(within(setup).getByRole('button', { name: 'Save subscription' }))
    await waitFor(() => expect(within(setup).getByText('That is not a subscription ID.')).toBeTruthy())
    expect(useStore.getState().eventTasks[eventsTaskKey(p.id, 'saveConfig')]).toEqual({ action: 'saveConfig', running: false, error: 'That is not a subscription ID.' })

    await user.click(within(setup).getByRole('button', { name: 'Save subscription' }))
    await waitFor(() => expect(useStore.getState().eventTasks[eventsTaskKey(p.id, 'saveConfig')]).toBeUndefined())
    expect(within(setup).queryByText('That is not a subscription ID.')).toBeNull()

    fake.failNext('events.connect', 'NETWORK', 'Zoom’s event socket could not be reached.')
    await user.click(screen.getByRole('button', { name: 'Connect events' }))
    const socket = screen.getByRole('region', { name: 'Event socket' })
    expect((await within(socket).findByRole('alert')).textContent).toBe('Zoom’s event socket could not be reached.')
    expect(useStore.getState().eventTasks[eventsTaskKey(p.id, 'socket')]).toMatchObject({ action: 'socket', running: false })
  })
})
