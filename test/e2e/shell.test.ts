// The foundation's vertical slice: the app started through main/index.ts on the Electron stand-in,
// the built renderer over app://, the real preload bundle; the shell renders what app.info returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumMissingReason } from '../support/chromium'
import { closeBrowser, startHarness, type Harness } from './harness'

describe.skipIf(chromiumMissingReason !== undefined)('app shell (end to end)', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
    await closeBrowser()
  })

  it('shows the app.info slice: version, platform and secret-storage protection', async () => {
    const { page } = harness
    await expect.poll(() => page.getByText('0.0.0-e2e').count()).toBeGreaterThan(0)
    await expect.poll(() => page.getByText(/linux/i).count()).toBeGreaterThan(0)
    await expect.poll(() => page.getByText(/keychain|passphrase|not set up|set up/i).count()).toBeGreaterThan(0)
    expect(harness.bridgeTranscript.some((reply) => reply.includes('"0.0.0-e2e"'))).toBe(true)
    await harness.screenshot('shell-light')
    // The page runs under the production CSP header: any violation would show up here.
    expect(harness.pageErrors).toEqual([])
  })

  it('exposes one bridge global and nothing of Electron or Node to the page', async () => {
    const { page } = harness
    const exposed = await page.evaluate(() => {
      const bridge = (globalThis as unknown as { zoomConnect: Record<string, unknown> }).zoomConnect
      return {
        members: Object.keys(bridge).length,
        frozen: Object.isFrozen(bridge),
        hasRequire: 'require' in globalThis,
        hasProcess: 'process' in globalThis,
        hasIpcRenderer: Object.keys(bridge).some((k) => ['ipcRenderer', 'invoke', 'send', 'sendSync', 'sendToHost', 'postMessage'].includes(k)),
      }
    })
    expect(exposed).toEqual({ members: expect.any(Number), frozen: true, hasRequire: false, hasProcess: false, hasIpcRenderer: false })
    expect(exposed.members).toBeGreaterThan(40)
  })

  it('refuses a call that fails the contract, and an event unsubscribes', async () => {
    const { page } = harness
    const reply = await page.evaluate(() => (globalThis as unknown as { zoomConnect: Record<string, (i: unknown) => Promise<unknown>> }).zoomConnect['profiles.get']({ id: '../../etc' }))
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    // Events come from main (webContents.send), as they do in the app.
    type Bridge = { zoomConnect: { on(e: string, cb: (p: unknown) => void): () => void }; __seen: unknown[]; __all: number; __off(): void }
    await page.evaluate(() => {
      const bridge = globalThis as unknown as Bridge
      bridge.__seen = []
      bridge.__all = 0
      // A payload the app handles like any real one (nothing changed), so the shell stays intact.
      bridge.zoomConnect.on('profiles.changed', () => void (bridge.__all += 1))
      bridge.__off = bridge.zoomConnect.on('profiles.changed', (p) => bridge.__seen.push(p))
    })
    harness.sendToPage('event:profiles.changed', { ids: ['first'] })
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as Bridge).__all)).toBe(1)
    await page.evaluate(() => (globalThis as unknown as Bridge).__off())
    harness.sendToPage('event:profiles.changed', { ids: ['second'] })
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as Bridge).__all)).toBe(2)
    const received = await page.evaluate(() => (globalThis as unknown as Bridge).__seen)
    expect(received).toEqual([{ ids: ['first'] }])
  })

  it('follows a dark system theme', async () => {
    await harness.page.emulateMedia({ colorScheme: 'dark' })
    const background = await harness.page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    await harness.page.emulateMedia({ colorScheme: 'light' })
    const lightBackground = await harness.page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(background).not.toBe(lightBackground)
    await harness.page.emulateMedia({ colorScheme: 'dark' })
    await harness.page.getByRole('button', { name: 'Add connection' }).waitFor()
    await harness.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    await harness.screenshot('shell-dark')
    await harness.page.emulateMedia({ colorScheme: 'light' })
  })
})
