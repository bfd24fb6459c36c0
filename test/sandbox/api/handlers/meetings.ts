// GET /users/{userId}/meetings and GET /meetings/{meetingId}; POST /users/{userId}/meetings,
// PATCH and DELETE /meetings/{meetingId}, with the statuses and error codes Meetings.json gives
// (201 with the meeting, 204 without a body; 404 / 1001 unknown user, 404 / 3001 unknown meeting,
// 400 / 300 for an invalid field). Bodies are checked against the file's request schema first.
import { parseIsoDate, DAY_MS } from '../../clock'
import type { ApiDeps, ApiRequest, Handler } from '../handler'
import { knownUser } from '../known-user'
import { listResponse } from '../list'
import { Errors, ok, zoomError } from '../responses'
import { checkedSessionWrite, isWriteRefusal, locateSession } from './session-write'

const TYPES = new Set(['scheduled', 'live', 'upcoming', 'upcoming_meetings', 'previous_meetings'])

export const listMeetings: Handler = (request, deps) => {
  const u = knownUser(request, deps)
  if (typeof u !== 'number') return u
  const type = request.query.get('type') ?? 'scheduled'
  if (!TYPES.has(type)) return zoomError(400, 300, `Invalid field: type ${type}.`)
  const from = parseIsoDate(request.query.get('from') ?? '')
  const to = parseIsoDate(request.query.get('to') ?? '')
  const book = deps.data.meetings
  const now = deps.clock.now()
  const selected: number[] = []
  for (const n of book.numbers(u)) {
    const recurringNoTime = book.type(u, n) === 3
    const start = book.startMs(u, n)
    const end = start + book.durationMin(u, n) * 60_000
    const keep = type === 'scheduled' ? true
      : type === 'live' ? !recurringNoTime && start <= now && now < end
        : type === 'previous_meetings' ? !recurringNoTime && end <= now
          : recurringNoTime || start >= now
    if (!keep) continue
    if (from !== undefined && !recurringNoTime && start < from) continue
    if (to !== undefined && !recurringNoTime && start >= to + DAY_MS) continue
    selected.push(n)
  }
  selected.sort((a, b) => book.startMs(u, a) - book.startMs(u, b))
  return listResponse(request, deps, {
    path: `/users/${u}/meetings`, total: selected.length, listKey: 'meetings', pageNumber: true,
    item: (k) => JSON.stringify(book.summary(u, selected[k]!)),
  })
}

export const getMeeting: Handler = (request, deps) => {
  const located = locateMeeting(request, deps)
  if ('status' in located) return located
  return ok(deps.data.meetings.detail(located.u, located.n, deps.clock.now()))
}

const WRITABLE_TYPES = new Set([1, 2, 3, 8])

export const createMeeting: Handler = (request, deps) => {
  const u = knownUser(request, deps)
  if (typeof u !== 'number') return u
  const fields = checkedSessionWrite(request, WRITABLE_TYPES)
  if (isWriteRefusal(fields)) return fields
  const made = deps.data.meetings.create(u, fields, deps.clock.now())
  if (made === undefined) return zoomError(400, 3000, 'This user cannot schedule more meetings.')
  return { status: 201, json: JSON.stringify(deps.data.meetings.detail(made.u, made.n, deps.clock.now())) }
}

/** The meeting named by {meetingId} with the scope check, or the answer to send instead. */
const locateMeeting = (request: ApiRequest, deps: ApiDeps) => locateSession(request, request.params.meetingId ?? '', (id) => deps.data.meetings.locate(id), Errors.meetingNotFound)

export const updateMeeting: Handler = (request, deps) => {
  const located = locateMeeting(request, deps)
  if ('status' in located) return located
  const fields = checkedSessionWrite(request, WRITABLE_TYPES)
  if (isWriteRefusal(fields)) return fields
  deps.data.meetings.update(located.u, located.n, fields)
  return { status: 204, json: '' }
}

export const deleteMeeting: Handler = (request, deps) => {
  const located = locateMeeting(request, deps)
  if ('status' in located) return located
  deps.data.meetings.remove(located.u, located.n)
  return { status: 204, json: '' }
}
