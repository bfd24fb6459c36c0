// GET /users, GET /users/{userId} (and /users/me), and the user writes below.
import type { UserStatus, UserWrite } from '../../data/users'
import { checkRequestBody } from '../request-bodies'
import { checkScopes } from '../access'
import type { Handler } from '../handler'
import { knownUser } from '../known-user'
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
  const u = knownUser(request, deps)
  if (typeof u !== 'number') return u
  return ok(deps.data.users.detail(u))
}

// POST /users, PATCH and DELETE /users/{userId}, PUT /users/{userId}/status, with the statuses and
// errors Users.json gives them: 201 with { id, first_name, last_name, email, type }, 204 (status:
// 200) without a body; 404 / 1001 unknown user, 409 / 1005 e-mail already used, 400 / 300 for a
// body the request schema refuses, 400 / 200 for an owner's or admin's status, 400 / 1117 for
// disassociating an admin.

/** `create` sends a confirmation e-mail: the user is pending until it is used; the others are active at once. */
const CREATED_STATUS: Record<string, UserStatus> = { create: 'pending', autoCreate: 'active', custCreate: 'active', ssoCreate: 'active' }

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** The fields of PATCH /users/{userId} the sandbox shows (the schema has already checked their types). */
function userFields(body: Record<string, unknown>): UserWrite {
  const out: UserWrite = {}
  for (const name of ['first_name', 'last_name', 'display_name', 'dept', 'timezone', 'job_title', 'location'] as const) {
    const value = text(body[name])
    if (value !== undefined) out[name] = value
  }
  if (typeof body.type === 'number') out.type = body.type
  return out
}

export const createUser: Handler = (request, deps) => {
  const denied = checkScopes(request.op, request.access, false)
  if (denied !== undefined) return denied
  const invalid = checkRequestBody(request.op, request.body)
  if (invalid !== undefined) return invalid
  const body = (request.body ?? {}) as { action?: unknown; user_info?: Record<string, unknown> }
  const status = typeof body.action === 'string' ? CREATED_STATUS[body.action] : undefined
  const info = body.user_info
  const email = text(info?.email)
  if (status === undefined || info === undefined || email === undefined || !/^[^\s@]+@[^\s@]+$/.test(email) || typeof info.type !== 'number') {
    return Errors.validation('Validation Failed.')
  }
  const users = deps.data.users
  if (users.resolve(email) !== undefined) return zoomError(409, 1005, `Email "${email}" has already been used.`)
  const i = users.create({ ...userFields(info), email, type: info.type }, status, deps.clock.now())
  deps.cache.clear()
  return { status: 201, json: JSON.stringify({ id: users.userId(i), first_name: users.firstName(i), last_name: users.lastName(i), email: users.email(i), type: users.type(i) }) }
}

export const updateUser: Handler = (request, deps) => {
  const u = knownUser(request, deps)
  if (typeof u !== 'number') return u
  const invalid = checkRequestBody(request.op, request.body)
  if (invalid !== undefined) return invalid
  deps.data.users.update(u, userFields((request.body ?? {}) as Record<string, unknown>))
  deps.cache.clear()
  return { status: 204, json: '' }
}

export const setUserStatus: Handler = (request, deps) => {
  const u = knownUser(request, deps)
  if (typeof u !== 'number') return u
  const invalid = checkRequestBody(request.op, request.body)
  if (invalid !== undefined) return invalid
  const action = (request.body as { action?: unknown }).action
  if (action !== 'activate' && action !== 'deactivate') return zoomError(400, 300, `The sandbox does not emulate the ${String(action)} action (not emulated).`)
  const users = deps.data.users
  // Users.json: "Zoom Room and Admin users' status cannot be activated or deactivated."
  if (users.isAdmin(u)) return zoomError(400, 200, "Zoom Room and Admin users' status cannot be activated or deactivated.")
  if (users.statusOf(u) === 'pending') return zoomError(400, 300, 'The sandbox does not emulate activating a user who has not confirmed yet (not emulated).')
  users.setStatus(u, action === 'activate' ? 'active' : 'inactive')
  deps.cache.clear()
  // Users.json documents 200 with no body for this operation.
  return { status: 200, json: '' }
}

export const deleteUser: Handler = (request, deps) => {
  const u = knownUser(request, deps)
  if (typeof u !== 'number') return u
  const action = request.query.get('action') ?? 'disassociate'
  if (action !== 'disassociate' && action !== 'delete') return Errors.validation(`Invalid field: action ${action}.`)
  const users = deps.data.users
  // The owner cannot leave the account; Users.json names no message for it, so Zoom's generic one.
  if (users.roleId(u) === '0') return Errors.noPermission()
  if (action === 'disassociate' && users.isAdmin(u)) return zoomError(400, 1117, 'You can not disassociate an Admin user.')
  users.remove(u)
  deps.cache.clear()
  return { status: 204, json: '' }
}
