// The window factory and the connect window, checked with hand-written fakes of Electron's
// BrowserWindow/WebContents/Session (nothing here can launch Electron).
import { describe, expect, it } from 'vitest'
import { createAuthWindowPort } from '../../../main/platform/auth-window'
import { createMainWindow } from '../../../main/platform/main-window'
import { denyAllPermissions, refusePageDownloads } from '../../../main/platform/window-security'
import { electronSession, FakeBrowserWindowClass, fakeWindow, FakeBrowserWindow, FakeSession, type NavigationEvent } from './electron-fakes'

function makeMainWindow() {
  const opened: string[] = []
  const window = fakeWindow(createMainWindow(
    { BrowserWindow: FakeBrowserWindowClass, openExternal: async (url) => void opened.push(url) },
    { preloadPath: '/app/out/preload/index.cjs', entryUrl: 'app://zoom-connect/index.html', backgroundColor: '#fff', devTools: false },
  ))
  return { window, opened }
}

describe('main window factory', () => {
  it('sets every security-relevant web preference', () => {
    const { window } = makeMainWindow()
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    })
  })

  it('loads the app protocol, not file://', () => {
    const { window } = makeMainWindow()
    expect(window.loadedUrls).toEqual(['app://zoom-connect/index.html'])
  })

  it('denies every navigation and redirect away from the app', () => {
    const { window } = makeMainWindow()
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://zoom-connect/other.html']) {
      expect(window.webContents.fire('will-navigate', url).defaultPrevented).toBe(true)
      expect(window.webContents.fire('will-redirect', url).defaultPrevented).toBe(true)
    }
  })

  it('denies new windows, opening only https links in the system browser', () => {
    const { window, opened } = makeMainWindow()
    for (const url of ['https://marketplace.zoom.us/', 'http://example.com/', 'javascript:alert(1)', 'file:///etc/passwd']) {
      expect(window.webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
    expect(opened).toEqual(['https://marketplace.zoom.us/'])
  })

  it('refuses to attach webviews', () => {
    const { window } = makeMainWindow()
    expect(window.webContents.fire('will-attach-webview', '').defaultPrevented).toBe(true)
  })

  it('refuses every download a page starts: the app writes its own files, and asks where itself', () => {
    const session = new FakeSession()
    refusePageDownloads(electronSession(session))
    refusePageDownloads(electronSession(session))
    expect(session.listenerCount('will-download')).toBe(1)
    const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) }
    session.emit('will-download', event, {}, null)
    expect(event.defaultPrevented).toBe(true)
  })

  it('denies every permission request and check', () => {
    const session = new FakeSession()
    denyAllPermissions(electronSession(session))
    let granted: boolean | undefined
    session.permissionRequestHandler?.(null, 'media', (answer: boolean) => (granted = answer))
    expect(granted).toBe(false)
    expect(session.permissionCheckHandler?.()).toBe(false)
  })
})

describe('connect window', () => {
  const redirect = 'https://example.com/zoom/callback'
  const isRedirect = (url: string) => url.startsWith(`${redirect}?`)

  function open(signal = new AbortController().signal) {
    const sessions = new Map<string, FakeSession>()
    const port = createAuthWindowPort({
      BrowserWindow: FakeBrowserWindowClass,
      sessionFromPartition: (partition) => {
        const existing = sessions.get(partition) ?? new FakeSession()
        sessions.set(partition, existing)
        return electronSession(existing)
      },
    })
    const result = port.authorize({ url: 'https://zoom.us/oauth/authorize?x=1', partition: 'persist:zc-p1', isRedirect, signal, title: 'Connect' })
    const window = FakeBrowserWindow.last!
    return { port, result, window, session: sessions.get('persist:zc-p1')! }
  }

  it('is sandboxed, has no preload, uses the profile partition and grants no permission', async () => {
    const { window, result, session } = open()
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'persist:zc-p1' })
    expect(window.options.webPreferences?.preload).toBeUndefined()
    let granted: boolean | undefined
    session.permissionRequestHandler?.(null, 'media', (answer: boolean) => (granted = answer))
    expect(granted).toBe(false)
    // A page of the flow (any https site an identity provider leads to) cannot start a download.
    const download = { defaultPrevented: false, preventDefault: () => void (download.defaultPrevented = true) }
    session.emit('will-download', download, {}, null)
    expect(download.defaultPrevented).toBe(true)
    window.close()
    await expect(result).rejects.toMatchObject({ code: 'AUTH_FLOW_CANCELLED' })
  })

  it('catches the redirect request before it is sent and resolves with it', async () => {
    const { window, result, session } = open()
    expect(session.beforeRequest?.({ url: 'https://zoom.us/signin', resourceType: 'mainFrame' })).toEqual({})
    expect(session.beforeRequest?.({ url: `${redirect}?code=abc&state=s`, resourceType: 'mainFrame' })).toEqual({ cancel: true })
    await expect(result).resolves.toBe(`${redirect}?code=abc&state=s`)
    expect(window.destroyed).toBe(true)
  })

  it('cancels a subresource aimed at the redirect URI without ending the sign-in', async () => {
    const { window, result, session } = open()
    expect(session.beforeRequest?.({ url: `${redirect}?code=forged&state=x`, resourceType: 'image' })).toEqual({ cancel: true })
    expect(window.destroyed).toBe(false)
    expect(session.beforeRequest?.({ url: `${redirect}?code=real&state=s`, resourceType: 'mainFrame' })).toEqual({ cancel: true })
    await expect(result).resolves.toBe(`${redirect}?code=real&state=s`)
  })

  it('allows https SSO navigation, blocks plain http, and catches a navigation to the redirect', async () => {
    const { window, result } = open()
    expect(window.webContents.fire('will-navigate', 'https://sso.company.example/login').defaultPrevented).toBe(false)
    expect(window.webContents.fire('will-navigate', 'http://sso.company.example/login').defaultPrevented).toBe(true)
    const event: NavigationEvent = window.webContents.fire('will-redirect', `${redirect}?code=z&state=s`)
    expect(event.defaultPrevented).toBe(true)
    await expect(result).resolves.toBe(`${redirect}?code=z&state=s`)
  })

  it('cancels when the signal aborts (timeout or auth.cancel)', async () => {
    const controller = new AbortController()
    const { result, window } = open(controller.signal)
    controller.abort(new Error('timed out'))
    await expect(result).rejects.toThrow('timed out')
    expect(window.destroyed).toBe(true)
  })
})
