// One stand-in "Electron process": the `electron` module an app imports, and the controls a test
// uses to drive it. createStandin() installs it as the current one; the app's `import ... from
// 'electron'` (aliased to ./electron.ts) then binds to it. Start the app's entry module, then
// call controls.start() to make the app ready, as Electron does once the main script has run.
import { EventEmitter } from 'node:events'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium'
import { createApp } from './app'
import { BrowserWindowBase, type BrowserWindowOptions, type WindowHost } from './browser-window'
import { clipboard } from './clipboard'
import { createDialog } from './dialog'
import { createIpcMain } from './ipc-main'
import { createApplicationMenu, Menu, MenuItem } from './menu'
import { createNativeTheme } from './native-theme'
import { createProtocol } from './protocol'
import { createSafeStorage, type LinuxStorageBackend } from './safe-storage'
import { createScreen, type DisplaySpec } from './screen'
import { createSessionModule, type Session } from './session'
import { createShell } from './shell'
import type { WebContents } from './web-contents'

export const STANDIN_SLOT = Symbol.for('zoom-connect.electron-standin')

/**
 * Chromium as the stand-in runs it: the shared flags, plus site isolation off so that a
 * cross-site iframe stays in its page's renderer and its requests reach the page's CDP Fetch
 * interception (with site isolation each such iframe is a separate target), and a fake camera and
 * microphone so that a media request reaches the permission decision (without devices Chromium
 * answers NotFoundError before asking).
 */
export function launchStandinChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process', '--use-fake-device-for-media-stream'], headless: true })
}

export interface StandinOptions {
  /** The app's folder: its package.json gives getName()/getVersion() (app.md). */
  appPath: string
  /** `--user-data-dir`: defaults to a folder inside the stand-in's temp root. */
  userData?: string
  /** A Chromium to share between stand-ins (one per test file); else the stand-in launches its own. */
  browser?: Browser
  isPackaged?: boolean
  /** Overrides package.json's version (what app.getVersion() reports). */
  version?: string
  /** Electron's Linux backend; 'basic_text' is what Electron picks without a known desktop. */
  safeStorageBackend?: LinuxStorageBackend
  displays?: DisplaySpec[]
  systemTheme?: 'light' | 'dark'
  /** The system proxy settings resolveProxy follows in 'system' mode (DIRECT by default). */
  systemProxy?: (url: string) => string
}

export type StandinBrowserWindow = BrowserWindowBase

