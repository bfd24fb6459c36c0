// What the download server's answer means for the .part: write it appended to the .part, write
// it from the start, or refuse it (and whether the .part is then worth keeping).
import { AppError } from '../../common/errors'
import { headerValue } from '../zoom/errors'
import { sameVersion } from './part-validator'
import type { DownloadResponse } from './source'

/** An attempt that may succeed if tried again (the .part, if any, is kept unless it was removed). */
export class RetryableTransferError extends AppError {}

export type Answer = { append: boolean } | { refusal: AppError; discardPart: boolean }

/**
 * `start` is where the request's Range began (0: no Range), `ifRange` the validator it was sent
 * with, `fileSize` Zoom's listed size (0: unknown).
 */
export function judgeAnswer(response: DownloadResponse, request: { start: number; ifRange: string | undefined; fileSize: number }): Answer {
  const { start, ifRange, fileSize } = request
  if (response.status === 416) return { refusal: new RetryableTransferError('NETWORK', 'The server refused to resume; starting again.'), discardPart: true }
  let append = false
  if (response.status === 206 && start > 0) {
    const from = rangeStart(response)
    // Asking for the same range again gets the same answer: start the file again instead.
    if (from !== 0 && from !== start) return { refusal: new RetryableTransferError('NETWORK', 'The server resumed at the wrong place; starting again.'), discardPart: true }
    // A 206 from byte 0 is the whole file again: written from the start, as a 200 is.
    append = from === start
    // The rest of another version of the file (a server that ignored If-Range): the .part's bytes are of no use with it.
    if (append && ifRange !== undefined && !sameVersion(ifRange, response.headers)) {
      return { refusal: new RetryableTransferError('NETWORK', 'The file changed on the server since the download began; starting again.'), discardPart: true }
    }
  } else if (response.status !== 200) return { refusal: statusError(response.status), discardPart: false }
  const announced = announcedTotal(response)
  if (fileSize > 0 && announced !== undefined && announced !== fileSize) return { refusal: sizeMismatch(fileSize, announced), discardPart: true }
  return { append }
}

export function sizeMismatch(expected: number, actual: number): AppError {
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

/** The whole file's length as the server states it: Content-Range's total, else Content-Length of a 200. */
export function announcedTotal(response: DownloadResponse): number | undefined {
  const range = /\/(\d+)\s*$/.exec(headerValue(response.headers, 'content-range') ?? '')
  if (range) return Number(range[1])
  const length = headerValue(response.headers, 'content-length')
  return response.status === 200 && length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined
}

function rangeStart(response: DownloadResponse): number | undefined {
  const match = /^bytes\s+(\d+)-/.exec(headerValue(response.headers, 'content-range') ?? '')
  return match ? Number(match[1]) : undefined
}
