// Minimal stand-ins for Electron's window classes: they record what the code under test set up
// and let a test fire the events Electron would. The event shapes follow Electron 41's
// web-contents.md and browser-window.md: navigation events carry `url` and `isMainFrame` on the
// event object (will-navigate fires for main frames only, will-redirect and will-frame-navigate for
// any frame); did-create-window passes the new BrowserWindow; `ready-to-show` fires once.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, Menu, Session, WebContents } from 'electron'

type Listener = (...args: never[]) => void

export interface NavigationEvent {
  url: string
  isMainFrame: boolean
  defaultPrevented: boolean
  preventDefault(): void
}

class Emitter {
  private readonly listeners = new Map<string, Listener[]>()

  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }

  once(event: string, listener: Listener) {
    const wrapped = (...args: never[]) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped))
      listener(...args)
    }
    return this.on(event, wrapped)
  }

  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args)
  }

  listenerCount(event: string) {
    return this.listeners.get(event)?.length ?? 0
  }
}

export class FakeWebContents extends Emitter {
  windowOpenHandler?: (details: { url: string }) => unknown
  webRTCIPHandlingPolicy = 'default'
  /** The page shown now (see showPage). */
  private page = { url: '', title: '', text: '' }

  getURL() {
    return this.page.url
  }

  getTitle() {
    return this.page.title
  }

  /** Only the script the connect window runs: the page's visible text. */
  executeJavaScript() {
    return Promise.resolve(this.page.text)
  }

  /** A main-frame navigation that loads a page: did-navigate (with its HTTP status), then did-finish-load. */
  showPage(page: { url: string; title: string; text: string; status: number }) {
    this.page = { url: page.url, title: page.title, text: page.text }
    this.emit('did-navigate', {}, page.url, page.status, '')
    this.emit('did-finish-load', {})
  }

  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.windowOpenHandler = handler
  }

  setWebRTCIPHandlingPolicy(policy: string) {
    this.webRTCIPHandlingPolicy = policy
  }

  /** Fires a navigation-like event; `isMainFrame` defaults to true. */
  fire(event: string, url: string, options: { isMainFrame?: boolean } = {}): NavigationEvent {
    const navigation: NavigationEvent = {
      url,
      isMainFrame: options.isMainFrame ?? true,
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true
      },
    }
    // Electron still passes the deprecated positional arguments after the event.
    this.emit(event, navigation, url, false, navigation.isMainFrame)
    return navigation
  }
}

export class FakeBrowserWindow extends Emitter {
  static last: FakeBrowserWindow | undefined
  static readonly all: FakeBrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  readonly loadedUrls: string[] = []
  /** What happened to the window, in order: 'show', 'maximize', 'ready-to-show'. */
  readonly history: string[] = []
  destroyed = false
  visible: boolean
  maximized = false

  constructor(readonly options: { show?: boolean; parent?: unknown; webPreferences?: Record<string, unknown>; x?: number; y?: number; width?: number; height?: number }) {
    super()
    this.visible = options.show !== false
    FakeBrowserWindow.last = this
    FakeBrowserWindow.all.push(this)
  }

  loadURL(url: string) {
    this.loadedUrls.push(url)
    return Promise.resolve()
  }

  /** The first paint happened (Electron emits this once, for windows created with show: false too). */
  becomeReady() {
    this.history.push('ready-to-show')
    this.emit('ready-to-show')
  }

  show() {
    this.history.push('show')
    this.visible = true
  }

  /** browser-window.md: maximize() also shows the window if it isn't shown yet. */
  maximize() {
    this.history.push('maximize')
    this.maximized = true
    this.visible = true
  }

  isDestroyed() {
    return this.destroyed
  }

  destroy() {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('closed')
  }

  /** The person closes the window. */
  close() {
    this.destroy()
  }

