// The two user agents that show Zoom's sign-in and consent: the connect window (a main-owned
// BrowserWindow behind AuthWindowPort, which intercepts the redirect before it leaves the machine)
// and the system browser (ExternalBrowserPort + a loopback listener).
import { AppError } from '../../common/errors'
import { quotedName } from '../dialog-text'
import type { AuthWindowPort, ExternalBrowserPort } from '../ports'
import { startLoopbackListener } from './loopback-listener'
import { isRegisteredRedirect } from './redirect'
import { zoomErrorFromPage } from './zoom-error-page'

export interface AuthorizationAttempt {
  profileId: string
  profileName: string
  url: string
  redirectUri: string
  /** The flow's `state`: the loopback listener accepts only a callback carrying it. */
  state: string
  signal: AbortSignal
}

export interface UserAgent {
  /** Resolves with the callback URL (the redirect with code or error), rejects when cancelled. */
  authorize(attempt: AuthorizationAttempt): Promise<string>
}

/** The persistent session of a profile's connect window (a remembered Zoom/SSO sign-in). */
export const persistentPartition = (profileId: string) => `persist:zc-${profileId}`

/**
 * The in-memory session of a sign-in that is not remembered (no `persist:` prefix). Electron
 * keeps every session it created until the app quits (session.fromPartition returns the same one
 * for the same name), so the name is fixed per profile, not new per attempt, and its storage is
 * cleared after each flow: the number of sessions stays bounded by the number of profiles.
 */
export const ephemeralPartition = (profileId: string) => `zc-${profileId}`

export function connectWindowAgent(authWindow: AuthWindowPort, rememberSignIn: () => boolean): UserAgent {
  // A cancelled flow is forgotten at once (PendingFlows), so the next attempt of the profile can
  // open before the old one's clearSession has finished: same name, so the same Session
  // (session.md, fromPartition), whose cookies the old clear would then wipe mid-sign-in.
  const clearing = new Map<string, Promise<void>>()
  return {
    async authorize(attempt) {
      const remember = rememberSignIn()
      const partition = remember ? persistentPartition(attempt.profileId) : ephemeralPartition(attempt.profileId)
      await clearing.get(partition)
      try {
        return await authWindow.authorize({
          url: attempt.url,
          partition,
          isRedirect: (url) => isRegisteredRedirect(attempt.redirectUri, url),
          signal: attempt.signal,
          title: `Connect ${quotedName(attempt.profileName)} to Zoom`,
          errorPage: (page) => zoomErrorFromPage(page, { authorizeUrl: attempt.url, redirectUri: attempt.redirectUri }),
        })
      } finally {
        if (!remember) {
          const cleared = authWindow.clearSession(partition).catch(() => undefined)
          clearing.set(partition, cleared)
          await cleared
          if (clearing.get(partition) === cleared) clearing.delete(partition)
        }
      }
    },
  }
}

export function systemBrowserAgent(browser: ExternalBrowserPort): UserAgent {
  return {
    async authorize(attempt) {
      const listener = await startLoopbackListener(attempt.redirectUri, attempt.state)
      try {
        attempt.signal.throwIfAborted()
        await browser.open(attempt.url)
        return await untilAborted(listener.callback, attempt.signal)
      } finally {
        await listener.close()
      }
    },
  }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason instanceof AppError ? signal.reason : new AppError('AUTH_FLOW_CANCELLED', 'The sign-in was cancelled'))
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
