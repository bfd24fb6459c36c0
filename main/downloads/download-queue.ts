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
import { rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { DownloadItem, DownloadsEnqueued, DownloadsSnapshot } from '../../common/contract/downloads'
import { DOWNLOAD_STALL_SECONDS, type Settings } from '../../common/contract/settings'
import { AppError } from '../../common/errors'
import type { DatasetStore } from '../data/datasets/dataset-store'
import { isAbort, toAppError } from '../data/errors'
import type { DownloadSource } from './source'
import { listPathOf } from '../../common/zoom/browse/names'
import { LIST_RESOURCES, UNTABBED_LISTS } from '../../common/zoom/catalog'
import { throttle, type Throttled } from '../data/throttle'
import type { Logger } from '../log/logger'
import { backoffDelay } from '../net/backoff'
import type { Clock, DialogPort, EventSink, Scheduler, ShellPort } from '../ports'
import { chooseName, foldName, namesIn } from './case-names'
import { planRecordingFiles, type PlannedFile } from './layout'
import { makeFoldersBelow } from './no-follow'
import { assertSafeFolder } from './safe-folder'
import { isComplete, partPathOf, removePartFiles, sizeOnDisk } from './part-files'
import { RetryableTransferError, transferOnce, type WrittenFile } from './transfer'
import type { RecordingFileKind } from '../../common/zoom/recording-files'
import { groupReadiness, logTrash, TRASH_LOG_NAME, type TrashGroup } from './trash-after-download'
import { memoryLedger, type DownloadLedger } from './download-ledger'

/** The lists whose rows are cloud recordings with their files: one user's, or the whole account's. */
const RECORDING_LISTS: ReadonlySet<string> = new Set([LIST_RESOURCES.recordings.path, UNTABBED_LISTS['account.recordings'].path])

/** The stall timeout may be missing (callers that predate it): the setting's default applies. */
export type DownloadSettings = Pick<Settings, 'downloadConcurrency' | 'downloadFolder'> & Partial<Pick<Settings, 'downloadStallSeconds'>>

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
  /** The files this app finished downloading, across runs (default: this run's only). */
  ledger?: DownloadLedger
  /**
   * No byte for this long fails the attempt (then it resumes). Unset: the person's setting
   * (settings.downloadStallSeconds, read at each enqueue and retry). Tests set milliseconds here,
   * below the setting's few-second floor.
   */
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
  /** A cancelled queued file's .part being deleted: a later run waits for it before measuring the .part. */
  removing?: Promise<void>
  /** Every byte of the file on disk is this app's: downloaded in this run (resuming only a .part the ledger noted), or found as the ledger noted it. */
  ours?: boolean
}

const IN_QUEUE = new Set<DownloadItem['state']>(['queued', 'downloading'])
const CANCELLABLE = new Set<DownloadItem['state']>(['queued', 'downloading', 'paused'])
const FINISHED = new Set<DownloadItem['state']>(['done', 'skipped', 'cancelled', 'failed'])
/** What Retry (and Retry all) takes back: given up, or stopped by the app closing. */
const RETRYABLE = new Set<DownloadItem['state']>(['failed', 'cancelled', 'paused'])
/** A resumed download waits at most this long between attempts (the shared backoff doubles from retryDelayMs). */
const MAX_RESUME_DELAY_MS = 30_000

export interface EnqueueRequest {
  datasetId: string
  rowIndexes: number[]
  fileKinds?: RecordingFileKind[]
  trashAfterVerified?: boolean
}

interface RecordingRow {
  uuid?: unknown
  id?: unknown
  topic?: unknown
  host_email?: unknown
  recording_files?: unknown
}

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined)

export class DownloadQueue {
  private readonly entries = new Map<string, Entry>()
  /** Recordings to move to Zoom's trash once all their files are verified. */
  private readonly trashGroups: TrashGroup[] = []
  /** Trash checks run one after another, so a recording is never trashed twice. */
  private trashWork: Promise<void> = Promise.resolve()
  private concurrency = 3
  private stallTimeoutMs: number = DOWNLOAD_STALL_SECONDS.default * 1000
  private lastFolder: string | undefined
  private closing = false
  private readonly changed: Throttled
  private readonly ledger: DownloadLedger

  constructor(private readonly deps: DownloadQueueDeps) {
    this.ledger = deps.ledger ?? memoryLedger()
    this.changed = throttle(() => this.deps.events.emit('downloads.changed', this.snapshot()), deps.progressIntervalMs ?? 250, deps.clock, deps.scheduler)
  }

