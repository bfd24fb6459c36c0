// The call-history filters the sandbox applies: `directions`, `call_results` and
// `recording_status`, as Zoom's Phone file documents them for GET /phone/call_history
// (accountCallHistory) and GET /phone/users/{userId}/call_history (phoneUserCallHistory). The two
// array filters are OpenAPI query arrays with the default serialisation (form, exploded), so
// several values come as the parameter repeated (`directions=inbound&directions=outbound`); a
// value outside the file's enum (a comma-joined pair included) is refused as Zoom refuses a bad
// field. The other filters the file lists are not applied: a request that sets one is refused as
// not emulated, rather than answered with every call as if Zoom had ignored it.
import type { CallFacts } from '../../data/phone'
import { notEmulated } from '../generic/not-emulated'
import { type ApiResponse, zoomError } from '../responses'

/**
 * Phone.json's other query filters of both call histories, each with the value that means "no
 * filter" where the file gives a default (time_type start_time, with_voicemail false): that value
 * asks for nothing the sandbox does not do.
 */
const UNAPPLIED: ReadonlyMap<string, string | undefined> = new Map([
  ['keyword', undefined],
  ['connect_types', undefined],
  ['number_types', undefined],
  ['call_types', undefined],
  ['extension_types', undefined],
  ['group_ids', undefined],
  ['site_ids', undefined],
  ['department', undefined],
  ['cost_center', undefined],
  ['time_type', 'start_time'],
  ['with_voicemail', 'false'],
])

const DIRECTIONS = ['inbound', 'outbound']
const RECORDING_STATUSES = ['recorded', 'non_recorded']

/** `call_results` of the account's call history, as Phone.json enumerates them. */
export const ACCOUNT_CALL_RESULTS = [
  'answered', 'accepted', 'picked_up', 'connected', 'succeeded', 'voicemail', 'hang_up', 'canceled', 'call_failed', 'unconnected',
  'rejected', 'busy', 'ring_timeout', 'overflowed', 'no_answer', 'invalid_key', 'invalid_operation', 'abandoned', 'system_blocked', 'service_unavailable',
] as const

/** `call_results` of one user's call history: Phone.json lists fewer (and `blocked`). */
export const USER_CALL_RESULTS = ['answered', 'connected', 'voicemail', 'hang_up', 'no_answer', 'invalid_operation', 'abandoned', 'blocked', 'service_unavailable'] as const

/** Which calls a request keeps; undefined when it sets none of the filters. */
export type CallFilter = ((facts: CallFacts) => boolean) | undefined

export function callFilterOf(query: URLSearchParams, path: string, callResults: readonly string[], errorCode: number): { ok: true; filter: CallFilter } | { ok: false; response: ApiResponse } {
  for (const [name, noFilter] of UNAPPLIED) {
    const asked = query.getAll(name).filter((value) => value !== '' && value !== noFilter)
    if (asked.length > 0) return { ok: false, response: notEmulated('get', path, `the filter "${name}" of`) }
  }
  const checked = (name: string, allowed: readonly string[], values: string[]): { ok: true; set?: Set<string> } | { ok: false; response: ApiResponse } => {
    const bad = values.find((v) => !allowed.includes(v))
    if (bad !== undefined) return { ok: false, response: zoomError(400, errorCode, `Invalid field: ${name} ${bad}.`) }
    return values.length === 0 ? { ok: true } : { ok: true, set: new Set(values) }
  }
  const directions = checked('directions', DIRECTIONS, query.getAll('directions').filter(Boolean))
  if (!directions.ok) return directions
  const results = checked('call_results', callResults, query.getAll('call_results').filter(Boolean))
  if (!results.ok) return results
  const recording = checked('recording_status', RECORDING_STATUSES, query.getAll('recording_status').filter(Boolean).slice(-1))
  if (!recording.ok) return recording
  const d = directions.set
  const r = results.set
  const rec = recording.set
  if (d === undefined && r === undefined && rec === undefined) return { ok: true, filter: undefined }
  return {
    ok: true,
    filter: (facts) => (d === undefined || d.has(facts.direction)) && (r === undefined || r.has(facts.result)) && (rec === undefined || rec.has(facts.recordingStatus)),
  }
}
