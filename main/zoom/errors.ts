// Turns what got throws, and what Zoom answers, into AppErrors carrying Zoom's code, message,
// HTTP status and x-zm-trackingid. Messages never contain a token: they are built from Zoom's
// error text and our own words only.
import { AppError, isAppError, type ErrorDetails } from '../../common/errors'
import { isNetworkErrorCode } from '../net/network-errors'
import { parseRetryAfter } from '../net/retry-after'

type HeaderMap = Record<string, string | string[] | undefined>

export interface ZoomErrorBody {
  code?: number | string
  message?: string
}

/** Zoom's `{ code, message }` envelope, from a parsed body or JSON text; undefined for anything else (HTML, truncated). */
export function zoomErrorBody(body: unknown): ZoomErrorBody | undefined {
  let value = body
  if (typeof body === 'string' || body instanceof Uint8Array) {
    const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8')
    try {
      value = JSON.parse(text)
    } catch {
      return undefined
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  const { code, message } = value as Record<string, unknown>
  return {
    ...(typeof code === 'number' || typeof code === 'string' ? { code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  }
}

/**
 * The server refused the access token itself, so one refresh and one retry may help: Zoom's 401
 * with code 124, or the standard 401 with `WWW-Authenticate: Bearer error="invalid_token"`
 * (RFC 6750 §3.1).
 */
export function isRefusedAccessToken(status: number, headers: HeaderMap, body: unknown): boolean {
  if (status !== 401) return false
  const challenge = headers['www-authenticate']
  const challenges = Array.isArray(challenge) ? challenge : challenge === undefined ? [] : [challenge]
  if (challenges.some((c) => /^\s*bearer\b/i.test(c) && /\berror\s*=\s*"?invalid_token"?/i.test(c))) return true
  return Number(zoomErrorBody(body)?.code) === 124
}

export function headerValue(headers: HeaderMap, name: string): string | undefined {
  const v = headers[name]
  return Array.isArray(v) ? v[0] : v
}

/** Zoom's missing-scope message lists the acceptable scopes: `…does not contain scopes:[a, b].` */
export function scopesFromMessage(message: string | undefined): string[] | undefined {
  const m = message ? /scopes:\s*\[([^\]]*)\]/i.exec(message) : null
  if (!m) return undefined
  const scopes = (m[1] as string).split(',').map((s) => s.trim()).filter((s) => s.length > 0)
  return scopes.length > 0 ? scopes : undefined
}

function isScopeError(status: number, body: ZoomErrorBody | undefined): boolean {
  if (!body || (status !== 400 && status !== 401 && status !== 403)) return false
  const code = Number(body.code)
  return code === 4711 || ((code === 4700 || code === 124) && /does not contain scopes/i.test(body.message ?? ''))
}

export interface HttpFailure {
  status: number
  headers: HeaderMap
  body: unknown
  now?: number
}

/** The AppError for a non-2xx Zoom answer. */
export function errorFromResponse({ status, headers, body, now = Date.now() }: HttpFailure): AppError {
  const zoom = zoomErrorBody(body)
  const trackingId = headerValue(headers, 'x-zm-trackingid')
  const details: ErrorDetails = {
    httpStatus: status,
    ...(zoom?.code !== undefined ? { zoomCode: zoom.code } : {}),
    ...(zoom?.message !== undefined ? { zoomMessage: zoom.message } : {}),
    ...(trackingId ? { trackingId } : {}),
  }
  const said = zoom?.message ? `: ${zoom.message}` : ''
  if (isScopeError(status, zoom)) {
    const acceptedScopes = scopesFromMessage(zoom?.message)
    return new AppError('ZOOM_SCOPE_MISSING', `The token lacks a scope this request needs${acceptedScopes ? ` (any of ${acceptedScopes.join(', ')})` : ''}.`, {
      ...details,
      ...(acceptedScopes ? { acceptedScopes } : {}),
    })
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headerValue(headers, 'retry-after'), now)
    return new AppError('ZOOM_RATE_LIMITED', `Zoom's rate limit was reached${said}`, { ...details, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) })
  }
  if (status === 401) return new AppError('ZOOM_UNAUTHORIZED', `Zoom refused the access token${said}`, details)
  if (!zoom) {
    return new AppError('ZOOM_RESPONSE_INVALID', `Zoom answered HTTP ${status} with ${describeBody(headers)} instead of its JSON error.`, details)
  }
  if (status === 404) return new AppError('ZOOM_NOT_FOUND', `Not found${said}`, details)
  if (status >= 500) return new AppError('ZOOM_SERVER_ERROR', `Zoom had a server error (HTTP ${status})${said}`, details)
  return new AppError('ZOOM_BAD_REQUEST', `Zoom refused the request (HTTP ${status})${said}`, details)
}

function describeBody(headers: HeaderMap): string {
  const type = headerValue(headers, 'content-type') ?? ''
  return /html/i.test(type) ? 'an HTML page' : type ? `a ${type.split(';')[0]} body` : 'an unreadable body'
}

interface GotLikeError {
  name?: string
  code?: string
  message?: string
  cause?: unknown
  response?: { statusCode: number; headers: HeaderMap; body?: unknown; rawBody?: Buffer }
}

/** Any error from a Zoom call as an AppError. `signal`: the caller's, to tell cancellation from timeouts. */
export function toZoomError(error: unknown, signal?: AbortSignal): AppError {
  if (isAppError(error)) return error
  const e = (error ?? {}) as GotLikeError
  if (isAppError(e.cause)) return e.cause
  if (signal?.aborted || e.name === 'AbortError' || e.name === 'CancelError') {
    return isAppError(signal?.reason) ? signal.reason : new AppError('CANCELLED', 'The request was cancelled.')
  }
  if (e.name === 'TimeoutError' || e.code === 'ETIMEDOUT') return new AppError('TIMEOUT', 'Zoom did not answer in time.')
  if (e.name === 'HTTPError' && e.response) {
    return errorFromResponse({ status: e.response.statusCode, headers: e.response.headers, body: e.response.body ?? e.response.rawBody })
  }
  if (e.name === 'ParseError' && e.response) {
    const trackingId = headerValue(e.response.headers, 'x-zm-trackingid')
    return new AppError('ZOOM_RESPONSE_INVALID', `Zoom's answer (HTTP ${e.response.statusCode}) is not valid JSON (truncated or not JSON at all).`, {
      httpStatus: e.response.statusCode,
      ...(trackingId ? { trackingId } : {}),
    })
  }
  // got refuses a URL of another scheme than http(s) while following a redirect (an initial URL of
  // another scheme never gets this far: the allowlist refuses it first).
  if (e.code === 'ERR_UNSUPPORTED_PROTOCOL') return new AppError('DOMAIN_NOT_ALLOWED', `Refused to follow a redirect to another scheme than https (${/: (\w+:)/.exec(e.message ?? '')?.[1] ?? 'unknown'}).`)
  if (isNetworkErrorCode(e.code)) return new AppError('NETWORK', `The connection to Zoom failed (${e.code}).`)
  return new AppError('NETWORK', `The request to Zoom failed${e.code ? ` (${e.code})` : ''}.`)
}
