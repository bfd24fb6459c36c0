// Issue 9's shell defects, each met on real Chromium pages through the Electron stand-in with the
// app started from main/index.ts: Copy buttons, the connect window's rules (loopback http, main
// frame only, SSO pop-ups, forgotten sessions), window state, the packaged menu and DevTools,
// WebRTC, and main's HTTP through the system proxy.
import { mkdir, writeFile } from 'node:fs/promises'
import { mkdtemp } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox'
import { chromiumMissingReason } from '../support/chromium'
import type { MenuItem } from '../electron-standin/menu'
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy'
import { closeBrowser, startHarness, type Harness } from './harness'
import { readMainClipboard } from './ui-helpers'

type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }

/** Calls a bridge channel from the main window's page, as the renderer does. */
function invoke<T>(page: Page, channel: string, input?: unknown): Promise<Envelope<T>> {
  return page.evaluate(([name, value]) => (globalThis as unknown as { zoomConnect: Record<string, (i: unknown) => Promise<Envelope<T>>> }).zoomConnect[name as string]!(value), [channel, input] as const)
}

async function profileId(page: Page, name: string): Promise<string> {
  const list = await invoke<{ id: string; name: string }[]>(page, 'profiles.list')
  if (!list.ok) throw new Error(list.error.message)
  const found = list.value.find((p) => p.name === name)
  if (!found) throw new Error(`no profile ${name}`)
  return found.id
}

const USER_APP = 'Sandbox · User-managed app'
/** How long expect.poll waits for Chromium (vitest's default is 1 s, too short on a busy 2-core machine). */
const CHROMIUM = { timeout: 20_000 }
const S2S_APP = 'Sandbox · Server-to-Server'

describe.skipIf(chromiumMissingReason !== undefined)('shell fixes on the sandbox (npm run demo, proxy, clipboard)', () => {
  let zoom: Sandbox
  let proxy: ConnectProxy
  let harness: Harness
  beforeAll(async () => {
    zoom = await startSandbox({ seed: 91, users: 10, plan: 'unlimited' })
    proxy = await startConnectProxy()
    harness = await startHarness({ env: { ZOOM_CONNECT_DEMO: JSON.stringify({ url: zoom.url, apps: zoom.apps }) } })
    // What Chromium's proxy settings say for every URL main asks about (session.resolveProxy).
    harness.standin.setSystemProxy(() => `PROXY ${proxy.hostPort}`)
  })
  afterAll(async () => {
    await harness?.close()
    await proxy?.close()
    await zoom?.close()
    await closeBrowser()
  })

  it('npm run demo signs in: the sandbox’s forms POST to http://127.0.0.1 and the connect window lets them', async () => {
    const { page, standin } = harness
    const id = await profileId(page, USER_APP)
    const connecting = invoke<{ state: string }>(page, 'auth.connect', { profileId: id })
    const consent = await standin.pageOf(await standin.window(1))
    await consent.getByLabel('Email').fill(zoom.login.email)
    await consent.getByLabel('Password').fill(zoom.login.password)
    await consent.getByRole('button', { name: 'Sign in', exact: true }).click()
    await consent.getByRole('button', { name: 'Allow' }).click()
    expect(await connecting).toMatchObject({ ok: true, value: { state: 'connected' } })
    expect(new URL(zoom.url).hostname).toBe('127.0.0.1')
  })

  it('sends the token request and API calls through the proxy session.resolveProxy names', async () => {
    const { page } = harness
    const id = await profileId(page, S2S_APP)
    expect(await invoke(page, 'auth.connect', { profileId: id })).toMatchObject({ ok: true, value: { state: 'connected' } })
    expect(await invoke(page, 'console.send', { profileId: id, method: 'GET', url: '/users/me' })).toMatchObject({ ok: true, value: { status: 200 } })
    expect(proxy.tunnels).toContain(new URL(zoom.url).host)
    expect(proxy.requests).toEqual(expect.arrayContaining(['POST /oauth/token', 'GET /v2/users/me']))
  })

  it('reports a refusing proxy as NETWORK_PROXY_REFUSED', async () => {
    const { page, standin } = harness
    const id = await profileId(page, S2S_APP)
    expect(await invoke(page, 'auth.connect', { profileId: id })).toMatchObject({ ok: true })
    const refusing = await startConnectProxy()
    refusing.mode = 407
    standin.setSystemProxy(() => `PROXY ${refusing.hostPort}`)
    try {
      const reply = await invoke<{ error?: { code: string; message: string } }>(page, 'console.send', { profileId: id, method: 'GET', url: '/users/me' })
      expect(reply).toMatchObject({ ok: true, value: { error: { code: 'NETWORK_PROXY_REFUSED', message: expect.stringContaining('407') } } })
      expect(refusing.tunnels).toEqual([new URL(zoom.url).host])
    } finally {
      standin.setSystemProxy(() => `PROXY ${proxy.hostPort}`)
      await refusing.close()
    }
  })

  it('Copy buttons copy through main; the page itself has no clipboard permission', async () => {
    const { page } = harness
    const pageWrite = await page.evaluate(() => navigator.clipboard.writeText('from the page').then(() => 'written', (error: Error) => error.name))
    expect(pageWrite).toBe('NotAllowedError')
    await page.getByRole('button', { name: 'Add connection' }).click()
    const editor = page.getByRole('form', { name: 'New connection' })
    await editor.getByRole('radio', { name: /^User-managed OAuth app/ }).check()
    await editor.getByLabel('Redirect URL', { exact: true }).fill('http://127.0.0.1:4199/zoom/callback')
    await editor.getByRole('button', { name: 'Copy redirect URL' }).click()
    await expect.poll(() => readMainClipboard(harness), CHROMIUM).toBe('http://127.0.0.1:4199/zoom/callback')
    await editor.getByRole('button', { name: 'Copy redirect URL: copied' }).waitFor()
  })

  it('sets the WebRTC policy on the main window and on connect windows', async () => {
    const { page, standin, mainWindow } = harness
    expect(mainWindow.webContents.getWebRTCIPHandlingPolicy()).toBe('disable_non_proxied_udp')
    const index = standin.allWindowsEverCreated().length
    const connecting = invoke(page, 'auth.connect', { profileId: await profileId(page, USER_APP) })
    const connectWindow = await standin.window(index)
    expect(connectWindow.webContents.getWebRTCIPHandlingPolicy()).toBe('disable_non_proxied_udp')
    connectWindow.close()
    expect(await connecting).toMatchObject({ ok: false, error: { code: 'AUTH_FLOW_CANCELLED' } })
    // And Chromium's switch, set before any renderer starts.
    expect(standin.electron.app.commandLine.getSwitchValue('force-webrtc-ip-handling-policy')).toBe('disable_non_proxied_udp')
  })
})

