// GET /users/{userId}/recordings: a window of at most one month (default today → tomorrow).
// A longer window is cut to one month and the response's from/to say so: the operation
// documents no 400, and the echoed from/to exist for exactly that.
import { DAY_MS, startOfUtcDay } from '../../clock'
import { checkScopes } from '../access'
import { dateWindow } from '../dates'
import type { Handler } from '../handler'
import { knownUser } from '../known-user'
import { listResponse } from '../list'
import { Errors, zoomError } from '../responses'

export const listRecordings: Handler = (request, deps) => {
  const u = knownUser(request, deps)
  if (typeof u !== 'number') return u
  const today = startOfUtcDay(deps.clock.now())
  const parsed = dateWindow(request.query, { now: deps.clock.now(), defaultFrom: today, defaultTo: today + DAY_MS, clampToMonth: true })
  if (!parsed.ok) return parsed.response
  const { window } = parsed
  const library = deps.data.recordings
  // The trash holds what DELETE …/recordings?action=trash moved there.
  let selected = library.inWindow(u, window.fromMs, window.toMs, request.query.get('trash') === 'true')
  const meetingId = request.query.get('meeting_id')
  if (meetingId !== null && meetingId !== '') selected = selected.filter((r) => String(library.meetingId(u, r)) === meetingId)
  const baseUrl = deps.baseUrl()
  return listResponse(request, deps, {
    path: `/users/${u}/recordings`, total: selected.length, listKey: 'meetings',
    head: { from: window.from, to: window.to },
    item: (k) => JSON.stringify(library.meeting(u, selected[k]!, baseUrl)),
  })
}

/**
 * DELETE /meetings/{meetingId}/recordings: `action=trash` (Zoom's default when omitted is
 * `trash`) moves the instance's recording to the trash, `delete` removes it for good; 204 with no
 * body. Errors as Meetings.json documents them: 404 / 3301 when there is no recording, 400 / 300
 * for an unknown action.
 */
export const deleteRecordings: Handler = (request, deps) => {
  const action = request.query.get('action') ?? 'trash'
  if (action !== 'trash' && action !== 'delete') return Errors.validation(`Invalid field: action ${action}.`)
  const library = deps.data.recordings
  const found = library.find(request.params.meetingId ?? '')
  const own = found !== undefined && found.u === request.access.userIndex
  const denied = checkScopes(request.op, request.access, own)
  if (denied !== undefined) return denied
  if (found === undefined || (action === 'trash' && library.isTrashed(found.u, found.r))) return zoomError(404, 3301, 'There is no recording for this meeting.')
  library.remove(found.u, found.r, action)
  return { status: 204, json: '' }
}
