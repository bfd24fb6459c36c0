// What one crawl fetches: a single list, or one list per user (and per date window when the
// resource limits from/to), each a "unit" whose failure is recorded without stopping the rest.
import { AppError } from '../../../common/errors'
import type { CrawlInput } from '../../../common/contract/data'
import type { CrawlResource, DateWindow, QueryParams, ResourceCatalogPort } from '../ports'

export interface CrawlUnit {
  /** How the unit is named in errors: the user's email or id. */
  label: string
  userId?: string
}

/** Who a per-user crawl covers: every user of the account, or named ones. */
export type UserScope = { kind: 'all' } | { kind: 'listed'; users: CrawlUnit[] }

export function userScope(resource: CrawlResource, users: CrawlInput['users']): UserScope | undefined {
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
 * from and to (Zoom then applies its own default), are fetched in one go.
 */
export function dateWindows(catalog: ResourceCatalogPort, resource: CrawlResource, params: QueryParams): (DateWindow | undefined)[] {
  const { from, to } = params
  if (!resource.maxWindowDays || typeof from !== 'string' || typeof to !== 'string') return [undefined]
  if (from > to) throw new AppError('VALIDATION', `"from" (${from}) is after "to" (${to}).`)
  const windows = catalog.splitDateWindows(resource.id, from, to)
  return windows.length > 0 ? windows : [undefined]
}

export const withWindow = (params: QueryParams, window: DateWindow | undefined): QueryParams => (window ? { ...params, from: window.from, to: window.to } : params)
