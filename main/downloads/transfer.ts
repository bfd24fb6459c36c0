// One attempt at one file: resume `<final>.part` with Range from its size, stream the body into
// it, check the size against Zoom's file_size, rename into place.
//
// The .part rule:
// - the server announces another total than file_size, or sends more bytes than file_size:
//   DOWNLOAD_SIZE_MISMATCH and the .part is removed (it is not a prefix of the file we expect);
// - the body ends early (reset, stall, truncation): a retryable error and the .part is kept, so
//   the next attempt, a manual retry or a later enqueue resumes from where it stopped.
// When Zoom gives no file_size (0), the file is accepted at whatever length the server sends.
// A resume sends If-Range with the validator kept beside the .part (part-validator.ts): a file
// changed on the server since comes back whole (200) and is written from the start.
// Neither the .part nor the final path is used through a symbolic link (no-follow.ts): the
// attempt fails with DOWNLOAD_PATH_REFUSED and the link and its target are left as they are.
import { rename } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { AppError, isAppError } from '../../common/errors'
import { DOCUMENT_FILE_MODE } from '../data/document-mode'
import { BodyIntake, FileWriteError } from './body-intake'
import { DownloadPathRefusedError, entryAt, makeFoldersBelow, type OpenHow, openNoFollow, refuseUnlessPlain } from './no-follow'
import { partPathOf, removePartFiles, sizeOnDisk } from './part-files'
import { keepValidator, readValidator, validatorOf } from './part-validator'
import { announcedTotal, judgeAnswer, RetryableTransferError, sizeMismatch } from './server-answer'
import type { DownloadResponse, DownloadSource } from './source'
import type { Scheduler } from '../ports'

export { RetryableTransferError } from './server-answer'

export interface TransferRequest {
  source: DownloadSource
  scheduler: Scheduler
  profileId: string
  url: string
  /** The download folder the person chose: the folders below it are made without following links. */
  folder: string
  /** Inside `folder`. */
  finalPath: string
  fileSize: number
  signal: AbortSignal
  /** No byte for this long: the attempt fails (retryable) and the .part is kept. */
  stallTimeoutMs: number
  /** Bytes on disk so far (the .part's size included). */
  onProgress(received: number): void
  /**
   * Called once the attempt has settled what it keeps of the .part it found: the bytes it goes on
   * from (0 when it writes the file from its start), and which file it writes (the rename into
   * place keeps it). The caller tells from these whether every byte of the file came from this
   * app, which the trash requires, and whether the file it then finds at the path is still that one.
   */
  onPartKept?(bytes: number, written: WrittenFile): void
}

/** The file an attempt writes to, as the system tells files apart. */
export interface WrittenFile {
  ino: number
  dev: number
}

export async function transferOnce(request: TransferRequest): Promise<void> {
  const { finalPath, fileSize } = request
  const part = partPathOf(finalPath)
  await makeFoldersBelow(request.folder, dirname(finalPath))
  // Before any byte is fetched: a link at the final path would be refused at the rename anyway.
  await refuseUnlessPlain(finalPath)
  let found = await entryAt(part)
  let start = found.kind === 'file' ? found.size : 0
  if (fileSize > 0 && start > fileSize) {
    await removePartFiles(finalPath)
    found = { kind: 'missing' }
    start = 0
  }
  if (fileSize > 0 && start === fileSize && found.kind === 'file') {
    // The identity of the .part as found: the rename keeps it, so the ledger's note matches the file.
    request.onPartKept?.(start, { ino: found.ino, dev: found.dev })
    return moveIntoPlace(part, finalPath)
  }
  const kept = start > 0 ? await readValidator(finalPath) : ({ kind: 'none' } as const)
  // Bytes whose version cannot be told (a validator file this app did not write) are not resumed.
  if (kept.kind === 'unusable') start = 0
  const ifRange = kept.kind === 'kept' ? kept.value : undefined
  request.onProgress(start)

  const response = await openResponse(request, start, ifRange)
  const answer = judgeAnswer(response, { start, ifRange, fileSize })
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
    request.onPartKept?.(answer.append ? start : 0, await writtenFile(file))
    // A .part from the start is of this response's version. So is the rest of one kept without a
    // validator (an older version of the app wrote none): from now on, a change is noticed.
    if (!answer.append || kept.kind === 'none') await keepPartValidator(file, finalPath, validatorOf(response.headers))
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
    throw sizeMismatch(fileSize, size)
  }
  if (fileSize > 0 && size < fileSize) {
    throw new RetryableTransferError('DOWNLOAD_SIZE_MISMATCH', `The download stopped at ${size} of ${fileSize} bytes; it will resume from there.`)
  }
  const expected = announcedTotal(response)
  if (fileSize === 0 && expected !== undefined && size !== expected) throw new RetryableTransferError('NETWORK', 'The download ended early.')
  await moveIntoPlace(part, finalPath)
}

/**
 * Renames the finished .part into place. rename() replaces a link at the target rather than
 * writing through it, but a link there is still refused: it is not ours to replace.
 */
async function moveIntoPlace(part: string, finalPath: string): Promise<void> {
  await refuseUnlessPlain(finalPath)
  // The validator goes first: a whole .part left without one is still renamed at the next attempt.
  await keepValidator(finalPath, undefined)
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

/** The open .part as the system tells files apart; on failure it is closed, nothing written. */
async function writtenFile(file: FileHandle): Promise<WrittenFile> {
  try {
    const { ino, dev } = await file.stat()
    return { ino, dev }
  } catch (error) {
    await file.close()
    throw fileIoError((error as NodeJS.ErrnoException).code)
  }
}

/** Replaces the .part's validator once the .part is open; on failure the .part is closed, nothing written. */
async function keepPartValidator(file: FileHandle, finalPath: string, value: string | undefined): Promise<void> {
  try {
    await keepValidator(finalPath, value)
  } catch (error) {
    await file.close()
    if (error instanceof DownloadPathRefusedError) throw error
    throw fileIoError((error as NodeJS.ErrnoException).code)
  }
}

function fileIoError(code: string | undefined): AppError {
  return new AppError('FILE_IO', `The file could not be written (${code ?? 'error'}): is the disk full, or the folder no longer writable?`)
}

const RETRYABLE_CODES = new Set<AppError['code']>(['NETWORK', 'TIMEOUT', 'ZOOM_SERVER_ERROR', 'ZOOM_RATE_LIMITED'])

/** Opens the body; sources that throw on HTTP errors (the Zoom client) get the same treatment as statuses. */
async function openResponse(request: TransferRequest, start: number, ifRange: string | undefined): Promise<DownloadResponse> {
  try {
    return await request.source.open(request.profileId, request.url, { start, signal: request.signal, ...(start > 0 && ifRange !== undefined ? { ifRange } : {}) })
  } catch (error) {
    if (request.signal.aborted || !isAppError(error) || error instanceof RetryableTransferError) throw error
    if (error.details?.httpStatus === 416) {
      await removePartFiles(request.finalPath)
      throw new RetryableTransferError('NETWORK', 'The server refused to resume; starting again.')
    }
    if (RETRYABLE_CODES.has(error.code)) throw new RetryableTransferError(error.code, error.message, error.details)
    throw error
  }
}
