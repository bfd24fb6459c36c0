// "Test connection": one GET of the validation URL with the token already held (DESIGN.md
// "Validation": never mint a token just to test). Reports who the token belongs to.
import got, { type BeforeRequestHook } from 'got'
import type { ValidationResult } from '../../common/contract/auth'
import { AppError, type ErrorCode } from '../../common/errors'
import { checkUrlAllowed } from '../../common/zoom/allowlist'
import type { Clock } from '../ports'
import { capDownload } from '../net/capped-download'
import { proxyOptions } from '../net/proxy'
import { transportFailure } from './http-failure'
import { readableText } from './readable-text'

export interface ValidationRequest {
  url: string
  accessToken: string
  allowedDomains: readonly string[]
  clock: Clock
  timeoutMs?: number
  signal?: AbortSignal
  /** Sends the request through the system proxy (main/net/proxy). */
  proxy?: BeforeRequestHook
}

const MAX_BODY = 1_000_000

export async function validateToken(request: ValidationRequest): Promise<ValidationResult> {
  const started = request.clock.now()
  const base = { at: new Date(started).toISOString(), url: request.url }
  const done = (fields: Partial<ValidationResult> & { ok: boolean }): ValidationResult => ({ ...base, latencyMs: Math.max(0, request.clock.now() - started), ...fields })

  const target = URL.canParse(request.url) ? new URL(request.url) : undefined
  if (!target) return done({ ok: false, error: { code: 'VALIDATION', message: 'The validation URL is not a valid URL' } })
  const allowed = checkUrlAllowed(target, request.allowedDomains)
  if (!allowed.ok) return done({ ok: false, error: { code: 'DOMAIN_NOT_ALLOWED', message: `The token was not sent: ${allowed.reason}` } })

  let response
  const answer = got.get(target, {
    headers: { authorization: `Bearer ${request.accessToken}`, accept: 'application/json' },
    responseType: 'buffer',
    throwHttpErrors: false,
    followRedirect: false,
    retry: { limit: 0 },
    timeout: { request: request.timeoutMs ?? 15_000 },
    ...(request.signal ? { signal: request.signal } : {}),
    ...proxyOptions(request.proxy),
  })
  const tooLarge = capDownload(answer, MAX_BODY)
  try {
    response = await answer
  } catch (error) {
    if (tooLarge()) return done({ ok: false, error: { code: 'ZOOM_RESPONSE_INVALID', message: `The validation URL's answer is larger than ${MAX_BODY / 1_000_000} MB and was not read` } })
    const failure = transportFailure(error, 'The validation request', request.signal)
    return done({ ok: false, error: { code: failure.code, message: failure.message.replace('; the current tokens are kept', '') } })
  }
  const httpStatus = response.statusCode
  const trackingId = headerValue(response.headers['x-zm-trackingid'])
  const body = response.body.length <= MAX_BODY ? parseObject(response.body) : undefined
  if (httpStatus === 200) {
    if (!body) return done({ ok: false, httpStatus, error: { code: 'ZOOM_RESPONSE_INVALID', message: 'The validation URL answered 200 without a JSON object' } })
    return done({ ok: true, httpStatus, ...(identityOf(body) ? { identity: identityOf(body) } : {}) })
  }
  const zoomCode = typeof body?.code === 'number' ? body.code : undefined
  const zoomMessage = readableText(body?.message, 300)
  const code = errorCodeFor(httpStatus, zoomCode)
  const message = zoomMessage ? `Zoom answered HTTP ${httpStatus}: ${zoomMessage}` : `Zoom answered HTTP ${httpStatus}`
  return done({
    ok: false,
    httpStatus,
    error: new AppError(code, message, { httpStatus, ...(zoomCode !== undefined ? { zoomCode } : {}), ...(zoomMessage ? { zoomMessage } : {}), ...(trackingId ? { trackingId } : {}) }).toBridge(),
  })
}

function errorCodeFor(status: number, zoomCode: number | undefined): ErrorCode {
  if (zoomCode === 4711 || zoomCode === 4700) return 'ZOOM_SCOPE_MISSING'
  if (status === 401) return 'ZOOM_UNAUTHORIZED'
  if (status === 404) return 'ZOOM_NOT_FOUND'
  if (status === 429) return 'ZOOM_RATE_LIMITED'
  if (status >= 500) return 'ZOOM_SERVER_ERROR'
  return 'ZOOM_BAD_REQUEST'
}

function identityOf(body: Record<string, unknown>): ValidationResult['identity'] {
  const text = (v: unknown) => (typeof v === 'string' && v ? readableText(v, 200) : undefined)
  const name = text(body.display_name) ?? (text([body.first_name, body.last_name].filter((v) => typeof v === 'string' && v).join(' ')) || undefined)
  const identity = { id: text(body.id), email: text(body.email), displayName: name, accountId: text(body.account_id) }
  const present = Object.fromEntries(Object.entries(identity).filter(([, v]) => v !== undefined))
  return Object.keys(present).length > 0 ? present : undefined
}

function parseObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

const headerValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
