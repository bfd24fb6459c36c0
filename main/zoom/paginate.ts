// next_page_token pagination as an async iterator of pages, at the page size the caller gives
// (the resource's maximum, from the catalog).
//
// Why not got's own `paginate`: an expired or invalid page token (Zoom: HTTP 400, code 300 —
// code 400 on Phone — "The next page token is invalid or expired.", after 15 minutes) must
// restart the listing from the beginning without handing the caller the rows it already has.
//
// Strategy: every yielded row's identity (the first present of the resource's `idKeys`, else the
// row's JSON) is remembered; after a restart the pages are fetched again from the first one and
// rows already yielded are dropped (counted in `skipped`), so the caller sees every row exactly
// once, whatever the ordering or whatever changed meanwhile. Restarts are bounded (`maxRestarts`);
// a token that fails again and again ends with the typed error. Cancellation: the signal is
// passed to every request, and breaking out of the loop stops fetching.
//
// A caller that may try a listing again after a failure (a crawl retrying one unit) passes a
// `cursor`: a page counts as taken once the caller asks for the next one, and the cursor then
// holds the token of the page after it and the rows taken. A new listing with the same cursor
// goes on from there instead of from the first page; if that token has expired meanwhile, the
// restart drops the rows the cursor has, as above.
import { AppError, isAppError } from '../../common/errors'
import type { RateCategory, RateFamily } from '../../common/zoom/rate-limits'
import { fetchListPage, pageCall, type FetchedListPage, type PageBytes, type PageFetcher } from './list-page'
import { PassPages } from './page-budget'
import { listPageTokenOf } from './list-envelope'

export type { PageFetcher } from './list-page'

export type QueryValue = string | number | boolean | undefined
export type Query = Readonly<Record<string, QueryValue>>

export interface PaginateRequest {
  /** Path relative to `/v2`, placeholders filled (`/users/me/meetings`). */
  path: string
  listKey: string
  altListKeys?: readonly string[]
  /** Row identity for de-duplication after a restart; default `['id']`. */
  idKeys?: readonly string[]
  /** `page_size` to send; omitted → not sent. */
  pageSize?: number
  /** page_number paging: the parameter's name (default `page_number`; Commerce's `page_num`). */
  pageNumberParam?: string
  /** False for endpoints without next_page_token (one page). Default true. */
  paginated?: boolean
  searchParams?: Query
  family?: RateFamily
  category?: RateCategory
  signal?: AbortSignal
  /** Restarts after an expired page token before giving up (default 3). */
  maxRestarts?: number
  /** Told when a request has to wait for Zoom's rate limit (a 429 or the limiter holding it) until a time (epoch ms). */
  onRateLimitWait?: (untilMs: number) => void
  /** Where an earlier try of the same listing stopped; advanced as the caller takes pages. */
  cursor?: PageCursor
  /**
   * Pages come as Zoom's bytes (`page.bytes`, no `items`) for a caller that parses and stores the
   * rows in another thread. Rows are then not deduplicated here: only with a cursor that does not
   * remember rows (the caller keeps each row once itself).
   */
  asBytes?: boolean
}

/**
 * How far a listing got, kept by the caller across tries. Only pages the caller has taken (it
 * asked for the next one) move it, so a page cut short by a failure or a cancel is asked again.
 */
export interface PageCursor {
  /** next_page_token of the next page to ask for; '' = the first page. */
  pageToken: string
  /** page_number of the next page to ask for (page_number paging). */
  pageNumber: number
  /** SCIM's startIndex (1-based) of the next row to ask for (start_index paging). */
  startIndex: number
  /**
   * Identities of the rows taken, so a restart after an expired token does not give them again;
   * absent when the caller keeps each row once itself (a dataset's id index), so a listing of
   * millions of rows does not hold every row's identity in memory.
   */
  taken?: Set<string>
}

/** `rememberTaken: false`: the caller drops rows it already has (see PageCursor.taken). */
export function newPageCursor(options: { rememberTaken?: boolean } = {}): PageCursor {
  return { pageToken: '', pageNumber: 1, startIndex: 1, ...(options.rememberTaken === false ? {} : { taken: new Set<string>() }) }
}

