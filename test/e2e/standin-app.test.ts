// The stand-in's `app`, its ready gate and its quit sequence, checked against what Electron's
// docs and sources say (each behaviour cites its source in test/electron-standin/*.ts).
import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createStandin } from '../electron-standin/runtime'
import { chromiumMissingReason } from '../support/chromium'
import { browser, closeBrowser } from './harness'
import { appRoot, readyStandin } from './standin-fixture'

describe.skipIf(chromiumMissingReason !== undefined)('Electron stand-in: app', () => {
  afterAll(() => closeBrowser())

  it('refuses what Electron refuses before ready, and what it refuses after', async () => {
    const standin = createStandin({ appPath: appRoot, browser: await browser(), safeStorageBackend: 'gnome_libsecret' })
    const { app, protocol, safeStorage, session, BrowserWindow, dialog } = standin.electron
    expect(app.isReady()).toBe(false)
    expect(() => safeStorage.encryptString('x')).toThrow('safeStorage cannot be used before app is ready')
    expect(safeStorage.isEncryptionAvailable()).toBe(false)
    expect(safeStorage.getSelectedStorageBackend()).toBe('unknown')
    expect(() => standin.electron.screen.getPrimaryDisplay()).toThrow("The 'screen' module can't be used before the app 'ready' event")
    expect(() => session.defaultSession).toThrow('Session can only be received when app is ready')
    expect(() => new BrowserWindow()).toThrow('Cannot create BrowserWindow before app is ready')
    // lib/browser/api/dialog.ts checkAppInitialized (showErrorBox alone may be called before ready).
    expect(() => dialog.showMessageBox({ message: 'early' })).toThrow('dialog module can only be used after app is ready')
    expect(() => dialog.showOpenDialog({})).toThrow('dialog module can only be used after app is ready')
    app.enableSandbox()
    protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }])

    let readyEvents = 0
    app.on('ready', () => void (readyEvents += 1))
    await standin.start()
    await app.whenReady()
    expect(readyEvents).toBe(1)
    expect(() => protocol.registerSchemesAsPrivileged([{ scheme: 'late' }])).toThrow('protocol.registerSchemesAsPrivileged should be called before app is ready')
    expect(() => app.enableSandbox()).toThrow('app.enableSandbox() can only be called before app is ready')
    expect(safeStorage.getSelectedStorageBackend()).toBe('gnome_libsecret')
    expect(session.fromPartition('x')).toBe(session.fromPartition('x'))
    expect(session.fromPartition('x')).not.toBe(session.defaultSession)
    await standin.quit()
  })

  it('names itself from package.json and keeps its paths in its own folder', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'standin-userdata-'))
    const standin = await readyStandin({ userData, isPackaged: true })
    const { app } = standin.electron
    expect(app.getName()).toBe('Zoom Connect')
    expect(app.getVersion()).toBe('0.1.0')
    expect(app.isPackaged).toBe(true)
    expect(app.getPath('userData')).toBe(userData)
    expect(app.getPath('temp')).not.toBe(tmpdir())
    expect(() => app.getPath('nonsense')).toThrow("Failed to get 'nonsense' path")
    await standin.quit()
  })

  it('gives the single-instance lock to one holder per userData folder, and tells it about the second', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'standin-lock-'))
    const first = await readyStandin({ userData })
    const seconds: unknown[] = []
    first.electron.app.on('second-instance', (_event: unknown, argv: unknown) => seconds.push(argv))
    expect(first.electron.app.requestSingleInstanceLock()).toBe(true)
    const second = await readyStandin({ userData })
    expect(second.electron.app.requestSingleInstanceLock()).toBe(false)
    expect(seconds).toHaveLength(1)
    await first.quit()
    expect(second.electron.app.requestSingleInstanceLock()).toBe(true)
    await second.quit()
  })

  it('quits in Electron order: before-quit (cancellable), windows closed, will-quit, quit — no window-all-closed', async () => {
    const standin = await readyStandin()
    const { app, BrowserWindow } = standin.electron
    const steps: string[] = []
    let holdOnce = true
    app.on('before-quit', (event: { preventDefault(): void }) => {
      steps.push('before-quit')
      if (holdOnce) {
        holdOnce = false
        event.preventDefault()
      }
    })
    app.on('window-all-closed', () => steps.push('window-all-closed'))
    app.on('will-quit', () => steps.push('will-quit'))
    app.on('quit', () => steps.push('quit'))
    const window = new BrowserWindow({ show: false })
    window.on('closed', () => steps.push('closed'))
    app.quit()
    expect(steps).toEqual(['before-quit'])
    expect(window.isDestroyed()).toBe(false)
    expect(await standin.quit()).toBe(0)
    expect(steps).toEqual(['before-quit', 'before-quit', 'closed', 'will-quit', 'quit'])
  })

  it('emits window-all-closed when the last window closes outside a quit, and exit() skips the quit events', async () => {
    const standin = await readyStandin()
    const { app, BrowserWindow } = standin.electron
    const steps: string[] = []
    app.on('window-all-closed', () => steps.push('window-all-closed'))
    app.on('before-quit', () => steps.push('before-quit'))
    app.on('will-quit', () => steps.push('will-quit'))
    app.on('quit', (_event: unknown, code: number) => steps.push(`quit ${code}`))
    const window = new BrowserWindow({ show: false })
    window.close()
    expect(steps).toEqual(['window-all-closed'])
    const left = new BrowserWindow({ show: false })
    left.on('close', () => steps.push('close'))
    left.on('closed', () => steps.push('closed'))
    app.exit(3)
    expect(await standin.exited).toBe(3)
    // Browser::Exit destroys the windows (no 'close') and Shutdown still emits 'quit' with the code.
    expect(steps).toEqual(['window-all-closed', 'closed', 'quit 3'])
  })
})
