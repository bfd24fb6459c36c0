// Cancellation through the real preload, the stand-in's IPC and the app's router: the page gives a
// call an id and cancels it (app.cancelCall), or reloads; either way the slow console request to
// the sandbox is torn down. The page's calls are made as the renderer makes them (window.zoomConnect).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox'
import { chromiumMissingReason } from '../support/chromium'
import { value } from './bridge'
import { closeBrowser, startHarness, type Harness } from './harness'

type Bridge = Record<string, (input: unknown, callId?: string) => Promise<unknown>>

describe.skipIf(chromiumMissingReason !== undefined)('bridge cancellation (end to end)', () => {
  let zoom: Sandbox
  let harness: Harness
  let profileId: string

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 8, users: 10, plan: 'unlimited' })
    harness = await startHarness({ env: { ZOOM_CONNECT_DEMO: JSON.stringify({ url: zoom.url, apps: zoom.apps }) } })
    profileId = (await value(harness.page, 'profiles.list')).find((p) => p.name === 'Sandbox · Server-to-Server')!.id
    expect(await value(harness.page, 'auth.connect', { profileId })).toMatchObject({ state: 'connected' })
  })
  afterAll(async () => {
    await harness?.close()
    await zoom?.close()
    await closeBrowser()
  })

  /** Starts a console request that only a cancel ends, and waits until it has reached the sandbox. */
  async function startSlowSend(callId: string): Promise<void> {
    zoom.setFaults([{ kind: 'latency', ms: 600_000, pathPrefix: '/v2/users/me' }])
    await harness.page.evaluate(
      ([input, id]) => {
        const bridge = (window as unknown as { zoomConnect: Bridge }).zoomConnect
        ;(window as unknown as { pendingSend: Promise<unknown> }).pendingSend = bridge['console.send']!(input, id)
      },
      [{ profileId, method: 'GET', url: '/users/me' }, callId] as const,
    )
    await vi.waitFor(() => expect(zoom.listFaults()[0]?.seen).toBe(1), { timeout: 10_000 })
  }

  it('the page cancels a console request by its call id: torn down, answered CANCELLED', async () => {
    await startSlowSend('send-1')
    const cancelled = await harness.page.evaluate(() => (window as unknown as { zoomConnect: Bridge }).zoomConnect['app.cancelCall']!({ callId: 'send-1' }))
    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } })
    const reply = await harness.page.evaluate(() => (window as unknown as { pendingSend: Promise<unknown> }).pendingSend)
    expect(reply).toMatchObject({ ok: true, value: { status: 0, error: { code: 'CANCELLED' } } })
    await vi.waitFor(() => expect(zoom.abandoned()).toEqual(['GET /v2/users/me']), { timeout: 10_000 })
  })

  it('reloading the page tears down the requests it was waiting for', async () => {
    await startSlowSend('send-2')
    harness.mainWindow.webContents.reload()
    await vi.waitFor(() => expect(zoom.abandoned()).toEqual(['GET /v2/users/me', 'GET /v2/users/me']), { timeout: 10_000 })
  })
})
