// The application menu of our own, in place of Electron's default one (whose View menu opens
// DevTools, and a DevTools console in our app:// page can call every bridge channel). Edit keeps
// the clipboard shortcuts working in text fields; Help opens pages in the system browser.
import type { Menu, MenuItemConstructorOptions } from 'electron'
import { isSafeExternalUrl } from '../external-url'

export const PROJECT_HOMEPAGE = 'https://github.com/zoom-connect/zoom-connect'

/** Only https pages on the hosts main may open outside (isSafeExternalUrl); a test checks each one. */
export const HELP_LINKS: readonly { label: string; url: string }[] = [
  { label: 'Zoom Connect Help', url: `${PROJECT_HOMEPAGE}#readme` },
  { label: 'Zoom API Reference', url: 'https://developers.zoom.us/docs/api/' },
  { label: 'Zoom App Marketplace', url: 'https://marketplace.zoom.us/' },
  { label: 'Report a Problem', url: `${PROJECT_HOMEPAGE}/issues` },
]

export interface AppMenuOptions {
  appName: string
  platform: NodeJS.Platform
  /** app.isPackaged: no reload, no DevTools. */
  isPackaged: boolean
  openExternal(url: string): Promise<void>
}

export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const separator: MenuItemConstructorOptions = { type: 'separator' }
  const developer: MenuItemConstructorOptions[] = options.isPackaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
  return [
    ...(mac
      ? [{ label: options.appName, submenu: [{ role: 'about' }, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }] } satisfies MenuItemConstructorOptions]
      : [{ label: 'File', submenu: [{ role: 'quit' }] } satisfies MenuItemConstructorOptions]),
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, separator, { role: 'selectAll' }] },
    { label: 'View', submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }] },
    { label: 'Window', submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] },
    {
      role: 'help',
      submenu: HELP_LINKS.map(({ label, url }) => ({
        label,
        click: () => {
          if (isSafeExternalUrl(url)) void options.openExternal(url).catch(() => undefined)
        },
      })),
    },
  ]
}

/** Builds the menu and makes it the application menu (every window on Windows and Linux). */
export function installAppMenu(menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>, options: AppMenuOptions): Menu {
  const built = menu.buildFromTemplate(appMenuTemplate(options))
  menu.setApplicationMenu(built)
  return built
}
