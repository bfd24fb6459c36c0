// The connect window's rules, with hand-written fakes of BrowserWindow/WebContents/Session whose
// event shapes follow Electron 41's web-contents.md (see electron-fakes.ts). The same defects are
// checked on real Chromium pages through the Electron stand-in (test/e2e/shell-fixes.test.ts).
import { beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../common/errors'
import { createAuthWindowPort } from '../../../main/platform/auth-window'
import type { LoadedPage } from '../../../main/ports'
import { isConnectWindowUrl } from '../../../main/platform/connect-navigation'
import { createMainWindow } from '../../../main/platform/main-window'
import { electronSession, FakeBrowserWindowClass, fakeWindow, FakeBrowserWindow, FakeSession } from './electron-fakes'

const redirect = 'https://example.com/zoom/callback'
const isRedirect = (url: string) => url.startsWith(`${redirect}?`)

function open(options: { devTools?: boolean; errorPage?: (page: LoadedPage) => AppError | undefined } = {}) {
  const sessions = new Map<string, FakeSession>()
  const port = createAuthWindowPort({
    BrowserWindow: FakeBrowserWindowClass,
    sessionFromPartition: (partition) => {
      const existing = sessions.get(partition) ?? new FakeSession()
      sessions.set(partition, existing)
      return electronSession(existing)
    },
    ...(options.devTools !== undefined ? { devTools: options.devTools } : {}),
  })
  const result = port.authorize({
    url: 'https://zoom.us/oauth/authorize?x=1',
    partition: 'zc-p1',
    isRedirect,
    signal: new AbortController().signal,
    title: 'Connect',
    ...(options.errorPage ? { errorPage: options.errorPage } : {}),
  })
  result.catch(() => undefined)
  const window = FakeBrowserWindow.last!
  return { port, result, window, session: sessions.get('zc-p1')! }
}

beforeEach(() => {
  FakeBrowserWindow.all.length = 0
})

describe('a sign-in asked for while the app quits', () => {
  it('is refused without a window: every window is hidden then, and the quit would cancel it anyway', async () => {
    const port = createAuthWindowPort({ BrowserWindow: FakeBrowserWindowClass, sessionFromPartition: () => electronSession(new FakeSession()), mayOpen: () => false })
    const result = port.authorize({ url: 'https://zoom.us/oauth/authorize?x=1', partition: 'zc-p1', isRedirect, signal: new AbortController().signal, title: 'Connect' })
    await expect(result).rejects.toMatchObject({ code: 'AUTH_FLOW_CANCELLED' })
    expect(FakeBrowserWindow.all).toEqual([])
  })
})

describe('connect window navigation', () => {
  it.each([
    'http://127.0.0.1:4321/signin',
    'http://127.9.8.7/consent',
    'http://[::1]:8080/signin',
    'http://localhost:3000/signin',
    'https://sso.company.example/login',
  ])('allows %s', (url) => {
    const { window } = open()
    expect(isConnectWindowUrl(url)).toBe(true)
    expect(window.webContents.fire('will-navigate', url).defaultPrevented).toBe(false)
    expect(window.webContents.fire('will-redirect', url).defaultPrevented).toBe(false)
  })

  it.each([
    'http://sso.company.example/login',
    'http://128.0.0.1/signin',
    'http://127.0.0.1.evil.example/signin',
    'http://localhost.evil.example/',
    'http://10.0.0.1/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'ftp://127.0.0.1/',
    'not a url',
  ])('refuses %s', (url) => {
    const { window } = open()
    expect(isConnectWindowUrl(url)).toBe(false)
    expect(window.webContents.fire('will-navigate', url).defaultPrevented).toBe(true)
    expect(window.webContents.fire('will-redirect', url).defaultPrevented).toBe(true)
  })
})

describe('only the main frame completes a sign-in', () => {
  it('refuses a subframe redirected to the registered URI without finishing the flow', async () => {
    const { window, result } = open()
    const sub = window.webContents.fire('will-redirect', `${redirect}?code=forged&state=x`, { isMainFrame: false })
    expect(sub.defaultPrevented).toBe(true)
    const frameNav = window.webContents.fire('will-frame-navigate', `${redirect}?code=forged2&state=x`, { isMainFrame: false })
    expect(frameNav.defaultPrevented).toBe(true)
    expect(window.destroyed).toBe(false)
    window.webContents.fire('will-redirect', `${redirect}?code=real&state=s`)
    await expect(result).resolves.toBe(`${redirect}?code=real&state=s`)
  })

  it('ends the sign-in only for a main-frame request at the network layer', async () => {
    const { window, result, session } = open()
    expect(session.beforeRequest?.({ url: `${redirect}?code=forged&state=x`, resourceType: 'subFrame' })).toEqual({ cancel: true })
    expect(window.destroyed).toBe(false)
    expect(session.beforeRequest?.({ url: `${redirect}?code=ok&state=s`, resourceType: 'mainFrame' })).toEqual({ cancel: true })
    await expect(result).resolves.toBe(`${redirect}?code=ok&state=s`)
  })
})

describe('SSO pop-ups', () => {
  it('open as child connect windows in the same partition, without preload, under the same locks', async () => {
    const { window, result } = open()
    const popup = window.openChild('https://idp.example/sso/popup')
    expect(popup).toBeDefined()
    expect(popup!.options.parent).toBe(window)
    expect(popup!.options.webPreferences).toMatchObject({ partition: 'zc-p1', sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false })
    expect(popup!.options.webPreferences?.preload).toBeUndefined()
    // The pop-up is held to the connect window's navigation rules.
    expect(popup!.webContents.fire('will-navigate', 'http://idp.example/plain').defaultPrevented).toBe(true)
    expect(popup!.webContents.fire('will-navigate', 'https://idp.example/next').defaultPrevented).toBe(false)
    // A pop-up of the pop-up is a connect window too; a file: one is refused.
    expect(popup!.openChild('https://idp.example/mfa')).toBeDefined()
    expect(popup!.openChild('file:///etc/passwd')).toBeUndefined()
    // Closing a pop-up (as SSO flows do) does not cancel the sign-in; its main-frame redirect completes it.
    FakeBrowserWindow.all.at(-1)!.close()
    expect(window.destroyed).toBe(false)
    popup!.webContents.fire('will-redirect', `${redirect}?code=from-popup&state=s`)
    await expect(result).resolves.toBe(`${redirect}?code=from-popup&state=s`)
    // The flow's end closes every window it opened.
    expect(window.destroyed).toBe(true)
    expect(popup!.destroyed).toBe(true)
  })

  it('allows an empty pop-up that the provider fills in later, under the same locks', () => {
    const { window } = open()
    const popup = window.openChild('about:blank')
    expect(popup?.options.webPreferences).toMatchObject({ partition: 'zc-p1', sandbox: true })
    expect(popup!.webContents.fire('will-navigate', 'http://idp.example/').defaultPrevented).toBe(true)
    expect(popup!.webContents.fire('will-navigate', 'https://idp.example/sso').defaultPrevented).toBe(false)
  })

  it('keeps its own title, and gives it to its pop-ups: a page cannot retitle them (page-title-updated is prevented)', () => {
    // browser-window.md "Event: 'page-title-updated'": the window takes the page's title unless prevented.
    const titled = (window: FakeBrowserWindow) => {
      const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) }
      window.emit('page-title-updated', event, 'Zoom Connect — enter your vault passphrase', true)
      return event.defaultPrevented
    }
    const { window } = open()
    expect(titled(window)).toBe(true)
    const popup = window.openChild('https://idp.example/sso')!
    expect(popup.options).toMatchObject({ title: 'Connect' })
    expect(titled(popup)).toBe(true)
  })

  it('refuses pop-ups to places the connect window may not go', () => {
    const { window } = open()
    for (const url of ['http://idp.example/', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x']) {
      expect(window.webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
  })

  it('the main window still denies window.open', () => {
    const opened: string[] = []
    const main = fakeWindow(createMainWindow({ BrowserWindow: FakeBrowserWindowClass, openExternal: async (url) => void opened.push(url) }, { preloadPath: '/p.cjs', entryUrl: 'app://zoom-connect/index.html', backgroundColor: '#fff', devTools: false }))
    expect(main.openChild('https://idp.example/sso/popup')).toBeUndefined()
    expect(main.openChild('https://marketplace.zoom.us/')).toBeUndefined()
    expect(opened).toEqual(['https://marketplace.zoom.us/'])
  })
})

describe('connect window DevTools and sessions', () => {
  it('has no DevTools unless the caller (a development build) asks for them', () => {
    expect(open().window.options.webPreferences?.devTools).toBe(false)
    expect(open({ devTools: true }).window.options.webPreferences?.devTools).toBe(true)
  })

  it('clearSession clears storage, cache and remembered HTTP sign-ins', async () => {
    const { port, session, window } = open()
    window.close()
    await port.clearSession('zc-p1')
    expect([session.cleared, session.cacheCleared, session.authCacheCleared]).toEqual([1, 1, 1])
  })
})

describe('pages the connect window loaded', () => {
  it('are read with their title, text and HTTP status; an error page ends the sign-in with its error', async () => {
    const read: LoadedPage[] = []
    const refusal = new AppError('AUTH_ZOOM_ERROR_PAGE', 'Zoom showed an error page')
    const { window, result } = open({ errorPage: (page) => (read.push(page), page.status === 404 ? refusal : undefined) })
    window.webContents.showPage({ url: 'https://zoom.us/signin', title: 'Sign In - Zoom', text: 'Sign in', status: 200 })
    await Promise.resolve()
    expect(window.destroyed).toBe(false)
    window.webContents.showPage({ url: 'https://zoom.us/oauth/authorize?x=1', title: 'Zoom', text: 'This app is not available', status: 404 })
    await expect(result).rejects.toBe(refusal)
    expect(read).toEqual([
      { url: 'https://zoom.us/signin', title: 'Sign In - Zoom', text: 'Sign in', status: 200 },
      { url: 'https://zoom.us/oauth/authorize?x=1', title: 'Zoom', text: 'This app is not available', status: 404 },
    ])
    expect(window.destroyed).toBe(true)
  })
})

describe('a sign-in page that cannot load', () => {
  // did-fail-load's arguments as web-contents.md gives them: event, errorCode, errorDescription, validatedURL, isMainFrame.
  const failLoad = (window: FakeBrowserWindow, errorCode: number, description: string, url: string, isMainFrame = true) => window.webContents.emit('did-fail-load', {}, errorCode, description, url, isMainFrame)

  it.each([
    [-106, 'ERR_INTERNET_DISCONNECTED', /could not load zoom\.us: this computer is offline \(ERR_INTERNET_DISCONNECTED\)/],
    [-105, 'ERR_NAME_NOT_RESOLVED', /could not load zoom\.us: its address could not be found \(DNS\)/],
    [-202, 'ERR_CERT_AUTHORITY_INVALID', /certificate is not trusted/],
    [-999, 'ERR_SOMETHING_NEW', /could not load zoom\.us: ERR_SOMETHING_NEW\. Check the connection/],
  ])('ends the sign-in with what failed (%s %s), naming the host and not the query, and closes the window', async (code, description, message) => {
    const { window, result } = open()
    failLoad(window, code, description, 'https://zoom.us/oauth/authorize?client_id=abc&state=s3cr3t-state&code_challenge=xyz')
    const error = await result.then(
      () => undefined,
      (reason: unknown) => reason as AppError,
    )
    expect(error).toMatchObject({ code: 'NETWORK', message: expect.stringMatching(message) })
    expect(error?.message).not.toMatch(/client_id|s3cr3t-state|code_challenge/)
    expect(window.destroyed).toBe(true)
  })

  it('goes on after a load replaced by another (ERR_ABORTED), a subframe that failed, or the redirect it cancelled itself', async () => {
    const { window, result } = open()
    let ended = false
    result.then(
      () => (ended = true),
      () => (ended = true),
    )
    failLoad(window, -3, 'ERR_ABORTED', 'https://zoom.us/signin')
    failLoad(window, -106, 'ERR_INTERNET_DISCONNECTED', 'https://ads.example/frame', false)
    failLoad(window, -20, 'ERR_BLOCKED_BY_CLIENT', `${redirect}?code=c&state=s`)
    await Promise.resolve()
    expect(ended).toBe(false)
    expect(window.destroyed).toBe(false)
  })
})
