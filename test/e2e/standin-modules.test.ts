// The stand-in's session (permission handlers enforced by Chromium, storage, proxy), safeStorage
// with Electron's Linux backends, and the recorded modules: dialog, shell, clipboard, nativeTheme,
// screen, Menu.
import { createDecipheriv, pbkdf2Sync } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Standin } from '../electron-standin/runtime'
import { chromiumMissingReason } from '../support/chromium'
import { closeBrowser } from './harness'
import { readyStandin, startSite, type Site } from './standin-fixture'

describe.skipIf(chromiumMissingReason !== undefined)('Electron stand-in: session and modules', () => {
  let site: Site
  let standin: Standin
  beforeAll(async () => {
    site = await startSite()
    standin = await readyStandin()
    standin.electron.app.on('window-all-closed', () => {})
  })
  afterAll(async () => {
    await standin?.quit()
    await site?.close()
    await closeBrowser()
  })

  async function pageIn(partition: string, path = '/next') {
    const window = new standin.electron.BrowserWindow({ show: true, webPreferences: { partition } })
    await window.loadURL(`${site.url}${path}`)
    return { window, page: await standin.pageOf(window) }
  }

  it('grants what no handler refuses (Electron’s default), and Chromium refuses what the handlers deny', async () => {
    const open = await pageIn('permissions-default')
    expect(await open.page.evaluate(() => Notification.requestPermission())).toBe('granted')
    expect(await open.page.evaluate(() => navigator.clipboard.writeText('hello').then(() => 'written', (e: Error) => e.name))).toBe('written')
    open.window.destroy()

    const session = standin.electron.session.fromPartition('permissions-denied')
    const asked: string[] = []
    session.setPermissionRequestHandler((_contents, permission, callback) => {
      asked.push(permission)
      callback(false)
    })
    session.setPermissionCheckHandler(() => false)
    const denied = await pageIn('permissions-denied')
    expect(await denied.page.evaluate(() => navigator.clipboard.writeText('hello').then(() => 'written', (e: Error) => e.name))).toBe('NotAllowedError')
    expect(await denied.page.evaluate(() => Notification.requestPermission())).toBe('denied')
    expect(await denied.page.evaluate(() => navigator.mediaDevices.getUserMedia({ audio: true }).then(() => 'granted', (e: Error) => e.name))).toBe('NotAllowedError')
    expect(asked).toEqual(expect.arrayContaining(['clipboard-sanitized-write', 'notifications', 'media']))
    denied.window.destroy()
  })

  it('a check handler alone decides clipboard-sanitized-write, the copy permission Chromium checks', async () => {
    const session = standin.electron.session.fromPartition('permissions-clipboard')
    session.setPermissionCheckHandler((_contents, permission) => permission !== 'clipboard-sanitized-write')
    const { window, page } = await pageIn('permissions-clipboard')
    expect(await page.evaluate(() => navigator.clipboard.writeText('hello').then(() => 'written', (e: Error) => e.name))).toBe('NotAllowedError')
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('granted')
    window.destroy()
  })

  it('clearStorageData clears cookies and local storage of the partition only', async () => {
    const a = await pageIn('storage-a')
    const b = await pageIn('storage-b')
    for (const { page } of [a, b]) await page.evaluate(() => {
      localStorage.setItem('k', 'v')
      document.cookie = 'c=1; path=/'
    })
    await standin.electron.session.fromPartition('storage-a').clearStorageData()
    await a.page.reload()
    await b.page.reload()
    expect(await a.page.evaluate(() => [localStorage.getItem('k'), document.cookie])).toEqual([null, ''])
    expect(await b.page.evaluate(() => [localStorage.getItem('k'), document.cookie])).toEqual(['v', 'c=1'])
    await standin.electron.session.fromPartition('storage-a').clearAuthCache()
    expect(standin.sessions().find((s) => s.partition === 'storage-a')).toMatchObject({ storageCleared: 1, authCacheCleared: 1 })
    a.window.destroy()
    b.window.destroy()
  })

  it('resolveProxy follows the system settings, setProxy rules and Chromium’s loopback bypass', async () => {
    const session = standin.electron.session.fromPartition('proxy')
    expect(await session.resolveProxy('https://zoom.us/')).toBe('DIRECT')
    standin.setSystemProxy((url) => (url.startsWith('https:') ? 'PROXY corp:3128' : 'DIRECT'))
    expect(await session.resolveProxy('https://zoom.us/')).toBe('PROXY corp:3128')
    await session.setProxy({ proxyRules: 'http=web:80;https=secure:443' })
    expect(await session.resolveProxy('https://zoom.us/')).toBe('PROXY secure:443')
    expect(await session.resolveProxy('http://zoom.us/')).toBe('PROXY web:80')
    expect(await session.resolveProxy('https://127.0.0.1:9/')).toBe('DIRECT')
    await session.setProxy({ proxyRules: 'socks5://s:1080', proxyBypassRules: '*.internal' })
    expect(await session.resolveProxy('https://a.internal/')).toBe('DIRECT')
    expect(await session.resolveProxy('https://zoom.us/')).toBe('SOCKS5 s:1080')
    await session.setProxy({ mode: 'pac_script', pacScript: 'http://pac/' })
    await expect(session.resolveProxy('https://zoom.us/')).rejects.toThrow('not emulated')
    standin.setSystemProxy(() => 'DIRECT')
  })

  it('safeStorage: basic_text needs setUsePlainTextEncryption and gives v10 under the "peanuts" key; a keyring gives v11 that a restart can read', async () => {
    const { safeStorage } = standin.electron
    standin.setSafeStorageBackend('basic_text')
    expect(safeStorage.getSelectedStorageBackend()).toBe('basic_text')
    expect(safeStorage.isEncryptionAvailable()).toBe(false)
    expect(() => safeStorage.encryptString('x')).toThrow('Encryption is not available')
    safeStorage.setUsePlainTextEncryption(true)
    const v10 = safeStorage.encryptString('plain secret')
    expect(v10.subarray(0, 3).toString()).toBe('v10')
    // Anyone can read it: the key is derived from a password in Chromium's source.
    const decipher = createDecipheriv('aes-128-cbc', pbkdf2Sync('peanuts', 'saltysalt', 1, 16, 'sha1'), Buffer.alloc(16, ' '))
    expect(Buffer.concat([decipher.update(v10.subarray(3)), decipher.final()]).toString()).toBe('plain secret')
    safeStorage.setUsePlainTextEncryption(false)

    standin.setSafeStorageBackend('gnome_libsecret')
    const v11 = safeStorage.encryptString('kept secret')
    expect(v11.subarray(0, 3).toString()).toBe('v11')
    expect(safeStorage.decryptString(v11)).toBe('kept secret')
    expect(() => safeStorage.decryptString(Buffer.from('not encrypted'))).toThrow('Ciphertext does not appear to be encrypted')
    const restarted = await readyStandin({ safeStorageBackend: 'gnome_libsecret' })
    expect(restarted.electron.safeStorage.decryptString(v11)).toBe('kept secret')
    await restarted.quit()
  })

  it('safeStorage has Electron 41’s methods only: no async ones, which later Electrons add', () => {
    // electron_api_safe_storage.cc Initialize (41-x-y): the five methods of the Linux binding.
    expect(Object.keys(standin.electron.safeStorage).sort()).toEqual(['decryptString', 'encryptString', 'getSelectedStorageBackend', 'isEncryptionAvailable', 'setUsePlainTextEncryption'])
  })

  it('dialogs check their options as Electron’s dialog.ts does, before any answer is asked for', () => {
    const { dialog } = standin.electron
    const before = standin.dialogs.calls.length
    expect(() => dialog.showSaveDialog({ title: 5 as unknown as string })).toThrow(new TypeError('Title must be a string'))
    expect(() => dialog.showSaveDialog({ defaultPath: null as unknown as string })).toThrow(new TypeError('Default path must be a string'))
    expect(() => dialog.showOpenDialog({ properties: 'openFile' as unknown as [] })).toThrow(new TypeError('Properties must be an array'))
    expect(() => dialog.showMessageBox({ message: 'm', type: 'danger' as 'info' })).toThrow(new TypeError('Invalid message box type'))
    expect(() => dialog.showMessageBox({ message: 'm', detail: 1 as unknown as string })).toThrow(new TypeError('Detail must be a string'))
    expect(() => dialog.showMessageBox({ message: 'm', checkboxChecked: true })).toThrow('checkboxChecked requires that checkboxLabel also be passed')
    expect(standin.dialogs.calls.length).toBe(before)
  })

  it('dialogs answer only what the test scripted; shell and clipboard are recorded', async () => {
    const { dialog, shell, clipboard } = standin.electron
    await expect(dialog.showSaveDialog({ title: 'Save' })).rejects.toThrow('the test scripted no answer')
    standin.dialogs.script((call) => (call.kind === 'showSaveDialog' ? { canceled: false, filePath: '/tmp/x.csv' } : undefined))
    const parent = new standin.electron.BrowserWindow({ show: false })
    expect(await dialog.showSaveDialog(parent, { title: 'Save' })).toEqual({ canceled: false, filePath: '/tmp/x.csv' })
    expect(standin.dialogs.calls.at(-1)).toMatchObject({ kind: 'showSaveDialog', parent, options: { title: 'Save' } })
    standin.dialogs.script(undefined)
    parent.destroy()
    await shell.openExternal('https://zoom.us/')
    expect(await shell.openPath('/tmp')).toBe('')
    expect(standin.shellCalls.slice(-2)).toEqual([{ method: 'openExternal', target: 'https://zoom.us/' }, { method: 'openPath', target: '/tmp' }])
    clipboard.writeText('copied')
    expect(standin.clipboard.readText()).toBe('copied')
    expect(clipboard.readText('selection')).toBe('')
  })

  it('nativeTheme follows the system or its themeSource, and pages see prefers-color-scheme', async () => {
    const { nativeTheme } = standin.electron
    const { window, page } = await pageIn('theme')
    const dark = () => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)
    expect(nativeTheme.shouldUseDarkColors).toBe(false)
    let updates = 0
    nativeTheme.on('updated', () => void (updates += 1))
    standin.setSystemTheme('dark')
    expect(nativeTheme.shouldUseDarkColors).toBe(true)
    await expect.poll(dark).toBe(true)
    nativeTheme.themeSource = 'light'
    expect(nativeTheme.shouldUseDarkColors).toBe(false)
    await expect.poll(dark).toBe(false)
    expect(updates).toBe(2)
    nativeTheme.themeSource = 'system'
    standin.setSystemTheme('light')
    window.destroy()
  })

  it('screen reports the displays the test sets; getDisplayMatching picks the most overlapping one', () => {
    const { screen } = standin.electron
    standin.setDisplays([{ bounds: { x: 0, y: 0, width: 1280, height: 800 }, workArea: { x: 0, y: 25, width: 1280, height: 775 } }, { bounds: { x: 1280, y: 0, width: 1920, height: 1080 } }])
    expect(screen.getAllDisplays()).toHaveLength(2)
    expect(screen.getPrimaryDisplay().workArea).toEqual({ x: 0, y: 25, width: 1280, height: 775 })
    expect(screen.getDisplayMatching({ x: 1500, y: 100, width: 400, height: 300 }).id).toBe(2)
    expect(screen.getDisplayMatching({ x: 9000, y: 9000, width: 10, height: 10 }).id).toBe(1)
    standin.setDisplays([{ bounds: { x: 0, y: 0, width: 1920, height: 1080 } }])
  })

  it('Menu: Electron’s default menu (with Toggle Developer Tools) until the app sets its own', () => {
    const { Menu } = standin.electron
    const labels = (menu: InstanceType<typeof Menu> | null) => menu?.items.map((item) => [item.label, item.submenu?.items.map((i) => i.label || i.type)])
    const view = labels(standin.applicationMenu())?.find(([label]) => label === 'View')
    expect(view?.[1]).toContain('Toggle Developer Tools')
    let clicked = 0
    Menu.setApplicationMenu(Menu.buildFromTemplate([{ label: 'Edit', submenu: [{ role: 'copy' }, { role: 'paste' }] }, { label: 'Help', submenu: [{ label: 'Docs', click: () => void (clicked += 1) }] }]))
    expect(labels(Menu.getApplicationMenu())).toEqual([
      ['Edit', ['Copy', 'Paste']],
      ['Help', ['Docs']],
    ])
    Menu.getApplicationMenu()!.items[1]!.submenu!.items[0]!.click()
    expect(clicked).toBe(1)
    expect(() => Menu.buildFromTemplate([{ role: 'nonsense' }])).toThrow('Invalid role')
  })
})
