// BrowserWindow (docs/api/browser-window.md) around one WebContents. Nothing is drawn: a window
// is its page plus the state Electron keeps (bounds, visible, maximized, minimized, focused).
// - `new BrowserWindow` before ready throws "Cannot create BrowserWindow before app is ready"
//   (shell/browser/api/electron_api_browser_window.cc);
// - 800×600 by default, centred on the primary display when x/y are not given;
// - `show: false` keeps it hidden until show(); maximize() "will also show (but not focus) the
//   window if it isn't being displayed already";
// - 'ready-to-show' once, after the first load has rendered (browser-window.md);
// - focus() of a hidden window does nothing (it neither shows nor focuses it);
// - close() emits a cancellable 'close', then 'closed'; destroy() skips 'close' but "guarantees
//   the closed event will be emitted";
// - the page's viewport is the window's size (no frame: content size = window size).
import { EventEmitter } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import type { Page } from 'playwright-core'
import { electronEvent } from './electron-event'
import type { Display, Rectangle } from './screen'
import type { Session } from './session'
import { WebContents, type WebContentsHost } from './web-contents'

export interface WindowHost extends WebContentsHost {
  isReady(): boolean
  sessionFor(webPreferences: Record<string, unknown>): Session
  primaryDisplay(): Display
  displayMatching(rect: Rectangle): Display
  windowCreated(window: BrowserWindowBase): void
  windowClosed(window: BrowserWindowBase): void
  webContentsCreated(contents: WebContents): void
}

export type BrowserWindowOptions = Partial<Rectangle> & {
  show?: boolean
  parent?: BrowserWindowBase
  modal?: boolean
  title?: string
  minWidth?: number
  minHeight?: number
  backgroundColor?: string
  autoHideMenuBar?: boolean
  webPreferences?: Record<string, unknown>
} & Record<string, unknown>

let nextWindowId = 1

export abstract class BrowserWindowBase extends EventEmitter {
  readonly id = nextWindowId++
  readonly webContents: WebContents
  readonly options: BrowserWindowOptions
  private bounds: Rectangle
  private normalBounds: Rectangle
  private visible = false
  private maximized = false
  private minimized = false
  private focused = false
  private destroyed = false
  private readyToShow = false
  private title: string
  private menuBarVisible = true

