// The updater port on electron-updater's autoUpdater (GitHub releases, per electron-builder.yml's
// `publish`, which electron-builder copies into the app as app-update.yml). Nothing downloads or
// installs until the person asks: autoDownload is off; a downloaded update is installed on the
// next quit or with "Restart to update".
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { AppUpdater, ProgressInfo, UpdateDownloadedEvent, UpdateInfo } from 'electron-updater'
import type { Logger } from '../log/logger'
import type { UpdaterEvent, UpdaterPort } from '../ports'

export interface ElectronUpdaterOptions {
  isPackaged: boolean
  platform: NodeJS.Platform
  /** process.resourcesPath: electron-builder leaves a `package-type` file there in a .deb. */
  resourcesPath: string
  env: NodeJS.ProcessEnv
  log: Logger
  /**
   * macOS: whether the app bundle carries a real (Developer ID) signature; undefined when unknown.
   * Squirrel.Mac, which electron-updater's MacUpdater hands the update to, installs only an update
   * signed like the running app (auto-updater.md: "Your application must be signed for automatic
   * updates on macOS"); the ad-hoc signature of a build without CSC_LINK differs in every build.
   */
  macDeveloperSigned?: () => boolean | undefined
}

/** Reads `codesign -dv` output: true for a signature with a team (Developer ID), false for ad hoc or none. */
export function developerSignedFromCodesign(details: string): boolean {
  if (/Signature=adhoc/.test(details)) return false
  const team = /^TeamIdentifier=(.*)$/m.exec(details)?.[1]?.trim()
  return team !== undefined && team !== '' && team !== 'not set'
}

/** Why this copy of the app cannot update itself, or undefined when it can. */
export function updateUnavailableReason(options: Omit<ElectronUpdaterOptions, 'log'>): string | undefined {
  if (!options.isPackaged) return 'This copy runs from source (npm start), so it does not update itself: pull and reinstall instead.'
  // On Linux only the AppImage and the .deb can be updated in place (electron-updater's Linux updaters).
  // Electron always sets process.resourcesPath; without it (a host that is not Electron) nothing can be updated in place.
  const packageTypeFile = typeof options.resourcesPath === 'string' ? join(options.resourcesPath, 'package-type') : undefined
  if (options.platform === 'linux' && !options.env.APPIMAGE && !(packageTypeFile !== undefined && existsSync(packageTypeFile))) {
    return 'This copy was not installed from the AppImage or the .deb, so it does not update itself.'
  }
  if (options.platform === 'darwin' && options.macDeveloperSigned?.() === false) {
    return 'This copy of the app is not signed with a Developer ID, and macOS installs updates only for signed apps: download the new version from the releases page instead.'
  }
  return undefined
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** `autoUpdater` is read only when first used: reading it creates the platform's updater. */
export function createElectronUpdater(autoUpdater: () => AppUpdater, options: ElectronUpdaterOptions): UpdaterPort {
  const unavailableReason = updateUnavailableReason(options)
  const listeners = new Set<(event: UpdaterEvent) => void>()
  const emit = (event: UpdaterEvent) => listeners.forEach((listener) => listener(event))
  let updater: AppUpdater | undefined

  const instance = (): AppUpdater => {
    if (updater) return updater
    if (unavailableReason) throw new Error(unavailableReason)
    const created = autoUpdater()
    created.autoDownload = false
    created.autoInstallOnAppQuit = true
    created.logger = {
      info: (line: unknown) => options.log.info(String(line)),
      warn: (line: unknown) => options.log.warn(String(line)),
      error: (line: unknown) => options.log.error(String(line)),
    }
    created.on('checking-for-update', () => emit({ type: 'checking' }))
    created.on('update-available', (info: UpdateInfo) => emit({ type: 'available', version: info.version, releaseNotes: info.releaseNotes ?? null, ...(info.releaseDate ? { releaseDate: info.releaseDate } : {}) }))
    created.on('update-not-available', (info: UpdateInfo) => emit({ type: 'not-available', version: info.version }))
    created.on('download-progress', (progress: ProgressInfo) =>
      emit({ type: 'progress', percent: progress.percent, transferred: progress.transferred, total: progress.total, bytesPerSecond: progress.bytesPerSecond }),
    )
    created.on('update-downloaded', (event: UpdateDownloadedEvent) => emit({ type: 'downloaded', version: event.version, releaseNotes: event.releaseNotes ?? null }))
    created.on('error', (error: Error) => emit({ type: 'error', message: message(error) }))
    updater = created
    return created
  }

  return {
    unavailableReason,
    async checkForUpdates() {
      await instance().checkForUpdates()
    },
    async downloadUpdate() {
      await instance().downloadUpdate()
    },
    quitAndInstall() {
      // Not silent: on Windows the person sees the installer they already know; the app restarts after.
      instance().quitAndInstall(false, true)
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
