// Turning anything thrown into a BridgeError without leaking a URL's query, a header or a token:
// AppErrors pass through, aborts become CANCELLED, the rest get a generic, redacted message.
import { AppError, type BridgeError, isAppError } from '../../common/errors'
import { redact } from '../log/redact'
import { isNetworkErrorCode } from '../net/network-errors'

export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true
  if (error instanceof Error && (error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR')) return true
  return isAppError(error) && error.code === 'CANCELLED'
}

export function toAppError(error: unknown, fallback: { code?: AppError['code']; message: string }): AppError {
  if (isAppError(error)) return error
  if (isAbort(error)) return new AppError('CANCELLED', 'Cancelled.')
  const code = (error as { code?: unknown } | undefined)?.code
  if (isNetworkErrorCode(code)) return new AppError('NETWORK', `${fallback.message} (${code})`)
  const detail = error instanceof Error ? stripUrls(error.message) : ''
  return new AppError(fallback.code ?? 'INTERNAL', detail ? `${fallback.message}: ${redact(detail)}` : fallback.message)
}

export const toBridgeError = (error: unknown, fallbackMessage: string): BridgeError => toAppError(error, { message: fallbackMessage }).toBridge()

/** Download URLs may carry a token in their query; an error message never shows one. */
function stripUrls(text: string): string {
  return text.replace(/https?:\/\/[^\s'"]+/g, (url) => url.split('?')[0] ?? '')
}
