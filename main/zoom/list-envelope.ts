// A page of one of Zoom's lists: a JSON object whose rows sit under the list's key (`users`,
// `call_logs`, …; some lists use another key in some answers), with the paging fields beside them.
// One reading for every caller (next_page_token and page_number paging, the path-value picker), so
// a malformed answer is refused the same way everywhere.
import { AppError } from '../../common/errors'

export interface ListEnvelope {
  /** The whole answer: next_page_token, page_count, total_records, … */
  envelope: Record<string, unknown>
  /** The rows under the first of `keys` present (none: no rows). */
  rows: unknown[]
}

export const NOT_AN_OBJECT_MESSAGE = 'Zoom answered a list request with something other than a JSON object.'
export const notAListMessage = (key: string): string => `Zoom's answer has a “${key}” that is not a list.`

/** ZOOM_RESPONSE_INVALID for an answer that is not a JSON object, or whose list key holds something other than a list. */
export function readListEnvelope(body: unknown, keys: readonly string[]): ListEnvelope {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new AppError('ZOOM_RESPONSE_INVALID', NOT_AN_OBJECT_MESSAGE)
  const envelope = body as Record<string, unknown>
  const key = keys.find((k) => envelope[k] !== undefined && envelope[k] !== null)
  const rows = key === undefined ? [] : envelope[key]
  if (!Array.isArray(rows)) throw new AppError('ZOOM_RESPONSE_INVALID', notAListMessage(String(key)))
  return { envelope, rows }
}

/**
 * The page token to ask for the next page with; undefined on the last page ('' , null or no
 * token). Zoom's token is text: one of another type (a number, an object) is refused with
 * ZOOM_RESPONSE_INVALID, since read as "no more pages" the list would end short and look whole.
 */
export function listPageTokenOf(envelope: Record<string, unknown>): string | undefined {
  const next = envelope.next_page_token
  if (next === undefined || next === null || next === '') return undefined
  if (typeof next !== 'string') {
    throw new AppError('ZOOM_RESPONSE_INVALID', `Zoom's answer has a next_page_token that is not text (${Array.isArray(next) ? 'a list' : `a ${typeof next}`}), so the next page cannot be asked for; the pages before it were read.`)
  }
  return next
}
