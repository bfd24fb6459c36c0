// GET /users/{userId}/recordings: a window of at most one month (default today → tomorrow).
// A longer window is cut to one month and the response's from/to say so: the operation
// documents no 400, and the echoed from/to exist for exactly that.
import { DAY_MS, startOfUtcDay } from '../../clock'
import { checkScopes } from '../access'
import { dateWindow } from '../dates'
import type { Handler } from '../handler'
import { resolveUserParam } from '../handler'
import { listResponse } from '../list'
import { Errors } from '../responses'

export const listRecordings: Handler = (request, deps) => {
  const user = resolveUserParam(request, deps)
  const denied = checkScopes(request.op, request.access, user.own)
  if (denied !== undefined) return denied
  if (user.index === undefined) return Errors.userNotFound(user.raw)
  const today = startOfUtcDay(deps.clock.now())
  const parsed = dateWindow(request.query, { now: deps.clock.now(), defaultFrom: today, defaultTo: today + DAY_MS, clampToMonth: true })
  if (!parsed.ok) return parsed.response
  const { window } = parsed
  const u = user.index
  const library = deps.data.recordings
  // Nothing is ever in the trash in the sandbox.
  let selected = request.query.get('trash') === 'true' ? [] : library.inWindow(u, window.fromMs, window.toMs)
  const meetingId = request.query.get('meeting_id')
  if (meetingId !== null && meetingId !== '') selected = selected.filter((r) => String(library.meetingId(u, r)) === meetingId)
  const baseUrl = deps.baseUrl()
  return listResponse(request, deps, {
    path: `/users/${u}/recordings`, total: selected.length, listKey: 'meetings',
    head: { from: window.from, to: window.to },
    item: (k) => JSON.stringify(library.meeting(u, selected[k]!, baseUrl)),
  })
}
