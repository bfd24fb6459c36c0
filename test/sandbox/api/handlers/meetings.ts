// GET /users/{userId}/meetings and GET /meetings/{meetingId}.
import { parseIsoDate, DAY_MS } from '../../clock'
import { checkScopes } from '../access'
import type { Handler } from '../handler'
import { resolveUserParam } from '../handler'
import { listResponse } from '../list'
import { Errors, ok, zoomError } from '../responses'

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
  for (let n = 0, count = book.count(u); n < count; n++) {
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
