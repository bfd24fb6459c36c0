// `app` (docs/api/app.md) of one stand-in "process".
// - whenReady()/isReady()/'ready': ready comes when the test starts the stand-in, after the app's
//   entry module has run its top-level code (Electron emits ready after the main script ran);
// - enableSandbox() and disableHardwareAcceleration() throw after ready
//   (shell/browser/api/electron_api_app.cc: "app.enableSandbox() can only be called before app is ready");
// - requestSingleInstanceLock(): one holder per userData folder, as Chromium's ProcessSingleton
//   locks the user data directory; a second instance gets false and the holder gets
//   'second-instance' (app.md);
// - getPath(): every path lives in the stand-in's own temp folder; an unknown name throws
//   "Failed to get '<name>' path" (electron_api_app.cc);
// - getName()/getVersion(): package.json productName (else name) and version (app.md);
// - quit(): 'before-quit' (cancellable), every window closed ('close' cancellable), 'will-quit'
//   (cancellable), then 'quit'; 'window-all-closed' is not emitted on the way (app.md: "If the
//   user pressed Cmd + Q, or the developer called app.quit()… Electron will first try to close all
//   the windows and then emit the will-quit event, and in this case the window-all-closed event
//   would not be emitted."). exit(code) destroys every window without before-quit, will-quit or
//   'close', but still emits 'quit' with its code (shell/browser/browser.cc Browser::Exit →
//   Shutdown → App::OnQuit in electron_api_app.cc, which emits "quit" with the exit code).
// - relaunch(options): recorded, one entry per call ("When app.relaunch is called for multiple
//   times, multiple instances will be started after current instance exited", app.md); the
//   stand-in starts no new instance: a test reads relaunchRequests() after the exit.
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { electronEvent } from './electron-event'

export interface AppHost {
  isReady(): boolean
  root: string
  userData: string
  identity: { name: string; version: string; appPath: string }
  isPackaged: boolean
  closeAllWindows(): boolean
  /** Destroys every window (no 'close' event; 'closed' still comes), as app.exit does. */
  destroyAllWindows(): void
  shutDown(exitCode: number): void
}

const locks = new Map<string, { emit(event: string, ...args: unknown[]): boolean }>()

export function createApp(host: AppHost) {
  const paths = new Map<string, string>([
    ['home', join(host.root, 'home')],
    ['appData', join(host.root, 'config')],
    ['userData', host.userData],
    ['sessionData', host.userData],
    ['temp', join(host.root, 'tmp')],
    ['exe', join(host.root, 'electron')],
    ['module', join(host.root, 'electron')],
    ['desktop', join(host.root, 'home/Desktop')],
    ['documents', join(host.root, 'home/Documents')],
    ['downloads', join(host.root, 'home/Downloads')],
    ['music', join(host.root, 'home/Music')],
    ['pictures', join(host.root, 'home/Pictures')],
    ['videos', join(host.root, 'home/Videos')],
    ['logs', join(host.userData, 'logs')],
    ['crashDumps', join(host.userData, 'Crashpad')],
  ])
  let name = host.identity.name
  let quitting = false
  let holdsLock = false
  let readyResolve!: () => void
  const readyPromise = new Promise<void>((resolve) => (readyResolve = resolve))
  const switches = new Map<string, string>()
  const relaunchRequests: { args?: string[]; execPath?: string }[] = []

  const app = Object.assign(new EventEmitter(), {
    whenReady: () => readyPromise,
    isReady: () => host.isReady(),
    get isPackaged() {
      return host.isPackaged
    },
    enableSandbox() {
      if (host.isReady()) throw new Error('app.enableSandbox() can only be called before app is ready')
      switches.set('enable-sandbox', '')
    },
    disableHardwareAcceleration() {
      if (host.isReady()) throw new Error('app.disableHardwareAcceleration() can only be called before app is ready')
      switches.set('disable-gpu', '')
    },
    getPath(which: string) {
      const path = paths.get(which)
      if (!path) throw new Error(`Failed to get '${which}' path`)
      return path
    },
    setPath(which: string, path: string) {
      paths.set(which, path)
    },
    getName: () => name,
    setName(value: string) {
      name = value
    },
    get name() {
      return name
    },
    getVersion: () => host.identity.version,
    getAppPath: () => host.identity.appPath,
    getLocale: () => 'en-US',
    getSystemLocale: () => 'en-US',
    getPreferredSystemLanguages: () => ['en-US'],
    setAppUserModelId() {},
    setAboutPanelOptions() {},
    focus() {},
    requestSingleInstanceLock(additionalData?: unknown) {
      const holder = locks.get(host.userData)
      if (holder && holder !== app) {
        holder.emit('second-instance', electronEvent(), ['electron', '.'], host.root, additionalData ?? null)
        return false
      }
      locks.set(host.userData, app)
      holdsLock = true
      return true
    },
    hasSingleInstanceLock: () => holdsLock,
    releaseSingleInstanceLock() {
      if (holdsLock && locks.get(host.userData) === app) locks.delete(host.userData)
      holdsLock = false
    },
    quit() {
      if (quitting) return
      const beforeQuit = electronEvent()
      app.emit('before-quit', beforeQuit)
      if (beforeQuit.defaultPrevented) return
      quitting = true
      if (!host.closeAllWindows()) {
        quitting = false
        return
      }
      const willQuit = electronEvent()
      app.emit('will-quit', willQuit)
      if (willQuit.defaultPrevented) {
        quitting = false
        return
      }
      app.emit('quit', electronEvent(), 0)
      app.releaseSingleInstanceLock()
      host.shutDown(0)
    },
    exit(exitCode = 0) {
      quitting = true
      host.destroyAllWindows()
      // Before the main message loop runs (not ready yet), Browser::Exit calls exit() at once.
      if (host.isReady()) app.emit('quit', electronEvent(), exitCode)
      app.releaseSingleInstanceLock()
      host.shutDown(exitCode)
    },
    relaunch(options?: { args?: string[]; execPath?: string }) {
      relaunchRequests.push({ ...(options?.args ? { args: [...options.args] } : {}), ...(options?.execPath ? { execPath: options.execPath } : {}) })
    },
    commandLine: {
      appendSwitch: (key: string, value = '') => void switches.set(key, value),
      hasSwitch: (key: string) => switches.has(key),
      getSwitchValue: (key: string) => switches.get(key) ?? '',
      appendArgument() {},
      removeSwitch: (key: string) => void switches.delete(key),
    },
  })
  return {
    app,
    isQuitting: () => quitting,
    relaunchRequests: () => [...relaunchRequests],
    markReady() {
      app.emit('will-finish-launching')
      readyResolve()
      app.emit('ready', electronEvent(), {})
    },
  }
}
