// Quitting waits for the core to finish: a rotated refresh token on its way to the vault must
// land, and a token request that hangs holds that up to its timeout (tens of seconds). While it
// waits, the person must not be left with windows that no longer answer, and a launch of the app
// in that time must not be lost: the lock is still held, so Electron hands that launch to this
// instance ('second-instance') and ends it, and this instance is about to go. So the windows hide
// at once, and a launch during the wait starts the app again once this one has exited
// (app.relaunch, app.md: "Relaunches the app when current instance exits").
// Except from an AppImage: Electron's relaunch helper runs from the running binary, which lives in
// the AppImage's mount, and that mount goes when this instance exits (electron-builder issues 1727
// and 4650 report relaunch failing there), so it is not asked for; that launch is lost as before.

import { AppError } from '../../common/errors'
import type { ExternalBrowserPort } from '../ports'

/** What a sign-in asked for while the app quits gets: no window and no browser tab opens then. */
export function signInRefusedWhileQuitting(): AppError {
  return new AppError('AUTH_FLOW_CANCELLED', 'Zoom Connect is quitting: the sign-in was not opened.')
}

/**
 * The system browser, refused while the app quits: a sign-in that reaches it during the wait
 * would open a tab whose answer nobody is left to take (the quit cancels the flow).
 */
export function browserUnlessQuitting(browser: ExternalBrowserPort, quitting: Pick<QuitAfterDispose, 'isQuitting'>): ExternalBrowserPort {
  return { open: (url) => (quitting.isQuitting() ? Promise.reject(signInRefusedWhileQuitting()) : browser.open(url)) }
}

/** The parts of Electron's `app` this needs. */
export interface QuitApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown
  quit(): void
  relaunch(): void
}

export interface HideableWindow {
  hide(): void
  isDestroyed(): boolean
}

export interface QuitAfterDispose {
  /** True from the moment a quit starts waiting for the core: no window may show itself then. */
  isQuitting(): boolean
  /** Handles a launch of the app handed over to this instance: true when it was taken as "start again after the quit". */
  secondInstanceWhileQuitting(): boolean
  /** From now on, a quit (or the session's end) first waits for `dispose`. */
  holdQuitFor(dispose: () => Promise<void>): {
    /** Windows' query-session-end: the OS is ending the session; hold it until the core has finished. */
    onSessionEnd(event: { preventDefault(): void }): void
  }
}

export interface QuitOptions {
  /** False where app.relaunch cannot work (a packaged AppImage). */
  canRelaunch: boolean
}

/** A packaged AppImage: the runtime sets APPIMAGE to the image's own path (docs.appimage.org, "Environment variables"). */
export function runsFromAppImage(platform: NodeJS.Platform, isPackaged: boolean, env: NodeJS.ProcessEnv): boolean {
  return platform === 'linux' && isPackaged && typeof env.APPIMAGE === 'string' && env.APPIMAGE !== ''
}

export function quitAfterDispose(app: QuitApp, allWindows: () => HideableWindow[], options: QuitOptions): QuitAfterDispose {
  let disposing: Promise<void> | undefined
  let disposed = false
  let sessionEnding = false
  let relaunchAfterQuit = false
  let relaunchAsked = false
  // Once: each app.relaunch() starts one more instance after the exit (app.md).
  const relaunchOnce = () => {
    if (relaunchAsked) return
    relaunchAsked = true
    app.relaunch()
  }

  const hideEveryWindow = () => {
    for (const window of allWindows()) if (!window.isDestroyed()) window.hide()
  }

  return {
    isQuitting: () => disposing !== undefined,
    secondInstanceWhileQuitting() {
      if (disposing === undefined) return false
      // The session is ending (log-off, shutdown): starting again then is not what was asked.
      if (sessionEnding || !options.canRelaunch) return true
      // Past the wait the quit itself still runs (windows close, the lock is held until exit): the
      // relaunch is asked for now, as nothing reads the flag any more. Electron's helper waits for
      // this process to exit whenever it is asked.
      if (disposed) relaunchOnce()
      else relaunchAfterQuit = true
      return true
    },
    holdQuitFor(dispose) {
      const disposeThenQuit = (event: { preventDefault(): void }) => {
        if (disposed) return
        event.preventDefault()
        hideEveryWindow()
        disposing ??= dispose()
          .catch(() => {})
          .finally(() => {
            disposed = true
            if (relaunchAfterQuit) relaunchOnce()
            app.quit()
          })
      }
      app.on('before-quit', disposeThenQuit)
      return {
        onSessionEnd(event) {
          sessionEnding = true
          relaunchAfterQuit = false
          disposeThenQuit(event)
        },
      }
    },
  }
}
