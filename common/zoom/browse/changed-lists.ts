// Which loaded lists a change sent from the console may have made out of date. A list is touched
// by a change to its own path or anything under it (POST /users/me/meetings for a user's
// meetings, PATCH /users/{id}/status for the users), and, for a list of one owner's items
// (/users/{userId}/meetings), by a change to those items addressed from the top (DELETE
// /meetings/{meetingId}), which is how Zoom's API changes most of them. It says "may": a change
// to another user's meeting flags the meetings list too, since which rows it holds is not known here.
import { apiPathOf } from '../api/match-path'

const isParam = (segment: string): boolean => segment.startsWith('{') && segment.endsWith('}')

/** `/users/{userId}/…` and `/accounts/{accountId}/…`: the owner's part of a list's path. */
const OWNERS = new Set(['users', 'accounts'])

function startsWith(have: readonly string[], want: readonly string[]): boolean {
  return want.length > 0 && have.length >= want.length && want.every((segment, i) => isParam(segment) || segment === have[i])
}

/** Whether a change sent to `changed` (a path or URL as typed) may alter the rows of the list at `template`. */
export function changeTouchesList(template: string, changed: string): boolean {
  const have = apiPathOf(changed).split('/').filter(Boolean)
  const want = template.split('/').filter(Boolean)
  if (startsWith(have, want)) return true
  const owned = want.length > 2 && OWNERS.has(want[0]!) && isParam(want[1]!) ? want.slice(2) : undefined
  return owned !== undefined && startsWith(have, owned)
}
