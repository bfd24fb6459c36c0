// GET /phone/users, GET /phone/call_history and GET /phone/users/{userId}/call_history (with the
// call-history filters call-filters.ts applies).
import { DAY_MS, startOfUtcDay } from '../../clock'
import { checkScopes } from '../access'
import { notEmulated } from '../generic/not-emulated'
import { dateWindow, type DateWindow } from '../dates'
import type { ApiDeps, ApiRequest, Handler } from '../handler'
import { resolveUserParam } from '../handler'
import { listResponse } from '../list'
import { type ApiResponse, Errors, zoomError } from '../responses'
import { ACCOUNT_CALL_RESULTS, callFilterOf, USER_CALL_RESULTS } from './call-filters'

const PHONE_STATUSES = new Set(['activate', 'deactivate', 'pending'])
/** Zoom Phone answers a bad page token with code 400. */
const PHONE_TOKEN_ERROR = 400

export const listPhoneUsers: Handler = (request, deps) => {
  const denied = checkScopes(request.op, request.access, false)
  if (denied !== undefined) return denied
  const q = request.query
  const status = q.get('status') ?? undefined
  if (status !== undefined && !PHONE_STATUSES.has(status)) return zoomError(400, 300, `Invalid field: status ${status}.`)
  const phone = deps.data.phone
  const list = phone.matching({
    ...(status === undefined ? {} : { status }),
    ...(q.get('site_id') ? { siteId: q.get('site_id')! } : {}),
    ...(q.get('department') ? { department: q.get('department')! } : {}),
    ...(q.get('keyword') ? { keyword: q.get('keyword')! } : {}),
  })
  // Zoom's phone users envelope has neither page_count nor page_number.
  return listResponse(request, deps, {
    path: '/phone/users', total: list.length, listKey: 'users', cache: true, badTokenCode: PHONE_TOKEN_ERROR, pageCount: false,
    item: (k) => JSON.stringify(phone.user(list[k]!)),
  })
}

function callWindow(request: ApiRequest, deps: ApiDeps): { ok: true; window: DateWindow } | { ok: false; response: ApiResponse } {
  const now = deps.clock.now()
  const today = startOfUtcDay(now)
  // Default: the last 24 hours, i.e. yesterday and today.
  return dateWindow(request.query, { now, defaultFrom: today - DAY_MS, defaultTo: today, lastSixMonths: true, dateTimes: true, errorCode: PHONE_TOKEN_ERROR })
}

/** Locates the k-th call of a window made of per-day counts. */
function dayIndex(counts: number[], k: number): { day: number; j: number } {
  let rest = k
  for (let day = 0; day < counts.length; day++) {
    if (rest < counts[day]!) return { day, j: rest }
    rest -= counts[day]!
  }
  throw new RangeError('call index out of range')
}

/**
 * Calls of each day in the window, counting today's only up to now; with a filter, only the calls
 * it keeps (`picks`: their places among the day's calls).
 */
function dailyCounts(
  window: DateWindow, now: number, perDay: (dayMs: number) => number, startOf: (dayMs: number, j: number, n: number) => number,
  keep?: (dayMs: number, j: number) => boolean,
): { days: number[]; counts: number[]; picks: (number[] | undefined)[] } {
  const days: number[] = []
  const counts: number[] = []
  const picks: (number[] | undefined)[] = []
  for (let day = window.fromMs; day < window.toMs; day += DAY_MS) {
    if (day > now) break
    const n = perDay(day)
    let visible = n
    if (day + DAY_MS > now) {
      // Calls of a day start in order: binary-search the first one still in the future.
      let lo = 0
      let hi = n
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (startOf(day, mid, n) <= now) lo = mid + 1
        else hi = mid
      }
      visible = lo
    }
    days.push(day)
    if (keep === undefined) {
      counts.push(visible)
      picks.push(undefined)
    } else {
      const kept: number[] = []
      for (let j = 0; j < visible; j++) if (keep(day, j)) kept.push(j)
      counts.push(kept.length)
      picks.push(kept)
    }
  }
  return { days, counts, picks }
}

