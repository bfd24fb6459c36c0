// GET /users/{userId}/webinars.
import { checkScopes } from '../access'
import type { Handler } from '../handler'
import { resolveUserParam } from '../handler'
import { listResponse } from '../list'
import { Errors, zoomError } from '../responses'

export const listWebinars: Handler = (request, deps) => {
  const user = resolveUserParam(request, deps)
  const denied = checkScopes(request.op, request.access, user.own)
  if (denied !== undefined) return denied
  if (user.index === undefined) return Errors.userNotFound(user.raw)
  const type = request.query.get('type') ?? 'scheduled'
  if (type !== 'scheduled' && type !== 'upcoming') return zoomError(400, 300, `Invalid field: type ${type}.`)
  const book = deps.data.webinars
  const u = user.index
  if (!book.hasWebinarPlan(u)) {
    return zoomError(400, 200, 'Webinar plan is missing. You must subscribe to the webinar plan and enable webinar for this user in order to perform this action.')
  }
  const now = deps.clock.now()
  const selected: number[] = []
  for (let n = 0, count = book.count(u); n < count; n++) if (type === 'scheduled' || book.startMs(u, n) >= now) selected.push(n)
  selected.sort((a, b) => book.startMs(u, a) - book.startMs(u, b))
  return listResponse(request, deps, {
    path: `/users/${u}/webinars`, total: selected.length, listKey: 'webinars', pageNumber: true,
    item: (k) => JSON.stringify(book.summary(u, selected[k]!)),
  })
}