  /**
   * Queues every downloadable file of the chosen rows of a recordings dataset, into the settings'
   * folder, or one the person picks now when none is set.
   */
  async enqueue(input: EnqueueRequest): Promise<DownloadsEnqueued> {
    const dataset = this.deps.datasets.get(input.datasetId)
    if (!RECORDING_LISTS.has(listPathOf(dataset.resource.id) ?? '')) throw new AppError('VALIDATION', 'Only cloud recordings can be downloaded.')
    const rows = await Promise.all([...new Set(input.rowIndexes)].map(async (index) => ({ index, row: await dataset.row(index) })))
    const settings = await this.deps.settings()
    this.applySettings(settings)
    const folder = settings.downloadFolder || (await this.deps.dialogs.chooseFolder({ title: 'Download recordings to' }))
    if (!folder) return { ...this.snapshot(), queued: 0, alreadyQueued: 0 }
    assertSafeFolder(folder)
    const trash = input.trashAfterVerified === true && (await this.confirmTrash(rows.length, input.fileKinds !== undefined))
    this.lastFolder = folder
    let added = 0
    let alreadyQueued = 0
    // What each folder holds, read once per enqueue: the files this enqueue adds are in the queue.
    const listings = new Map<string, Promise<string[]>>()
    const listing = (path: string): Promise<string[]> => {
      const known = listings.get(path) ?? namesIn(path)
      listings.set(path, known)
      return known
    }
    for (const { row } of rows) {
      const files = planRecordingFiles(row, dataset.hostEmails, { folder, ...(input.fileKinds ? { kinds: input.fileKinds } : {}) })
      const ids: string[] = []
      for (const file of files) {
        const onDisk = await listing(join(folder, ...file.segments.slice(0, -1)))
        const { id, added: isNew } = this.add(dataset.profileId, folder, file, onDisk)
        ids.push(id)
        if (isNew) added++
        else alreadyQueued++
      }
      // Only a recording whose every file is in this batch can be trashed: a file left out by
      // the type choice, or one still processing (no download_url yet), would be lost with it.
      const meeting = (row ?? {}) as RecordingRow
      const uuid = textOf(meeting.uuid)
      const listed = Array.isArray(meeting.recording_files) ? meeting.recording_files.length : 0
      // And each file must be a download of its own: two files planned onto one path would be
      // one download, leaving the other unsaved (layout.ts keeps them apart; this holds if not).
      if (trash && uuid && ids.length > 0 && files.length === listed && new Set(ids).size === ids.length && !this.alreadyMarked(dataset.profileId, uuid, ids)) {
        const meetingId = textOf(meeting.id)
        const topic = textOf(meeting.topic)
        const host = files[0]?.segments[0]
        this.trashGroups.push({ profileId: dataset.profileId, folder, meetingUuid: uuid, files: ids, state: 'waiting', ...(meetingId ? { meetingId } : {}), ...(topic ? { topic } : {}), ...(host ? { host } : {}) })
      }
    }
    this.deps.log.info('recordings queued', { files: added })
    this.pump()
    this.queueTrashCheck()
    this.changed.flush()
    return { ...this.snapshot(), queued: added, alreadyQueued }
  }

  /**
   * Whether an earlier batch already moves this recording to the trash (waiting for the same
   * files, being moved, or moved): a second batch of it (Download selected twice, or from two
   * windows) must not ask Zoom again, which would move it once and report the second as failed.
   * An earlier one waiting for other files (the recording changed since) stays in the cloud
   * instead, and this batch's files decide.
   */
  private alreadyMarked(profileId: string, meetingUuid: string, ids: readonly string[]): boolean {
    const earlier = this.trashGroups.find((group) => group.profileId === profileId && group.meetingUuid === meetingUuid && group.state !== 'kept' && group.state !== 'failed')
    if (!earlier) return false
    const sameFiles = earlier.files.length === ids.length && ids.every((id) => earlier.files.includes(id))
    if (earlier.state !== 'waiting' || sameFiles) return true
    earlier.state = 'kept'
    return false
  }

  /** The person's explicit yes, in main's own dialog, before anything is marked for the trash. */
  private async confirmTrash(recordings: number, filtered: boolean): Promise<boolean> {
    if (!this.deps.source.trash) throw new AppError('VALIDATION', 'Moving recordings to Zoom’s trash is not available here.')
    return this.deps.dialogs.confirm({
      title: 'Move recordings to Zoom’s trash?',
      message: `Move ${recordings === 1 ? 'this recording' : `these ${recordings} recordings`} to Zoom’s trash once every one of its files is downloaded and its size checked?`,
      detail:
        'A recording with a file that fails, is cancelled or cannot be checked stays in the cloud.' +
        (filtered ? ' Recordings with files left out by your file-type choice stay in the cloud too.' : '') +
        ` Each move is written to ${TRASH_LOG_NAME} in the download folder; Zoom keeps trashed recordings for a while, and they can be restored from its trash.`,
      confirmLabel: 'Move to trash after download',
    })
  }

