// The main window factory: every window we create goes through here, so every one of them gets
// the settings of DESIGN.md's security model.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { isSafeExternalUrl } from '../external-url'
import { lockDownContents, secureWebPreferences } from './window-security'

export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow
  openExternal(url: string): Promise<void>
}

export interface MainWindowOptions {
  preloadPath: string
  /** app://zoom-connect/index.html in production, the dev server in development. */
  entryUrl: string
  backgroundColor: string
  /** Where and how big the window opens (remembered between runs). */
  bounds?: Partial<{ x: number; y: number; width: number; height: number }>
  /** Maximized when it was closed last time: maximized once ready, never before it is shown. */
  maximized?: boolean
  /** False in packaged builds: no DevTools. */
  devTools: boolean
  /**
   * False while the app quits: a first paint that comes after the quit hid every window (a quit
   * right after launch) must not show this one again while the quit waits for the core.
   */
  mayShow?: () => boolean
}

export function createMainWindow(deps: MainWindowDeps, options: MainWindowOptions): BrowserWindow {
  const window = new deps.BrowserWindow({
    width: 1280,
    height: 820,
    ...options.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Zoom Connect',
    backgroundColor: options.backgroundColor,
    webPreferences: secureWebPreferences({ preload: options.preloadPath, devTools: options.devTools }),
  })
  lockDownContents(window.webContents, {
    // Links in our UI (Zoom Marketplace, docs) open in the system browser, https only.
    onWindowOpen: (url) => {
      if (isSafeExternalUrl(url)) void deps.openExternal(url)
    },
  })
  // Hidden until the first paint, so nobody sees an empty frame. maximize() would show the window
  // at once (browser-window.md), so it waits for ready-to-show too.
  window.once('ready-to-show', () => {
    if (options.mayShow && !options.mayShow()) return
    if (options.maximized) window.maximize()
    window.show()
  })
  void window.loadURL(options.entryUrl)
  return window
}
