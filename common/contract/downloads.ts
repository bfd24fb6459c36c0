import { z } from 'zod'
import type { BridgeError } from '../errors'
import { RECORDING_FILE_KINDS } from '../zoom/recording-files'
import { channel, idSchema, noInput, rowIndexesSchema } from './define'

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
  /** Set while a transfer waits to try again: it received nothing for a while ('stalled') or broke off. */
  retrying?: { attempt: number; reason: 'stalled' | 'interrupted' }
}

export interface DownloadsSnapshot {
  items: DownloadItem[]
  /** Bytes of every file but the cancelled ones. */
  totalBytes: number
  receivedBytes: number
  active: number
  /** Recordings marked "move to Zoom's trash once verified" (absent when none): how they stand. */
  trash?: {
    waiting: number
    trashed: number
    kept: number
    /** Of those kept, the ones with a file already in the folder that this app did not leave there as it is (absent when none). */
    keptFoundInFolder?: number
    failed: number
    logFile: string
  }
}

/** What one enqueue did, beside the queue as it stands after it. */
export interface DownloadsEnqueued extends DownloadsSnapshot {
  /** Files this enqueue added to the queue. */
  queued: number
  /** Files of the chosen recordings that were already waiting or downloading, so not added again. */
  alreadyQueued: number
}

export const downloadChannels = {
  /**
   * Queues every recording file of the chosen rows of a recordings dataset, into the settings'
   * download folder, or one main asks for. The renderer never names a path.
   */
  'downloads.enqueue': channel<DownloadsEnqueued>()(
    z
      .object({
        datasetId: idSchema,
        rowIndexes: rowIndexesSchema,
        /** Only these kinds of files (video, audio only, transcript, chat, …); absent = every file. */
        fileKinds: z.array(z.enum(RECORDING_FILE_KINDS)).min(1).max(RECORDING_FILE_KINDS.length).optional(),
        /**
         * Move each recording to Zoom's trash once every one of its files is downloaded and its size
         * verified. Main asks the person to confirm in its own dialog first; each move is logged in
         * zoom-trash-log.jsonl in the download folder. Recoverable from Zoom's trash while Zoom keeps it.
         */
        trashAfterVerified: z.boolean().optional(),
      })
      .strict(),
  ),
  'downloads.list': channel<DownloadsSnapshot>()(noInput),
  'downloads.cancel': channel<DownloadsSnapshot>()(z.object({ id: idSchema }).strict()),
  'downloads.cancelAll': channel<DownloadsSnapshot>()(noInput),
  'downloads.retry': channel<DownloadsSnapshot>()(z.object({ id: idSchema }).strict()),
  /** Every failed or cancelled file goes back in the queue (a failed one resumes from its .part). */
  'downloads.retryAll': channel<DownloadsSnapshot>()(noInput),
  'downloads.clearFinished': channel<DownloadsSnapshot>()(noInput),
  /** Opens the folder of one download, or of the latest enqueue (only folders the queue wrote to). */
  'downloads.openFolder': channel<void>()(z.object({ id: idSchema.optional() }).strict()),
}
