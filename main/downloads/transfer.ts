// One attempt at one file: resume `<final>.part` with Range from its size, stream the body into
// it, check the size against Zoom's file_size, rename into place.
//
// The .part rule:
// - the server announces another total than file_size, or sends more bytes than file_size:
//   DOWNLOAD_SIZE_MISMATCH and the .part is removed (it is not a prefix of the file we expect);
// - the body ends early (reset, stall, truncation): a retryable error and the .part is kept, so
//   the next attempt, a manual retry or a later enqueue resumes from where it stopped.
// When Zoom gives no file_size (0), the file is accepted at whatever length the server sends.
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { finished, type Readable, Transform, type TransformCallback } from 'node:stream'
import { AppError, isAppError } from '../../common/errors'
import { DOCUMENT_FILE_MODE } from '../data/document-mode'
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

export const partPathOf = (finalPath: string): string => `${finalPath}.part`

export async function sizeOnDisk(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path)
    return info.isFile() ? info.size : undefined
  } catch {
    return undefined
  }
}

/** True when the final file is already there and, when Zoom gave a size, of that size. */
export async function isComplete(finalPath: string, fileSize: number): Promise<boolean> {
  const size = await sizeOnDisk(finalPath)
  return size !== undefined && (fileSize === 0 || size === fileSize)
}

export async function transferOnce(request: TransferRequest): Promise<void> {
  const { finalPath, fileSize } = request
  const part = partPathOf(finalPath)
  await mkdir(dirname(finalPath), { recursive: true })
  let start = (await sizeOnDisk(part)) ?? 0
  if (fileSize > 0 && start > fileSize) {
    await rm(part, { force: true })
    start = 0
  }
  if (fileSize > 0 && start === fileSize) return rename(part, finalPath)
  request.onProgress(start)

  const response = await openResponse(request, start, part)
  let append = false
  try {
    if (response.status === 416) {
      await rm(part, { force: true })
      throw new RetryableTransferError('NETWORK', 'The server refused to resume; starting again.')
    }
    if (response.status === 206 && start > 0) {
      const from = rangeStart(response)
      if (from !== 0 && from !== start) {
        // Asking for the same range again gets the same answer: start the file again instead.
        await rm(part, { force: true })
        throw new RetryableTransferError('NETWORK', 'The server resumed at the wrong place; starting again.')
      }
      // A 206 from byte 0 is the whole file again: written from the start, as a 200 is.
      append = from === start
    } else if (response.status !== 200) throw statusError(response.status)
    const announced = announcedTotal(response)
    if (fileSize > 0 && announced !== undefined && announced !== fileSize) {
      await rm(part, { force: true })
      throw mismatch(fileSize, announced)
    }
  } catch (error) {
    response.body.destroy()
    throw error
  }

  let received = append ? start : 0
  request.onProgress(received)
  const watch = new StallWatch(request.scheduler, request.stallTimeoutMs, (count) => {
    received += count
    request.onProgress(received)
  })
  try {
    await writeBody(response.body, watch, part, append, request.signal)
  } catch (error) {
    if (request.signal.aborted) throw error
    // The disk, not the network: trying the download again cannot help (disk full, folder not writable).
    if (error instanceof FileWriteError) throw new AppError('FILE_IO', `The file could not be written (${error.code ?? 'error'}): is the disk full, or the folder no longer writable?`)
    throw new RetryableTransferError(watch.stalled ? 'TIMEOUT' : 'NETWORK', watch.stalled ? 'The download stalled.' : 'The connection was interrupted.')
  } finally {
    watch.stop()
  }

  const size = (await sizeOnDisk(part)) ?? 0
  if (fileSize > 0 && size > fileSize) {
    await rm(part, { force: true })
    throw mismatch(fileSize, size)
  }
  if (fileSize > 0 && size < fileSize) {
    throw new RetryableTransferError('DOWNLOAD_SIZE_MISMATCH', `The download stopped at ${size} of ${fileSize} bytes; it will resume from there.`)
  }
  const expected = announcedTotal(response)
  if (fileSize === 0 && expected !== undefined && size !== expected) throw new RetryableTransferError('NETWORK', 'The download ended early.')
  await rename(part, finalPath)
}

const RETRYABLE_CODES = new Set<AppError['code']>(['NETWORK', 'TIMEOUT', 'ZOOM_SERVER_ERROR', 'ZOOM_RATE_LIMITED'])

/** Opens the body; sources that throw on HTTP errors (the Zoom client) get the same treatment as statuses. */
async function openResponse(request: TransferRequest, start: number, part: string): Promise<DownloadResponse> {
  try {
    return await request.source.open(request.profileId, request.url, { start, signal: request.signal })
  } catch (error) {
    if (request.signal.aborted || !isAppError(error) || error instanceof RetryableTransferError) throw error
    if (error.details?.httpStatus === 416) {
      await rm(part, { force: true })
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

/** Writing the .part failed (as opposed to the body breaking off). */
class FileWriteError extends Error {
  readonly code: string | undefined
  constructor(cause: NodeJS.ErrnoException) {
    super(cause.message, { cause })
    this.code = cause.code
  }
}

/**
 * Streams the body into the .part. Unlike pipeline(), an interrupted body does not destroy the
 * file stream: what was already handed to it is flushed, so the next attempt resumes from there.
 */
function writeBody(body: Readable, watch: StallWatch, part: string, append: boolean, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const file = createWriteStream(part, { flags: append ? 'a' : 'w', mode: DOCUMENT_FILE_MODE })
    let failure: unknown
    const stop = (error: unknown) => {
      if (failure !== undefined) return
      failure = error ?? new Error('The transfer was interrupted.')
      body.unpipe(watch)
      watch.unpipe(file)
      body.destroy()
      watch.destroy()
      file.end()
    }
    const onAbort = () => stop(signal.reason)
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    finished(body, (error) => {
      if (error) stop(error)
    })
    watch.on('error', stop)
    file.on('error', (error: NodeJS.ErrnoException) => stop(new FileWriteError(error)))
    file.on('close', () => {
      signal.removeEventListener('abort', onAbort)
      if (failure === undefined) resolve()
      else reject(failure)
    })
    body.pipe(watch).pipe(file)
  })
}

/** Passes bytes through, reports them, and errors the pipeline after `timeoutMs` of silence. */
class StallWatch extends Transform {
  stalled = false
  private cancelTimer: (() => void) | undefined

  constructor(
    private readonly scheduler: Scheduler,
    private readonly timeoutMs: number,
    private readonly onBytes: (count: number) => void,
  ) {
    super()
    this.arm()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.arm()
    this.onBytes(chunk.length)
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    this.stop()
    callback()
  }

  stop(): void {
    this.cancelTimer?.()
    this.cancelTimer = undefined
  }

  private arm(): void {
    this.stop()
    this.cancelTimer = this.scheduler.setTimeout(() => {
      this.stalled = true
      this.destroy(new Error('stalled'))
    }, this.timeoutMs)
  }
}
