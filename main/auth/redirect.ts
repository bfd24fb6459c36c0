// Recognising the registered redirect URI and reading the authorization response from it.
// Bruno #1778/#2147: an intermediate redirect that merely contains `code=` is not the callback;
// only a URL whose scheme, host, port and path equal the registered URI's is.
import { AppError } from '../../common/errors'
import { statesEqual } from './flow-state'
import { authorizationErrorMessage } from './oauth-error-messages'
import { readableText } from './readable-text'

/** True when `candidate` targets exactly the registered redirect URI (scheme, host, port, path). */
export function isRegisteredRedirect(registered: string, candidate: string): boolean {
  if (!URL.canParse(registered) || !URL.canParse(candidate)) return false
  const want = new URL(registered)
  const got = new URL(candidate)
  // userinfo (`http://127.0.0.1@evil.example`) never belongs to a callback.
  if (got.username || got.password) return false
  return got.protocol === want.protocol && got.hostname === want.hostname && got.port === want.port && got.pathname === want.pathname
}

/** Redirect URLs carry codes: when one must be named (logs, messages), only its target is shown. */
export function describeUrlTarget(url: string): string {
  if (!URL.canParse(url)) return '(not a URL)'
  const u = new URL(url)
  return `${u.protocol}//${u.host}${u.pathname}`
}

const MAX_CALLBACK_LENGTH = 16_384

/**
 * Reads `code` from a callback URL after checking it belongs to the pending flow.
 * `issuer`: the OAuth base the authorization request went to; an `iss` in the response must name it.
 * Throws AppError: AUTH_REDIRECT_MISMATCH, AUTH_STATE_MISMATCH, AUTH_ACCESS_DENIED or AUTH_RESPONSE_INVALID.
 */
export function readAuthorizationResponse(callbackUrl: string, expected: { redirectUri: string; state: string; issuer?: string }): { code: string } {
  if (callbackUrl.length > MAX_CALLBACK_LENGTH) throw new AppError('AUTH_RESPONSE_INVALID', 'The authorization response is too long to be genuine')
  if (!isRegisteredRedirect(expected.redirectUri, callbackUrl)) {
    throw new AppError('AUTH_REDIRECT_MISMATCH', `The authorization response went to ${describeUrlTarget(callbackUrl)}, not to the registered redirect URL ${describeUrlTarget(expected.redirectUri)}`)
  }
  const params = new URL(callbackUrl).searchParams
  for (const name of ['state', 'code', 'error', 'iss']) {
    if (params.getAll(name).length > 1) throw new AppError('AUTH_RESPONSE_INVALID', `The authorization response carries the parameter "${name}" more than once`)
  }
  const state = params.get('state')
  const error = params.get('error')

  if (state !== null && !statesEqual(expected.state, state)) {
    throw new AppError('AUTH_STATE_MISMATCH', 'The authorization response does not belong to this sign-in (state mismatch); nothing was exchanged')
  }
  // RFC 9207 mix-up defence: profiles may point at zoom.us, zoomgov.com or a custom server, all
  // redirecting to the same loopback URL, so an answer that says it came from another server is
  // not this flow's, error or not. Zoom does not announce `iss`, so its absence is accepted.
  const iss = params.get('iss')
  if (iss !== null && expected.issuer !== undefined && !sameIssuer(iss, expected.issuer)) {
    throw new AppError('AUTH_RESPONSE_INVALID', `The authorization response says it came from ${describeUrlTarget(iss)}, not from ${describeUrlTarget(expected.issuer)} where this sign-in began; nothing was exchanged`)
  }
  if (error !== null) {
    // An error ends the flow whether or not Zoom echoed the state: nothing is accepted from it.
    const description = readableText(params.get('error_description') ?? '', 200)
    const said = description ? `: ${description}` : ''
    const zoomCode = readableText(error, 60)
    const message = `${authorizationErrorMessage(zoomCode)}${said}`
    if (error === 'access_denied') throw new AppError('AUTH_ACCESS_DENIED', message, { zoomCode })
    throw new AppError('AUTH_RESPONSE_INVALID', message, { zoomCode })
  }
  if (state === null) throw new AppError('AUTH_STATE_MISMATCH', 'The authorization response has no state; it cannot be matched to this sign-in, so nothing was exchanged')
  const code = params.get('code')
  if (!code) throw new AppError('AUTH_RESPONSE_INVALID', 'The authorization response has no code')
  if (code.length > 4096) throw new AppError('AUTH_RESPONSE_INVALID', 'The authorization code is too long to be genuine')
  return { code }
}

/**
 * RFC 9207 §2.4 asks for simple string comparison; only a trailing slash is forgiven. The server's
 * `iss` is compared as it comes, but the expected side is a custom cloud's OAuth base as the person
 * typed it (`https://Sandbox.Example.com:443`), so it is first written the way a URL names that
 * server (lower-case host, no default port), as the server itself would.
 */
function sameIssuer(received: string, issuer: string): boolean {
  const trim = (value: string) => value.replace(/\/+$/, '')
  const canonical = URL.canParse(issuer) ? new URL(issuer).href : issuer
  return received !== '' && (trim(received) === trim(issuer) || trim(received) === trim(canonical))
}
