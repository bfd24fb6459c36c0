// The `{userId}` of a user-scoped operation, checked the way Zoom answers it: first the token's
// scopes (an own-user scope reaches only the token owner), then 404 / 1001 for no such user.
import { checkScopes } from './access'
import { resolveUserParam, type ApiDeps, type ApiRequest } from './handler'
import { Errors, type ApiResponse } from './responses'

/** The user's index, or the refusal to send instead. */
export function knownUser(request: ApiRequest, deps: ApiDeps): number | ApiResponse {
  const user = resolveUserParam(request, deps)
  const denied = checkScopes(request.op, request.access, user.own)
  if (denied !== undefined) return denied
  return user.index ?? Errors.userNotFound(user.raw)
}
