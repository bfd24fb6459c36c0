// A page of one of SCIM2's lists (`/scim2/Users`, `/scim2/Groups`), as RFC 7644 and Zoom's file
// say it is asked for and answered; the rows themselves are the responder's generated items.
//
// Where each behaviour comes from:
// - `startIndex` is the 1-based index of the first row; a value below 1 is taken as 1
//   (RFC 7644 §3.4.2.4). Text that is no number is not described anywhere: taken as the default, 1.
// - `count` is the largest number of rows wanted; a negative one is taken as 0, and 0 answers
//   only the total (RFC 7644 §3.4.2.4). Zoom's file caps it at its `maximum` (100) and gives its
//   `default` (1) for a request without one.
// - The answer: `schemas` ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], `totalResults`
//   the whole list's count (after the filter), `startIndex` as applied, `itemsPerPage` the rows on
//   this page, the rows under `Resources` (RFC 7644 §3.4.2.4; the properties of Zoom's file).
// - `filter`: only `<attribute> eq "<text>"` on the attribute each list is known by (a user's
//   userName, a group's displayName) is followed, compared without regard to case as RFC 7643
//   declares both attributes (`caseExact: false`) and RFC 7644 §3.4.2.2 says `eq` compares. Any
//   other filter (other operators, attributes, `and`/`or`, Zoom's own unquoted example) is refused
//   as not emulated rather than answered with a guess.
import type { ApiOperation } from '../../../../common/zoom/api/types'
import type { ApiResponse } from '../responses'
import { notEmulated } from './not-emulated'

export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse'

/** The attribute an `eq` filter may name, per list. */
const FILTERABLE: Readonly<Record<string, string>> = { '/scim2/Users': 'userName', '/scim2/Groups': 'displayName' }

/** `attribute eq "text"`, the text a JSON string (RFC 7644 §3.4.2.2: compValue is a JSON literal). */
const EQ_FILTER = /^\s*([A-Za-z][\w.-]*)\s+eq\s+("(?:[^"\\]|\\.)*")\s*$/i

export type ScimFilter = { attribute: string; value: string } | undefined

/** The filter to apply (undefined: none), or the refusal for one the sandbox does not follow. */
export function scimFilterOf(op: ApiOperation, query: URLSearchParams): { ok: true; filter: ScimFilter } | { ok: false; response: ApiResponse } {
  const text = query.get('filter')
  if (text === null || text.trim() === '') return { ok: true, filter: undefined }
  const refuse = () => ({ ok: false as const, response: notEmulated('get', op.path, `the filter ${JSON.stringify(text)} on`) })
  const match = EQ_FILTER.exec(text)
  const attribute = FILTERABLE[op.path]
  if (!match || attribute === undefined || match[1]!.toLowerCase() !== attribute.toLowerCase()) return refuse()
  let value: unknown
  try {
    value = JSON.parse(match[2]!)
  } catch {
    return refuse()
  }
  return { ok: true, filter: { attribute, value: String(value) } }
}

/** Whether a generated row passes the filter. */
export function passesScimFilter(row: unknown, filter: ScimFilter): boolean {
  if (filter === undefined) return true
  const value = (row as Record<string, unknown> | null)?.[filter.attribute]
  return typeof value === 'string' && value.toLowerCase() === filter.value.toLowerCase()
}

/** A whole number from the query, or undefined for none or text that is no integer. */
function integerOf(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name)
  if (raw === null || !/^\s*-?\d+\s*$/.test(raw)) return undefined
  return Number(raw)
}

/** The page asked for: 0-based offset and how many rows, per the rules above. */
export function scimWindowOf(op: ApiOperation, query: URLSearchParams): { startIndex: number; count: number } {
  const countParam = op.params.find((p) => p.in === 'query' && p.name === 'count')?.schema
  const max = typeof countParam?.maximum === 'number' ? countParam.maximum : Infinity
  const fallback = typeof countParam?.default === 'number' ? countParam.default : max
  const startIndex = Math.max(1, integerOf(query, 'startIndex') ?? 1)
  const count = Math.min(max, Math.max(0, integerOf(query, 'count') ?? fallback))
  return { startIndex, count }
}

/** The ListResponse of `rows` (every row the filter passed), for the window asked. */
export function scimListResponse(rows: readonly unknown[], window: { startIndex: number; count: number }): ApiResponse {
  const page = rows.slice(window.startIndex - 1, window.startIndex - 1 + window.count)
  return {
    status: 200,
    json: JSON.stringify({ schemas: [LIST_RESPONSE_SCHEMA], totalResults: rows.length, startIndex: window.startIndex, itemsPerPage: page.length, Resources: page }),
  }
}
