// GET /users/{userId}/webinars; POST /users/{userId}/webinars, PATCH and DELETE
// /webinars/{webinarId}, with the statuses and errors Meetings.json gives them: 201 with the
// webinar, 204 without a body; 400 / 200 "Webinar plan is missing" for a user without the add-on,
// 404 / 1001 unknown user, 404 / 3001 unknown webinar, 400 / 300 for a body the request schema
// refuses (then the fields the sandbox keeps are checked as the meetings' are).
import { checkScopes } from '../access'
import type { ApiDeps, ApiRequest, Handler } from '../handler'
import { resolveUserParam } from '../handler'
import { knownUser } from '../known-user'
import { listResponse } from '../list'
import { checkedSessionWrite, isWriteRefusal, locateSession } from './session-write'
import { zoomError } from '../responses'

const planMissing = () =>
  zoomError(400, 200, 'Webinar plan is missing. You must subscribe to the webinar plan and enable webinar for this user in order to perform this action.')
const webinarNotFound = (id: string) => zoomError(404, 3001, `Webinar does not exist: ${id}.`)

export const listWebinars: Handler = (request, deps) => {
  const u = knownUser(request, deps)
  if (typeof u !== 'number') return u
  const type = request.query.get('type') ?? 'scheduled'
  if (type !== 'scheduled' && type !== 'upcoming') return zoomError(400, 300, `Invalid field: type ${type}.`)
  const book = deps.data.webinars
  if (!book.hasWebinarPlan(u)) return planMissing()
  const now = deps.clock.now()
  const selected: number[] = []
  for (const n of book.numbers(u)) if (type === 'scheduled' || book.startMs(u, n) >= now) selected.push(n)
  selected.sort((a, b) => book.startMs(u, a) - book.startMs(u, b))
  return listResponse(request, deps, {
    path: `/users/${u}/webinars`, total: selected.length, listKey: 'webinars', pageNumber: true,
    item: (k) => JSON.stringify(book.summary(u, selected[k]!)),
  })
}

/** Webinar types a write may set: 5 webinar, 6 recurring with no fixed time, 9 recurring with a fixed time. */
const WRITABLE_TYPES = new Set([5, 6, 9])

export const createWebinar: Handler = (request, deps) => {
  const user = resolveUserParam(request, deps)
  const denied = checkScopes(request.op, request.access, user.own)
  if (denied !== undefined) return denied
  // Meetings.json: "User {userId} does not exist." for this operation.
  if (user.index === undefined) return zoomError(404, 1001, `User ${user.raw} does not exist.`)
  if (!deps.data.webinars.hasWebinarPlan(user.index)) return planMissing()
  const fields = checkedSessionWrite(request, WRITABLE_TYPES)
  if (isWriteRefusal(fields)) return fields
  const made = deps.data.webinars.create(user.index, fields, deps.clock.now())
  if (made === undefined) return zoomError(400, 3000, 'This user cannot schedule more webinars.')
  return { status: 201, json: JSON.stringify(deps.data.webinars.detail(made.u, made.n)) }
}

/** The webinar named by {webinarId} with the scope check, or the answer to send instead. */
const locateWebinar = (request: ApiRequest, deps: ApiDeps) => locateSession(request, request.params.webinarId ?? '', (id) => deps.data.webinars.locate(id), webinarNotFound)

export const updateWebinar: Handler = (request, deps) => {
  const located = locateWebinar(request, deps)
  if ('status' in located) return located
  const fields = checkedSessionWrite(request, WRITABLE_TYPES)
  if (isWriteRefusal(fields)) return fields
  deps.data.webinars.update(located.u, located.n, fields)
  return { status: 204, json: '' }
}

export const deleteWebinar: Handler = (request, deps) => {
  const located = locateWebinar(request, deps)
  if ('status' in located) return located
  deps.data.webinars.remove(located.u, located.n)
  return { status: 204, json: '' }
}
