// The main window's showing and bounds, the application menu, DevTools and the WebRTC policy,
// checked with hand-written fakes of Electron's objects (electron-fakes.ts says what they follow).
import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions, Rectangle } from 'electron'
import { isSafeExternalUrl } from '../../../main/external-url'
import { appMenuTemplate, HELP_LINKS, installAppMenu } from '../../../main/platform/app-menu'
import { createMainWindow } from '../../../main/platform/main-window'
import { fitToDisplay, type ScreenLike } from '../../../main/platform/window-bounds'
import { hardenWebContents, secureWebPreferences } from '../../../main/platform/window-security'
import { electronWebContents, fakeMenuApi, FakeBrowserWindowClass, fakeWindow, FakeWebContents } from './electron-fakes'

function mainWindow(options: { maximized?: boolean; devTools?: boolean; mayShow?: () => boolean } = {}) {
  return fakeWindow(createMainWindow(
    { BrowserWindow: FakeBrowserWindowClass, openExternal: async () => undefined },
    {
      preloadPath: '/p.cjs',
      entryUrl: 'app://zoom-connect/index.html',
      backgroundColor: '#fff',
      devTools: options.devTools ?? false,
      ...(options.maximized !== undefined ? { maximized: options.maximized } : {}),
      ...(options.mayShow ? { mayShow: options.mayShow } : {}),
    },
  ))
}

describe('main window showing', () => {
  it('is created hidden and shown once ready-to-show fired', () => {
    const window = mainWindow()
    expect(window.options.show).toBe(false)
    expect(window.visible).toBe(false)
    window.becomeReady()
    expect(window.history).toEqual(['ready-to-show', 'show'])
  })

  it('is maximized only after ready-to-show, since maximize() shows the window', () => {
    const window = mainWindow({ maximized: true })
    expect(window.visible).toBe(false)
    expect(window.history).toEqual([])
    window.becomeReady()
    expect(window.history).toEqual(['ready-to-show', 'maximize', 'show'])
    expect(window.maximized).toBe(true)
  })

  it('stays hidden when its first paint comes after a quit has started (the quit hid every window already)', () => {
    let quitting = false
    const window = mainWindow({ maximized: true, mayShow: () => !quitting })
    quitting = true
    window.becomeReady()
    expect(window.history).toEqual(['ready-to-show'])
    expect(window.visible).toBe(false)
  })
})

// Two displays side by side: the primary 1920×1080 at 0,0 (task bar 40 px), a second one
// 1280×1024 at 1920,0. getDisplayMatching follows Electron's screen.md: the display the rectangle
// overlaps most, else the nearest one.
const PRIMARY = { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
const SECOND = { bounds: { x: 1920, y: 0, width: 1280, height: 1024 }, workArea: { x: 1920, y: 0, width: 1280, height: 1024 } }
function screenOf(displays: { bounds: Rectangle; workArea: Rectangle }[]): ScreenLike {
  const overlap = (a: Rectangle, b: Rectangle) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))
  const distance = (a: Rectangle, b: Rectangle) => Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2))
  return {
    getPrimaryDisplay: () => displays[0]!,
    getDisplayMatching: (rect) => [...displays].sort((a, b) => overlap(rect, b.bounds) - overlap(rect, a.bounds) || distance(rect, a.bounds) - distance(rect, b.bounds))[0]!,
  }
}

