// The app's own updates (Settings → Updates): what the updater port reports becomes one state
// the renderer shows and is told about (`updates.changed`); the person decides when to download
// and when to restart. Electron-free: the port hides electron-updater.
import type { UpdateState, UpdatesSnapshot } from '../../common/contract/updates'
import { AppError } from '../../common/errors'
import type { Logger } from '../log/logger'
import type { UpdaterEvent, UpdaterPort } from './updater-port'
import { releaseNotesToText } from './release-notes'

export interface UpdateServiceDeps {
  /** Absent where the app cannot update itself (tests, development without a port). */
  updater: UpdaterPort | undefined
  currentVersion: string
  /** main's EventSink (or the fake bridge's emitter): only this one event is sent. */
  events: { emit(event: 'updates.changed', payload: UpdatesSnapshot): void }
  clock: { now(): number }
  log: Logger
}

const NO_UPDATER = 'This build of Zoom Connect does not update itself.'
/** An updater's error text can carry a whole HTTP response: people get its first line, bounded. */
const ERROR_MAX_CHARS = 300

function errorText(message: string): string {
  const first = message.split('\n', 1)[0]?.trim() || 'Unknown error'
  return first.length > ERROR_MAX_CHARS ? `${first.slice(0, ERROR_MAX_CHARS)}…` : first
}

export class UpdateService {
  private state: UpdateState = { status: 'idle' }
  /** The version last found, kept so a failed download can be tried again. */
  private offered: { version: string; releaseNotes: string } | undefined
  private checking: Promise<void> | undefined
  private downloading: Promise<void> | undefined
  private readonly unsubscribe: () => void

  constructor(private readonly deps: UpdateServiceDeps) {
    this.unsubscribe = deps.updater?.onEvent((event) => this.apply(event)) ?? (() => {})
  }

  snapshot(): UpdatesSnapshot {
    const reason = this.deps.updater ? this.deps.updater.unavailableReason : NO_UPDATER
    return { currentVersion: this.deps.currentVersion, enabled: reason === undefined, ...(reason === undefined ? {} : { disabledReason: reason }), state: this.state }
  }

  /** One check at a time; a downloaded or downloading update is not checked over. */
  async check(): Promise<UpdatesSnapshot> {
    const updater = this.usable()
    if (this.state.status === 'downloading' || this.state.status === 'downloaded') return this.snapshot()
    this.checking ??= (async () => {
      this.set({ status: 'checking' })
      try {
        await updater.checkForUpdates()
        // A feed that answered without saying anything leaves nothing "checking" forever.
        if (this.state.status === 'checking') this.set({ status: 'not-available', checkedAt: new Date(this.deps.clock.now()).toISOString() })
      } catch (error) {
        this.fail('check', error)
      } finally {
        this.checking = undefined
      }
    })()
    await this.checking
    return this.snapshot()
  }

  async download(): Promise<UpdatesSnapshot> {
    const updater = this.usable()
    const offered = this.offered
    if (this.state.status === 'downloaded') return this.snapshot()
    if (!offered) throw new AppError('CONFLICT', 'There is no update to download. Check for updates first.')
    this.downloading ??= (async () => {
      this.set({ status: 'downloading', version: offered.version, percent: 0, transferred: 0, total: 0, bytesPerSecond: 0 })
      try {
        await updater.downloadUpdate()
      } catch (error) {
        this.fail('download', error)
      } finally {
        this.downloading = undefined
      }
    })()
    await this.downloading
    return this.snapshot()
  }

  install(): void {
    const updater = this.usable()
    if (this.state.status !== 'downloaded') throw new AppError('CONFLICT', 'No update has been downloaded yet.')
    this.deps.log.info('restarting to install an update', { version: this.state.version })
    updater.quitAndInstall()
  }

  /** The check at start-up (when the setting allows it): failures only show in Settings → Updates. */
  checkAtStart(enabled: boolean): void {
    if (!enabled || !this.snapshot().enabled) return
    void this.check().catch((error: unknown) => this.deps.log.warn('update check at start failed', { error }))
  }

  dispose(): void {
    this.unsubscribe()
  }

  private usable(): UpdaterPort {
    const updater = this.deps.updater
    const reason = updater ? updater.unavailableReason : NO_UPDATER
    if (!updater || reason !== undefined) throw new AppError('UPDATES_UNAVAILABLE', reason ?? NO_UPDATER)
    return updater
  }

  private apply(event: UpdaterEvent): void {
    switch (event.type) {
      case 'checking':
        this.set({ status: 'checking' })
        return
      case 'available': {
        this.offered = { version: event.version, releaseNotes: releaseNotesToText(event.releaseNotes) }
        this.set({ status: 'available', ...this.offered, ...(event.releaseDate ? { releaseDate: event.releaseDate } : {}) })
        return
      }
      case 'not-available':
        this.offered = undefined
        this.set({ status: 'not-available', checkedAt: new Date(this.deps.clock.now()).toISOString() })
        return
      case 'progress': {
        const version = this.offered?.version ?? (this.state.status === 'downloading' ? this.state.version : '')
        const percent = Math.max(0, Math.min(100, Number.isFinite(event.percent) ? event.percent : 0))
        this.set({ status: 'downloading', version, percent, transferred: event.transferred, total: event.total, bytesPerSecond: event.bytesPerSecond })
        return
      }
      case 'downloaded': {
        const releaseNotes = releaseNotesToText(event.releaseNotes) || (this.offered?.releaseNotes ?? '')
        this.set({ status: 'downloaded', version: event.version, releaseNotes })
        return
      }
      case 'error':
        this.set({ status: 'error', message: errorText(event.message) })
        this.deps.log.warn('updater error', { message: errorText(event.message) })
        return
    }
  }

  private fail(action: 'check' | 'download', error: unknown): void {
    const message = errorText(error instanceof Error ? error.message : String(error))
    this.deps.log.warn(`update ${action} failed`, { message })
    // The updater usually reported the same error as an event already; keep its state.
    if (this.state.status !== 'error') this.set({ status: 'error', message })
  }

  private set(state: UpdateState): void {
    this.state = state
    this.deps.events.emit('updates.changed', this.snapshot())
  }
}
