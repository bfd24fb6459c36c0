// GET /accounts/{accountId}/recordings: every user's cloud recordings in one listing, as Zoom's API
// reference describes "List recordings of an account" (not in its OpenAPI files; the operation's
// entry in ../catalog.ts quotes the page). What that page says, and what the sandbox does with it:
//   - `me` (or the account's own ID) lists the token's account; it needs account:read:admin or a
//     granular cloud_recording:read:list_account_recordings scope. recording:read:admin works
//     "only for sub accounts", with the sub account's ID: the sandbox has no sub accounts, so any
//     other ID is Zoom's 404 / 2001 "Account does not exist" (the Accounts API's answer);
//   - from/to: at most one month (a longer window is cut to one month and the echoed from/to say
//     so, as the user listing does), "within the past six months" (older: 400 / 300); without
//     them, today only, as the user listing;
//   - next_page_token pages; each meeting carries its host's e-mail.
import { DAY_MS, startOfUtcDay } from '../../clock'
import { checkScopes } from '../access'
import { dateWindow } from '../dates'
import type { Handler } from '../handler'
import { listResponse } from '../list'
import { zoomError } from '../responses'

/** Scopes that list the token's own account: everything but recording:read:admin (sub accounts only). */
const OWN_ACCOUNT_SCOPES = (scopes: readonly string[]) => scopes.filter((scope) => scope !== 'recording:read:admin')

export const listAccountRecordings: Handler = (request, deps) => {
  const raw = request.params.accountId ?? ''
  const users = deps.data.users
  const own = raw === 'me' || raw === users.accountId
  const denied = checkScopes({ ...request.op, scopes: own ? OWN_ACCOUNT_SCOPES(request.op.scopes) : request.op.scopes }, request.access, false)
  if (denied !== undefined) return denied
  if (!own) return zoomError(404, 2001, `Account does not exist: ${raw}.`)
  const now = deps.clock.now()
  const today = startOfUtcDay(now)
  const parsed = dateWindow(request.query, { now, defaultFrom: today, defaultTo: today + DAY_MS, clampToMonth: true, lastSixMonths: true })
  if (!parsed.ok) return parsed.response
  const { window } = parsed
  const library = deps.data.recordings
  const found: { u: number; r: number; start: number }[] = []
  for (let u = 0; u < users.count; u++) {
    if (!users.exists(u)) continue
    for (const r of library.inWindow(u, window.fromMs, window.toMs)) found.push({ u, r, start: library.startMs(u, r) })
  }
  // Newest first across the account, as each user's listing is.
  found.sort((a, b) => b.start - a.start || a.u - b.u)
  const baseUrl = deps.baseUrl()
  return listResponse(request, deps, {
    path: '/accounts/me/recordings', total: found.length, listKey: 'meetings',
    head: { from: window.from, to: window.to },
    item: (k) => {
      const { u, r } = found[k]!
      return JSON.stringify({ ...library.meeting(u, r, baseUrl), host_email: users.email(u) })
    },
  })
}
