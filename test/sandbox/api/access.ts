// Bearer-token and scope checks with Zoom's answers: 401/124 for a missing, invalid, expired or
// revoked token; 400/4711 naming every acceptable scope when none is granted. Scopes without
// `:admin`/`:master` reach only the token owner's own data (`me` or their own id).
import type { IncomingMessage } from 'node:http'
import type { GrantStore, AccessRecord } from '../oauth/grants'
import { isAccountWideScope, type Operation } from './catalog'
import { type ApiResponse, Errors } from './responses'

export type AccessCheck = { ok: true; access: AccessRecord } | { ok: false; response: ApiResponse }

export function checkBearer(req: IncomingMessage, query: URLSearchParams, grants: GrantStore): AccessCheck {
  const header = req.headers.authorization
  if (header === undefined || header.length < 8 || header.slice(0, 7).toLowerCase() !== 'bearer ') {
    // Since Feb 2023 Zoom refuses tokens passed as query parameters on API calls.
    return { ok: false, response: query.has('access_token') ? Errors.tokenInQuery() : Errors.invalidToken() }
  }
  const result = grants.authenticate(header.slice(7).trim())
  if (result.ok) return { ok: true, access: result.record }
  return { ok: false, response: result.expired ? Errors.expiredToken() : Errors.invalidToken() }
}

/**
 * `ownResource`: the request concerns the token owner's own data. Returns an error response when
 * no granted scope allows the call.
 */
export function checkScopes(op: Operation, access: AccessRecord, ownResource: boolean): ApiResponse | undefined {
  for (const scope of op.scopes) {
    if (access.scopes.has(scope) && (ownResource || isAccountWideScope(scope))) return undefined
  }
  return Errors.missingScopes(ownResource ? op.scopes : op.scopes.filter(isAccountWideScope))
}
