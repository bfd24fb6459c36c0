// The connect window: a main-owned BrowserWindow without preload, sandboxed, in the profile's
// own session partition. The request to the registered redirect URI is caught before it leaves
// the machine (webRequest + will-redirect/will-navigate), so nothing has to listen there.
import type { BrowserWindow, BrowserWindowConstructorOptions, Event, Session, WebContents, WebContentsWillNavigateEventParams, WindowOpenHandlerResponse } from 'electron'
import { AppError } from '../../common/errors'
import { signInRefusedWhileQuitting } from './quit-after-dispose'
import type { AuthWindowPort, AuthorizeRequest } from '../ports'
import { connectLoadFailure } from './connect-load-failure'
import { isConnectWindowUrl } from './connect-navigation'
import { denyAllPermissions, lockDownContents, refusePageDownloads, secureWebPreferences } from './window-security'

export interface AuthWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow
  sessionFromPartition(partition: string): Session
  parent?: () => BrowserWindow | undefined
  /** False in packaged builds: no DevTools in any window. */
  devTools?: boolean
  /**
   * False while the app quits: every window is hidden then, and the quit cancels a sign-in anyway,
   * so a Connect that reaches this point (queued behind a token request the quit waits for, or
   * asked by the hidden page) is refused rather than shown over the desktop for the rest of the wait.
   */
  mayOpen?: () => boolean
}

export function createAuthWindowPort(deps: AuthWindowDeps): AuthWindowPort {
  return {
    authorize: (request) => openAuthWindow(deps, request),
    // Cookies, storage, cache and remembered HTTP sign-ins (Basic/NTLM at an IdP) all go.
    async clearSession(partition) {
      const session = deps.sessionFromPartition(partition)
      await session.clearStorageData()
      await session.clearCache()
      await session.clearAuthCache()
    },
  }
}

