// A scripted stand-in for electron-updater's autoUpdater behind UpdaterPort. It follows the
// order electron-updater documents (electron.build/auto-update, AppUpdater's events):
// checkForUpdates emits `checking-for-update`, then `update-available` or `update-not-available`,
// or `error` and rejects; downloadUpdate emits `download-progress` events then `update-downloaded`,
// or `error` and rejects; downloadUpdate before an update was found rejects.
import type { UpdateReleaseNotes, UpdaterEvent, UpdaterPort } from '../../main/updates/updater-port'

export interface FakeRelease {
  version: string
  releaseNotes?: UpdateReleaseNotes
  releaseDate?: string
}

export class FakeUpdater implements UpdaterPort {
  unavailableReason: string | undefined = undefined
  /** What the feed offers: a newer release, or nothing. */
  release: FakeRelease | undefined
  /** The next check fails with this message. */
  checkError: string | undefined
  /** The next download fails with this message (after the progress steps). */
  downloadError: string | undefined
  /** Percentages reported while downloading; with `holdDownload`, the download waits for finishDownload(). */
  progressSteps = [25, 50, 100]
  holdDownload = false
  checks = 0
  installs = 0
  private found: FakeRelease | undefined
  private release_: (() => void) | undefined
  private readonly listeners = new Set<(event: UpdaterEvent) => void>()

  constructor(release?: FakeRelease) {
    this.release = release
  }

  onEvent(listener: (event: UpdaterEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async checkForUpdates(): Promise<void> {
    this.checks += 1
    this.emit({ type: 'checking' })
    await Promise.resolve()
    if (this.checkError) return this.failWith(this.checkError, () => (this.checkError = undefined))
    this.found = this.release
    if (this.release) this.emit({ type: 'available', ...this.release })
    else this.emit({ type: 'not-available', version: '0.1.0' })
  }

  async downloadUpdate(): Promise<void> {
    const found = this.found
    if (!found) throw new Error('Please check update first')
    const total = 80_000_000
    for (const percent of this.progressSteps) {
      if (this.holdDownload && percent === 100) await new Promise<void>((resolve) => (this.release_ = resolve))
      this.emit({ type: 'progress', percent, transferred: (total * percent) / 100, total, bytesPerSecond: 4_000_000 })
    }
    if (this.downloadError) return this.failWith(this.downloadError, () => (this.downloadError = undefined))
    this.emit({ type: 'downloaded', version: found.version, releaseNotes: found.releaseNotes ?? null })
  }

  /** Lets a held download reach 100 % and finish. */
  finishDownload(): void {
    this.release_?.()
    this.release_ = undefined
  }

  quitAndInstall(): void {
    this.installs += 1
  }

  private failWith(message: string, reset: () => void): never {
    reset()
    this.emit({ type: 'error', message })
    throw new Error(message)
  }

  private emit(event: UpdaterEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}
