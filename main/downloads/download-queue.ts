// The recording download queue: a few transfers at a time (settings.downloadConcurrency), each
// retried with Range resume on interruptions, with cancel, retry and throttled
// 'downloads.changed' snapshots. The queue lives in memory; after a restart, enqueuing the same
// rows again finds the .part files and resumes them, and skips files already complete.
//
// The renderer never names a path: the folder is the one chosen in main's picker (stored in
// settings by settings.chooseDownloadFolder, or asked at enqueue), checked by safe-folder.ts each
// time it is used, and openFolder only opens folders this queue wrote to.
// Recordings are created with the documents' mode (main/data/document-mode.ts).
import { createHash } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { DownloadItem, DownloadsSnapshot } from '../../common/contract/downloads'
import type { Settings } from '../../common/contract/settings'
import { AppError } from '../../common/errors'
import type { DatasetStore } from '../data/datasets/dataset-store'
import { isAbort, toAppError } from '../data/errors'
import type { DownloadSource } from '../data/ports'
import { throttle, type Throttled } from '../data/throttle'
import type { Logger } from '../log/logger'
import type { Clock, DialogPort, EventSink, Scheduler, ShellPort } from '../ports'
import { planRecordingFiles, type PlannedFile, relativePathOf } from './layout'
import { assertSafeFolder } from './safe-folder'
import { isComplete, partPathOf, RetryableTransferError, transferOnce } from './transfer'

export type DownloadSettings = Pick<Settings, 'downloadConcurrency' | 'downloadFolder'>

export interface DownloadQueueDeps {
  source: DownloadSource
  datasets: DatasetStore
  dialogs: DialogPort
  shell: ShellPort
  events: EventSink
  settings: () => DownloadSettings | Promise<DownloadSettings>
  clock: Clock
  scheduler: Scheduler
  log: Logger
  /** No byte for this long fails the attempt (then it resumes). Default 60 s. */
  stallTimeoutMs?: number
  /** Attempts per file before it is marked failed. Default 5. */
  maxAttempts?: number
  /** First pause between attempts, doubled each time. Default 1 s. */
  retryDelayMs?: number
  progressIntervalMs?: number
}

interface Entry {
  item: DownloadItem
  url: string
  finalPath: string
  controller?: AbortController
  /** Settles when the running transfer (if any) has unwound. */
  running?: Promise<void>
}

const IN_QUEUE = new Set<DownloadItem['state']>(['queued', 'downloading'])
const CANCELLABLE = new Set<DownloadItem['state']>(['queued', 'downloading', 'paused'])
const FINISHED = new Set<DownloadItem['state']>(['done', 'skipped', 'cancelled', 'failed'])

export class DownloadQueue {
  private readonly entries = new Map<string, Entry>()
  private concurrency = 3
  private lastFolder: string | undefined
  private closing = false
  private readonly changed: Throttled

  constructor(private readonly deps: DownloadQueueDeps) {
    this.changed = throttle(() => this.deps.events.emit('downloads.changed', this.snapshot()), deps.progressIntervalMs ?? 250, deps.clock, deps.scheduler)
  }

  /**
   * Queues every downloadable file of the chosen rows of a recordings dataset, into the settings'
   * folder, or one the person picks now when none is set.
   */
  async enqueue(input: { datasetId: string; rowIndexes: number[] }): Promise<DownloadsSnapshot> {
    const dataset = this.deps.datasets.get(input.datasetId)
    if (dataset.resource.id !== 'recordings') throw new AppError('VALIDATION', 'Only cloud recordings can be downloaded.')
    const settings = await this.deps.settings()
    this.concurrency = settings.downloadConcurrency
    const folder = settings.downloadFolder || (await this.deps.dialogs.chooseFolder({ title: 'Download recordings to' }))
    if (!folder) return this.snapshot()
    assertSafeFolder(folder)
    this.lastFolder = folder
    let added = 0
    for (const index of new Set(input.rowIndexes)) {
      for (const file of planRecordingFiles(dataset.row(index), dataset.hostEmails, { folder })) if (this.add(dataset.profileId, folder, file)) added++
    }
    this.deps.log.info('recordings queued', { files: added })
    this.pump()
    this.changed.flush()
    return this.snapshot()
  }

  snapshot(): DownloadsSnapshot {
    const items: DownloadItem[] = []
    let totalBytes = 0
    let receivedBytes = 0
    let active = 0
    for (const { item } of this.entries.values()) {
      items.push({ ...item })
      if (item.state === 'cancelled') continue
      totalBytes += item.fileSize
      receivedBytes += item.received
      if (item.state === 'downloading') active++
    }
    return { items, totalBytes, receivedBytes, active }
  }

  cancel(id: string): DownloadsSnapshot {
    this.cancelEntry(this.get(id))
    this.changed.flush()
    return this.snapshot()
  }

  cancelAll(): DownloadsSnapshot {
    for (const entry of this.entries.values()) this.cancelEntry(entry)
    this.changed.flush()
    return this.snapshot()
  }

  /** A failed or cancelled file goes back in the queue; it resumes from its .part if any. */
  async retry(id: string): Promise<DownloadsSnapshot> {
    const entry = this.get(id)
    if (entry.item.state === 'failed' || entry.item.state === 'cancelled' || entry.item.state === 'paused') {
      await entry.running
      this.requeue(entry)
      this.concurrency = (await this.deps.settings()).downloadConcurrency
      this.pump()
      this.changed.flush()
    }
    return this.snapshot()
  }

  /** Forgets every finished file (done, skipped, cancelled, failed); queued and running ones stay. */
  clearFinished(): DownloadsSnapshot {
    for (const [id, entry] of this.entries) if (FINISHED.has(entry.item.state) && !entry.controller) this.entries.delete(id)
    this.changed.flush()
    return this.snapshot()
  }