function openAuthWindow(deps: AuthWindowDeps, request: AuthorizeRequest): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    if (request.signal.aborted) return reject(request.signal.reason)
    if (deps.mayOpen && !deps.mayOpen()) return reject(signInRefusedWhileQuitting())
    const session = deps.sessionFromPartition(request.partition)
    denyAllPermissions(session)
    refusePageDownloads(session)
    const webPreferences = secureWebPreferences({ partition: request.partition, devTools: deps.devTools ?? false })
    const parent = deps.parent?.()
    const window = new deps.BrowserWindow({
      width: 520,
      height: 720,
      title: request.title,
      ...(parent ? { parent, modal: false } : {}),
      autoHideMenuBar: true,
      webPreferences,
    })
    // The connect window and the SSO pop-ups its pages opened: all closed when the flow ends.
    const windows = new Set<BrowserWindow>()
    let settled = false
    const finish = (outcome: () => void) => {
      if (settled) return
      settled = true
      session.webRequest.onBeforeRequest(null)
      request.signal.removeEventListener('abort', onAbort)
      outcome()
      for (const open of [...windows].reverse()) if (!open.isDestroyed()) open.destroy()
    }
    const onRedirect = (url: string) => finish(() => resolve(url))
    const onAbort = () => finish(() => reject(request.signal.reason))
    request.signal.addEventListener('abort', onAbort, { once: true })

    // Catch the redirect at the network layer: the request is cancelled, never sent. Only a
    // top-level navigation completes the flow: an image, script or iframe some page points at
    // the redirect URI is cancelled too, but cannot end the sign-in.
    session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
      if (!request.isRedirect(details.url)) return callback({})
      callback({ cancel: true })
      if (details.resourceType === 'mainFrame') onRedirect(details.url)
    })

    // Every window of the flow gets the same locks. An identity provider that signs in through a
    // pop-up (window.open) gets a child connect window: same partition (Chromium keeps an opened
    // window in its opener's storage partition, so the pop-up's cookies are the flow's), no
    // preload, never one of the app's windows.
    const guard = (guarded: BrowserWindow) => {
      windows.add(guarded)
      // The title bar is the only chrome these windows have (no address bar): it keeps naming the
      // connection being connected. Electron gives a window its page's <title> unless this event is
      // prevented (browser-window.md "Event: 'page-title-updated'"), and any page the sign-in
      // reaches could title itself as anything, "Zoom Connect" included.
      guarded.on('page-title-updated', (event) => event.preventDefault())
      const contents = guarded.webContents
      lockDownContents(contents, { allowNavigation: isConnectWindowUrl, openWindow: (url) => popUp(guarded, url) })
      catchRedirectNavigation(contents, request.isRedirect, onRedirect)
      contents.on('did-create-window', (child) => {
        if (settled) return void child.destroy()
        guard(child)
      })
    }
    const popUp = (opener: BrowserWindow, url: string): WindowOpenHandlerResponse => {
      // Some providers open an empty pop-up and then set its location: about:blank copies the
      // opener's web preferences (window-open.md), and its next navigation meets the locks below.
      if (settled || !(url === 'about:blank' || isConnectWindowUrl(url))) return { action: 'deny' }
      return { action: 'allow', overrideBrowserWindowOptions: { width: 500, height: 640, title: request.title, parent: opener, modal: false, autoHideMenuBar: true, webPreferences } }
    }
    guard(window)
    // A Zoom error page (e.g. 4700, the redirect URL is not registered, or one without a code)
    // ends the flow with what to fix, instead of leaving the person in front of it until they
    // close the window. The status of the page's own response helps tell a codeless one.
    const contents = window.webContents
    let status: number | undefined
    contents.on('did-navigate', (_event, _url, httpResponseCode) => {
      status = httpResponseCode > 0 ? httpResponseCode : undefined
    })
    contents.on('did-finish-load', () => {
      const url = contents.getURL()
      if (!request.errorPage || request.isRedirect(url)) return
      const loaded = { url, title: contents.getTitle(), ...(status !== undefined ? { status } : {}) }
      contents
        .executeJavaScript('document.body ? document.body.innerText.slice(0, 4000) : ""', false)
        .then((text: unknown) => {
          const error = request.errorPage?.({ ...loaded, text: typeof text === 'string' ? text : '' })
          if (error) finish(() => reject(error))
        })
        .catch(() => undefined)
    })
    // A sign-in page that cannot load at all leaves the window blank: the sign-in ends with why.
    // A pop-up's failures are its identity provider's to show; a load of the redirect URL is
    // one this window cancelled itself.
    contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
      if (!isMainFrame || request.isRedirect(validatedURL)) return
      const error = connectLoadFailure(errorCode, errorDescription, validatedURL)
      if (error) finish(() => reject(error))
    })
    // Closing a pop-up is part of many SSO flows; closing the connect window itself cancels.
    window.on('closed', () => finish(() => reject(new AppError('AUTH_FLOW_CANCELLED', 'The connect window was closed before Zoom finished.'))))
    void window.loadURL(request.url).catch(() => {
      // A cancelled redirect makes loadURL reject; the flow has already been resolved then.
    })
  })
}

/**
 * Navigation events can beat the network hook for redirects the server sends: check there too.
 * Electron fires will-redirect for subframes as well (web-contents.md, "Event: 'will-redirect'"),
 * so only a main-frame navigation or redirect completes the sign-in; a subframe's is only refused.
 */
function catchRedirectNavigation(contents: WebContents, isRedirect: (url: string) => boolean, onRedirect: (url: string) => void): void {
  const check = (navigation: Event<WebContentsWillNavigateEventParams>) => {
    if (!isRedirect(navigation.url)) return
    navigation.preventDefault()
    if (navigation.isMainFrame) onRedirect(navigation.url)
  }
  contents.on('will-navigate', check)
  contents.on('will-redirect', check)
  // A subframe's own navigation (not a redirect) is reported here, never as will-navigate.
  contents.on('will-frame-navigate', (navigation) => {
    if (!navigation.isMainFrame && isRedirect(navigation.url)) navigation.preventDefault()
  })
}