export interface ZoomPage<T = unknown> {
  items: T[]
  /** 0-based count of pages yielded so far. */
  index: number
  /** Zoom's total_records (SCIM's totalResults), when present. */
  totalRecords?: number
  /** How often the requests behind this page waited for the rate limiter or got a 429. */
  rateLimitWaits: number
  /** The listing restarted from its first page (expired page token) since the previous page. */
  restarted: boolean
  /** Rows dropped from this page because an earlier page (before a restart) yielded them. */
  skipped: number
  /** The page unparsed (the listing asked `asBytes`): `items` is empty. */
  bytes?: PageBytes
}

export function isExpiredPageToken(error: unknown): boolean {
  if (!isAppError(error) || error.details?.httpStatus !== 400) return false
  const code = Number(error.details.zoomCode)
  const message = error.details.zoomMessage ?? ''
  return (code === 300 || code === 400) && (message === '' || /token/i.test(message))
}

function rowKey(row: unknown, idKeys: readonly string[]): string {
  if (row !== null && typeof row === 'object') {
    const record = row as Record<string, unknown>
    for (const key of idKeys) {
      const v = record[key]
      if (typeof v === 'string' || typeof v === 'number') return `${key}:${v}`
    }
  }
  return `json:${JSON.stringify(row)}`
}

export async function* paginate<T = unknown>(fetcher: PageFetcher, request: PaginateRequest): AsyncGenerator<ZoomPage<T>, void, undefined> {
  const keys = [request.listKey, ...(request.altListKeys ?? [])]
  const idKeys = request.idKeys ?? ['id']
  const paginated = request.paginated ?? true
  const maxRestarts = request.maxRestarts ?? 3
  const cursor = request.cursor ?? newPageCursor()
  const seen = cursor.taken
  const asBytes = request.asBytes ?? false
  if (asBytes && seen) throw new Error('Pages as bytes are not deduplicated: use a cursor that does not remember rows.')
  /** The page tokens of this run through the listing: Zoom never gives the same one twice. */
  const tokens = new Set<string>()
  let pageToken = cursor.pageToken
  let restarts = 0
  let restarted = false
  let index = 0
  const pass = new PassPages(request.path, request.pageSize)
  for (;;) {
    const searchParams: Record<string, QueryValue> = { ...request.searchParams }
    if (request.pageSize !== undefined) searchParams.page_size = request.pageSize
    if (pageToken !== '') searchParams.next_page_token = pageToken
    let page: FetchedListPage
    try {
      page = await fetchListPage(fetcher, pageCall(request, searchParams), keys, asBytes)
    } catch (error) {
      if (pageToken !== '' && restarts < maxRestarts && isExpiredPageToken(error)) {
        restarts++
        restarted = true
        pageToken = ''
        tokens.clear()
        pass.restart()
        cursor.pageToken = ''
        continue
      }
      throw error
    }
    const { envelope, rows } = page
    pass.take(envelope, page.rowCount)
    const items: T[] = []
    const pageKeys = new Set<string>()
    let skipped = 0
    for (const row of rows) {
      const key = rowKey(row, idKeys)
      if (seen?.has(key) || pageKeys.has(key)) skipped++
      else {
        pageKeys.add(key)
        items.push(row as T)
      }
    }
    const total = envelope.total_records
    yield {
      items,
      index: index++,
      ...(typeof total === 'number' ? { totalRecords: total } : {}),
      rateLimitWaits: page.waits,
      restarted,
      skipped,
      ...(page.bytes ? { bytes: page.bytes } : {}),
    }
    // The caller took the page: its rows are given, and a later try starts after it.
    if (seen) for (const key of pageKeys) seen.add(key)
    restarted = false
    const next = paginated ? listPageTokenOf(envelope) : undefined
    if (next === undefined) {
      cursor.pageToken = ''
      return
    }
    // A token leading back to any page already read (not only this one) would be followed forever.
    if (next === pageToken || tokens.has(next)) throw new AppError('ZOOM_RESPONSE_INVALID', 'Zoom returned a next_page_token it had already given; stopping to avoid a loop.')
    tokens.add(next)
    pageToken = next
    cursor.pageToken = next
  }
}