/** The day and the place among its calls of the k-th call listed. */
function callAt(calls: { days: number[]; counts: number[]; picks: (number[] | undefined)[] }, k: number): { dayMs: number; j: number } {
  const { day, j } = dayIndex(calls.counts, k)
  return { dayMs: calls.days[day]!, j: calls.picks[day]?.[j] ?? j }
}

export const accountCallHistory: Handler = (request, deps) => {
  const denied = checkScopes(request.op, request.access, false)
  if (denied !== undefined) return denied
  const parsed = callWindow(request, deps)
  if (!parsed.ok) return parsed.response
  const filters = callFilterOf(request.query, '/phone/call_history', ACCOUNT_CALL_RESULTS, PHONE_TOKEN_ERROR)
  if (!filters.ok) return filters.response
  const filter = filters.filter
  const synthetic = deps.syntheticCalls
  if (synthetic) {
    // Its records repeat a thousand templates, so a filter would keep a pattern, not a history.
    if (filter !== undefined) return notEmulated('get', '/phone/call_history', 'a filter in the synthetic call history of')
    return listResponse(request, deps, {
      path: '/phone/call_history', total: synthetic.total, listKey: 'call_logs', badTokenCode: PHONE_TOKEN_ERROR,
      head: { from: parsed.window.from, to: parsed.window.to },
      item: (k) => synthetic.item(k),
    })
  }
  const phone = deps.data.phone
  const calls = dailyCounts(parsed.window, deps.clock.now(), (d) => phone.callsOnDay(d), (d, j, n) => phone.callStartMs(d, j, n, phone.callSalt(d)),
    filter && ((d, j) => filter(phone.callFacts(d, j))))
  const total = calls.counts.reduce((a, b) => a + b, 0)
  return listResponse(request, deps, {
    path: '/phone/call_history', total, listKey: 'call_logs', badTokenCode: PHONE_TOKEN_ERROR,
    // Past days never change; a window reaching today grows as the clock moves.
    cache: parsed.window.toMs <= startOfUtcDay(deps.clock.now()),
    head: { from: parsed.window.from, to: parsed.window.to },
    item: (k) => {
      const { dayMs, j } = callAt(calls, k)
      return JSON.stringify(phone.call(dayMs, j, phone.callsOnDay(dayMs)))
    },
  })
}

export const userCallHistory: Handler = (request, deps) => {
  const user = resolveUserParam(request, deps)
  const denied = checkScopes(request.op, request.access, user.own)
  if (denied !== undefined) return denied
  const phone = deps.data.phone
  if (user.index === undefined || !phone.hasPhone(user.index)) return Errors.userNotFound(user.raw)
  const parsed = callWindow(request, deps)
  if (!parsed.ok) return parsed.response
  const filters = callFilterOf(request.query, '/phone/users/{userId}/call_history', USER_CALL_RESULTS, PHONE_TOKEN_ERROR)
  if (!filters.ok) return filters.response
  const filter = filters.filter
  const u = user.index
  const calls = dailyCounts(parsed.window, deps.clock.now(), (d) => phone.userCallsOnDay(u, d), (d, j, n) => phone.callStartMs(d, j, n, phone.callSalt(d, u)),
    filter && ((d, j) => filter(phone.callFacts(d, j, u))))
  const total = calls.counts.reduce((a, b) => a + b, 0)
  return listResponse(request, deps, {
    path: `/phone/users/${u}/call_history`, total, listKey: 'call_logs', badTokenCode: PHONE_TOKEN_ERROR,
    head: { from: parsed.window.from, to: parsed.window.to },
    item: (k) => {
      const { dayMs, j } = callAt(calls, k)
      return JSON.stringify(phone.userCall(dayMs, j, phone.userCallsOnDay(u, dayMs), u))
    },
  })
}
