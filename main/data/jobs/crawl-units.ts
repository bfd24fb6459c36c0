// What one crawl fetches: a single list, or one list per user (and per date window when the
// resource limits from/to), each a "unit" whose failure is recorded without stopping the rest.
// A parameter set to its catalog expansion (users' status `all`) makes each unit several lists,
// one per value, since Zoom lists one value at a time.
import { AppError } from '../../../common/errors'
import type { CrawlInput } from '../../../common/contract/data'
import type { ExpandedParam } from '../../../common/zoom/params'
import { type DateWindow, type ListResource, splitDateWindows } from '../../../common/zoom/catalog'
import type { QueryParams } from '../ports'

export interface CrawlUnit {
  /** How the unit is named in errors: the user's email or id. */
  label: string
  userId?: string
}

/** The queries each unit is fetched with: `params` overlaid with each of `lists`, window by window. */
export interface CrawlQueries {
  params: QueryParams
  lists: QueryParams[]
  windows: (DateWindow | undefined)[]
}

/** Who a per-user crawl covers: every user of the account, or named ones. */
export type UserScope = { kind: 'all' } | { kind: 'listed'; users: CrawlUnit[] }

export function userScope(resource: ListResource, users: CrawlInput['users']): UserScope | undefined {
  if (!resource.perUser) {
    if (users !== undefined) throw new AppError('VALIDATION', `${resource.id} is not listed per user; do not pass users.`)
    return undefined
  }
  if (users === 'all') return { kind: 'all' }
  if (users === undefined || users === 'me') return { kind: 'listed', users: [{ label: 'me', userId: 'me' }] }
  const unique = [...new Set(users)]
  if (unique.length === 0) throw new AppError('VALIDATION', 'Choose at least one user.')
  return { kind: 'listed', users: unique.map((userId) => ({ label: userId, userId })) }
}

/**
 * The from/to windows to request. Resources without a span limit, or requests without both
 * dates (Zoom then applies its own default), are fetched in one go.
 */
export function dateWindows(resource: ListResource, params: QueryParams): (DateWindow | undefined)[] {
  const spec = resource.dateWindow
  const from = spec && params[spec.from]
  const to = spec && params[spec.to]
  if (!spec || typeof from !== 'string' || typeof to !== 'string') return [undefined]
  try {
    return splitDateWindows(from, to, spec.maxDays)
  } catch (error) {
    throw new AppError('VALIDATION', error instanceof Error ? error.message : 'Invalid dates.', { issues: [{ path: spec.from, message: 'Invalid date range' }] })
  }
}

export function withWindow(resource: ListResource, params: QueryParams, window: DateWindow | undefined): QueryParams {
  const spec = resource.dateWindow
  return window && spec ? { ...params, [spec.from]: window.from, [spec.to]: window.to } : params
}

/**
 * The parameter values each unit is listed with, one list per combination of expanded values
 * (`[{}]`: one list with the query as it is). Every value is one Zoom accepts.
 */
export function expandedLists(expand: readonly ExpandedParam[] = []): QueryParams[] {
  return expand.reduce<QueryParams[]>((lists, { name, values }) => lists.flatMap((list) => values.map((value) => ({ ...list, [name]: value }))), [{}])
}