describe('window bounds from the last run', () => {
  const both = screenOf([PRIMARY, SECOND])
  const primaryOnly = screenOf([PRIMARY])

  it('keeps bounds that are fully visible', () => {
    expect(fitToDisplay({ x: 100, y: 50, width: 1280, height: 820 }, both)).toEqual({ x: 100, y: 50, width: 1280, height: 820 })
    expect(fitToDisplay({ x: 2000, y: 100, width: 1000, height: 700 }, both)).toEqual({ x: 2000, y: 100, width: 1000, height: 700 })
  })

  it('brings a window saved on a display that is gone back onto one that exists', () => {
    const bounds = fitToDisplay({ x: 2000, y: 100, width: 1000, height: 700 }, primaryOnly)
    expect(bounds).toEqual({ x: 920, y: 100, width: 1000, height: 700 })
  })

  it('brings a window saved far off-screen (negative or huge coordinates) into the work area', () => {
    expect(fitToDisplay({ x: -5000, y: -3000, width: 1280, height: 820 }, both)).toEqual({ x: 0, y: 0, width: 1280, height: 820 })
    expect(fitToDisplay({ x: 50_000, y: 40_000, width: 1280, height: 820 }, primaryOnly)).toEqual({ x: 640, y: 220, width: 1280, height: 820 })
  })

  it('shrinks a window larger than the display, and keeps it off the task bar', () => {
    expect(fitToDisplay({ x: 0, y: 500, width: 2500, height: 1600 }, primaryOnly)).toEqual({ x: 0, y: 0, width: 1920, height: 1040 })
  })

  it('fits only the size when no position was saved (the window opens centred)', () => {
    expect(fitToDisplay({ width: 1280, height: 820 }, screenOf([{ bounds: { x: 0, y: 0, width: 1024, height: 768 }, workArea: { x: 0, y: 0, width: 1024, height: 740 } }]))).toEqual({ width: 1024, height: 740 })
  })
})

const roles = (items: MenuItemConstructorOptions[]): string[] => items.flatMap((item) => [...(item.role ? [String(item.role)] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])])
const menuNamed = (items: MenuItemConstructorOptions[], label: string) => items.find((item) => item.label === label || item.role === label)

describe('application menu', () => {
  const opened: string[] = []
  const options = (isPackaged: boolean, platform: NodeJS.Platform = 'linux') => ({ appName: 'Zoom Connect', platform, isPackaged, openExternal: async (url: string) => void opened.push(url) })

  it.each(['linux', 'win32', 'darwin'] as const)('packaged on %s: Edit with the clipboard roles, View without DevTools or reload, Window, Help', (platform) => {
    const template = appMenuTemplate(options(true, platform))
    const all = roles(template)
    expect(all).not.toContain('toggleDevTools')
    expect(all).not.toContain('reload')
    expect(all).not.toContain('forceReload')
    expect(roles((menuNamed(template, 'Edit')?.submenu as MenuItemConstructorOptions[]) ?? [])).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
    expect(roles((menuNamed(template, 'View')?.submenu as MenuItemConstructorOptions[]) ?? [])).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
    expect(menuNamed(template, 'Window')).toBeDefined()
    expect(menuNamed(template, 'help')).toBeDefined()
  })

  it('keeps reload and DevTools for development builds only', () => {
    const view = menuNamed(appMenuTemplate(options(false)), 'View')?.submenu as MenuItemConstructorOptions[]
    expect(roles(view)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']))
  })

  it('Help opens only https pages main may open, in the system browser', () => {
    opened.length = 0
    const help = (menuNamed(appMenuTemplate(options(true)), 'help')?.submenu as MenuItemConstructorOptions[]) ?? []
    expect(help.map((item) => item.label)).toEqual(HELP_LINKS.map((link) => link.label))
    for (const item of help) (item.click as () => void)()
    expect(opened).toEqual(HELP_LINKS.map((link) => link.url))
    expect(opened.every(isSafeExternalUrl)).toBe(true)
  })

  it('is built from the template and installed as the application menu', () => {
    const calls: string[] = []
    installAppMenu(fakeMenuApi(calls), options(true))
    expect(calls).toEqual(['build 5', 'set {"built":true}'])
  })
})

describe('DevTools and WebRTC', () => {
  it('web preferences carry devTools: false unless a development build asks', () => {
    expect(secureWebPreferences().devTools).toBe(false)
    expect(secureWebPreferences({ devTools: true }).devTools).toBe(true)
    expect(mainWindow({ devTools: false }).options.webPreferences?.devTools).toBe(false)
  })

  it('every webContents gets the WebRTC policy that sends no UDP past the proxy, and no webviews', () => {
    const contents = new FakeWebContents()
    hardenWebContents(electronWebContents(contents))
    expect(contents.webRTCIPHandlingPolicy).toBe('disable_non_proxied_udp')
    expect(contents.fire('will-attach-webview', '').defaultPrevented).toBe(true)
  })
})
