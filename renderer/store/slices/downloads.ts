// Recording downloads: the snapshot main pushes with 'downloads.changed'.
import type { StateCreator } from 'zustand'
import type { DownloadsSnapshot } from '../../../common/contract/index'
import { RECORDING_FILE_KINDS, type RecordingFileKind } from '../../../common/zoom/recording-files'
import { call, errorMessage } from '../../ipc'
import type { Store } from '../types'

export interface DownloadsState {
  downloads: DownloadsSnapshot
}

export interface DownloadsSlice extends DownloadsState {
  setDownloads(snapshot: DownloadsSnapshot): void
  loadDownloads(): Promise<void>
  /**
   * Queues the files of the chosen recordings (dataset rows). The outcome is a notice; never
   * throws: `true` once main has queued them.
   */
  enqueueDownloads(datasetId: string, rowIndexes: number[], options?: { fileKinds?: readonly RecordingFileKind[]; trashAfterVerified?: boolean }): Promise<boolean>
  cancelDownload(id: string): Promise<void>
  cancelAllDownloads(): Promise<void>
  retryDownload(id: string): Promise<void>
  clearFinishedDownloads(): Promise<void>
  openDownloadFolder(id?: string): Promise<void>
}

export const getEmptyDownloadsState = (): DownloadsState => ({ downloads: { items: [], totalBytes: 0, receivedBytes: 0, active: 0 } })

export const createDownloadsSlice: StateCreator<Store, [], [], DownloadsSlice> = (set, get) => ({
  ...getEmptyDownloadsState(),
  setDownloads: (downloads) => set({ downloads }),
  loadDownloads: async () => set({ downloads: await call('downloads.list', undefined) }),
  enqueueDownloads: async (datasetId, rowIndexes, options = {}) => {
    // Every kind chosen = no filter (files of kinds added later are fetched too).
    const fileKinds = options.fileKinds && options.fileKinds.length < RECORDING_FILE_KINDS.length ? [...options.fileKinds] : undefined
    try {
      set({ downloads: await call('downloads.enqueue', { datasetId, rowIndexes, ...(fileKinds ? { fileKinds } : {}), ...(options.trashAfterVerified ? { trashAfterVerified: true } : {}) }) })
    } catch (error) {
      get().notify({ tone: 'error', title: 'Could not start the downloads', description: errorMessage(error) })
      return false
    }
    get().notify({ tone: 'success', title: `Downloading the files of ${rowIndexes.length} ${rowIndexes.length === 1 ? 'recording' : 'recordings'}` })
    return true
  },
  cancelDownload: async (id) => set({ downloads: await call('downloads.cancel', { id }) }),
  cancelAllDownloads: async () => set({ downloads: await call('downloads.cancelAll', undefined) }),
  retryDownload: async (id) => set({ downloads: await call('downloads.retry', { id }) }),
  clearFinishedDownloads: async () => set({ downloads: await call('downloads.clearFinished', undefined) }),
  openDownloadFolder: async (id) => {
    await call('downloads.openFolder', id === undefined ? {} : { id })
  },
})
