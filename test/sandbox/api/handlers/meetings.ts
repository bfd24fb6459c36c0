// GET /users/{userId}/meetings and GET /meetings/{meetingId}; POST /users/{userId}/meetings,
// PATCH and DELETE /meetings/{meetingId}, with the statuses and error codes Meetings.json gives
// (201 with the meeting, 204 without a body; 404 / 1001 unknown user, 404 / 3001 unknown meeting,
// 400 / 300 for an invalid field). Bodies are checked against the file's request schema first.
import { parseIsoDate, DAY_MS } from '../../clock'
import { checkScopes } from '../access'
import type { Handler } from '../handler'
import { resolveUserParam } from '../handler'
import { listResponse } from '../list'
import { Errors, ok, zoomError, type ApiResponse } from '../responses'
import type { MeetingWrite } from '../../data/meetings'
import { checkRequestBody } from '../request-bodies'

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

/** The fields of a meeting write the sandbox keeps, or Zoom's 400 / 300 for an invalid one. */
function meetingWrite(body: unknown): MeetingWrite | ApiResponse {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return Errors.validation('Request Body should be a valid JSON object.')
  const b = body as Record<string, unknown>
  const out: MeetingWrite = {}
  if (b.topic !== undefined) {
    if (typeof b.topic !== 'string' || b.topic.length > 200) return Errors.validation('Invalid field: topic.')
    out.topic = b.topic
  }
  if (b.type !== undefined) {
    if (typeof b.type !== 'number' || !WRITABLE_TYPES.has(b.type)) return Errors.validation('Invalid field: type.')
    out.type = b.type
  }
  if (b.start_time !== undefined) {
    if (typeof b.start_time !== 'string' || Number.isNaN(Date.parse(b.start_time))) return Errors.validation('Invalid field: start_time.')
    out.start_time = new Date(Date.parse(b.start_time)).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }
  if (b.duration !== undefined) {
    if (typeof b.duration !== 'number' || !Number.isInteger(b.duration) || b.duration < 0) return Errors.validation('Invalid field: duration.')
    out.duration = b.duration
  }
  if (b.timezone !== undefined) {
    if (typeof b.timezone !== 'string') return Errors.validation('Invalid field: timezone.')
    out.timezone = b.timezone
  }
  if (b.agenda !== undefined) {
    if (typeof b.agenda !== 'string' || b.agenda.length > 2000) return Errors.validation('Invalid field: agenda.')
    out.agenda = b.agenda
  }
  return out
}

const isResponse = (value: MeetingWrite | ApiResponse): value is ApiResponse => 'status' in value && 'json' in value

export const createMeeting: Handler = (request, deps) => {
  const user = resolveUserParam(request, deps)
  const denied = checkScopes(request.op, request.access, user.own)
  if (denied !== undefined) return denied
  if (user.index === undefined) return Errors.userNotFound(user.raw)
  const invalid = checkRequestBody(request.op, request.body)
  if (invalid !== undefined) return invalid
  const fields = meetingWrite(request.body)
  if (isResponse(fields)) return fields
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
  const fields = meetingWrite(request.body)
  if (isResponse(fields)) return fields
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
