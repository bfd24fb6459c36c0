// Quitting waits for the core to finish: a rotated refresh token on its way to the vault must
// land, and a token request that hangs holds that up to its timeout (tens of seconds). While it
// waits, the person must not be left with windows that no longer answer, and a launch of the app
// in that time must not be lost: the lock is still held, so Electron hands that launch to this
// instance ('second-instance') and ends it, and this instance is about to go. So the windows hide
// at once, and a launch during the wait starts the app again once this one has exited
// (app.relaunch, app.md: "Relaunches the app when current instance exits").

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
  /** Handles a launch of the app handed over to this instance: true when it was taken as "start again after the quit". */
  secondInstanceWhileQuitting(): boolean
  /** From now on, a quit (or the session's end) first waits for `dispose`. */
  holdQuitFor(dispose: () => Promise<void>): {
    /** Windows' query-session-end: the OS is ending the session; hold it until the core has finished. */
    onSessionEnd(event: { preventDefault(): void }): void
  }
}

export function quitAfterDispose(app: QuitApp, allWindows: () => HideableWindow[]): QuitAfterDispose {
  let disposing: Promise<void> | undefined
  let disposed = false
  let sessionEnding = false
  let relaunchAfterQuit = false

  const hideEveryWindow = () => {
    for (const window of allWindows()) if (!window.isDestroyed()) window.hide()
  }

  return {
    secondInstanceWhileQuitting() {
      if (disposing === undefined) return false
      // The session is ending (log-off, shutdown): starting again then is not what was asked.
      if (!sessionEnding) relaunchAfterQuit = true
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
            if (relaunchAfterQuit) app.relaunch()
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
