// Bearer-token and scope checks with Zoom's answers: 401/124 for a missing, invalid, expired or
// revoked token; 400/4711 naming every acceptable scope when none is granted. Scopes without
// `:admin`/`:master` reach only the token owner's own data (`me` or their own id).
import type { IncomingMessage } from 'node:http'
import type { GrantStore, AccessRecord } from '../oauth/grants'
import { isAccountWideScope, type Operation } from './catalog'
import { type ApiResponse, Errors } from './responses'

export type AccessCheck = { ok: true; access: AccessRecord } | { ok: false; response: ApiResponse }

/** `rfc6750`: refusals in the standard form (WWW-Authenticate challenge) instead of Zoom's 124. */
export function checkBearer(req: IncomingMessage, query: URLSearchParams, grants: GrantStore, rfc6750 = false): AccessCheck {
  const header = req.headers.authorization
  if (header === undefined || header.length < 8 || header.slice(0, 7).toLowerCase() !== 'bearer ') {
    // RFC 6750 §3.1: a request without credentials gets a bare challenge, no error code.
    if (rfc6750) return { ok: false, response: bearerChallenge(undefined) }
    // Since Feb 2023 Zoom refuses tokens passed as query parameters on API calls.
    return { ok: false, response: query.has('access_token') ? Errors.tokenInQuery() : Errors.invalidToken() }
  }
  const result = grants.authenticate(header.slice(7).trim())
  if (result.ok) return { ok: true, access: result.record }
  if (rfc6750) return { ok: false, response: bearerChallenge(result.expired ? 'The access token expired' : 'The access token is invalid') }
  return { ok: false, response: result.expired ? Errors.expiredToken() : Errors.invalidToken() }
}

/** RFC 6750 §3: 401 with a Bearer challenge; `error="invalid_token"` when a token was presented. */
function bearerChallenge(description: string | undefined): ApiResponse {
  const challenge = description === undefined ? 'Bearer realm="sandbox"' : `Bearer realm="sandbox", error="invalid_token", error_description="${description}"`
  const body = description === undefined ? {} : { error: 'invalid_token', error_description: description }
  return { status: 401, json: JSON.stringify(body), headers: { 'WWW-Authenticate': challenge } }
}

/**
 * `ownResource`: the request concerns the token owner's own data. Returns an error response when
 * no granted scope allows the call.
 */
export function checkScopes(op: Operation, access: AccessRecord, ownResource: boolean): ApiResponse | undefined {
  return checkAcceptedScopes(op.scopes, access, ownResource)
}

/** The same check for any list of accepted scopes (classic and granular together). */
export function checkAcceptedScopes(scopes: readonly string[], access: AccessRecord, ownResource: boolean): ApiResponse | undefined {
  for (const scope of scopes) {
    if (access.scopes.has(scope) && (ownResource || isAccountWideScope(scope))) return undefined
  }
  return Errors.missingScopes(ownResource ? scopes : scopes.filter(isAccountWideScope))
}