  /**
   * A recording with a file given up (cancelled or failed) stays in the cloud, as the confirmation
   * said, even if that file is retried and completes: decided at once, not at the next trash check,
   * which may come only after a retry, so that the outcome never depends on how soon it came.
   */
  private keepInCloud(fileIds: ReadonlySet<string>): void {
    // One pass over the recordings for a whole Cancel all: one pass per file took main 335 ms for
    // 12,000 files of 3,000 recordings.
    if (fileIds.size === 0) return
    for (const group of this.trashGroups) if (group.state === 'waiting' && group.files.some((id) => fileIds.has(id))) group.state = 'kept'
  }

  private queueTrashCheck(): void {
    if (this.trashGroups.length === 0) return
    this.trashWork = this.trashWork.then(() => this.checkTrash()).catch((error: unknown) => this.deps.log.warn('trash check failed', { error }))
  }

  /** Trashes each recording whose files are all verified; runs after every file finishes. */
  private async checkTrash(): Promise<void> {
    const trash = this.deps.source.trash
    if (!trash) return
    for (const group of this.trashGroups) {
      if (group.state !== 'waiting') continue
      const readiness = groupReadiness(group, (id) => {
        const entry = this.entries.get(id)
        return entry && { item: entry.item, ours: entry.ours === true }
      })
      if (readiness === 'kept' || readiness === 'found-in-folder') group.state = 'kept'
      if (readiness === 'found-in-folder') group.foundInFolder = true
      if (readiness !== 'ready') continue
      group.state = 'trashing'
      try {
        await trash(group.profileId, group.meetingUuid, new AbortController().signal)
        group.state = 'trashed'
        this.deps.log.info('recording moved to Zoom’s trash', { files: group.files.length })
        // Zoom has it in its trash now, whatever becomes of the log line: it must not read as failed.
        await logTrash(group, this.deps.clock.now(), 'trashed').catch((error: unknown) => this.deps.log.warn('the trash log could not be written', { error }))
      } catch (error) {
        group.state = 'failed'
        group.error = toAppError(error, { message: 'Moving the recording to Zoom’s trash failed' }).toBridge()
        await logTrash(group, this.deps.clock.now(), 'failed', group.error).catch(() => undefined)
        this.deps.log.warn('moving a recording to Zoom’s trash failed', { code: group.error.code })
      }
      this.changed.flush()
    }
  }

  snapshot(): DownloadsSnapshot {
    const items: DownloadItem[] = []
    let totalBytes = 0
    let receivedBytes = 0
    let active = 0
    for (const { item } of this.entries.values()) {
      items.push({ ...item })
      if (item.state === 'cancelled') continue
      // A file Zoom listed without a size (0) counts what it received so far.
      totalBytes += Math.max(item.fileSize, item.received)
      receivedBytes += item.received
      if (item.state === 'downloading') active++
    }
    const trash = this.trashSummary()
    return { items, totalBytes, receivedBytes, active, ...(trash ? { trash } : {}) }
  }

  private trashSummary(): DownloadsSnapshot['trash'] {
    if (this.trashGroups.length === 0) return undefined
    const count = (state: TrashGroup['state']) => this.trashGroups.filter((group) => group.state === state).length
    const foundInFolder = this.trashGroups.filter((group) => group.foundInFolder === true).length
    return { waiting: count('waiting') + count('trashing'), trashed: count('trashed'), kept: count('kept'), ...(foundInFolder > 0 ? { keptFoundInFolder: foundInFolder } : {}), failed: count('failed'), logFile: TRASH_LOG_NAME }
  }

  cancel(id: string): DownloadsSnapshot {
    if (this.cancelEntry(this.get(id))) this.keepInCloud(new Set([id]))
    this.changed.flush()
    return this.snapshot()
  }

  cancelAll(): DownloadsSnapshot {
    const cancelled = new Set<string>()
    for (const entry of this.entries.values()) if (this.cancelEntry(entry)) cancelled.add(entry.item.id)
    this.keepInCloud(cancelled)
    this.changed.flush()
    return this.snapshot()
  }

  /** A failed or cancelled file goes back in the queue; a failed one resumes from its .part, a cancelled one starts again (cancel deleted it). */
  async retry(id: string): Promise<DownloadsSnapshot> {
    return this.retryEntries([this.get(id)])
  }

