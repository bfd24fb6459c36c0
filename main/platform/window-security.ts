// The security settings every window gets (DESIGN.md "Security model"). Electron is passed in
// (types only here) so the tests can check every setting with a hand-written fake.
import type { Session, WebContents, WebPreferences } from 'electron'

/** Web preferences for any window we create; the connect window passes no preload. */
export function secureWebPreferences(options: { preload?: string; partition?: string } = {}): WebPreferences {
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
  }
}

export interface LockDownOptions {
  /** Return true for a navigation the window may make (the connect window allows https SSO). */
  allowNavigation?: (url: string) => boolean
  /** Called for links the page tries to open in a new window: we open vetted ones outside. */
  onWindowOpen?: (url: string) => void
}

/** No navigation away from our page, no new windows, no webviews. */
export function lockDownContents(contents: WebContents, options: LockDownOptions = {}): void {
  const allow = options.allowNavigation ?? (() => false)
  contents.on('will-navigate', (event, url) => {
    if (!allow(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!allow(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    options.onWindowOpen?.(url)
    return { action: 'deny' }
  })
}

/** Camera, microphone, notifications, geolocation…: nothing is granted, nothing is asked. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler?.(() => false)
}
