// Strict validation of token-endpoint responses before anything is stored (security.md §6.2 cases 8–9):
// status, JSON object, field types; Zoom's `{reason, error}` failure shape mapped to typed errors.
import { z } from 'zod'
import { hasOpaqueRun } from '../log/redact'
import { parseRetryAfter } from '../net/retry-after'
import { tokenErrorMessage } from './oauth-error-messages'
import { readableText } from './readable-text'
import { TokenEndpointError } from './token-endpoint-error'

const tokenString = z.string().min(1).max(16_384)

export const tokenResponseSchema = z.object({
  access_token: tokenString,
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'token_type must be bearer'),
  expires_in: z.number().finite().optional(),
  refresh_token: tokenString.optional(),
  scope: z.string().max(50_000).optional(),
  api_url: z
    .string()
    .max(2048)
    .refine((v) => URL.canParse(v) && ['https:', 'http:'].includes(new URL(v).protocol), 'api_url must be an http(s) URL')
    .optional(),
})

export type TokenResponse = z.infer<typeof tokenResponseSchema>

/** Zoom's failure body (zoom-api.md §3.1); fields optional because proxies and older builds vary. */
const zoomErrorSchema = z.object({
  error: z.string().max(200).optional(),
  reason: z.string().max(2000).optional(),
  error_description: z.string().max(2000).optional(),
})

export interface RawResponse {
  status: number
  contentType: string | undefined
  body: Buffer
  retryAfter: string | undefined
  now: number
}

export function interpretTokenResponse(raw: RawResponse): TokenResponse {
  const json = parseJsonObject(raw.body)
  if (raw.status === 200) {
    if (raw.contentType !== undefined && !/json/i.test(raw.contentType)) throw invalid(`The token endpoint answered 200 with ${readableText(raw.contentType.split(';')[0], 60)} instead of JSON`, raw.status)
    if (json === undefined) throw invalid('The token endpoint answered 200 without a JSON object', raw.status)
    if ('error' in json) throw zoomError(raw.status, json)
    const parsed = tokenResponseSchema.safeParse(json)
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].join(', ')
      throw invalid(`The token endpoint's response is malformed (${fields})`, raw.status)
    }
    return parsed.data
  }
  if (raw.status === 429) {
    const retryAfterMs = parseRetryAfter(raw.retryAfter, raw.now)
    return throwing(new TokenEndpointError('ZOOM_RATE_LIMITED', 'Zoom is rate limiting token requests; the current tokens are kept and it will be retried', 'transient', { httpStatus: 429, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) }))
  }
  if (raw.status >= 500) {
    return throwing(new TokenEndpointError('AUTH_TOKEN_ENDPOINT', `Zoom's token endpoint failed (HTTP ${raw.status}); the current tokens are kept`, 'transient', { httpStatus: raw.status }))
  }
  if (json === undefined) throw invalid(`The token endpoint answered HTTP ${raw.status} without a JSON object`, raw.status)
  throw zoomError(raw.status, json)
}

function zoomError(status: number, json: Record<string, unknown>): TokenEndpointError {
  const parsed = zoomErrorSchema.safeParse(json)
  if (!parsed.success) return invalid(`The token endpoint answered HTTP ${status} with an unreadable error`, status)
  const error = readableText(parsed.data.error ?? '', 60)
  // The server's words are shown only when they read as words: a long code in them may be the
  // client secret or a token quoted back in a form the redactor cannot know (and our own message
  // already says what went wrong).
  const serverReason = parsed.data.reason ?? parsed.data.error_description ?? ''
  const withheld = hasOpaqueRun(serverReason)
  const reason = withheld ? '' : readableText(serverReason, 300)
  const details = { httpStatus: status, ...(error ? { zoomCode: error } : {}), ...(reason ? { zoomMessage: reason } : {}) }
  const said = reason ? `: ${reason}` : withheld ? ' (the server’s explanation was left out: it contained a long code that could be a credential)' : ''
  // A 2xx carrying an error is not how Zoom ends a grant: it is a malformed answer, and tokens are kept.
  if (status < 400) return new TokenEndpointError('AUTH_RESPONSE_INVALID', `The token endpoint answered HTTP ${status} with an error${error ? ` (${error})` : ''}${said}`, 'transient', details)
  if (error === 'invalid_grant') return new TokenEndpointError('AUTH_INVALID_GRANT', `Zoom no longer accepts this grant${said}`, 'grant-ended', details)
  if (error === 'invalid_client') return new TokenEndpointError('AUTH_INVALID_CLIENT', `Zoom rejected the Client ID or Client Secret${said}`, 'rejected', details)
  const plain = tokenErrorMessage(error)
  if (plain !== undefined) return new TokenEndpointError('AUTH_TOKEN_ENDPOINT', `${plain}${said}`, 'rejected', details)
  return new TokenEndpointError('AUTH_TOKEN_ENDPOINT', `Zoom rejected the token request${error ? ` (${error})` : ''}${said}`, 'rejected', details)
}

function invalid(message: string, status: number): TokenEndpointError {
  return new TokenEndpointError('AUTH_RESPONSE_INVALID', message, 'transient', { httpStatus: status })
}

function throwing(error: TokenEndpointError): never {
  throw error
}

function parseJsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

