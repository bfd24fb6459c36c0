// A download queue as the app builds it, saving into a folder of the test's own: two at a time
// (or as `concurrency` says), no wait between retries, a 5 s stall timeout, and Zoom's trash
// confirmed or not as the test says; and the file server and folder each test starts with.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import type { DownloadLedger } from '../../../main/downloads/download-ledger'
import { DownloadQueue } from '../../../main/downloads/download-queue'
import type { DownloadSource } from '../../../main/downloads/source'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { systemClock, systemScheduler } from '../../../main/ports'
import { recordingSink } from '../data/harness'
import { startFileServer } from './file-server'
import { httpGet } from './http-source'

type FileServer = Awaited<ReturnType<typeof startFileServer>>

export interface FolderQueueOptions {
  datasets: DatasetStore
  folder: string
  source: DownloadSource
  /** The answer to "Move to Zoom's trash?" (default no). */
  confirm?: boolean
  concurrency?: () => number
  maxAttempts?: number
  /** The files this app finished downloading (default: this queue's own, in memory). */
  ledger?: DownloadLedger
}

export function folderQueue({ datasets, folder, source, confirm = false, concurrency = () => 2, maxAttempts, ledger }: FolderQueueOptions): DownloadQueue {
  return new DownloadQueue({
    source,
    datasets,
    dialogs: { chooseSaveFile: async () => undefined, chooseOpenFile: async () => undefined, chooseFolder: async () => undefined, confirm: async () => confirm },
    shell: { openPath: async () => undefined, openExternal: async () => undefined },
    events: recordingSink(),
    settings: () => ({ downloadConcurrency: concurrency(), downloadFolder: folder }),
    clock: systemClock,
    scheduler: systemScheduler,
    log: createLogger(memoryLogSink(), 'downloads'),
    retryDelayMs: 0,
    stallTimeoutMs: 5000,
    ...(maxAttempts !== undefined ? { maxAttempts } : {}),
    ...(ledger ? { ledger } : {}),
  })
}

/** Downloads over HTTP, and records the uuid of each recording moved to Zoom's trash. */
export const trashingSource = (trashed: string[]): DownloadSource => ({ open: (_p, url, options) => httpGet(url, options), trash: async (_p, uuid) => void trashed.push(uuid) })

/**
 * Two 3,000-byte files on the server ('a' and 'b'), an empty recordings list and a queue that
 * moves recordings to Zoom's trash (confirmed), recording the uuids it trashed; with `ledger`, the
 * queue notes its downloads there (a restart is another queue on the same ledger).
 */
export function trashingRecordingsQueue({ server, folder, ledger, maxAttempts }: { server: FileServer; folder: string; ledger?: DownloadLedger; maxAttempts?: number }) {
  server.files.set('a', { size: 3000 })
  server.files.set('b', { size: 3000 })
  const trashed: string[] = []
  const datasets = new DatasetStore()
  const queue = folderQueue({ datasets, folder, source: trashingSource(trashed), confirm: true, maxAttempts, ...(ledger ? { ledger } : {}) })
  return { trashed, queue, recordings: datasets.create('profile-1', LIST_RESOURCES.recordings, 0) }
}

/** A file server and an empty folder (named from `prefix`) for each test, both gone after it. */
export function serverAndFolderEachTest(prefix: string): { readonly server: FileServer; readonly folder: string } {
  const made: { server?: FileServer; folder?: string } = {}
  beforeEach(async () => {
    made.server = await startFileServer()
    made.folder = await mkdtemp(join(tmpdir(), prefix))
  })
  afterEach(async () => {
    await made.server?.close()
    if (made.folder) await rm(made.folder, { recursive: true, force: true })
  })
  return {
    get server() {
      return made.server as FileServer
    },
    get folder() {
      return made.folder as string
    },
  }
}
