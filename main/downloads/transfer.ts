// One attempt at one file: resume `<final>.part` with Range from its size, stream the body into
// it, check the size against Zoom's file_size, rename into place.
//
// The .part rule:
// - the server announces another total than file_size, or sends more bytes than file_size:
//   DOWNLOAD_SIZE_MISMATCH and the .part is removed (it is not a prefix of the file we expect);
// - the body ends early (reset, stall, truncation): a retryable error and the .part is kept, so
//   the next attempt, a manual retry or a later enqueue resumes from where it stopped.
// When Zoom gives no file_size (0), the file is accepted at whatever length the server sends.
// Neither the .part nor the final path is used through a symbolic link (no-follow.ts): the
// attempt fails with DOWNLOAD_PATH_REFUSED and the link and its target are left as they are.
import { mkdir, rename } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { AppError, isAppError } from '../../common/errors'
import { DOCUMENT_FILE_MODE } from '../data/document-mode'
import { BodyIntake, FileWriteError } from './body-intake'
import { DownloadPathRefusedError, entryAt, type OpenHow, openNoFollow, refuseUnlessPlain } from './no-follow'
import { partPathOf, removePartFiles, sizeOnDisk } from './part-files'
import type { DownloadResponse, DownloadSource } from './source'
import type { Scheduler } from '../ports'

export interface TransferRequest {
  source: DownloadSource
  scheduler: Scheduler
  profileId: string
  url: string
  finalPath: string
  fileSize: number
  signal: AbortSignal
  /** No byte for this long: the attempt fails (retryable) and the .part is kept. */
  stallTimeoutMs: number
  /** Bytes on disk so far (the .part's size included). */
  onProgress(received: number): void
}

/** An attempt that may succeed if tried again (the .part, if any, is kept). */
export class RetryableTransferError extends AppError {}

export async function transferOnce(request: TransferRequest): Promise<void> {
  const { finalPath, fileSize } = request
  const part = partPathOf(finalPath)
  await mkdir(dirname(finalPath), { recursive: true })
  // Before any byte is fetched: a link at the final path would be refused at the rename anyway.
  await refuseUnlessPlain(finalPath)
  let found = await entryAt(part)
  let start = found.kind === 'file' ? found.size : 0
  if (fileSize > 0 && start > fileSize) {
    await removePartFiles(finalPath)
    found = { kind: 'missing' }
    start = 0
  }
  if (fileSize > 0 && start === fileSize) return moveIntoPlace(part, finalPath)
  request.onProgress(start)

  const response = await openResponse(request, start, finalPath)
  const answer = judgeAnswer(response, start, fileSize)
  if ('refusal' in answer) {
    response.body.destroy()
    if (answer.discardPart) await removePartFiles(finalPath)
    throw answer.refusal
  }
  let received = answer.append ? start : 0
  request.onProgress(received)
  const intake = new BodyIntake(response.body, request.scheduler, request.stallTimeoutMs, (count) => {
    received += count
    request.onProgress(received)
  })
  let file: FileHandle
  try {
    file = await openPart(part, answer.append ? 'append' : found.kind === 'file' ? 'truncate' : 'create')
  } catch (error) {
    intake.discard()
    throw error
  }
  try {
    await intake.into(file, request.signal)
  } catch (error) {
    if (request.signal.aborted) throw error
    // The disk, not the network: trying the download again cannot help (disk full, folder not writable).
    if (error instanceof FileWriteError) throw fileIoError(error.code)
    throw new RetryableTransferError(intake.stalled ? 'TIMEOUT' : 'NETWORK', intake.stalled ? 'The download stalled.' : 'The connection was interrupted.')
  }

  const size = (await sizeOnDisk(part)) ?? 0
  if (fileSize > 0 && size > fileSize) {
    await removePartFiles(finalPath)
    throw mismatch(fileSize, size)
  }
  if (fileSize > 0 && size < fileSize) {
    throw new RetryableTransferError('DOWNLOAD_SIZE_MISMATCH', `The download stopped at ${size} of ${fileSize} bytes; it will resume from there.`)
  }
  const expected = announcedTotal(response)
  if (fileSize === 0 && expected !== undefined && size !== expected) throw new RetryableTransferError('NETWORK', 'The download ended early.')
  await moveIntoPlace(part, finalPath)
}

type Answer = { append: boolean } | { refusal: AppError; discardPart: boolean }

