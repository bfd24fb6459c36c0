// The Electron adapter of the updater port: electron-updater's events and calls, mapped. The
// stand-in below emits what AppUpdater emits (event names and payloads from electron-updater's
// types: UpdateInfo, ProgressInfo, UpdateDownloadedEvent) and records how it was configured.
import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppUpdater } from 'electron-updater'
import { afterAll, describe, expect, it } from 'vitest'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import type { UpdaterEvent } from '../../../main/ports'
import { createElectronUpdater, developerSignedFromCodesign, updateUnavailableReason } from '../../../main/platform/updater'

class StandInAutoUpdater extends EventEmitter {
  autoDownload = true
  autoInstallOnAppQuit = false
  logger: unknown = console
  calls: string[] = []
  async checkForUpdates() {
    this.calls.push('check')
    this.emit('checking-for-update')
    this.emit('update-available', { version: '0.2.0', releaseNotes: '<p>Notes</p>', releaseDate: '2026-12-01T00:00:00Z', files: [], path: '', sha512: '' })
    return null
  }
  async downloadUpdate() {
    this.calls.push('download')
    this.emit('download-progress', { percent: 50, transferred: 5, total: 10, bytesPerSecond: 1, delta: 5 })
    this.emit('update-downloaded', { version: '0.2.0', releaseNotes: null, downloadedFile: '/tmp/x', files: [], path: '', sha512: '', releaseDate: '' })
    return []
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.calls.push(`install silent=${isSilent} runAfter=${isForceRunAfter}`)
  }
}

const dir = mkdtempSync(join(tmpdir(), 'zc-resources-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const packaged = { isPackaged: true, platform: 'win32' as const, resourcesPath: dir, env: {}, log: createLogger(memoryLogSink(), 'updater') }

describe('electron-updater adapter', () => {
  it('configures autoUpdater on first use: no automatic download, install on quit', async () => {
    const standIn = new StandInAutoUpdater()
    let created = 0
    const port = createElectronUpdater(() => (created++, standIn as unknown as AppUpdater), packaged)
    expect(created).toBe(0)
    const events: UpdaterEvent[] = []
    port.onEvent((event) => events.push(event))
    await port.checkForUpdates()
    await port.downloadUpdate()
    port.quitAndInstall()
    expect(created).toBe(1)
    expect(standIn).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: true })
    expect(standIn.logger).not.toBe(console)
    expect(standIn.calls).toEqual(['check', 'download', 'install silent=false runAfter=true'])
    expect(events).toEqual([
      { type: 'checking' },
      { type: 'available', version: '0.2.0', releaseNotes: '<p>Notes</p>', releaseDate: '2026-12-01T00:00:00Z' },
      { type: 'progress', percent: 50, transferred: 5, total: 10, bytesPerSecond: 1 },
      { type: 'downloaded', version: '0.2.0', releaseNotes: null },
    ])
    standIn.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'))
    expect(events.at(-1)).toEqual({ type: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' })
  })

  it('never creates autoUpdater in a build that cannot update itself', async () => {
    let created = 0
    const port = createElectronUpdater(() => (created++, new StandInAutoUpdater() as unknown as AppUpdater), { ...packaged, isPackaged: false })
    expect(port.unavailableReason).toMatch(/npm start/)
    await expect(port.checkForUpdates()).rejects.toThrow(/npm start/)
    expect(created).toBe(0)
  })

  it('updates Linux copies installed from the AppImage or the .deb only', () => {
    const linux = { isPackaged: true, platform: 'linux' as const, resourcesPath: dir, env: {} }
    expect(updateUnavailableReason(linux)).toMatch(/AppImage or the \.deb/)
    expect(updateUnavailableReason({ ...linux, env: { APPIMAGE: '/home/me/Zoom.AppImage' } })).toBeUndefined()
    writeFileSync(join(dir, 'package-type'), 'deb')
    expect(updateUnavailableReason(linux)).toBeUndefined()
    expect(updateUnavailableReason({ ...linux, platform: 'darwin' })).toBeUndefined()
  })

  it('does not offer updates on macOS when the app is only ad-hoc signed (Squirrel.Mac refuses to install them)', () => {
    const mac = { isPackaged: true, platform: 'darwin' as const, resourcesPath: dir, env: {} }
    const adHoc = 'Executable=/Applications/Zoom Connect.app/Contents/MacOS/Zoom Connect\nIdentifier=us.zoomconnect.app\nFormat=app bundle with Mach-O thin (arm64)\nCodeDirectory v=20400 size=501 flags=0x20002(adhoc,linker-signed) hashes=4+7 location=embedded\nSignature=adhoc\nInfo.plist entries=31\nTeamIdentifier=not set\n'
    const developerId = 'Executable=/Applications/Zoom Connect.app/Contents/MacOS/Zoom Connect\nAuthority=Developer ID Application: Zoom Connect developers (ABCDE12345)\nTeamIdentifier=ABCDE12345\n'
    expect(developerSignedFromCodesign(adHoc)).toBe(false)
    expect(developerSignedFromCodesign(developerId)).toBe(true)
    expect(updateUnavailableReason({ ...mac, macDeveloperSigned: () => developerSignedFromCodesign(adHoc) })).toMatch(/not signed with a Developer ID/)
    expect(updateUnavailableReason({ ...mac, macDeveloperSigned: () => developerSignedFromCodesign(developerId) })).toBeUndefined()
    expect(updateUnavailableReason({ ...mac, macDeveloperSigned: () => undefined })).toBeUndefined()
  })
})
