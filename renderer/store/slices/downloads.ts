// Recording downloads: the snapshot main pushes with 'downloads.changed'.
import type { StateCreator } from 'zustand'
import type { DownloadsEnqueued, DownloadsSnapshot } from '../../../common/contract/index'
import { RECORDING_FILE_KINDS, type RecordingFileKind } from '../../../common/zoom/recording-files'
import { isUnderWay } from '../selectors/downloads'
import { call, errorMessage } from '../../ipc'
import type { Store } from '../types'

export interface DownloadsState {
  downloads: DownloadsSnapshot
  /** The "Downloading the files of N recordings" notice while it is on screen, taken back once nothing downloads. */
  downloadingNotice?: number
}

export interface DownloadsSlice extends DownloadsState {
  setDownloads(snapshot: DownloadsSnapshot): void
  loadDownloads(): Promise<void>
  /**
   * Queues the files of the chosen recordings (dataset rows). The outcome is a notice; never
   * throws: `true` once main has queued them, `false` when it refused or nothing is to be fetched.
   */
  enqueueDownloads(datasetId: string, rowIndexes: number[], options?: { fileKinds?: readonly RecordingFileKind[]; trashAfterVerified?: boolean }): Promise<boolean>
  cancelDownload(id: string): Promise<void>
  cancelAllDownloads(): Promise<void>
  retryDownload(id: string): Promise<void>
  /** Every cancelled or failed file again (a failed one resumes from what is on disk). */
  retryAllDownloads(): Promise<void>
  clearFinishedDownloads(): Promise<void>
  openDownloadFolder(id?: string): Promise<void>
}

export const getEmptyDownloadsState = (): DownloadsState => ({ downloads: { items: [], totalBytes: 0, receivedBytes: 0, active: 0 } })

export const createDownloadsSlice: StateCreator<Store, [], [], DownloadsSlice> = (set, get) => {
  /** Every snapshot goes through here: a "Downloading…" notice must not outlive the downloads (Cancel all, all done). */
  const setDownloads = (downloads: DownloadsSnapshot) => {
    const notice = get().downloadingNotice
    if (notice !== undefined && !downloads.items.some(isUnderWay)) {
      get().dismissNotice(notice)
      set({ downloads, downloadingNotice: undefined })
    } else set({ downloads })
  }
  return {
    ...getEmptyDownloadsState(),
    setDownloads,
    loadDownloads: async () => setDownloads(await call('downloads.list', undefined)),
    enqueueDownloads: async (datasetId, rowIndexes, options = {}) => {
      // Every kind chosen = no filter (files of kinds added later are fetched too).
      const fileKinds = options.fileKinds && options.fileKinds.length < RECORDING_FILE_KINDS.length ? [...options.fileKinds] : undefined
      let enqueued: DownloadsEnqueued
      try {
        enqueued = await call('downloads.enqueue', { datasetId, rowIndexes, ...(fileKinds ? { fileKinds } : {}), ...(options.trashAfterVerified ? { trashAfterVerified: true } : {}) })
      } catch (error) {
        get().notify({ tone: 'error', title: 'Could not start the downloads', description: errorMessage(error) })
        return false
      }
      const { queued, alreadyQueued, ...downloads } = enqueued
      // Whether this enqueue added anything is main's answer, not whether the queue is busy: a
      // batch already under way must not pass for the start of this one.
      if (queued === 0) {
        // Nothing new to fetch: no "Downloading…", and the selection stays for another try.
        setDownloads(downloads)
        get().notify(
          alreadyQueued > 0
            ? { tone: 'info', title: 'Already in the downloads', description: `The ${alreadyQueued === 1 ? 'file' : `${alreadyQueued} files`} of the selected recordings ${alreadyQueued === 1 ? 'is' : 'are'} already waiting or downloading; nothing was added.` }
            : { tone: 'info', title: 'No files were queued', description: 'The folder choice was cancelled, or the selected recordings have no files of the chosen kinds ready to download.' },
        )
        return false
      }
      const earlier = get().downloadingNotice
      if (earlier !== undefined) get().dismissNotice(earlier)
      set({ downloadingNotice: get().notify({ tone: 'success', title: `Downloading the files of ${rowIndexes.length} ${rowIndexes.length === 1 ? 'recording' : 'recordings'}` }) })
      setDownloads(downloads)
      return true
    },
    cancelDownload: async (id) => setDownloads(await call('downloads.cancel', { id })),
    cancelAllDownloads: async () => setDownloads(await call('downloads.cancelAll', undefined)),
    retryDownload: async (id) => setDownloads(await call('downloads.retry', { id })),
    retryAllDownloads: async () => setDownloads(await call('downloads.retryAll', undefined)),
    clearFinishedDownloads: async () => setDownloads(await call('downloads.clearFinished', undefined)),
    openDownloadFolder: async (id) => {
      await call('downloads.openFolder', id === undefined ? {} : { id })
    },
  }
}
