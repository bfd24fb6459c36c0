// GET /report/daily (Pro plans and up) and GET /report/users (active/inactive hosts).
import { DAY_MS, isoDate, startOfUtcDay } from '../../clock'
import { checkScopes } from '../access'
import { dateWindow } from '../dates'
import type { Handler } from '../handler'
import { listResponse } from '../list'
import { ok, zoomError } from '../responses'

export const reportDaily: Handler = (request, deps) => {
  const denied = checkScopes(request.op, request.access, false)
  if (denied !== undefined) return denied
  if (deps.plan() === 'free') return zoomError(400, 200, `Only available for paid account: ${deps.data.users.accountId}`)
  const now = new Date(deps.clock.now())
  const year = Number(request.query.get('year') ?? now.getUTCFullYear())
  const month = Number(request.query.get('month') ?? now.getUTCMonth() + 1)
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return zoomError(400, 300, 'Invalid field: year or month.')
  const monthsAgo = (now.getUTCFullYear() - year) * 12 + (now.getUTCMonth() + 1 - month)
  if (monthsAgo < 0 || monthsAgo > 6) return zoomError(400, 300, 'The month must be within the last 6 months.')
  const today = startOfUtcDay(now.getTime())
  const dates = []
  for (let day = Date.UTC(year, month - 1, 1); day < Date.UTC(year, month, 1) && day <= today; day += DAY_MS) {
    dates.push({ date: isoDate(day), ...deps.data.reports.daily(day) })
  }
  return ok({ year, month, dates })
}

export const reportUsers: Handler = (request, deps) => {
  const denied = checkScopes(request.op, request.access, false)
  if (denied !== undefined) return denied
  const type = request.query.get('type') ?? 'active'
  if (type !== 'active' && type !== 'inactive') return zoomError(400, 300, `Invalid field: type ${type}.`)
  const now = deps.clock.now()
  const parsed = dateWindow(request.query, { now, defaultFrom: now, defaultTo: now, required: true, lastSixMonths: true })
  if (!parsed.ok) return parsed.response
  const { window } = parsed
  const reports = deps.data.reports
  const users = deps.data.users
  const fromDay = window.fromMs / DAY_MS
  const toDay = window.toMs / DAY_MS - 1
  const hosts = reports.hosts(type, fromDay, toDay)
  return listResponse(request, deps, {
    path: '/report/users', total: hosts.indices.length, listKey: 'users', pageNumber: true, cache: true,
    head: { from: window.from, to: window.to },
    tail: { total_meetings: hosts.totals.meetings, total_participants: hosts.totals.participants, total_meeting_minutes: hosts.totals.minutes },
    item: (k) => {
      const u = hosts.indices[k]!
      const act = reports.activity(u, fromDay, toDay)
      return JSON.stringify({
        id: users.userId(u), email: users.email(u), user_name: `${users.firstName(u)} ${users.lastName(u)}`, type: users.type(u),
        dept: users.dept(u),
        meetings: act?.meetings ?? 0, participants: act?.participants ?? 0, meeting_minutes: act?.minutes ?? 0,
      })
    },
  })
}