/** What to do with the server's answer: write it (appended to the .part or from its start), or not. */
function judgeAnswer(response: DownloadResponse, start: number, fileSize: number): Answer {
  if (response.status === 416) return { refusal: new RetryableTransferError('NETWORK', 'The server refused to resume; starting again.'), discardPart: true }
  let append = false
  if (response.status === 206 && start > 0) {
    const from = rangeStart(response)
    // Asking for the same range again gets the same answer: start the file again instead.
    if (from !== 0 && from !== start) return { refusal: new RetryableTransferError('NETWORK', 'The server resumed at the wrong place; starting again.'), discardPart: true }
    // A 206 from byte 0 is the whole file again: written from the start, as a 200 is.
    append = from === start
  } else if (response.status !== 200) return { refusal: statusError(response.status), discardPart: false }
  const announced = announcedTotal(response)
  if (fileSize > 0 && announced !== undefined && announced !== fileSize) return { refusal: mismatch(fileSize, announced), discardPart: true }
  return { append }
}

/**
 * Renames the finished .part into place. rename() replaces a link at the target rather than
 * writing through it, but a link there is still refused: it is not ours to replace.
 */
async function moveIntoPlace(part: string, finalPath: string): Promise<void> {
  await refuseUnlessPlain(finalPath)
  await rename(part, finalPath)
}

/** Opens the .part without following a link; a refusal stays typed, any other failure is the disk's. */
async function openPart(part: string, how: OpenHow): Promise<FileHandle> {
  try {
    return await openNoFollow(part, how, DOCUMENT_FILE_MODE)
  } catch (error) {
    if (error instanceof DownloadPathRefusedError) throw error
    throw fileIoError((error as NodeJS.ErrnoException).code)
  }
}

function fileIoError(code: string | undefined): AppError {
  return new AppError('FILE_IO', `The file could not be written (${code ?? 'error'}): is the disk full, or the folder no longer writable?`)
}

const RETRYABLE_CODES = new Set<AppError['code']>(['NETWORK', 'TIMEOUT', 'ZOOM_SERVER_ERROR', 'ZOOM_RATE_LIMITED'])

/** Opens the body; sources that throw on HTTP errors (the Zoom client) get the same treatment as statuses. */
async function openResponse(request: TransferRequest, start: number, finalPath: string): Promise<DownloadResponse> {
  try {
    return await request.source.open(request.profileId, request.url, { start, signal: request.signal })
  } catch (error) {
    if (request.signal.aborted || !isAppError(error) || error instanceof RetryableTransferError) throw error
    if (error.details?.httpStatus === 416) {
      await removePartFiles(finalPath)
      throw new RetryableTransferError('NETWORK', 'The server refused to resume; starting again.')
    }
    if (RETRYABLE_CODES.has(error.code)) throw new RetryableTransferError(error.code, error.message, error.details)
    throw error
  }
}

function mismatch(expected: number, actual: number): AppError {
  return new AppError('DOWNLOAD_SIZE_MISMATCH', `Zoom listed this file as ${expected} bytes but the server has ${actual} bytes.`)
}

function statusError(status: number): AppError {
  if (status === 401) return new AppError('ZOOM_UNAUTHORIZED', 'Zoom refused the download (401). Reconnect the profile and retry.', { httpStatus: status })
  if (status === 403) return new AppError('ZOOM_SCOPE_MISSING', 'Zoom refused the download (403).', { httpStatus: status })
  if (status === 404) return new AppError('ZOOM_NOT_FOUND', 'The recording file no longer exists (404).', { httpStatus: status })
  if (status === 429) return new RetryableTransferError('ZOOM_RATE_LIMITED', 'Zoom is rate limiting downloads.', { httpStatus: status })
  if (status >= 500) return new RetryableTransferError('ZOOM_SERVER_ERROR', `The download server answered ${status}.`, { httpStatus: status })
  return new AppError('ZOOM_BAD_REQUEST', `The download server answered ${status}.`, { httpStatus: status })
}

function header(response: DownloadResponse, name: string): string | undefined {
  const value = response.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The whole file's length as the server states it: Content-Range's total, else Content-Length of a 200. */
function announcedTotal(response: DownloadResponse): number | undefined {
  const range = /\/(\d+)\s*$/.exec(header(response, 'content-range') ?? '')
  if (range) return Number(range[1])
  const length = header(response, 'content-length')
  return response.status === 200 && length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined
}

function rangeStart(response: DownloadResponse): number | undefined {
  const match = /^bytes\s+(\d+)-/.exec(header(response, 'content-range') ?? '')
  return match ? Number(match[1]) : undefined
}
