// Menu and MenuItem (docs/api/menu.md, menu-item.md; lib/browser/api/menu.ts). Nothing is drawn:
// menus are built and recorded so a test can read what the application menu contains and click
// an item. A role item gets its default label from lib/browser/api/menu-item-roles.ts, and when
// the app sets no menu Electron installs its default one at ready (lib/browser/default-menu.ts:
// File, Edit, View with "Toggle Developer Tools", Window).
export interface MenuItemOptions {
  role?: string
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio'
  label?: string
  sublabel?: string
  accelerator?: string
  enabled?: boolean
  visible?: boolean
  checked?: boolean
  id?: string
  submenu?: MenuItemOptions[] | Menu
  click?: (item: MenuItem, window: unknown, contents: unknown, event: unknown) => void
}

// Default labels of the roles (menu-item-roles.ts, Linux spellings).
const ROLE_LABELS: Record<string, string> = {
  about: 'About', close: 'Close', copy: 'Copy', cut: 'Cut', delete: 'Delete', forceReload: 'Force Reload', front: 'Bring All to Front',
  help: 'Help', hide: 'Hide', hideOthers: 'Hide Others', minimize: 'Minimize', paste: 'Paste', pasteAndMatchStyle: 'Paste and Match Style',
  quit: 'Quit', redo: 'Redo', reload: 'Reload', resetZoom: 'Actual Size', selectAll: 'Select All', services: 'Services',
  toggleDevTools: 'Toggle Developer Tools', togglefullscreen: 'Toggle Full Screen', undo: 'Undo', unhide: 'Show All', window: 'Window',
  zoom: 'Zoom', zoomIn: 'Zoom In', zoomOut: 'Zoom Out', appMenu: 'App', fileMenu: 'File', editMenu: 'Edit', viewMenu: 'View', windowMenu: 'Window',
}
// The submenus of the menu roles on Linux (menu-item-roles.ts).
const ROLE_SUBMENUS: Record<string, MenuItemOptions[]> = {
  fileMenu: [{ role: 'quit' }],
  editMenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'delete' }, { type: 'separator' }, { role: 'selectAll' }],
  viewMenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  windowMenu: [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }],
}

export class MenuItem {
  readonly role?: string
  readonly type: NonNullable<MenuItemOptions['type']>
  label: string
  readonly accelerator?: string
  enabled: boolean
  visible: boolean
  checked: boolean
  readonly id?: string
  readonly submenu?: Menu
  private readonly onClick?: MenuItemOptions['click']
  constructor(options: MenuItemOptions) {
    if (options.role !== undefined && !(options.role in ROLE_LABELS) && !['recentDocuments', 'clearRecentDocuments', 'shareMenu', 'toggleSpellChecker'].includes(options.role)) {
      throw new Error(`Invalid role: ${options.role}`)
    }
    this.role = options.role
    const submenu = options.submenu ?? (options.role ? ROLE_SUBMENUS[options.role] : undefined)
    this.submenu = submenu === undefined ? undefined : submenu instanceof Menu ? submenu : Menu.buildFromTemplate(submenu)
    this.type = options.type ?? (this.submenu ? 'submenu' : 'normal')
    this.label = options.label ?? (options.role ? (ROLE_LABELS[options.role] ?? '') : '')
    this.accelerator = options.accelerator
    this.enabled = options.enabled ?? true
    this.visible = options.visible ?? true
    this.checked = options.checked ?? false
    this.id = options.id
    this.onClick = options.click
  }
  /** What a user's click does: the item's own click handler (menu-item.ts passes the focused window). */
  click(event: unknown = {}, focusedWindow?: unknown, focusedWebContents?: unknown): void {
    if (this.type === 'checkbox') this.checked = !this.checked
    this.onClick?.(this, focusedWindow, focusedWebContents, event)
  }
}

export class Menu {
  readonly items: MenuItem[] = []
  static buildFromTemplate(template: (MenuItemOptions | MenuItem)[]): Menu {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array')
    const menu = new Menu()
    for (const item of template) menu.append(item instanceof MenuItem ? item : new MenuItem(item))
    return menu
  }
  append(item: MenuItem): void {
    this.items.push(item)
  }
  insert(position: number, item: MenuItem): void {
    this.items.splice(position, 0, item)
  }
  getMenuItemById(id: string): MenuItem | null {
    for (const item of this.items) {
      if (item.id === id) return item
      const inner = item.submenu?.getMenuItemById(id)
      if (inner) return inner
    }
    return null
  }
  popup(): void {
    throw new Error('not emulated: Menu.popup (context menus are not drawn)')
  }
  closePopup(): void {}
}

export function createApplicationMenu() {
  let current: Menu | null = null
  let wasSet = false
  return {
    setApplicationMenu(menu: Menu | null) {
      if (menu !== null && !(menu instanceof Menu)) throw new TypeError('Invalid menu')
      wasSet = true
      current = menu
    },
    getApplicationMenu: () => current,
    /** At ready, as lib/browser/default-menu.ts does when the app set none. */
    installDefault() {
      if (wasSet) return
      current = Menu.buildFromTemplate([{ role: 'fileMenu' }, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }])
    },
  }
}
