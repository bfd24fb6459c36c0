// Remembers the main window's size and position between runs. Nothing secret lives here, so
// electron-store's plain JSON file is the right tool; credentials go through main/store and
// main/vault instead (atomic, fsynced, quarantined on corruption).
import type { BrowserWindow, Rectangle } from 'electron'
import Store from 'electron-store'
import { fitToDisplay, type ScreenLike } from './window-bounds'

interface WindowState {
  bounds?: Rectangle
  maximized?: boolean
}

const DEFAULT_SIZE = { width: 1280, height: 820 }

export function createWindowStateStore(screen: ScreenLike) {
  const store = new Store<WindowState>({ name: 'window-state', clearInvalidConfig: true })
  return {
    /** The bounds to open with: the saved ones when they are sane, else the default size; either fitted to a display there is. */
    initialBounds(): Partial<Rectangle> {
      const bounds = store.get('bounds')
      const sane = bounds && bounds.width >= 600 && bounds.height >= 400 && bounds.width <= 10_000 && bounds.height <= 10_000
      return fitToDisplay(sane ? bounds : DEFAULT_SIZE, screen)
    },
    wasMaximized: () => store.get('maximized') === true,
    track(window: BrowserWindow) {
      const save = () => {
        if (window.isDestroyed()) return
        store.set('maximized', window.isMaximized())
        if (!window.isMaximized() && !window.isMinimized()) store.set('bounds', window.getBounds())
      }
      window.on('close', save)
    },
  }
}