/**
 * A fake OAuth server on loopback (the profiles' custom OAuth base): its authorize page holds an
 * iframe that a server redirect sends to the registered redirect URI, and a button that opens an
 * SSO pop-up, as identity providers do.
 */
async function startTrapIdp(redirectUri: string): Promise<{ url: string; tokenCodes: string[]; close(): Promise<void> }> {
  const tokenCodes: string[] = []
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/oauth/authorize') {
      const state = url.searchParams.get('state') ?? ''
      const forged = `${redirectUri}?code=forged&state=${encodeURIComponent(state)}`
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>Trap sign-in</title><h1>Sign in</h1>
<iframe title="widget" src="/bounce?to=${encodeURIComponent(forged)}"></iframe>
<button onclick="window.open('/sso-popup', 'sso', 'width=480,height=600')">Sign in with SSO</button>`)
      return
    }
    if (url.pathname === '/bounce') return void res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end()
    if (url.pathname === '/sso-popup') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>IdP pop-up</title><p>Single sign-on</p>')
    if (url.pathname === '/oauth/token') {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString()))
      req.on('end', () => {
        tokenCodes.push(new URLSearchParams(body).get('code') ?? '')
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ reason: 'Invalid authorization code', error: 'invalid_grant' }))
      })
      return
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tokenCodes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe.skipIf(chromiumMissingReason !== undefined)('connect window rules against a hostile or SSO identity provider', () => {
  const redirectUri = 'https://example.invalid/zoom-connect/callback'
  let idp: Awaited<ReturnType<typeof startTrapIdp>>
  let harness: Harness
  let id: string
  beforeAll(async () => {
    idp = await startTrapIdp(redirectUri)
    const app = { clientId: 'trap-client', clientSecret: 'trap-secret-0123456789', redirectUri }
    const seed = { url: idp.url, apps: { s2s: { accountId: 'acc', clientId: 'c', clientSecret: 'trap-secret-s2s' }, userOAuth: app, adminOAuth: app, public: { clientId: 'p', redirectUri } } }
    harness = await startHarness({ env: { ZOOM_CONNECT_DEMO: JSON.stringify(seed) } })
    id = await profileId(harness.page, USER_APP)
  })
  afterAll(async () => {
    await harness?.close()
    await idp?.close()
    await closeBrowser()
  })

  const nextWindowIndex = () => harness.standin.allWindowsEverCreated().length

  it('an iframe redirected to the registered URI does not complete the sign-in; the main frame does', async () => {
    const { page, standin } = harness
    const index = nextWindowIndex()
    const connecting = invoke(page, 'auth.connect', { profileId: id })
    const window = await standin.window(index)
    const redirects: { url: string; isMainFrame: boolean; prevented: boolean }[] = []
    // Registered after main's listeners, so it sees main's verdict.
    window.webContents.on('will-redirect', (event: { url: string; isMainFrame: boolean; defaultPrevented: boolean }) => redirects.push({ url: event.url, isMainFrame: event.isMainFrame, prevented: event.defaultPrevented }))
    const signIn = await standin.pageOf(window)
    await expect.poll(() => redirects.find((r) => r.url.includes('code=forged')), CHROMIUM).toMatchObject({ isMainFrame: false, prevented: true })
    expect(window.isDestroyed()).toBe(false)
    expect(idp.tokenCodes).toEqual([])
    // The top-level navigation to the redirect URI is the one that counts.
    await signIn.evaluate((target) => void (location.href = target), `${redirectUri}?code=real&state=${new URL(signIn.url()).searchParams.get('state')}`)
    expect(await connecting).toMatchObject({ ok: false })
    expect(idp.tokenCodes).toEqual(['real'])
    expect(window.isDestroyed()).toBe(true)
  })

  it('an SSO pop-up opens as a child connect window in the same partition, and its redirect completes the sign-in', async () => {
    const { page, standin } = harness
    const index = nextWindowIndex()
    const connecting = invoke(page, 'auth.connect', { profileId: id })
    const window = await standin.window(index)
    const signIn = await standin.pageOf(window)
    await signIn.getByRole('button', { name: 'Sign in with SSO' }).click()
    await expect.poll(() => nextWindowIndex(), CHROMIUM).toBe(index + 2)
    const popup = standin.allWindowsEverCreated()[index + 1]!
    expect(popup.getParentWindow()).toBe(window)
    expect(popup.webContents.webPreferences.partition).toBe(window.webContents.webPreferences.partition)
    expect(popup.webContents.webPreferences.preload).toBeUndefined()
    expect(popup.webContents.getWebRTCIPHandlingPolicy()).toBe('disable_non_proxied_udp')
    const popupPage = await standin.pageOf(popup)
    await popupPage.getByText('Single sign-on').waitFor()
    // The pop-up is held to the connect window's rules: no plain http beyond this machine.
    const navigations: { url: string; prevented: boolean }[] = []
    popup.webContents.on('will-navigate', (event: { url: string; defaultPrevented: boolean }) => navigations.push({ url: event.url, prevented: event.defaultPrevented }))
    await popupPage.evaluate(() => void (location.href = 'http://example.invalid/'))
    await expect.poll(() => navigations, CHROMIUM).toEqual([{ url: 'http://example.invalid/', prevented: true }])
    expect(popupPage.url()).toContain('/sso-popup')
    await popupPage.evaluate((target) => void (location.href = target), `${redirectUri}?code=popup&state=${new URL(signIn.url()).searchParams.get('state')}`)
    expect(await connecting).toMatchObject({ ok: false })
    expect(idp.tokenCodes.at(-1)).toBe('popup')
    expect(window.isDestroyed()).toBe(true)
    expect(popup.isDestroyed()).toBe(true)
  })

  it('the connect window and its pop-ups keep naming the connection: a page cannot retitle them', async () => {
    // In Electron a window takes its page's <title> unless 'page-title-updated' is prevented.
    const { page, standin } = harness
    const title = `Connect “${USER_APP}” to Zoom`
    const index = nextWindowIndex()
    const connecting = invoke(page, 'auth.connect', { profileId: id })
    const window = await standin.window(index)
    const signIn = await standin.pageOf(window)
    await expect.poll(() => window.webContents.getTitle(), CHROMIUM).toBe('Trap sign-in')
    expect(window.getTitle()).toBe(title)
    await signIn.evaluate(() => void (document.title = 'Zoom Connect — enter your vault passphrase'))
    await expect.poll(() => window.webContents.getTitle(), CHROMIUM).toBe('Zoom Connect — enter your vault passphrase')
    expect(window.getTitle()).toBe(title)
    await signIn.getByRole('button', { name: 'Sign in with SSO' }).click()
    await expect.poll(() => nextWindowIndex(), CHROMIUM).toBe(index + 2)
    const popup = standin.allWindowsEverCreated()[index + 1]!
    await expect.poll(() => popup.webContents.getTitle(), CHROMIUM).toBe('IdP pop-up')
    expect(popup.getTitle()).toBe(title)
    window.close()
    expect(await connecting).toMatchObject({ ok: false, error: { code: 'AUTH_FLOW_CANCELLED' } })
  })

  it('the main window still opens no window of its own; a vetted https link goes to the system browser', async () => {
    const { page, standin } = harness
    const before = nextWindowIndex()
    // window.open needs a user gesture (Chromium's pop-up blocker): one button per target, clicked in turn.
    const targets = ['https://idp.example/popup', 'https://marketplace.zoom.us/develop/create']
    await page.evaluate((urls) => {
      for (const url of urls) {
        const button = document.createElement('button')
        button.textContent = `open ${url}`
        button.addEventListener('click', () => void window.open(url))
        document.body.append(button)
      }
    }, targets)
    for (const url of targets) {
      const popup = page.waitForEvent('popup')
      await page.getByRole('button', { name: `open ${url}` }).click()
      // Chromium made the pop-up; main's handler denied it, so it is closed again and no window adopts it.
      const opened = await popup
      if (!opened.isClosed()) await opened.waitForEvent('close')
    }
    expect(nextWindowIndex()).toBe(before)
    expect(standin.windows()).toEqual([harness.mainWindow])
    expect(standin.shellCalls.filter((call) => call.method === 'openExternal').map((call) => call.target)).toEqual(['https://marketplace.zoom.us/develop/create'])
  })

  it('a sign-in that is not remembered reuses one in-memory partition per profile, cleared after each attempt', async () => {
    const { page, standin } = harness
    expect(await invoke(page, 'settings.update', { rememberZoomSignIn: false })).toMatchObject({ ok: true })
    for (let attempt = 0; attempt < 2; attempt++) {
      const index = nextWindowIndex()
      const connecting = invoke(page, 'auth.connect', { profileId: id })
      const window = await standin.window(index)
      await standin.pageOf(window)
      window.close()
      expect(await connecting).toMatchObject({ ok: false, error: { code: 'AUTH_FLOW_CANCELLED' } })
    }
    const forgotten = standin.sessions().filter((s) => !s.partition.startsWith('persist:') && s.partition.includes(id))
    expect(forgotten.map((s) => s.partition)).toEqual([`zc-${id}`])
    // The flow is answered before main has finished clearing the partition: wait for the clearing.
    await expect.poll(() => standin.sessions().find((s) => s.partition === `zc-${id}`)).toMatchObject({ storageCleared: 2, cacheCleared: 2, authCacheCleared: 2 })
  })
})

describe.skipIf(chromiumMissingReason !== undefined)('window state and the packaged app', () => {
  afterAll(async () => {
    await closeBrowser()
  })

  it('brings a window saved on a vanished display back onto the screen, maximized only once ready', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'zc-e2e-state-'))
    await mkdir(dataDir, { recursive: true })
    await writeFile(join(dataDir, 'window-state.json'), JSON.stringify({ bounds: { x: 3200, y: 1400, width: 1200, height: 800 }, maximized: true }))
    const harness = await startHarness({ dataDir, displays: [{ bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] })
    try {
      const { mainWindow } = harness
      const normal = mainWindow.getNormalBounds()
      expect(normal.x + normal.width).toBeLessThanOrEqual(1920)
      expect(normal.y + normal.height).toBeLessThanOrEqual(1040)
      expect(normal.x).toBeGreaterThanOrEqual(0)
      await expect.poll(() => mainWindow.isMaximized(), CHROMIUM).toBe(true)
      const history = mainWindow.webContents.history
      expect(history).not.toContain('show-before-ready-to-show')
      expect(history.indexOf('ready-to-show')).toBeGreaterThanOrEqual(0)
      expect(history.indexOf('maximize')).toBeGreaterThan(history.indexOf('ready-to-show'))
    } finally {
      await harness.close()
    }
  })

  it('a packaged build has our menu (Edit, View without DevTools, Window, Help) and no DevTools', async () => {
    const harness = await startHarness({ isPackaged: true })
    try {
      const { standin, mainWindow } = harness
      const menu = standin.applicationMenu()
      expect(menu).not.toBeNull()
      const roles = (items: readonly MenuItem[]): string[] => items.flatMap((item) => [...(item.role ? [item.role] : []), ...(item.submenu ? roles(item.submenu.items) : [])])
      const all = roles(menu!.items)
      expect(all).not.toContain('toggleDevTools')
      expect(all).not.toContain('reload')
      expect(all).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'togglefullscreen', 'minimize']))
      expect(menu!.items.map((item) => item.label)).toEqual(expect.arrayContaining(['Edit', 'View', 'Window', 'Help']))
      const help = menu!.items.find((item) => item.label === 'Help')!.submenu!.items
      help[0]!.click()
      await expect.poll(() => standin.shellCalls.filter((c) => c.method === 'openExternal').map((c) => c.target), CHROMIUM).toEqual([expect.stringMatching(/^https:\/\/github\.com\//)])
      expect(mainWindow.webContents.webPreferences.devTools).toBe(false)
      mainWindow.webContents.openDevTools()
      expect(mainWindow.webContents.history).not.toContain('devtools-opened')
    } finally {
      await harness.close()
    }
  })
})
