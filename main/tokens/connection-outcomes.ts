// What the connection badge says after a real use of the connection went wrong. A 401 that the
// client's one forced refresh could not cure means the token (or the app) is no longer accepted:
// the person's remedy is Reconnect, so it carries the code the UI offers Reconnect for.
import type { BridgeError } from '../../common/errors'
import { AppError } from '../../common/errors'
import type { ConnectionOutcomes } from '../zoom/ports'
import type { ConnectionBook } from './connection-book'

export const RECONNECT_AFTER_401 = 'Zoom still refuses the token after a refresh (401). Reconnect to sign in again.'

export function outcomeError(error: AppError): BridgeError {
  if (error.code === 'ZOOM_UNAUTHORIZED') return new AppError('AUTH_RECONNECT_NEEDED', RECONNECT_AFTER_401, error.details).toBridge()
  if (error.code === 'NETWORK' || error.code === 'TIMEOUT') return new AppError(error.code, `Zoom is unreachable: ${error.message}`, error.details).toBridge()
  return error.toBridge()
}

export function bookOutcomes(book: ConnectionBook): ConnectionOutcomes {
  return {
    succeeded: (profileId) => book.recordOutcome(profileId, undefined),
    failed: (profileId, error) => book.recordOutcome(profileId, outcomeError(error)),
  }
}
