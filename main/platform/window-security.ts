// The security settings every window gets (DESIGN.md "Security model"). Electron is passed in
// (types only here) so the tests can check every setting with a hand-written fake.
import type { Session, WebContents, WebPreferences, WindowOpenHandlerResponse } from 'electron'

/** Web preferences for any window we create; the connect window passes no preload. */
export function secureWebPreferences(options: { preload?: string; partition?: string; devTools?: boolean } = {}): WebPreferences {
  return {
    ...(options.preload ? { preload: options.preload } : {}),
    ...(options.partition ? { partition: options.partition } : {}),
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
    spellcheck: false,
    safeDialogs: true,
    // A DevTools console in our app:// page could call every bridge channel: packaged builds
    // pass false (then openDevTools and the shortcuts do nothing).
    devTools: options.devTools ?? false,
  }
}

export interface LockDownOptions {
  /** Return true for a navigation the window may make (the connect window allows https SSO). */
  allowNavigation?: (url: string) => boolean
  /** Called for links the page tries to open in a new window: we open vetted ones outside. */
  onWindowOpen?: (url: string) => void
  /** Decides window.open itself (the connect window's SSO pop-ups); without it every new window is denied. */
  openWindow?: (url: string) => WindowOpenHandlerResponse
}

/** No navigation away from our page, no new windows, no webviews. */
export function lockDownContents(contents: WebContents, options: LockDownOptions = {}): void {
  const allow = options.allowNavigation ?? (() => false)
  contents.on('will-navigate', (event) => {
    if (!allow(event.url)) event.preventDefault()
  })
  // A redirect is seen for every frame; a subframe's own navigation fires only will-frame-navigate
  // (not checked here: the main window's CSP covers frames, and sign-in pages may use about: or
  // data: frames that this rule would refuse).
  contents.on('will-redirect', (event) => {
    if (!allow(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (options.openWindow) return options.openWindow(url)
    options.onWindowOpen?.(url)
    return { action: 'deny' }
  })
}

/**
 * WebRTC may send nothing the CSP and the proxy do not see. `disable_non_proxied_udp` is the
 * strictest policy Chromium offers (web-contents.md, setWebRTCIPHandlingPolicy): no local or
 * public address is exposed and peers are reached over TCP through the proxy only, never by
 * UDP straight from this machine. (Chromium has no policy that turns WebRTC off.)
 */
export const WEBRTC_IP_HANDLING_POLICY = 'disable_non_proxied_udp' as const

/** Applied to every webContents Electron creates (app 'web-contents-created'), ours or a pop-up. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWebRTCIPHandlingPolicy(WEBRTC_IP_HANDLING_POLICY)
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

const refusingDownloads = new WeakSet<Session>()

/**
 * No page starts a download: without a 'will-download' handler Electron would show a save dialog
 * for any file a page (or a site the connect window's sign-in leads to) offers. The app writes
 * its own files (recordings, exports) from main, in folders the person chose.
 */
export function refusePageDownloads(session: Session): void {
  if (refusingDownloads.has(session)) return
  refusingDownloads.add(session)
  session.on('will-download', (event) => event.preventDefault())
}

/** Camera, microphone, notifications, geolocation…: nothing is granted, nothing is asked. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler?.(() => false)
}
