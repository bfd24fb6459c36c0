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
    webPreferences: secureWebPreferences({ preload: options.preloadPath }),
  })
  lockDownContents(window.webContents, {
    // Links in our UI (Zoom Marketplace, docs) open in the system browser, https only.
    onWindowOpen: (url) => {
      if (isSafeExternalUrl(url)) void deps.openExternal(url)
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.entryUrl)
  return window
}
