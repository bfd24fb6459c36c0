// "Move to Zoom's trash once downloaded": a recording (one meeting instance) is moved to Zoom's
// trash only after every one of its files is in this batch and each one is done with its size
// verified against Zoom's file_size (or was already complete on disk) — never before, never when
// a file failed, was cancelled, has no size to check, or was left out by the file-type choice.
// Each move (and each failed attempt) is a JSON line in zoom-trash-log.jsonl in the download
// folder, so the person can find the recording in Zoom's trash and restore it while Zoom keeps it.
import { join } from 'node:path'
import type { DownloadItem } from '../../common/contract/downloads'
import type { BridgeError } from '../../common/errors'
import { DOCUMENT_FILE_MODE } from '../data/document-mode'
import { redact } from '../log/redact'
import { appendNoFollow } from './no-follow'

export const TRASH_LOG_NAME = 'zoom-trash-log.jsonl'

export interface TrashGroup {
  profileId: string
  folder: string
  /** The meeting instance's UUID (what DELETE /meetings/{meetingId}/recordings trashes). */
  meetingUuid: string
  meetingId?: string
  topic?: string
  host?: string
  /** Download ids of every file of the recording. */
  files: string[]
  state: 'waiting' | 'trashing' | 'trashed' | 'kept' | 'failed'
  error?: BridgeError
}

/** Verified = downloaded with the size checked, or found complete on disk; a size of 0 cannot be checked. */
const verified = (item: DownloadItem): boolean => (item.state === 'done' || item.state === 'skipped') && item.fileSize > 0 && item.received === item.fileSize
const givenUp = (item: DownloadItem): boolean => item.state === 'failed' || item.state === 'cancelled'

/** 'ready' when every file is verified, 'kept' when one never will be, else 'waiting'. */
export function groupReadiness(group: TrashGroup, itemOf: (id: string) => DownloadItem | undefined): 'ready' | 'kept' | 'waiting' {
  const items = group.files.map(itemOf)
  if (items.some((item) => item === undefined || givenUp(item) || ((item.state === 'done' || item.state === 'skipped') && !verified(item)))) return 'kept'
  return items.every((item) => item !== undefined && verified(item)) ? 'ready' : 'waiting'
}

/** One JSON line per trash attempt, beside the downloads. */
export async function logTrash(group: TrashGroup, at: number, outcome: 'trashed' | 'failed', error?: BridgeError): Promise<void> {
  const line = {
    at: new Date(at).toISOString(),
    outcome,
    meetingUuid: group.meetingUuid,
    ...(group.meetingId ? { meetingId: group.meetingId } : {}),
    ...(group.topic ? { topic: group.topic } : {}),
    ...(group.host ? { host: group.host } : {}),
    files: group.files.length,
    // Zoom's words may quote what it was sent: the file beside the downloads gets them redacted, as a log line would.
    ...(error ? { error: redact(error.message) } : {}),
  }
  // Never through a link planted at the log's name (no-follow.ts): the line would land outside the folder.
  await appendNoFollow(join(group.folder, TRASH_LOG_NAME), `${JSON.stringify(line)}\n`, DOCUMENT_FILE_MODE)
}