  protected constructor(
    private readonly host: WindowHost,
    options: BrowserWindowOptions = {},
    adopt?: Page,
  ) {
    super()
    if (!host.isReady()) throw new Error('Cannot create BrowserWindow before app is ready')
    this.options = options
    const webPreferences = { ...(options.webPreferences ?? {}) }
    const width = Math.max(options.width ?? 800, options.minWidth ?? 0)
    const height = Math.max(options.height ?? 600, options.minHeight ?? 0)
    const work = host.primaryDisplay().workArea
    this.bounds = {
      x: options.x ?? Math.round(work.x + (work.width - width) / 2),
      y: options.y ?? Math.round(work.y + (work.height - height) / 2),
      width,
      height,
    }
    this.normalBounds = { ...this.bounds }
    this.title = options.title ?? 'Electron'
    this.menuBarVisible = options.autoHideMenuBar !== true
    this.webContents = new WebContents(host, host.sessionFor(webPreferences), webPreferences, readPreload(webPreferences.preload), adopt)
    this.webContents.on('destroyed', () => this.finishClosing())
    // electron_api_browser_window.cc OnPageTitleUpdated: the window takes the page's title unless
    // its own 'page-title-updated' listener prevents it (emitted before the webContents' event).
    this.webContents.on('-page-title-updated', (title: string) => {
      const event = electronEvent()
      this.emit('page-title-updated', event, title, true)
      if (!event.defaultPrevented && !this.destroyed) this.title = title
    })
    this.webContents.once('did-finish-load', () => {
      void this.webContents.ready
        .then((page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))))
        .catch(() => {})
        .then(() => {
          if (this.destroyed || this.readyToShow) return
          this.readyToShow = true
          this.record('ready-to-show')
          this.emit('ready-to-show', electronEvent())
        })
    })
    void this.webContents.ready.then((page) => page.setViewportSize({ width: this.bounds.width, height: this.bounds.height })).catch(() => {})
    host.webContentsCreated(this.webContents)
    host.windowCreated(this)
    if (options.show !== false) this.show()
  }

  private record(step: string): void {
    this.webContents.history.push(step)
  }

  private applyViewport(): void {
    const { width, height } = this.bounds
    void this.webContents.ready.then((page) => page.setViewportSize({ width, height })).catch(() => {})
  }

  /** browser-window.md: "Same as webContents.loadURL(url[, options])". */
  loadURL(url: string, options?: Record<string, unknown>): Promise<void> {
    return this.webContents.loadURL(url, options)
  }

  loadFile(): never {
    return this.webContents.loadFile()
  }

  reload(): void {
    this.webContents.reload()
  }

  show(): void {
    this.assertAlive()
    this.record(this.readyToShow ? 'show' : 'show-before-ready-to-show')
    const wasVisible = this.visible
    this.visible = true
    this.focused = true
    this.minimized = false
    if (!wasVisible) this.emit('show', electronEvent())
    this.emit('focus', electronEvent())
  }

  showInactive(): void {
    this.assertAlive()
    this.record(this.readyToShow ? 'show' : 'show-before-ready-to-show')
    this.visible = true
    this.emit('show', electronEvent())
  }

  hide(): void {
    this.assertAlive()
    this.visible = false
    this.emit('hide', electronEvent())
  }

  isVisible = () => this.visible && !this.minimized
  isMaximized = () => this.maximized
  isMinimized = () => this.minimized
  isFocused = () => this.focused
  isDestroyed = () => this.destroyed
  isReadyToShow = () => this.readyToShow

  maximize(): void {
    this.assertAlive()
    if (!this.visible) {
      this.record(this.readyToShow ? 'show' : 'show-before-ready-to-show')
      this.visible = true
      this.emit('show', electronEvent())
    }
    if (this.maximized) return
    this.normalBounds = { ...this.bounds }
    this.bounds = { ...this.host.displayMatching(this.bounds).workArea }
    this.maximized = true
    this.record('maximize')
    this.applyViewport()
    this.emit('maximize', electronEvent())
  }

  unmaximize(): void {
    if (!this.maximized) return
    this.maximized = false
    this.bounds = { ...this.normalBounds }
    this.applyViewport()
    this.emit('unmaximize', electronEvent())
  }

  minimize(): void {
    this.minimized = true
    this.emit('minimize', electronEvent())
  }

  restore(): void {
    if (this.minimized) {
      this.minimized = false
      this.visible = true
      this.emit('restore', electronEvent())
    }
  }

  /** Does nothing for a hidden window (native_window_views.cc and native_window_mac.mm Focus: "For hidden window focus() should do nothing"). */
  focus(): void {
    this.assertAlive()
    if (!this.isVisible()) return
    this.focused = true
    this.emit('focus', electronEvent())
  }

  blur(): void {
    this.focused = false
    this.emit('blur', electronEvent())
  }

  getBounds(): Rectangle {
    return { ...this.bounds }
  }

  getNormalBounds(): Rectangle {
    return this.maximized ? { ...this.normalBounds } : { ...this.bounds }
  }

  getContentBounds(): Rectangle {
    return this.getBounds()
  }

  getSize(): [number, number] {
    return [this.bounds.width, this.bounds.height]
  }

  getPosition(): [number, number] {
    return [this.bounds.x, this.bounds.y]
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.assertAlive()
    this.bounds = { ...this.bounds, ...bounds }
    this.applyViewport()
    this.emit('resize', electronEvent())
    this.emit('move', electronEvent())
  }

  setSize(width: number, height: number): void {
    this.setBounds({ width, height })
  }

  setPosition(x: number, y: number): void {
    this.setBounds({ x, y })
  }

  center(): void {
    const work = this.host.displayMatching(this.bounds).workArea
    this.setBounds({ x: Math.round(work.x + (work.width - this.bounds.width) / 2), y: Math.round(work.y + (work.height - this.bounds.height) / 2) })
  }

  getTitle(): string {
    return this.title
  }

  setTitle(title: string): void {
    this.title = title
  }

  setMenuBarVisibility(visible: boolean): void {
    this.menuBarVisible = visible
  }

  isMenuBarVisible(): boolean {
    return this.menuBarVisible
  }

  setMenu(): void {}

  removeMenu(): void {
    this.menuBarVisible = false
  }

  getParentWindow(): BrowserWindowBase | null {
    return this.options.parent ?? null
  }

  /** A cancellable 'close', then the window goes (browser-window.md "Event: 'close'"). */
  close(): void {
    if (this.destroyed) return
    const event = electronEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroy()
  }

  /** No 'close' event, but 'closed' is guaranteed. */
  destroy(): void {
    if (this.destroyed) return
    void this.webContents.close()
    this.finishClosing()
  }

  private finishClosing(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.visible = false
    this.emit('closed')
    this.host.windowClosed(this)
  }

  private assertAlive(): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed')
  }
}

/** Electron refuses a relative preload path and loads the page without a missing preload (it logs an error). */
function readPreload(preload: unknown): string | undefined {
  if (typeof preload !== 'string') return undefined
  if (!isAbsolute(preload) || !existsSync(preload)) {
    console.error(`Unable to load preload script: ${preload}`)
    return undefined
  }
  return readFileSync(preload, 'utf8')
}
