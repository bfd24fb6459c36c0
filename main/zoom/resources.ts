// Catalog-aware fetching: a resource id plus parameters in, validated requests at the resource's
// largest page size and rate-limit label out. What main/data's crawls and details call.
import { AppError } from '../../common/errors'
import { DETAIL_RESOURCES, LIST_RESOURCES, expandPath, splitDateWindows } from '../../common/zoom/catalog'
import { daysInclusive } from '../../common/zoom/date-windows'
import { validateResourceParams, type ParamValue } from '../../common/zoom/params'
import type { DetailResourceId, ListResourceId } from '../../common/zoom/resource-ids'
import type { ZoomClient } from './client'
import type { ZoomPage } from './paginate'

export interface ListPagesOptions {
  /** Per-user resources: the user id, email or `me`. */
  userId?: string
  params?: Readonly<Record<string, ParamValue | undefined>>
  signal?: AbortSignal
  /** For the "within the last 6 months" check; default Date.now(). */
  now?: number
  /** Told when a request waits a noticeable time for Zoom's rate limit, with when it goes on. */
  onRateLimitWait?: (untilMs: number) => void
}

function validated(resource: Parameters<typeof validateResourceParams>[0], params: ListPagesOptions['params'], now: number): Record<string, string> {
  const check = validateResourceParams(resource, params ?? {}, { now })
  if (!check.ok) throw new AppError('VALIDATION', check.issues.map((i) => i.message).join('; '), { issues: check.issues })
  // A value like status=all stands for several lists: the crawl job splits it. Sent as it is,
  // Zoom would quietly answer with its default (active users only).
  if (check.expand?.length) throw new AppError('VALIDATION', `${check.expand.map((e) => e.name).join(', ')}: one list at a time here; a crawl splits “all” into its lists.`)
  return check.query
}

/**
 * Every page of a list resource. A from/to range longer than the resource allows (recordings:
 * one month) is fetched window by window, oldest first; `index` counts pages across windows.
 * Rows are de-duplicated within each window's listing (see paginate.ts).
 */
export async function* listPages<T = unknown>(client: ZoomClient, id: ListResourceId, options: ListPagesOptions = {}): AsyncGenerator<ZoomPage<T>, void, undefined> {
  const resource = LIST_RESOURCES[id]
  const query = validated(resource, options.params, options.now ?? Date.now())
  if (resource.perUser && !options.userId) throw new AppError('VALIDATION', `${resource.title} are listed per user: say which user (or “me”).`)
  const path = expandPath(resource.path, options.userId ? { userId: options.userId } : {})
  const window = resource.dateWindow
  const from = window ? query[window.from] : undefined
  const to = window ? query[window.to] : undefined
  const windows = window && from && to && daysInclusive(from, to) > window.maxDays ? splitDateWindows(from, to, window.maxDays) : [undefined]
  let index = 0
  for (const w of windows) {
    const searchParams = w && window ? { ...query, [window.from]: w.from, [window.to]: w.to } : query
    for await (const page of client.paginate<T>({
      path,
      listKey: resource.listKey,
      ...(resource.altListKeys ? { altListKeys: resource.altListKeys } : {}),
      idKeys: resource.idKeys,
      paginated: resource.paginated,
      ...(resource.maxPageSize ? { pageSize: resource.maxPageSize } : {}),
      searchParams,
      family: resource.family,
      category: resource.category,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onRateLimitWait ? { onRateLimitWait: options.onRateLimitWait } : {}),
    })) {
      yield { ...page, index: index++ }
    }
  }
}

/** One user, meeting or webinar. */
export async function getDetail<T = unknown>(
  client: ZoomClient,
  id: DetailResourceId,
  objectId: string,
  options: { params?: Readonly<Record<string, ParamValue | undefined>>; signal?: AbortSignal } = {},
): Promise<T> {
  const resource = DETAIL_RESOURCES[id]
  const query = validated(resource, options.params, Date.now())
  const path = expandPath(resource.path, { [resource.idParam]: objectId })
  return client.get<T>(path, { searchParams: query, family: resource.family, category: resource.category, ...(options.signal ? { signal: options.signal } : {}) })
}
