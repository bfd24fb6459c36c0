// GET /users, GET /users/{userId} (and /users/me).
import { checkScopes } from '../access'
import type { Handler } from '../handler'
import { pageEnvelope, resolveUserParam } from '../handler'
import { pageInfo, pageSizeOf, resultSetKey } from '../pagination'
import { Errors, ok, zoomError } from '../responses'
import type { UserStatus } from '../../data/users'

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
  const pageSize = pageSizeOf(query, request.op.maxPageSize ?? 300)
  const setKey = resultSetKey('/users', query)
  const start = deps.pageTokens.start(setKey, query, pageSize)
  if (!start.ok) return Errors.badPageToken()
  const page = pageInfo(deps.pageTokens, setKey, start.offset, pageSize, indices.length)
  const items = deps.cache.get(`${setKey}|${page.offset}|${pageSize}`, () => {
    const slice = indices.subarray(Math.min(page.offset, indices.length), Math.min(page.offset + pageSize, indices.length))
    const parts = new Array<string>(slice.length)
    for (let k = 0; k < slice.length; k++) parts[k] = users.summaryJson(slice[k]!, includeFields)
    return `[${parts.join(',')}]`
  })
  return {
    status: 200,
    json: pageEnvelope({
      page_count: page.pageCount, page_number: page.pageNumber, page_size: pageSize,
      total_records: page.total, next_page_token: page.nextPageToken,
    }, 'users', items),
  }
}

export const getUser: Handler = (request, deps) => {
  const user = resolveUserParam(request, deps)
  const denied = checkScopes(request.op, request.access, user.own)
  if (denied !== undefined) return denied
  if (user.index === undefined) return Errors.userNotFound(user.raw)
  return ok(deps.data.users.detail(user.index))
}
