// main/index.ts as Electron runs it, through the stand-in: what happens at start, with a second
// instance, with a data file it must not touch, in `npm run demo`, and when the window closes.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox'
import { chromiumMissingReason } from '../support/chromium'
import { call, value } from './bridge'
import { closeBrowser, launchApp, startHarness } from './harness'

describe.skipIf(chromiumMissingReason !== undefined)('the app entry (main/index.ts on the stand-in)', () => {
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zc-e2e-entry-'))
  })
  afterAll(async () => {
    await closeBrowser()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('refuses to start over a data file from a newer version: an error box, exit code 1, the file untouched', async () => {
    const folder = join(dataDir, 'newer')
    await mkdir(folder, { recursive: true })
    const newer = JSON.stringify({ schemaVersion: 999, data: { profiles: [] } })
    await writeFile(join(folder, 'profiles.json'), newer)
    const standin = await launchApp({ dataDir: folder })
    expect(await standin.exited).toBe(1)
    expect(standin.allWindowsEverCreated()).toEqual([])
    const box = standin.dialogs.calls.find((c) => c.kind === 'showErrorBox')
    expect(box?.options).toMatchObject({ title: 'Zoom Connect could not start', content: expect.stringMatching(/newer version/) })
    expect(await readFile(join(folder, 'profiles.json'), 'utf8')).toBe(newer)
  })

  it('a second instance over the same folder hands over to the first and quits; the first comes to the front', async () => {
    const folder = join(dataDir, 'single')
    const first = await startHarness({ dataDir: folder })
    first.mainWindow.minimize()
    expect(first.mainWindow.isMinimized()).toBe(true)
    const second = await launchApp({ dataDir: folder })
    expect(await second.exited).toBe(0)
    expect(second.allWindowsEverCreated()).toEqual([])
    expect(first.mainWindow.isMinimized()).toBe(false)
    expect(first.mainWindow.isFocused()).toBe(true)
    await first.close()
  })

  it('closing the main window quits the app, after the core has finished (before-quit waits for it)', async () => {
    const harness = await startHarness({ dataDir: join(dataDir, 'close') })
    const quitSteps: string[] = []
    harness.standin.electron.app.on('before-quit', () => quitSteps.push('before-quit'))
    harness.standin.electron.app.on('quit', () => quitSteps.push('quit'))
    harness.mainWindow.close()
    expect(await harness.standin.exited).toBe(0)
    // The app defers the first before-quit until core.dispose() is done, then quits again.
    expect(quitSteps).toEqual(['before-quit', 'before-quit', 'quit'])
    expect(harness.standin.relaunchRequests()).toEqual([])
  })

  it('quitting while a token request hangs hides every window at once; a launch meanwhile starts the app again once it has exited', async () => {
    const zoom = await startSandbox({ seed: 7, users: 10 })
    const folder = join(dataDir, 'quit-hung')
    const harness = await startHarness({ dataDir: folder, env: { ZOOM_CONNECT_DEMO: JSON.stringify({ url: zoom.url, apps: zoom.apps }) } })
    try {
      const profileId = (await value(harness.page, 'profiles.list')).find((p) => p.name === 'Sandbox · Server-to-Server')!.id
      // A token request that only the sandbox's close ends: the core's dispose waits for it.
      zoom.setFaults([{ kind: 'latency', ms: 600_000, pathPrefix: '/oauth/token' }])
      void call(harness.page, 'auth.connect', { profileId }).catch(() => undefined)
      await vi.waitFor(() => expect(zoom.listFaults()[0]?.seen).toBe(1), { timeout: 10_000 })

      harness.standin.electron.app.quit()
      expect(harness.standin.windows().map((window) => window.isVisible())).toEqual([false])

      // The lock is still held, so this launch is handed to the quitting instance and ends.
      const second = await launchApp({ dataDir: folder })
      expect(await second.exited).toBe(0)
      expect(second.allWindowsEverCreated()).toEqual([])
      expect(harness.mainWindow.isVisible()).toBe(false)
      expect(harness.standin.relaunchRequests()).toEqual([])

      await zoom.close()
      expect(await harness.standin.exited).toBe(0)
      expect(harness.standin.relaunchRequests()).toEqual([{}])
    } finally {
      await zoom.close()
    }
  })

  it('opens no window while a quit waits for the core: a sign-in asked for then is refused, not shown', async () => {
    const zoom = await startSandbox({ seed: 7, users: 10 })
    const folder = join(dataDir, 'quit-no-window')
    const harness = await startHarness({ dataDir: folder, env: { ZOOM_CONNECT_DEMO: JSON.stringify({ url: zoom.url, apps: zoom.apps }) } })
    try {
      const profiles = await value(harness.page, 'profiles.list')
      const s2s = profiles.find((p) => p.name === 'Sandbox · Server-to-Server')!.id
      const user = profiles.find((p) => p.name === 'Sandbox · User-managed app')!.id
      // A token request that only the sandbox's close ends holds the quit in its wait.
      zoom.setFaults([{ kind: 'latency', ms: 600_000, pathPrefix: '/oauth/token' }])
      void call(harness.page, 'auth.connect', { profileId: s2s }).catch(() => undefined)
      await vi.waitFor(() => expect(zoom.listFaults()[0]?.seen).toBe(1), { timeout: 10_000 })

      harness.standin.electron.app.quit()
      expect(harness.standin.windows().map((window) => window.isVisible())).toEqual([false])
      // The hidden page (or a Connect clicked just before) asks for a sign-in during the wait.
      const connecting = call(harness.page, 'auth.connect', { profileId: user }).catch(() => undefined)
      // Refused at once; before, a connect window opened (shown) and stayed up to the quit's end.
      const first = await Promise.race([connecting.then(() => 'answered'), harness.standin.window(1).then(() => 'window opened'), harness.standin.exited.then(() => 'exited')])
      expect(first).toBe('answered')
      expect(await connecting).toMatchObject({ ok: false, error: { code: 'AUTH_FLOW_CANCELLED' } })
      expect(harness.standin.allWindowsEverCreated()).toHaveLength(1)

      await zoom.close()
      expect(await harness.standin.exited).toBe(0)
    } finally {
      await zoom.close()
    }
  })

  describe('npm run demo (ZOOM_CONNECT_DEMO)', () => {
    let zoom: Sandbox
    beforeAll(async () => {
      zoom = await startSandbox({ seed: 7, users: 20 })
    })
    afterAll(async () => {
      await zoom?.close()
    })

    it('seeds one connection per sandbox app, and the user-managed one signs in through the connect window', async () => {
      const harness = await startHarness({ dataDir: join(dataDir, 'demo'), env: { ZOOM_CONNECT_DEMO: JSON.stringify({ url: zoom.url, apps: zoom.apps }) } })
      try {
        const names = (await value(harness.page, 'profiles.list')).map((p) => p.name).sort()
        expect(names).toEqual(['Sandbox · Admin-managed app', 'Sandbox · Public PKCE app', 'Sandbox · Server-to-Server', 'Sandbox · User-managed app'])
        const user = (await value(harness.page, 'profiles.list')).find((p) => p.name === 'Sandbox · User-managed app')!
        const connecting = call(harness.page, 'auth.connect', { profileId: user.id })
        const consent = await harness.authWindow.nextPage()
        await consent.getByLabel('Email').fill(zoom.login.email)
        await consent.getByLabel('Password').fill(zoom.login.password)
        await consent.getByRole('button', { name: 'Sign in', exact: true }).click()
        await consent.getByRole('button', { name: 'Allow' }).click()
        expect(await connecting).toMatchObject({ ok: true, value: { state: 'connected' } })
      } finally {
        await harness.close()
      }
    })

    it('is ignored by a packaged app', async () => {
      const harness = await startHarness({ dataDir: join(dataDir, 'demo-packaged'), isPackaged: true, env: { ZOOM_CONNECT_DEMO: JSON.stringify({ url: zoom.url, apps: zoom.apps }) } })
      try {
        expect(await value(harness.page, 'profiles.list')).toEqual([])
      } finally {
        await harness.close()
      }
    })
  })
})
