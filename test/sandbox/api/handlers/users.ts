// GET /users, GET /users/{userId} (and /users/me).
import type { UserStatus } from '../../data/users'
import { checkScopes } from '../access'
import type { Handler } from '../handler'
import { resolveUserParam } from '../handler'
import { listResponse } from '../list'
import { Errors, ok, zoomError } from '../responses'

const STATUSES = new Set(['active', 'inactive', 'pending'])
const INCLUDE_FIELDS = new Set(['custom_attributes', 'host_key'])

export const listUsers: Handler = (request, deps) => {
  const denied = checkScopes(request.op, request.access, false)
  if (denied !== undefined) return denied
  const { query } = request
  const status = query.get('status') ?? 'active'
  if (!STATUSES.has(status)) return zoomError(400, 300, `Invalid field: status ${status}.`)
  const includeFields = query.get('include_fields') ?? undefined
  if (includeFields !== undefined && !INCLUDE_FIELDS.has(includeFields)) return zoomError(400, 300, `Invalid field: include_fields ${includeFields}.`)
  const users = deps.data.users
  const indices = users.indices(status as UserStatus, query.get('role_id') ?? undefined)
  return listResponse(request, deps, {
    path: '/users', total: indices.length, listKey: 'users', pageNumber: true, cache: true,
    item: (k) => users.summaryJson(indices[k]!, includeFields),
  })
}

export const getUser: Handler = (request, deps) => {
  const user = resolveUserParam(request, deps)
  const denied = checkScopes(request.op, request.access, user.own)
  if (denied !== undefined) return denied
  if (user.index === undefined) return Errors.userNotFound(user.raw)
  return ok(deps.data.users.detail(user.index))
}
