// @vitest-environment happy-dom
// The console's Cancel: visible only while a request is in flight, reachable by keyboard (focus
// moves to it, Escape works too), and a cancelled request reads "Cancelled" with no error shown.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Bridge, ConsoleResponse } from '../../common/contract/index'
import { setBridge } from '../../renderer/ipc'
import { useStore } from '../../renderer/store/index'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

/**
 * The fake bridge with a console.send that answers only when cancelled, as main does for a slow
 * request: the call carries an id, app.cancelCall with that id aborts it, and main answers the
 * send with a response carrying CANCELLED (main/console/console-service.ts records every outcome).
 */
function holdSends(fakeBridge: Bridge) {
  const held = new Map<string, () => void>()
  const cancels: string[] = []
  const cancelled: ConsoleResponse = { status: 0, statusText: '', headers: [], durationMs: 5, body: '', bodyBytes: 0, truncated: false, error: { code: 'CANCELLED', message: 'The request was cancelled.' } }
  const bridge = {
    ...fakeBridge,
    'console.send': (_input: unknown, callId?: string) => new Promise((resolve) => callId !== undefined && held.set(callId, () => resolve({ ok: true, value: cancelled }))),
    'app.cancelCall': async ({ callId }: { callId: string }) => {
      cancels.push(callId)
      held.get(callId)?.()
      return { ok: true, value: { cancelled: held.delete(callId) } }
    },
  }
  setBridge(bridge as unknown as Bridge)
  return { held, cancels }
}

async function openConsole() {
  const p = makeProfile({ name: 'Acme' })
  const app = await renderApp({ profiles: [p], statuses: [{ profileId: p.id, state: 'connected', grantedScopes: ['user:read:admin'], hasRefreshToken: false, apiUrl: 'https://api.zoom.us' }] })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Console' }))
  const form = await screen.findByRole('form', { name: 'Request' })
  return { ...app, p, form, hold: holdSends(app.fake.asBridge()) }
}

describe('console: cancelling a request in flight', () => {
  it('offers Cancel only while sending; Cancel stops the call in main and the response reads Cancelled, with no error', async () => {
    const { user, form, hold } = await openConsole()
    expect(within(form).queryByRole('button', { name: 'Cancel' })).toBeNull()
    await user.click(within(form).getByRole('button', { name: 'Send' }))
    const cancel = await within(form).findByRole('button', { name: 'Cancel' })
    await waitFor(() => expect(hold.held.size).toBe(1))

    await user.click(cancel)
    expect(hold.cancels).toHaveLength(1)
    expect((await screen.findByTestId('response-status')).textContent).toBe('Cancelled')
    expect(screen.getByTestId('response-cancelled').textContent).toContain('Cancelled')
    expect(within(form).queryByRole('button', { name: 'Cancel' })).toBeNull()
    // Nothing reads as an error: no alert in the response or the request, no notice.
    expect(screen.queryAllByRole('alert')).toEqual([])
    expect(useStore.getState().notices).toEqual([])
    expect(useStore.getState().sendFailures).toEqual({})
  })

  it('by keyboard: focus moves from Send to Cancel, Escape cancels, and focus comes back to Send', async () => {
    const { user, form, hold } = await openConsole()
    within(form).getByRole('button', { name: 'Send' }).focus()
    await user.keyboard('{Enter}')
    const cancel = await within(form).findByRole('button', { name: 'Cancel' })
    await waitFor(() => expect(document.activeElement).toBe(cancel))
    expect(cancel.getAttribute('aria-keyshortcuts')).toBe('Escape')
    await waitFor(() => expect(hold.held.size).toBe(1))

    await user.keyboard('{Escape}')
    expect((await screen.findByTestId('response-status')).textContent).toBe('Cancelled')
    expect(hold.cancels).toHaveLength(1)
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByRole('button', { name: 'Send' })))
  })
})
