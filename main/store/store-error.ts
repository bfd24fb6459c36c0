import { AppError } from '../../common/errors'

export type StoreErrorCode = 'FILE_IO' | 'STORE_CORRUPT' | 'INTERNAL'

/** A store failure the caller can show: the code crosses the bridge; the message names the file, never its content. */
export class StoreError extends AppError {
  declare readonly code: StoreErrorCode

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message)
    if (options?.cause !== undefined) this.cause = options.cause
  }
}
