// GET /users/{userId}/meetings and GET /meetings/{meetingId}; POST /users/{userId}/meetings,
// PATCH and DELETE /meetings/{meetingId}, with the statuses and error codes Meetings.json gives
// (201 with the meeting, 204 without a body; 404 / 1001 unknown user, 404 / 3001 unknown meeting,
// 400 / 300 for an invalid field). Bodies are checked against the file's request schema first.
import { parseIsoDate, DAY_MS } from '../../clock'
import { checkScopes } from '../access'
import type { Handler } from '../handler'
import { resolveUserParam } from '../handler'
import { listResponse } from '../list'
import { Errors, ok, zoomError } from '../responses'
import { checkRequestBody } from '../request-bodies'
import { isWriteRefusal, sessionWrite } from './session-write'

const TYPES = new Set(['scheduled', 'live', 'upcoming', 'upcoming_meetings', 'previous_meetings'])

export const listMeetings: Handler = (request, deps) => {
  const user = resolveUserParam(request, deps)
  const denied = checkScopes(request.op, request.access, user.own)
  if (denied !== undefined) return denied
  if (user.index === undefined) return Errors.userNotFound(user.raw)
  const type = request.query.get('type') ?? 'scheduled'
  if (!TYPES.has(type)) return zoomError(400, 300, `Invalid field: type ${type}.`)
  const from = parseIsoDate(request.query.get('from') ?? '')
  const to = parseIsoDate(request.query.get('to') ?? '')
  const book = deps.data.meetings
  const u = user.index
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
  const raw = request.params.meetingId ?? ''
  const located = /^\d{1,19}$/.test(raw) ? deps.data.meetings.locate(Number(raw)) : undefined
  const denied = checkScopes(request.op, request.access, located !== undefined && located.u === request.access.userIndex)
  if (denied !== undefined) return denied
  if (located === undefined) return Errors.meetingNotFound(raw)
  return ok(deps.data.meetings.detail(located.u, located.n, deps.clock.now()))
}

const WRITABLE_TYPES = new Set([1, 2, 3, 8])



export const createMeeting: Handler = (request, deps) => {
  const user = resolveUserParam(request, deps)
  const denied = checkScopes(request.op, request.access, user.own)
  if (denied !== undefined) return denied
  if (user.index === undefined) return Errors.userNotFound(user.raw)
  const invalid = checkRequestBody(request.op, request.body)
  if (invalid !== undefined) return invalid
  const fields = sessionWrite(request.body, WRITABLE_TYPES)
  if (isWriteRefusal(fields)) return fields
  const made = deps.data.meetings.create(user.index, fields, deps.clock.now())
  if (made === undefined) return zoomError(400, 3000, 'This user cannot schedule more meetings.')
  return { status: 201, json: JSON.stringify(deps.data.meetings.detail(made.u, made.n, deps.clock.now())) }
}

function locateMeeting(raw: string, deps: Parameters<Handler>[1]) {
  return /^\d{1,19}$/.test(raw) ? deps.data.meetings.locate(Number(raw)) : undefined
}

export const updateMeeting: Handler = (request, deps) => {
  const raw = request.params.meetingId ?? ''
  const located = locateMeeting(raw, deps)
  const denied = checkScopes(request.op, request.access, located !== undefined && located.u === request.access.userIndex)
  if (denied !== undefined) return denied
  if (located === undefined) return Errors.meetingNotFound(raw)
  const invalid = checkRequestBody(request.op, request.body)
  if (invalid !== undefined) return invalid
  const fields = sessionWrite(request.body, WRITABLE_TYPES)
  if (isWriteRefusal(fields)) return fields
  deps.data.meetings.update(located.u, located.n, fields)
  return { status: 204, json: '' }
}

export const deleteMeeting: Handler = (request, deps) => {
  const raw = request.params.meetingId ?? ''
  const located = locateMeeting(raw, deps)
  const denied = checkScopes(request.op, request.access, located !== undefined && located.u === request.access.userIndex)
  if (denied !== undefined) return denied
  if (located === undefined) return Errors.meetingNotFound(raw)
  deps.data.meetings.remove(located.u, located.n)
  return { status: 204, json: '' }
}
