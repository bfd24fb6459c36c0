// Client authentication at /oauth/token and /oauth/revoke: Basic for confidential apps (or
// client_id + client_secret in the body), client_id alone for the public PKCE client.
import type { IncomingMessage } from 'node:http'
import type { AppRegistry, RegisteredApp } from '../apps'
import type { OAuthError } from './grants'

export type ClientAuthMethod = 'basic' | 'body' | 'public' | 'none'

export type ClientAuth =
  | { ok: true; app: RegisteredApp; method: ClientAuthMethod }
  | { ok: false; method: ClientAuthMethod; failure: OAuthError }

const INVALID_CLIENT: OAuthError = { status: 400, reason: 'Invalid client_id or client_secret', error: 'invalid_client' }

/** `formEncoded`: the Basic credentials are form-url-encoded (RFC 6749 §2.3.1), as a strict server reads them. */
export function authenticateClient(req: IncomingMessage, params: URLSearchParams, apps: AppRegistry, formEncoded = false): ClientAuth {
  const basic = formEncoded ? formDecoded(parseBasic(req.headers.authorization)) : parseBasic(req.headers.authorization)
  if (basic === null) return { ok: false, method: 'basic', failure: INVALID_CLIENT }
  const bodyClientId = params.get('client_id') ?? undefined
  if (basic !== undefined) {
    const app = apps.findByClientId(basic.clientId)
    if (app === undefined) return { ok: false, method: 'basic', failure: INVALID_CLIENT }
    // Zoom ignores a Basic header sent with the public client id.
    if (app.clientSecret === undefined) return { ok: true, app, method: 'public' }
    if (!safeEqual(basic.secret, app.clientSecret)) return { ok: false, method: 'basic', failure: INVALID_CLIENT }
    return { ok: true, app, method: 'basic' }
  }
  if (bodyClientId === undefined || bodyClientId === '') {
    return { ok: false, method: 'none', failure: { status: 400, reason: 'Missing client_id or client_secret', error: 'invalid_client' } }
  }
  const app = apps.findByClientId(bodyClientId)
  if (app === undefined) return { ok: false, method: 'body', failure: INVALID_CLIENT }
  if (app.clientSecret === undefined) return { ok: true, app, method: 'public' }
  const secret = params.get('client_secret')
  // A confidential client id without its secret is invalid_client, as Zoom answers.
  if (secret === null || secret === '' || !safeEqual(secret, app.clientSecret)) return { ok: false, method: 'body', failure: INVALID_CLIENT }
  return { ok: true, app, method: 'body' }
}

function parseBasic(header: string | undefined): { clientId: string; secret: string } | undefined {
  if (header === undefined || !/^basic /i.test(header)) return undefined
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return { clientId: decoded, secret: '' }
  return { clientId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) }
}

/**
 * RFC 6749 Appendix B: `+` is a space and `%XX` a UTF-8 byte; anything else outside the unreserved
 * set must have been encoded. Null when the credentials are not validly encoded.
 */
function formDecoded(basic: { clientId: string; secret: string } | undefined): { clientId: string; secret: string } | undefined | null {
  if (basic === undefined) return undefined
  const decode = (value: string): string | null => {
    if (!/^(?:[A-Za-z0-9*\-._+]|%[0-9A-Fa-f]{2})*$/.test(value)) return null
    try {
      return decodeURIComponent(value.replace(/\+/g, ' '))
    } catch {
      return null
    }
  }
  const clientId = decode(basic.clientId)
  const secret = decode(basic.secret)
  return clientId === null || secret === null ? null : { clientId, secret }
}

function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
