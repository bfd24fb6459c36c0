// What one crawl fetches: a single list, or one list per user (and per date window when the
// resource limits from/to), each a "unit" whose failure is recorded without stopping the rest.
// A parameter set to its catalog expansion (users' status `all`) makes each unit several lists,
// one per value, since Zoom lists one value at a time.
import { AppError } from '../../../common/errors'
import type { CrawlInput } from '../../../common/contract/data'
import type { ExpandedParam } from '../../../common/zoom/params'
import { type DateWindow, type ListResource, splitDateWindows } from '../../../common/zoom/catalog'
import type { QueryParams } from '../ports'
import { ACCOUNT_LISTING_RESOURCE } from '../../../common/zoom/account-recordings'
import { accountRecordingsQuery } from '../../zoom/account-recordings'

export interface CrawlUnit {
  /** How the unit is named in errors: the user's email or id. */
  label: string
  userId?: string
  /** The user's e-mail, once known: added to rows that lack `host_email`. */
  email?: string
  /** Named by the person (e-mail, ID or me): looked up before its lists, for its e-mail. */
  resolve?: boolean
  /** The whole account's rows in one listing (see accountWideUnit). */
  accountWide?: boolean
}

/** The queries each unit is fetched with: `params` overlaid with each of `lists`, window by window. */
export interface CrawlQueries {
  params: QueryParams
  lists: QueryParams[]
  windows: (DateWindow | undefined)[]
}

/** Who a per-user crawl covers: every user of the account, or named ones. */
export type UserScope = { kind: 'all' } | { kind: 'listed'; users: CrawlUnit[] }

export function userScope(resource: ListResource, users: CrawlInput['users'], params: QueryParams = {}): UserScope | undefined {
  if (!resource.perUser) {
    if (users !== undefined) throw new AppError('VALIDATION', `${resource.id} is not listed per user; do not pass users.`)
    return undefined
  }
  if (users === 'all') return { kind: 'all' }
  if (users === 'account') return { kind: 'listed', users: [accountWideUnit(resource, params)] }
  if (users === undefined || users === 'me') return { kind: 'listed', users: [{ label: 'me', userId: 'me', resolve: true }] }
  const unique = [...new Set(users.map((user) => user.trim()).filter((user) => user !== ''))]
  if (unique.length === 0) throw new AppError('VALIDATION', 'Choose at least one user.')
  return { kind: 'listed', users: unique.map((userId) => ({ label: userId, userId, resolve: true })) }
}

/**
 * The one unit of an account-wide crawl: the account's listing of every user's rows (Zoom has one
 * for cloud recordings), whose rows carry their host's e-mail already. Its pages come from the page
 * source's account-wide listing instead of a per-user one. Parameters the listing does not take
 * are refused here, before the crawl starts.
 */
export function accountWideUnit(resource: ListResource, params: QueryParams): CrawlUnit {
  if (resource.id !== ACCOUNT_LISTING_RESOURCE) throw new AppError('VALIDATION', `${resource.title} have no account-wide listing: choose every user instead.`)
  accountRecordingsQuery(params)
  return { label: 'the whole account', accountWide: true }
}

/**
 * Rows of a per-user list with the host's e-mail: Zoom's meeting, webinar and recording lists
 * give only `host_id`, and the grid, the filter and the exports should show who it is. A row that
 * has its own `host_email` keeps it; the others get a copy with the unit's e-mail added.
 */
export function withHostEmail(items: readonly unknown[], email: string): unknown[] {
  return items.map((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item
    const host = (item as { host_email?: unknown }).host_email
    return typeof host === 'string' && host !== '' ? item : { ...(item as Record<string, unknown>), host_email: email }
  })
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
