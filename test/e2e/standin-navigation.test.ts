// The stand-in's BrowserWindow and webContents on real Chromium: navigation events (main frames,
// subframes, form posts, redirects), cancellation, webRequest, window.open, the window lifecycle,
// IPC with a real preload, and the app:// protocol with its CSP header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStandin, type Standin } from '../electron-standin/runtime'
import { chromiumMissingReason } from '../support/chromium'
import { browser, closeBrowser } from './harness'
import { appRoot, closedPort, readyStandin, startSite, writePreload, type Site } from './standin-fixture'

interface NavigationDetails {
  url: string
  isMainFrame: boolean
  frame: { url: string } | null
  preventDefault(): void
}

describe.skipIf(chromiumMissingReason !== undefined)('Electron stand-in: windows and navigation', () => {
  let site: Site
  let standin: Standin
  beforeAll(async () => {
    site = await startSite()
    standin = await readyStandin()
    // As an app does: without a listener, closing the last window would quit the stand-in (app.md).
    standin.electron.app.on('window-all-closed', () => {})
  })
  afterAll(async () => {
    await standin?.quit()
    await site?.close()
    await closeBrowser()
  })

  const open = (options: Record<string, unknown> = {}) => new standin.electron.BrowserWindow({ show: false, ...options })

  it('loadURL fires no will-navigate; a clicked link does, and preventDefault keeps the page', async () => {
    const window = open()
    const navigations: NavigationDetails[] = []
    window.webContents.on('will-navigate', (event: NavigationDetails) => {
      navigations.push(event)
      event.preventDefault()
    })
    await window.loadURL(`${site.url}/start`)
    expect(navigations).toEqual([])
    const page = await standin.pageOf(window)
    await page.click('#link')
    await expect.poll(() => navigations.length).toBe(1)
    expect(navigations[0]).toMatchObject({ url: `${site.url}/next`, isMainFrame: true })
    expect(site.hits).not.toContain('GET /next')
    expect(window.webContents.getURL()).toBe(`${site.url}/start`)
    window.destroy()
  })

  it('a form post is a will-navigate; allowed, it reaches the server', async () => {
    const window = open()
    const seen: string[] = []
    window.webContents.on('will-navigate', (event: NavigationDetails) => seen.push(event.url))
    await window.loadURL(`${site.url}/start`)
    const page = await standin.pageOf(window)
    await Promise.all([page.waitForURL(`${site.url}/posted`), page.click('#submit')])
    expect(seen).toEqual([`${site.url}/posted`])
    expect(site.hits).toContain('POST /posted')
    window.destroy()
  })

  it('will-redirect fires for a subframe too, with isMainFrame false, and can cancel it', async () => {
    const window = open()
    const redirects: NavigationDetails[] = []
    const frameNavigations: NavigationDetails[] = []
    const mainNavigations: NavigationDetails[] = []
    window.webContents.on('will-redirect', (event: NavigationDetails) => {
      redirects.push(event)
      event.preventDefault()
    })
    window.webContents.on('will-frame-navigate', (event: NavigationDetails) => frameNavigations.push(event))
    window.webContents.on('will-navigate', (event: NavigationDetails) => mainNavigations.push(event))
    const targetsBefore = site.hits.filter((h) => h === 'GET /target').length
    await window.loadURL(`${site.url}/frame-host`)
    await expect.poll(() => redirects.length).toBe(1)
    expect(redirects[0]).toMatchObject({ url: `${site.url}/target`, isMainFrame: false })
    expect(frameNavigations.map((e) => [e.url, e.isMainFrame])).toEqual([[`${site.url}/redirect`, false]])
    expect(mainNavigations).toEqual([])
    expect(site.hits.filter((h) => h === 'GET /target').length).toBe(targetsBefore)
    window.destroy()
  })

  it('will-redirect fires for the main frame of loadURL', async () => {
    const window = open()
    const redirects: NavigationDetails[] = []
    window.webContents.on('will-redirect', (event: NavigationDetails) => redirects.push(event))
    await window.loadURL(`${site.url}/redirect`)
    expect(redirects.map((e) => [e.url, e.isMainFrame])).toEqual([[`${site.url}/target`, true]])
    expect(window.webContents.getURL()).toBe(`${site.url}/target`)
    window.destroy()
  })

  it('did-fail-load names the URL that failed, after redirects and for a page’s own navigation, never ERR_ABORTED; loadURL rejects as Electron does', async () => {
    // electron_api_web_contents.cc DidFinishNavigation: (code, name, validatedURL, isMainFrame, …)
    // for a navigation that committed an error page, none for ERR_ABORTED; web-contents.ts
    // _awaitNextLoad: "<name> (<code>) loading '<url>'" with errno, code and url.
    const gone = `http://127.0.0.1:${await closedPort()}/gone`
    const window = open()
    const failures: unknown[][] = []
    const navigated: string[] = []
    window.webContents.on('did-fail-load', (_event: unknown, ...args: unknown[]) => failures.push(args.slice(0, 4)))
    window.webContents.on('did-navigate', (_event: unknown, url: string) => navigated.push(url))
    const error = await window.loadURL(`${site.url}/bounce?to=${encodeURIComponent(gone)}`).catch((e: unknown) => e)
    expect(error).toMatchObject({ message: `ERR_CONNECTION_REFUSED (-102) loading '${gone}'`, errno: -102, code: 'ERR_CONNECTION_REFUSED', url: gone })
    expect(failures).toEqual([[-102, 'ERR_CONNECTION_REFUSED', gone, true]])
    // The error page is no did-navigate, and the window's URL is the one that failed.
    expect(navigated).toEqual([])
    expect(window.webContents.getURL()).toBe(gone)

    await window.loadURL(`${site.url}/start`)
    const page = await standin.pageOf(window)
    await page.evaluate((url) => void (location.href = url), gone)
    await expect.poll(() => failures.length).toBe(2)
    expect(failures[1]).toEqual([-102, 'ERR_CONNECTION_REFUSED', gone, true])

    // A redirect the app cancels is ERR_ABORTED: no did-fail-load; the load stops and loadURL
    // rejects with ERR_FAILED for the URL it was given.
    window.webContents.on('will-redirect', (event: NavigationDetails) => event.preventDefault())
    const aborted = await window.loadURL(`${site.url}/redirect`).catch((e: unknown) => e)
    expect(aborted).toMatchObject({ errno: -2, code: 'ERR_FAILED', url: `${site.url}/redirect` })
    expect(failures).toHaveLength(2)
    window.destroy()
  })

  it('the window takes the page’s title unless page-title-updated is prevented; did-navigate gives the response’s status', async () => {
    // electron_api_browser_window.cc OnPageTitleUpdated; electron_api_web_contents.cc DidFinishNavigation.
    const window = open({ title: 'Mine' })
    const statuses: unknown[][] = []
    window.webContents.on('did-navigate', (_event: unknown, url: string, code: number, text: string) => statuses.push([url, code, text]))
    expect(window.getTitle()).toBe('Mine')
    await window.loadURL(`${site.url}/start`)
    await expect.poll(() => window.getTitle()).toBe('t')
    expect(window.webContents.getTitle()).toBe('t')
    const page = await standin.pageOf(window)
    await page.evaluate(() => void (document.title = 'changed by the page'))
    await expect.poll(() => window.getTitle()).toBe('changed by the page')

    window.on('page-title-updated', (event: NavigationDetails) => event.preventDefault())
    window.setTitle('Kept')
    await page.evaluate(() => void (document.title = 'ignored'))
    await expect.poll(() => window.webContents.getTitle()).toBe('ignored')
    expect(window.getTitle()).toBe('Kept')

    await window.loadURL(`${site.url}/missing`)
    expect(statuses).toEqual([
      [`${site.url}/start`, 200, 'OK'],
      [`${site.url}/missing`, 404, 'Not Found'],
    ])
    window.destroy()
  })

  it('webRequest.onBeforeRequest sees resource types and cancels with ERR_BLOCKED_BY_CLIENT', async () => {
    const partition = 'webrequest-test'
    const session = standin.electron.session.fromPartition(partition)
    const seen: [string, string][] = []
    session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
      seen.push([new URL(details.url).pathname, details.resourceType])
      callback({ cancel: details.url.endsWith('/next') })
    })
    const window = open({ webPreferences: { partition } })
    await window.loadURL(`${site.url}/image-page`)
    await expect.poll(() => seen.map(([path]) => path)).toContain('/pixel.png')
    expect(seen).toContainEqual(['/image-page', 'mainFrame'])
    expect(seen).toContainEqual(['/pixel.png', 'image'])
    await expect(window.loadURL(`${site.url}/next`)).rejects.toThrow('ERR_BLOCKED_BY_CLIENT')
    window.destroy()
    // (A new window: Chromium still commits its error page for the blocked load in the old one.)
    session.webRequest.onBeforeRequest(null)
    const seenBefore = seen.length
    const again = open({ webPreferences: { partition } })
    await again.loadURL(`${site.url}/target`)
    expect(seen.length).toBe(seenBefore)
    again.destroy()
  })

  it('setWindowOpenHandler: deny leaves no window; allow makes a child window in the same session', async () => {
    const window = open({ webPreferences: { partition: 'popups' } })
    const asked: string[] = []
    const details: { url: string; frameName: string; features: string; disposition: string; postBody?: unknown }[] = []
    let answer: 'deny' | 'allow' = 'deny'
    window.webContents.setWindowOpenHandler((open) => {
      asked.push(open.url)
      details.push(open)
      return { action: answer }
    })
    await window.loadURL(`${site.url}/popup-opener`)
    const page = await standin.pageOf(window)
    const before = standin.windows().length
    await page.click('#pop')
    await expect.poll(() => asked.length).toBe(1)
    expect(standin.windows().length).toBe(before)
    answer = 'allow'
    const created: unknown[] = []
    window.webContents.on('did-create-window', (child: unknown) => created.push(child))
    await page.click('#pop')
    await expect.poll(() => created.length).toBe(1)
    const child = created[0] as typeof window
    expect(child.webContents.session).toBe(window.webContents.session)
    expect(asked).toEqual([`${site.url}/next`, `${site.url}/next`])
    expect(details[0]).toMatchObject({ frameName: '_blank', features: '', disposition: 'foreground-tab' })
    // No form was posted: web-contents.ts '-will-add-new-contents' leaves postBody undefined.
    expect(details[0]).toHaveProperty('postBody', undefined)
    child.destroy()
    // window.open: the handler sees the URL asked for (not the pop-up's initial about:blank), its name and features.
    answer = 'deny'
    await page.click('#open')
    await expect.poll(() => asked.length).toBe(3)
    expect(details[2]).toMatchObject({ url: `${site.url}/target`, frameName: 'named', features: 'width=300', disposition: 'new-window' })
    window.destroy()
  })

  it('a window destroyed before its page is set up closes that page once the set-up ends', async () => {
    const context = await standin.electron.session.fromPartition('destroyed-early').browserContext()
    const windows = Array.from({ length: 4 }, () => open({ webPreferences: { partition: 'destroyed-early', preload: writePreload() } }))
    const closed = windows.map((w) => new Promise<void>((resolve) => w.on('closed', () => resolve())))
    for (const window of windows) window.destroy()
    await Promise.all(closed)
    expect(windows.every((w) => w.isDestroyed())).toBe(true)
    // Each page was made, set up, then closed: none stays open in Chromium.
    await Promise.all(windows.map((w) => w.webContents.ready))
    await expect.poll(() => context.pages().length).toBe(0)
  })

  it('a hidden window gets ready-to-show after its first load; maximize() shows it', async () => {
    const window = open()
    let readyToShow = 0
    window.on('ready-to-show', () => void (readyToShow += 1))
    expect(window.isVisible()).toBe(false)
    await window.loadURL(`${site.url}/next`)
    await expect.poll(() => readyToShow).toBe(1)
    expect(window.isVisible()).toBe(false)
    window.maximize()
    expect(window.isVisible()).toBe(true)
    expect(window.isMaximized()).toBe(true)
    expect(window.getBounds()).toEqual(standin.electron.screen.getPrimaryDisplay().workArea)
    expect(window.webContents.history).toEqual(['did-finish-load', 'ready-to-show', 'show', 'maximize'])
    const early = open()
    early.maximize()
    expect(early.webContents.history).toEqual(['show-before-ready-to-show', 'maximize'])
    early.destroy()
    window.destroy()
  })

  it('focus() does nothing for a hidden window, as Electron’s NativeWindow::Focus; a shown one takes it', () => {
    const window = open()
    window.focus()
    expect(window.isVisible()).toBe(false)
    expect(window.isFocused()).toBe(false)
    window.show()
    window.blur()
    window.focus()
    expect(window.isFocused()).toBe(true)
    window.destroy()
  })

  it('close() asks first (cancellable close), destroy() does not; closed always comes', async () => {
    const window = open()
    const steps: string[] = []
    let refuse = true
    window.on('close', (event: { preventDefault(): void }) => {
      steps.push('close')
      if (refuse) event.preventDefault()
    })
    window.on('closed', () => steps.push('closed'))
    window.close()
    expect(window.isDestroyed()).toBe(false)
    refuse = false
    window.close()
    expect(steps).toEqual(['close', 'close', 'closed'])
    const other = open()
    const otherSteps: string[] = []
    other.on('close', () => otherSteps.push('close'))
    other.on('closed', () => otherSteps.push('closed'))
    other.destroy()
    expect(otherSteps).toEqual(['closed'])
    expect(other.isDestroyed()).toBe(true)
  })

  it('runs the preload in the main frame: invoke with the sender frame, events from send, nothing else of Node', async () => {
    const handled: { url: string; isMain: boolean }[] = []
    standin.electron.ipcMain.handle('ping', (event, value) => {
      const frame = event.senderFrame as { url: string }
      handled.push({ url: frame.url, isMain: frame === (event.sender as { mainFrame: unknown }).mainFrame })
      return { pong: value }
    })
    expect(() => standin.electron.ipcMain.handle('ping', () => 0)).toThrow("Attempted to register a second handler for 'ping'")
    const window = open({ webPreferences: { preload: writePreload(), sandbox: true, contextIsolation: true } })
    await window.loadURL(`${site.url}/frame-host`)
    const page = await standin.pageOf(window)
    type Api = { api: { ping(v: unknown): Promise<unknown>; missing(): Promise<unknown>; seen(): unknown[]; canRequire(n: string): boolean } }
    expect(await page.evaluate(() => (globalThis as unknown as Api).api.ping(7))).toEqual({ pong: 7 })
    expect(handled).toEqual([{ url: `${site.url}/frame-host`, isMain: true }])
    await expect(page.evaluate(() => (globalThis as unknown as Api).api.missing())).rejects.toThrow("No handler registered for 'no-such-channel'")
    expect(await page.evaluate(() => (globalThis as unknown as Api).api.canRequire('fs'))).toBe(false)
    // The stand-in's own plumbing is not left on window, and the subframe has no preload.
    expect(await page.evaluate(() => Object.keys(globalThis).filter((k) => k.startsWith('__standin')))).toEqual([])
    expect(await page.frames()[1]!.evaluate(() => 'api' in globalThis)).toBe(false)
    window.webContents.send('news', { n: 1 })
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as Api).api.seen())).toEqual([{ n: 1 }])
    window.destroy()
  })

  it('serves a handled scheme through the app’s handler, CSP header included, and reports app:// URLs', async () => {
    // registerSchemesAsPrivileged must run before ready: a fresh stand-in.
    const fresh = createStandin({ appPath: appRoot, browser: await browser() })
    fresh.electron.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
    await fresh.start()
    const requests: string[] = []
    fresh.electron.protocol.handle('app', (request) => {
      requests.push(request.url)
      const body = new URL(request.url).pathname === '/index.html' ? '<!doctype html><p id="p">static</p><script>document.getElementById("p").textContent = "inline ran"</script><script src="/ok.js"></script>' : 'document.body.dataset.ok = "yes"'
      return new Response(body, { headers: { 'Content-Type': new URL(request.url).pathname.endsWith('.js') ? 'text/javascript' : 'text/html', 'Content-Security-Policy': "script-src 'self'" } })
    })
    expect(() => fresh.electron.protocol.handle('unregistered', () => new Response(''))).toThrow('not emulated')
    const window = new fresh.electron.BrowserWindow({ show: false })
    await window.loadURL('app://zoom-connect/index.html')
    const page = await fresh.pageOf(window)
    expect(window.webContents.getURL()).toBe('app://zoom-connect/index.html')
    await expect.poll(() => page.evaluate(() => document.body.dataset.ok)).toBe('yes')
    expect(await page.textContent('#p')).toBe('static')
    expect(await page.evaluate(() => globalThis.isSecureContext)).toBe(true)
    // (Headless Chromium also asks for /favicon.ico; the handler answers that too.)
    expect(requests.filter((url) => !url.endsWith('/favicon.ico'))).toEqual(['app://zoom-connect/index.html', 'app://zoom-connect/ok.js'])
    // protocol.handle is the default session's: a window in another partition is not answered.
    requests.length = 0
    const partitioned = new fresh.electron.BrowserWindow({ show: false, webPreferences: { partition: 'elsewhere' } })
    await expect(partitioned.loadURL('app://zoom-connect/index.html')).rejects.toThrow()
    expect(requests).toEqual([])
    await fresh.quit()
  })
})
