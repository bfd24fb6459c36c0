// "Move to Zoom's trash once downloaded": a recording (one meeting instance) is moved to Zoom's
// trash only after every one of its files is in this batch and each one is done with its size
// verified against Zoom's file_size, or was found complete on disk as this app left it (the
// download ledger vouches for it) — never before, never when a file failed, was cancelled, has no
// size to check, was left out by the file-type choice, or was found in the folder (whole, or as a
// .part a download went on from) without the ledger knowing it (someone else may have put it there).
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
  /** Kept because a file was already in the folder, not as this app left it. */
  foundInFolder?: boolean
  error?: BridgeError
}

/** One file of a recording in the queue. */
export interface TrashFile {
  item: DownloadItem
  /**
   * Every byte written by this app: downloaded in this run (from the start, or resuming a .part
   * the ledger noted), or found on disk as the ledger noted it.
   */
  ours: boolean
}

const finished = (item: DownloadItem): boolean => item.state === 'done' || item.state === 'skipped'
/** Verified = ours, with the size checked; a size of 0 cannot be checked. */
const verified = ({ item, ours }: TrashFile): boolean => ours && finished(item) && item.fileSize > 0 && item.received === item.fileSize
const givenUp = (item: DownloadItem): boolean => item.state === 'failed' || item.state === 'cancelled'

/**
 * 'ready' when every file is verified; 'found-in-folder' when one was already in the folder but
 * not as this app left it, 'kept' when another never will be verified; else 'waiting'.
 */
export function groupReadiness(group: TrashGroup, fileOf: (id: string) => TrashFile | undefined): 'ready' | 'kept' | 'found-in-folder' | 'waiting' {
  const files = group.files.map(fileOf)
  if (files.some((file) => file === undefined || givenUp(file.item) || (file.ours && finished(file.item) && !verified(file)))) return 'kept'
  // Skipped as complete, or downloaded on top of a .part: either way, bytes this app did not write.
  if (files.some((file) => file !== undefined && finished(file.item) && !file.ours)) return 'found-in-folder'
  return files.every((file) => file !== undefined && verified(file)) ? 'ready' : 'waiting'
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
