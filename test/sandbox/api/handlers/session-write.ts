// The fields of a meeting or webinar write the sandbox keeps (Zoom's create and update bodies
// share them: topic, type, start_time, duration, timezone, agenda), or Zoom's 400 / 300 for one
// it cannot keep. Only the types differ: each kind passes the ones that may be written.
import type { MeetingWrite } from '../../data/meetings'
import { checkScopes } from '../access'
import type { ApiRequest } from '../handler'
import { checkRequestBody } from '../request-bodies'
import { Errors, type ApiResponse } from '../responses'

/** A meeting's and a webinar's writable fields are the same. */
export type SessionWrite = MeetingWrite

export function sessionWrite(body: unknown, writableTypes: ReadonlySet<number>): SessionWrite | ApiResponse {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return Errors.validation('Request Body should be a valid JSON object.')
  const b = body as Record<string, unknown>
  const out: SessionWrite = {}
  if (b.topic !== undefined) {
    if (typeof b.topic !== 'string' || b.topic.length > 200) return Errors.validation('Invalid field: topic.')
    out.topic = b.topic
  }
  if (b.type !== undefined) {
    if (typeof b.type !== 'number' || !writableTypes.has(b.type)) return Errors.validation('Invalid field: type.')
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

export const isWriteRefusal = (value: SessionWrite | ApiResponse): value is ApiResponse => 'status' in value && 'json' in value

/** A create or update body: first against the file's request schema, then the fields the sandbox keeps. */
export function checkedSessionWrite(request: ApiRequest, writableTypes: ReadonlySet<number>): SessionWrite | ApiResponse {
  return checkRequestBody(request.op, request.body) ?? sessionWrite(request.body, writableTypes)
}

/**
 * The meeting or webinar named by a path id, scope-checked the way Zoom does (an own-user scope
 * reaches only the owner's sessions), or the answer to send instead: the scope refusal, or
 * notFound (404 / 3001) for an id that is not a number or names no session.
 */
export function locateSession(
  request: ApiRequest,
  raw: string,
  locate: (id: number) => { u: number; n: number } | undefined,
  notFound: (raw: string) => ApiResponse
): { u: number; n: number } | ApiResponse {
  const located = /^\d{1,19}$/.test(raw) ? locate(Number(raw)) : undefined
  const denied = checkScopes(request.op, request.access, located !== undefined && located.u === request.access.userIndex)
  if (denied !== undefined) return denied
  return located ?? notFound(raw)
}
