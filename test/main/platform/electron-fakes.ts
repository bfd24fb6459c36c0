// Minimal stand-ins for Electron's window classes: they record what the code under test set up
// and let a test fire the events Electron would.
type Listener = (event: NavigationEvent, url: string) => void

export interface NavigationEvent {
  defaultPrevented: boolean
  preventDefault(): void
}

export class FakeWebContents {
  private readonly listeners = new Map<string, Listener[]>()
  windowOpenHandler?: (details: { url: string }) => unknown

  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }

  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.windowOpenHandler = handler
  }

  fire(event: string, url: string): NavigationEvent {
    const navigation: NavigationEvent = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true
      },
    }
    for (const listener of this.listeners.get(event) ?? []) listener(navigation, url)
    return navigation
  }
}

export class FakeBrowserWindow {
  static last: FakeBrowserWindow | undefined
  readonly webContents = new FakeWebContents()
  readonly loadedUrls: string[] = []
  destroyed = false
  private readonly handlers = new Map<string, (() => void)[]>()

  constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
    FakeBrowserWindow.last = this
  }

  loadURL(url: string) {
    this.loadedUrls.push(url)
    return Promise.resolve()
  }

  on(event: string, handler: () => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler])
    return this
  }

  once(event: string, handler: () => void) {
    return this.on(event, handler)
  }

  isDestroyed() {
    return this.destroyed
  }

  destroy() {
    if (this.destroyed) return
    this.destroyed = true
    for (const handler of this.handlers.get('closed') ?? []) handler()
  }

  /** The person closes the window. */
  close() {
    this.destroy()
  }
}

export class FakeSession {
  permissionRequestHandler?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
  permissionCheckHandler?: () => boolean
  beforeRequest?: (details: { url: string; resourceType?: string }) => unknown
  cleared = 0

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

  async clearCache() {}
}
