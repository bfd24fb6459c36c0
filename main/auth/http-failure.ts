// Maps a failed HTTP exchange (no usable response) to a typed error. Messages name the host,
// never the URL's query, headers or body.
import { AbortError, CancelError, RequestError, TimeoutError } from 'got'
import { AppError, isAppError } from '../../common/errors'
import { TokenEndpointError } from './token-endpoint-error'

export function transportFailure(error: unknown, what: string, signal?: AbortSignal): TokenEndpointError {
  if (signal?.aborted || error instanceof AbortError) return new TokenEndpointError('CANCELLED', `${what} was cancelled`, 'transient')
  if (error instanceof TimeoutError) return new TokenEndpointError('TIMEOUT', `${what} timed out; the current tokens are kept`, 'transient')
  if (error instanceof CancelError) return new TokenEndpointError('CANCELLED', `${what} was cancelled`, 'transient')
  // A proxy refusal (main/net/proxy) reaches us as got's RequestError around our AppError.
  if (error instanceof RequestError && isAppError(error.cause)) return new TokenEndpointError(error.cause.code, `${what}: ${error.cause.message}`, 'transient')
  if (error instanceof RequestError) {
    const code = error.code ? ` (${error.code})` : ''
    return new TokenEndpointError('NETWORK', `${what} could not reach Zoom${code}; the current tokens are kept`, 'transient')
  }
  if (error instanceof AppError) return new TokenEndpointError(error.code, error.message, 'transient', error.details)
  return new TokenEndpointError('NETWORK', `${what} failed; the current tokens are kept`, 'transient')
}
