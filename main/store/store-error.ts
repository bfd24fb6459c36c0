import { AppError } from '../../common/errors'

export type StoreErrorCode = 'FILE_IO' | 'STORE_CORRUPT' | 'STORE_TOO_LARGE' | 'INTERNAL'

/**
 * Why a file was refused at open without being touched: it could not be read (an I/O error other
 * than "does not exist"), or it was written by a newer version of the app. Neither is damage, so
 * moving the file aside or restoring an older backup over it would lose data.
 */
export type StoreRefusal = 'unreadable' | 'newer-version'

export interface StoreErrorOptions {
  cause?: unknown
  /** The file the error is about (refusals always name it). */
  file?: string
  refusal?: StoreRefusal
}

/** A store failure the caller can show: the code crosses the bridge; the message names the file, never its content. */
export class StoreError extends AppError {
  declare readonly code: StoreErrorCode
  readonly file: string | undefined
  readonly refusal: StoreRefusal | undefined

  constructor(code: StoreErrorCode, message: string, options: StoreErrorOptions = {}) {
    super(code, message)
    if (options.cause !== undefined) this.cause = options.cause
    this.file = options.file
    this.refusal = options.refusal
  }
}