export function createStandin(options: StandinOptions) {
  const root = mkdtempSync(join(tmpdir(), 'electron-standin-'))
  const userData = options.userData ?? join(root, 'userData')
  mkdirSync(userData, { recursive: true })
  const pkg = JSON.parse(readFileSync(join(options.appPath, 'package.json'), 'utf8')) as { name: string; productName?: string; version: string }
  let ready = false
  let browser: Browser | undefined
  let browserSession: Promise<CDPSession> | undefined
  let ownsBrowser = false
  let backend: LinuxStorageBackend = options.safeStorageBackend ?? 'basic_text'
  let systemProxy = options.systemProxy ?? (() => 'DIRECT')
  const windows: BrowserWindowBase[] = []
  const everyWindow: BrowserWindowBase[] = []
  const events = new EventEmitter()
  const webContentsList: WebContents[] = []
  let exitResolve!: (code: number) => void
  const exited = new Promise<number>((resolve) => (exitResolve = resolve))
  const sent: { webContentsId: number; channel: string; args: unknown[] }[] = []
  const names = { binding: `__standinIpc_${randomBytes(6).toString('hex')}`, dispatcher: `__standinEvents_${randomBytes(6).toString('hex')}`, title: `__standinTitle_${randomBytes(6).toString('hex')}` }

  const isReady = () => ready
  const protocolModule = createProtocol(isReady)
  const ipc = createIpcMain()
  const screenModule = createScreen(isReady)
  if (options.displays) screenModule.setDisplays(options.displays)
  const applicationMenu = createApplicationMenu()
  const shellModule = createShell()
  const themeModule = createNativeTheme((dark) => {
    for (const window of windows) void window.webContents.ready.then((page) => page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' })).catch(() => {})
  })
  if (options.systemTheme) themeModule.setSystemTheme(options.systemTheme)

  const sessionModule = createSessionModule({
    isReady,
    browser: () => browser!,
    browserSession: () => (browserSession ??= browser!.newBrowserCDPSession()),
    userData: () => userData,
    darkColors: () => themeModule.nativeTheme.shouldUseDarkColors,
    systemProxy: (url) => systemProxy(url),
  })

  const appModule = createApp({
    isReady,
    root,
    userData,
    identity: { name: pkg.productName ?? pkg.name, version: options.version ?? pkg.version, appPath: options.appPath },
    isPackaged: options.isPackaged ?? false,
    closeAllWindows() {
      for (const window of [...windows]) window.close()
      return windows.length === 0
    },
    destroyAllWindows() {
      for (const window of [...windows]) window.destroy()
    },
    shutDown(code) {
      void shutDown(code)
    },
  })
  const app = appModule.app

  const host: WindowHost = {
    isReady,
    handledSchemes: protocolModule.handledSchemes,
    protocolHandler: (scheme) => protocolModule.handlers.get(scheme),
    invoke: ipc.invoke,
    names,
    darkColors: () => themeModule.nativeTheme.shouldUseDarkColors,
    recordSent: (contents, channel, args) => void sent.push({ webContentsId: contents.id, channel, args }),
    sessionFor(webPreferences) {
      if (webPreferences.session) return webPreferences.session as Session
      return sessionModule.module.fromPartition(typeof webPreferences.partition === 'string' ? webPreferences.partition : '')
    },
    primaryDisplay: () => screenModule.screen.getPrimaryDisplay(),
    displayMatching: (rect) => screenModule.screen.getDisplayMatching(rect),
    windowCreated(window) {
      windows.push(window)
      everyWindow.push(window)
      app.emit('browser-window-created', {}, window)
      events.emit('window', window)
    },
    windowClosed(window) {
      const index = windows.indexOf(window)
      if (index >= 0) windows.splice(index, 1)
      // app.md 'window-all-closed': not while quitting.
      if (windows.length === 0 && !appModule.isQuitting()) {
        if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed')
        else app.quit()
      }
    },
    webContentsCreated(contents) {
      webContentsList.push(contents)
      app.emit('web-contents-created', {}, contents)
    },
    onPopup(opener, popup, details) {
      // web-contents.md setWindowOpenHandler; the pop-up already exists in Chromium (see README).
      const decision = opener.decideWindowOpen(details)
      if (decision.action === 'deny') return void popup.close().catch(() => {})
      const overrides = decision.overrideBrowserWindowOptions ?? {}
      const webPreferences = { ...opener.webPreferences, ...((overrides.webPreferences as object) ?? {}), preload: undefined }
      const child = new BrowserWindow({ ...overrides, webPreferences } as BrowserWindowOptions, popup)
      opener.emit('did-create-window', child, { ...details, options: overrides })
    },
  }

  class BrowserWindow extends BrowserWindowBase {
    constructor(windowOptions: BrowserWindowOptions = {}, adopt?: Page) {
      super(host, windowOptions, adopt)
    }
    static getAllWindows = () => [...windows]
    static getFocusedWindow = () => windows.find((w) => w.isFocused()) ?? null
    static fromWebContents = (contents: unknown) => windows.find((w) => w.webContents === contents) ?? null
    static fromId = (id: number) => windows.find((w) => w.id === id) ?? null
  }

  const dialogModule = createDialog((value) => value instanceof BrowserWindowBase, isReady)
  const safeStorage = createSafeStorage({ isReady, appName: () => app.getName(), backend: () => backend })

  async function shutDown(code: number) {
    for (const window of [...windows]) window.destroy()
    for (const session of sessionModule.sessions.values()) await session.close()
    if (ownsBrowser) await browser?.close().catch(() => {})
    rmSync(root, { recursive: true, force: true })
    exitResolve(code)
  }

  const electron = {
    app,
    BrowserWindow,
    BaseWindow: BrowserWindow,
    webContents: {
      getAllWebContents: () => webContentsList.filter((c) => !c.isDestroyed()),
      fromId: (id: number) => webContentsList.find((c) => c.id === id),
      getFocusedWebContents: () => BrowserWindow.getFocusedWindow()?.webContents ?? null,
    },
    session: sessionModule.module,
    protocol: protocolModule.protocol,
    ipcMain: ipc.ipcMain,
    clipboard,
    dialog: dialogModule.dialog,
    shell: shellModule.shell,
    safeStorage,
    nativeTheme: themeModule.nativeTheme,
    get screen() {
      return screenModule.screen
    },
    Menu: Object.assign(Menu, {
      setApplicationMenu: applicationMenu.setApplicationMenu,
      getApplicationMenu: applicationMenu.getApplicationMenu,
    }),
    MenuItem,
  }

  const controls = {
    electron,
    userData,
    /** Launches Chromium (unless shared) and emits ready, as Electron does after the main script. */
    async start(): Promise<void> {
      if (ready) throw new Error('The stand-in is already started')
      browser = options.browser ?? (await launchStandinChromium())
      ownsBrowser = options.browser === undefined
      ready = true
      applicationMenu.installDefault()
      appModule.markReady()
    },
    isReady,
    /** Open windows, oldest first. */
    windows: () => [...windows],
    /** Every window ever created, oldest first (closed ones included). */
    allWindowsEverCreated: () => [...everyWindow],
    /** The n-th window ever created (0: the first), waiting for it if needed. */
    window(index: number): Promise<BrowserWindowBase> {
      if (everyWindow[index]) return Promise.resolve(everyWindow[index])
      return new Promise((resolve) => {
        const onWindow = () => {
          if (!everyWindow[index]) return
          events.off('window', onWindow)
          resolve(everyWindow[index])
        }
        events.on('window', onWindow)
      })
    },
    /** The Playwright page of a window (the test drives the window through it). */
    pageOf: (window: BrowserWindowBase) => window.webContents.ready,
    /** Partitions of every session created so far, with what was cleared. */
    sessions: () => [...sessionModule.sessions.values()].map((s) => s.record),
    clipboard,
    dialogs: dialogModule.controls,
    shellCalls: shellModule.calls,
    ipcTranscript: ipc.transcript,
    /** Every webContents.send main made, in order. */
    sentToPages: sent,
    applicationMenu: () => applicationMenu.getApplicationMenu(),
    setDisplays: screenModule.setDisplays,
    setSystemTheme: themeModule.setSystemTheme,
    setSystemProxy(resolve: (url: string) => string) {
      systemProxy = resolve
    },
    setSafeStorageBackend(value: LinuxStorageBackend) {
      backend = value
    },
    /** Every app.relaunch() main made, in order (the stand-in starts no new instance). */
    relaunchRequests: () => appModule.relaunchRequests(),
    /** app.quit(), and the exit code once the app has gone (before-quit handlers may delay it). */
    quit(): Promise<number> {
      app.quit()
      return exited
    },
    exited,
  }

  ;(globalThis as Record<symbol, unknown>)[STANDIN_SLOT] = { electron }
  return controls
}

export type Standin = ReturnType<typeof createStandin>
export type StandinElectron = Standin['electron']
