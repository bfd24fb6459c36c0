// The connect window: a main-owned BrowserWindow without preload, sandboxed, in the profile's
// own session partition. The request to the registered redirect URI is caught before it leaves
// the machine (webRequest + will-redirect/will-navigate), so nothing has to listen there.
import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron'
import { AppError } from '../../common/errors'
import type { AuthWindowPort, AuthorizeRequest } from '../ports'
import { denyAllPermissions, lockDownContents, secureWebPreferences } from './window-security'

export interface AuthWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow
  sessionFromPartition(partition: string): Session
  parent?: () => BrowserWindow | undefined
}

/** SSO identity providers may be anywhere, but only over https. */
const isHttps = (url: string) => URL.canParse(url) && new URL(url).protocol === 'https:'

export function createAuthWindowPort(deps: AuthWindowDeps): AuthWindowPort {
  return {
    authorize: (request) => openAuthWindow(deps, request),
    async clearSession(partition) {
      const session = deps.sessionFromPartition(partition)
      await session.clearStorageData()
      await session.clearCache()
    },
  }
}

function openAuthWindow(deps: AuthWindowDeps, request: AuthorizeRequest): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    if (request.signal.aborted) return reject(request.signal.reason)
    const session = deps.sessionFromPartition(request.partition)
    denyAllPermissions(session)
    const parent = deps.parent?.()
    const window = new deps.BrowserWindow({
      width: 520,
      height: 720,
      title: request.title,
      ...(parent ? { parent, modal: false } : {}),
      autoHideMenuBar: true,
      webPreferences: secureWebPreferences({ partition: request.partition }),
    })
    let settled = false
    const finish = (outcome: () => void) => {
      if (settled) return
      settled = true
      session.webRequest.onBeforeRequest(null)
      request.signal.removeEventListener('abort', onAbort)
      outcome()
      if (!window.isDestroyed()) window.destroy()
    }
    const onRedirect = (url: string) => finish(() => resolve(url))
    const onAbort = () => finish(() => reject(request.signal.reason))
    request.signal.addEventListener('abort', onAbort, { once: true })

    // Catch the redirect at the network layer: the request is cancelled, never sent. Only a
    // top-level navigation completes the flow: an image or script some page points at the
    // redirect URI is cancelled too, but cannot end the sign-in.
    session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
      if (!request.isRedirect(details.url)) return callback({})
      callback({ cancel: true })
      if (details.resourceType === 'mainFrame') onRedirect(details.url)
    })
    const contents = window.webContents
    lockDownContents(contents, { allowNavigation: isHttps })
    // Navigation events can beat the network hook for redirects the server sends: check there too.
    for (const event of ['will-redirect', 'will-navigate'] as const) {
      contents.on(event as 'will-navigate', (navigation, url) => {
        if (request.isRedirect(url)) {
          navigation.preventDefault()
          onRedirect(url)
        }
      })
    }
    window.on('closed', () => finish(() => reject(new AppError('AUTH_FLOW_CANCELLED', 'The connect window was closed before Zoom finished.'))))
    void window.loadURL(request.url).catch(() => {
      // A cancelled redirect makes loadURL reject; the flow has already been resolved then.
    })
  })
}
