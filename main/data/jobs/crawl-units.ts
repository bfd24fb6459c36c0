// What one crawl fetches: a single list, or one list per parent row (every user's meetings, every
// call queue's members), each a "unit" whose failure is recorded without stopping the rest. Each
// unit may be fetched in date windows (a resource limiting from/to), and a parameter set to its
// catalog expansion (users' status `all`) makes each unit several lists, one per value, since
// Zoom lists one value at a time.
import { AppError } from '../../../common/errors'
import type { CrawlInput } from '../../../common/contract/data'
import type { DateWindow } from '../../../common/zoom/date-windows'
import type { ExpandedParam } from '../../../common/zoom/params'
import type { ListSpec } from '../../../common/zoom/browse/list-spec'
import { isDotSegment } from '../../../common/zoom/paths'

type QueryParams = Record<string, string | number | boolean>

export interface CrawlUnit {
  /** How the unit is named in errors: the user's email or id, the parent row's name or id. */
  label: string
  userId?: string
  /** Path parameters filled for this unit (from parent lists). */
  pathValues?: Record<string, string>
  /** The user's e-mail, once known: added to rows that lack `host_email`. */
  email?: string
  /** Named by the person (e-mail, ID or me): looked up before its lists, for its e-mail. */
  resolve?: boolean
}

/** The queries each unit is fetched with: `params` overlaid with each of `lists`, window by window. */
export interface CrawlQueries {
  params: QueryParams
  lists: QueryParams[]
  windows: (DateWindow | undefined)[]
}

/** Who a per-user crawl covers: every user of the account, or named ones. */
export type UserScope = { kind: 'all' } | { kind: 'listed'; users: CrawlUnit[] }

/** `users` of a crawl: only per-user lists take it; without it, the token's owner ('me'). */
export function userScope(perUser: boolean, path: string, users: CrawlInput['users']): UserScope | undefined {
  if (!perUser) {
    if (users !== undefined) throw new AppError('VALIDATION', `${path} is not listed per user; do not pass users.`)
    return undefined
  }
  if (users === 'all') return { kind: 'all' }
  if (users === undefined || users === 'me') return { kind: 'listed', users: [{ label: 'me', userId: 'me', resolve: true }] }
  // The account-wide listing of a list is a list of its own (the job manager names it for 'account').
  if (users === 'account') throw new AppError('VALIDATION', `${path} has no account-wide listing.`)
  const unique = [...new Set(users.map((user) => user.trim()).filter((user) => user !== ''))]
  if (unique.length === 0) throw new AppError('VALIDATION', 'Choose at least one user.')
  return { kind: 'listed', users: unique.map((userId) => ({ label: userId, userId, resolve: true })) }
}

export function withWindow(spec: Pick<ListSpec, 'dateWindow'>, params: QueryParams, window: DateWindow | undefined): QueryParams {
  const range = spec.dateWindow
  return window && range ? { ...params, [range.from]: window.from, [range.to]: window.to } : params
}

/**
 * The parameter values each unit is listed with, one list per combination of expanded values
 * (`[{}]`: one list with the query as it is). Every value is one Zoom accepts.
 */
export function expandedLists(expand: readonly ExpandedParam[] = []): QueryParams[] {
  return expand.reduce<QueryParams[]>((lists, { name, values }) => lists.flatMap((list) => values.map((value) => ({ ...list, [name]: value }))), [{}])
}

/** A parent row's value for a path parameter (a fan-out's unit, a picker's item): a non-empty string or a number. */
export function fieldValue(row: unknown, field: string): string | undefined {
  if (row === null || typeof row !== 'object') return undefined
  const value = (row as Record<string, unknown>)[field]
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  // Zoom's rows are data, not paths: a "." or ".." would walk up the request's path once encoded.
  return typeof value === 'string' && value !== '' && !isDotSegment(value) ? value : undefined
}
