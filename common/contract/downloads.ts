import { z } from 'zod'
import type { BridgeError } from '../errors'
import { channel, idSchema, noInput } from './define'

export type DownloadState = 'queued' | 'downloading' | 'paused' | 'done' | 'skipped' | 'failed' | 'cancelled'

export interface DownloadItem {
  id: string
  profileId: string
  /** Relative to the download folder: host/date/topic/file. */
  relativePath: string
  folder: string
  fileSize: number
  received: number
  state: DownloadState
  error?: BridgeError
  meetingTopic?: string
  recordingType?: string
}

export interface DownloadsSnapshot {
  items: DownloadItem[]
  totalBytes: number
  receivedBytes: number
  active: number
}

export const downloadChannels = {
  /**
   * Queues every recording file of the chosen rows of a recordings dataset, into the settings'
   * download folder, or one main asks for. The renderer never names a path.
   */
  'downloads.enqueue': channel<DownloadsSnapshot>()(
    z
      .object({
        datasetId: idSchema,
        rowIndexes: z.array(z.number().int().min(0)).min(1).max(100_000),
      })
      .strict(),
  ),
  'downloads.list': channel<DownloadsSnapshot>()(noInput),
  'downloads.cancel': channel<DownloadsSnapshot>()(z.object({ id: idSchema }).strict()),
  'downloads.cancelAll': channel<DownloadsSnapshot>()(noInput),
  'downloads.retry': channel<DownloadsSnapshot>()(z.object({ id: idSchema }).strict()),
  'downloads.clearFinished': channel<DownloadsSnapshot>()(noInput),
  /** Opens the folder of one download, or of the latest enqueue (only folders the queue wrote to). */
  'downloads.openFolder': channel<void>()(z.object({ id: idSchema.optional() }).strict()),
}