  /** Every failed or cancelled file goes back in the queue, each as retry() would take it. */
  async retryAll(): Promise<DownloadsSnapshot> {
    return this.retryEntries([...this.entries.values()])
  }

  private async retryEntries(entries: Entry[]): Promise<DownloadsSnapshot> {
    const givenUp = entries.filter((entry) => RETRYABLE.has(entry.item.state))
    if (givenUp.length === 0) return this.snapshot()
    await Promise.all(givenUp.map((entry) => entry.running))
    // Another call may have taken some back meanwhile: only those still given up are requeued.
    for (const entry of givenUp) if (RETRYABLE.has(entry.item.state)) this.requeue(entry)
    this.applySettings(await this.deps.settings())
    this.pump()
    this.changed.flush()
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
    const entry = id ? this.get(id) : undefined
    const folder = entry ? dirname(entry.finalPath) : this.lastFolder
    if (!folder) throw new AppError('NOT_FOUND', 'Nothing has been downloaded yet.')
    // Checked again at the shell: it runs what it is given (a bundle, a share) rather than just showing it.
    assertSafeFolder(folder)
    await makeFoldersBelow(entry?.item.folder ?? folder, folder)
    await this.deps.shell.openPath(folder)
  }

  /** Resolves once nothing is queued or downloading (tests, shutdown). */
  async whenIdle(): Promise<void> {
    for (;;) {
      const running = [...this.entries.values()].map((entry) => entry.running).filter((p): p is Promise<void> => p !== undefined)
      if (running.length === 0) return this.trashWork
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

  /** How many at once and when a silent transfer counts as stalled: as set when the work was asked for. */
  private applySettings(settings: DownloadSettings): void {
    this.concurrency = settings.downloadConcurrency
    this.stallTimeoutMs = this.deps.stallTimeoutMs ?? (settings.downloadStallSeconds ?? DOWNLOAD_STALL_SECONDS.default) * 1000
  }

  private get(id: string): Entry {
    const entry = this.entries.get(id)
    if (!entry) throw new AppError('NOT_FOUND', 'This download is no longer in the list.')
    return entry
  }

  /** Synchronous from the choice of name to the entry, so that no other enqueue picks the same name meanwhile. */
  private add(profileId: string, folder: string, file: PlannedFile, onDisk: readonly string[]): { id: string; added: boolean } {
    // An entry with another download URL is another recording file, whatever its name.
    const otherQueued = (path: string) => {
      const entry = this.entries.get(entryIdOf(path))
      return entry !== undefined && entry.url !== file.url ? entry.finalPath : undefined
    }
    const name = chooseName({ folder, segments: file.segments }, { queued: otherQueued, onDisk })
    const relativePath = join(...file.segments.slice(0, -1), name)
    const finalPath = join(folder, relativePath)
    // Keyed by the target path apart from case: two entries must never write the same .part, on any disk.
    const id = entryIdOf(finalPath)
    const existing = this.entries.get(id)
    if (existing && (IN_QUEUE.has(existing.item.state) || existing.running)) return { id, added: false }
    const item: DownloadItem = { id, profileId, relativePath, folder, fileSize: file.fileSize, received: 0, state: 'queued' }
    if (file.meetingTopic !== undefined) item.meetingTopic = file.meetingTopic
    if (file.recordingType !== undefined) item.recordingType = file.recordingType
    this.entries.set(id, { item, url: file.url, finalPath, ...(existing?.removing ? { removing: existing.removing } : {}) })
    return { id, added: true }
  }

  private requeue(entry: Entry): void {
    entry.item.state = 'queued'
    delete entry.item.error
  }

  /** True when it cancelled the entry; the caller keeps its recording in the cloud (keepInCloud). */
  private cancelEntry(entry: Entry): boolean {
    if (!CANCELLABLE.has(entry.item.state)) return false
    entry.item.state = 'cancelled'
    entry.controller?.abort(new AppError('CANCELLED', 'Cancelled.'))
    // A queued file may have a .part from an earlier run: cancel means "I do not want it".
    if (!entry.controller) {
      entry.removing = removePartFiles(entry.finalPath).catch(() => undefined)
      entry.item.received = 0
    }
    return true
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
        this.queueTrashCheck()
      })
    }
  }

  private async run(entry: Entry, controller: AbortController): Promise<void> {
    const { item } = entry
    const attempts = this.deps.maxAttempts ?? 5
    entry.ours = false
    try {
      // A Cancel's deletion of the .part finishes before this run measures it to resume.
      await entry.removing
      const complete = await isComplete(entry.finalPath, item.fileSize)
      // Only for the trash: a complete file is skipped whoever wrote it, but trusted only as this app left it.
      const ours = complete && (await this.ledger.vouches(entry.finalPath))
      // Cancelled (or the app closing) while the disk was checked: the state must not be overwritten.
      if (controller.signal.aborted) throw controller.signal.reason
      if (complete) {
        entry.ours = ours
        item.state = 'skipped'
        item.received = item.fileSize
        return
      }
      item.state = 'downloading'
      this.changed.flush()
      const part = partPathOf(entry.finalPath)
      for (let attempt = 1; ; attempt++) {
        // Whether the .part's bytes after this attempt are all this app's (unknown until the
        // transfer says what it kept): a .part is in the folder anyone may write to, so bytes
        // resumed from one count for the trash only when the ledger noted it as this app left it.
        let partOurs: boolean | undefined
        let written: WrittenFile | undefined
        const partVouched = await this.ledger.vouches(part)
        try {
          await transferOnce({
            source: this.deps.source,
            scheduler: this.deps.scheduler,
            profileId: item.profileId,
            url: entry.url,
            folder: item.folder,
            finalPath: entry.finalPath,
            fileSize: item.fileSize,
            signal: controller.signal,
            stallTimeoutMs: this.stallTimeoutMs,
            onProgress: (received) => {
              item.received = received
              this.changed.request()
            },
            onPartKept: (bytes, file) => {
              partOurs = bytes === 0 || partVouched
              written = file
            },
          })
          if (wasCancelled(item)) {
            // Cancelled while the file was being renamed into place: honour the cancel.
            await rm(entry.finalPath, { force: true })
            return
          }
          entry.ours = partOurs === true
          item.state = 'done'
          if (item.fileSize > 0) item.received = item.fileSize
          // Noted for a later run's "already downloaded" (after the state is set: no cancel can come
          // in between); failing to note it only keeps that recording in the cloud then. A file
          // made of someone else's bytes is never noted, and the .part's note goes with the .part.
          await Promise.all([...(entry.ours ? [entry.finalPath] : []), part].map((path) => this.noteInLedger(path, written)))
          return
        } catch (error) {
          // What this app wrote to the .part is noted, so that the next attempt (or a later run) resumes it as its own.
          if (partOurs === true) await this.noteInLedger(part, written)
          if (controller.signal.aborted || !(error instanceof RetryableTransferError) || attempt >= attempts) throw error
          this.deps.log.info('download interrupted, resuming', { id: item.id, attempt, code: error.code })
          // Shown while it waits: a transfer that received nothing for a while is "stalled".
          item.retrying = { attempt, reason: error.code === 'TIMEOUT' ? 'stalled' : 'interrupted' }
          this.changed.flush()
          await this.pause(backoffDelay({ baseDelayMs: this.deps.retryDelayMs ?? 1000, maxDelayMs: MAX_RESUME_DELAY_MS }, attempt), controller.signal)
          delete item.retrying
        }
      }
    } catch (error) {
      delete item.retrying
      if (isAbort(error, controller.signal)) {
        if (item.state === 'cancelled') {
          await removePartFiles(entry.finalPath).catch(() => undefined)
          // The bytes went with the .part: showing them would promise a Retry that goes on from there.
          item.received = 0
        } else item.state = 'paused'
        return
      }
      item.state = 'failed'
      this.keepInCloud(new Set([item.id]))
      // What a retry resumes from: bytes of a .part that was deleted (a size mismatch) are gone.
      item.received = (await sizeOnDisk(partPathOf(entry.finalPath))) ?? 0
      item.error = toAppError(error, { code: 'FILE_IO', message: 'The download failed' }).toBridge()
      this.deps.log.warn('download failed', { id: item.id, code: item.error.code })
    }
  }

  /** Notes the file at `path` as this app leaves it (or forgets it when it is gone); a failure only costs the trash its trust. */
  private async noteInLedger(path: string, written: WrittenFile | undefined): Promise<void> {
    await this.ledger.record(path, written).catch((error: unknown) => this.deps.log.warn('the download could not be noted in the ledger', { error }))
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

/** An entry's id: its target path as a case-insensitive disk sees it (case-names.ts). */
const entryIdOf = (finalPath: string): string => createHash('sha256').update(foldName(finalPath)).digest('base64url').slice(0, 32)

/** Read through a function: the state changes behind TypeScript's back (cancel() runs meanwhile). */
const wasCancelled = (item: DownloadItem): boolean => item.state === 'cancelled'