  /** Electron creates the window of an allowed window.open and announces it on the opener. */
  openChild(url: string): FakeBrowserWindow | undefined {
    const answer = this.webContents.windowOpenHandler?.({ url }) as { action: string; overrideBrowserWindowOptions?: FakeBrowserWindow['options'] } | undefined
    if (answer?.action !== 'allow') return undefined
    const child = new FakeBrowserWindow(answer.overrideBrowserWindowOptions ?? {})
    this.webContents.emit('did-create-window', child, { url })
    return child
  }
}

/** Session events (session.md): 'will-download' passes (event, item, webContents); preventDefault cancels it. */
export class FakeSession extends Emitter {
  permissionRequestHandler?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
  permissionCheckHandler?: () => boolean
  beforeRequest?: (details: { url: string; resourceType?: string }) => unknown
  cleared = 0
  cacheCleared = 0

  readonly webRequest = {
    onBeforeRequest: (filter: unknown, listener?: (details: { url: string; resourceType?: string }, callback: (response: unknown) => void) => void) => {
      if (filter === null) {
        this.beforeRequest = undefined
        return
      }
      this.beforeRequest = (details) => {
        let answer: unknown
        listener?.(details, (response) => (answer = response))
        return answer
      }
    },
  }

  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler
  }

  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler
  }

  setDevicePermissionHandler() {}

  async clearStorageData() {
    this.cleared++
  }

  async clearCache() {
    this.cacheCleared++
  }

  authCacheCleared = 0
  async clearAuthCache() {
    this.authCacheCleared++
  }
}

// ---- the fakes as main/platform sees them ------------------------------------------------------
// main/platform's factories take Electron's own types. The fakes above implement only the members
// those factories use (and a test that reaches further fails on an undefined member), so they are
// presented as Electron's types here, in one place, instead of a cast at every call.

/** FakeBrowserWindow as the `BrowserWindow` class the window factories construct. */
export const FakeBrowserWindowClass = FakeBrowserWindow as unknown as typeof BrowserWindow

export const electronSession = (session: FakeSession): Session => session as unknown as Session
export const electronWebContents = (contents: FakeWebContents): WebContents => contents as unknown as WebContents
/** A window a factory built from FakeBrowserWindowClass, back as the fake it is. */
export const fakeWindow = (window: BrowserWindow): FakeBrowserWindow => {
  if (!(window instanceof FakeBrowserWindow)) throw new Error('not a FakeBrowserWindow')
  return window
}

/** ipcMain as registerIpc uses it: `handle` only; the handlers are kept for the test to call. */
export class FakeIpcMain {
  readonly registered = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>()

  handle(channel: string, handler: (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>): void {
    this.registered.set(channel, handler)
  }

  asIpcMain(): IpcMain {
    return this as unknown as IpcMain
  }
}

/** What an invoke event tells main about its sender (ipc-main-invoke-event.md): the frame, and the webContents with its main frame. */
export interface FakeInvokeEvent {
  senderFrame: { url: string } | null
  sender: { mainFrame: { url: string }; owner: BrowserWindow | null }
}

export const electronInvokeEvent = (event: FakeInvokeEvent): IpcMainInvokeEvent => event as unknown as IpcMainInvokeEvent
/** BrowserWindow.fromWebContents for a FakeInvokeEvent's sender. */
export const ownerOf = (contents: WebContents): BrowserWindow | null => (contents as unknown as FakeInvokeEvent['sender']).owner

/** A window as windowEventSink uses it: isDestroyed and webContents.send. */
export interface FakeEventWindow {
  isDestroyed(): boolean
  webContents: { send(channel: string, payload: unknown): void; isDestroyed(): boolean }
}

export const electronWindows = (windows: FakeEventWindow[]): BrowserWindow[] => windows as unknown as BrowserWindow[]

/** Menu's static API as installAppMenu uses it; a built menu is a marker the test recognises in `calls`. */
export function fakeMenuApi(calls: string[]): Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'> {
  const built = { built: true } as unknown as Menu
  return {
    buildFromTemplate: (template) => (calls.push(`build ${template.length}`), built),
    setApplicationMenu: (menu) => void calls.push(`set ${JSON.stringify(menu)}`),
  }
}