  /** Opens the folder of one file, or the folder of the latest enqueue; only folders this queue wrote to. */
  async openFolder(id?: string): Promise<void> {
    const folder = id ? dirname(this.get(id).finalPath) : this.lastFolder
    if (!folder) throw new AppError('NOT_FOUND', 'Nothing has been downloaded yet.')
    // Checked again at the shell: it runs what it is given (a bundle, a share) rather than just showing it.
    assertSafeFolder(folder)
    await mkdir(folder, { recursive: true })
    await this.deps.shell.openPath(folder)
  }

  /** Resolves once nothing is queued or downloading (tests, shutdown). */
  async whenIdle(): Promise<void> {
    for (;;) {
      const running = [...this.entries.values()].map((entry) => entry.running).filter((p): p is Promise<void> => p !== undefined)
      if (running.length === 0) return
      await Promise.all(running)
    }
  }

  /** Stops every transfer, keeping .part files for a later resume (app shutdown). */
  async shutdown(): Promise<void> {
    this.closing = true
    for (const entry of this.entries.values()) entry.controller?.abort(new AppError('CANCELLED', 'The app is closing.'))
    await this.whenIdle()
    this.changed.dispose()
  }

  private get(id: string): Entry {
    const entry = this.entries.get(id)
    if (!entry) throw new AppError('NOT_FOUND', 'This download is no longer in the list.')
    return entry
  }

  private add(profileId: string, folder: string, file: PlannedFile): boolean {
    const relativePath = relativePathOf(file)
    const finalPath = join(folder, relativePath)
    // Keyed by the target path alone: two entries must never write the same .part.
    const id = createHash('sha256').update(finalPath).digest('base64url').slice(0, 32)
    const existing = this.entries.get(id)
    if (existing && (IN_QUEUE.has(existing.item.state) || existing.running)) return false
    const item: DownloadItem = { id, profileId, relativePath, folder, fileSize: file.fileSize, received: 0, state: 'queued' }
    if (file.meetingTopic !== undefined) item.meetingTopic = file.meetingTopic
    if (file.recordingType !== undefined) item.recordingType = file.recordingType
    this.entries.set(id, { item, url: file.url, finalPath })
    return true
  }

  private requeue(entry: Entry): void {
    entry.item.state = 'queued'
    delete entry.item.error
  }

  private cancelEntry(entry: Entry): void {
    if (!CANCELLABLE.has(entry.item.state)) return
    entry.item.state = 'cancelled'
    entry.controller?.abort(new AppError('CANCELLED', 'Cancelled.'))
    // A queued file may have a .part from an earlier run: cancel means "I do not want it".
    if (!entry.controller) void rm(partPathOf(entry.finalPath), { force: true }).catch(() => undefined)
  }

  private pump(): void {
    if (this.closing) return
    let active = [...this.entries.values()].filter((entry) => entry.controller).length
    for (const entry of this.entries.values()) {
      if (active >= this.concurrency) return
      if (entry.item.state !== 'queued' || entry.controller) continue
      active++
      entry.controller = new AbortController()
      entry.running = this.run(entry, entry.controller).finally(() => {
        entry.controller = undefined
        entry.running = undefined
        this.changed.flush()
        this.pump()
      })
    }
  }

  private async run(entry: Entry, controller: AbortController): Promise<void> {
    const { item } = entry
    const attempts = this.deps.maxAttempts ?? 5
    try {
      if (await isComplete(entry.finalPath, item.fileSize)) {
        item.state = 'skipped'
        item.received = item.fileSize
        return
      }
      item.state = 'downloading'
      this.changed.flush()
      for (let attempt = 1; ; attempt++) {
        try {
          await transferOnce({
            source: this.deps.source,
            scheduler: this.deps.scheduler,
            profileId: item.profileId,
            url: entry.url,
            finalPath: entry.finalPath,
            fileSize: item.fileSize,
            signal: controller.signal,
            stallTimeoutMs: this.deps.stallTimeoutMs ?? 60_000,
            onProgress: (received) => {
              item.received = received
              this.changed.request()
            },
          })
          if (wasCancelled(item)) {
            // Cancelled while the file was being renamed into place: honour the cancel.
            await rm(entry.finalPath, { force: true })
            return
          }
          item.state = 'done'
          if (item.fileSize > 0) item.received = item.fileSize
          return
        } catch (error) {
          if (controller.signal.aborted || !(error instanceof RetryableTransferError) || attempt >= attempts) throw error
          this.deps.log.info('download interrupted, resuming', { id: item.id, attempt, code: error.code })
          await this.pause((this.deps.retryDelayMs ?? 1000) * 2 ** (attempt - 1), controller.signal)
        }
      }
    } catch (error) {
      if (isAbort(error, controller.signal)) {
        if (item.state === 'cancelled') await rm(partPathOf(entry.finalPath), { force: true }).catch(() => undefined)
        else item.state = 'paused'
        return
      }
      item.state = 'failed'
      item.error = toAppError(error, { code: 'FILE_IO', message: 'The download failed' }).toBridge()
      this.deps.log.warn('download failed', { id: item.id, code: item.error.code })
    }
  }

  private pause(ms: number, signal: AbortSignal): Promise<void> {
    if (ms <= 0) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const cancel = this.deps.scheduler.setTimeout(() => {
        signal.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      const onAbort = () => {
        cancel()
        reject(signal.reason)
      }
      signal.addEventListener('abort', onAbort, { once: true })
    })
  }
}

/** Read through a function: the state changes behind TypeScript's back (cancel() runs meanwhile). */
const wasCancelled = (item: DownloadItem): boolean => item.state === 'cancelled'
